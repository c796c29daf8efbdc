"""Pages of the practices app: practice examples (practice.py) and tips (tip.py)."""
