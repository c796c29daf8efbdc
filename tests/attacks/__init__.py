"""Attacks tried, as tests: one file per category (issue 12)."""
