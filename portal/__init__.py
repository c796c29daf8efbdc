"""The top floor: pages that compose several apps."""
