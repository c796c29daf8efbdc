"""Demo data: the world of the seed articles plus generated volume, and its loader."""
