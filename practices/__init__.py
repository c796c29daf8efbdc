"""Practices: practice examples, tips, and the moderation log they share with events."""
