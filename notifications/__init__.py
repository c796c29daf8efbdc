"""Notifications: the email outbox, the only way email leaves the portal.

It sits below the domain apps, so any domain function can queue mail in its own transaction.
"""
