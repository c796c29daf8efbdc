"""Coalitions: regions, coalitions and their partners, themes and learning networks."""
