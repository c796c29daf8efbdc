"""Kennisportaal: the project package (settings, URLs, Celery app, cross-cutting helpers)."""

from kennisportaal.celery import app as celery_app

__all__ = ["celery_app"]
