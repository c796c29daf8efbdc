"""Moderation shared by practices, tips and events: states, transitions, flags and the log."""
