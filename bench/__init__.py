"""Benchmarks for Kennisportaal: a large data set and requests/s of the main pages (see README.md)."""
