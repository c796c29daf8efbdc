"""Pages that compose several apps, one module per audience."""
