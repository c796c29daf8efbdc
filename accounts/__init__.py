"""Accounts: the user model (email is the login) and the allauth integration."""
