"""Database helpers that know no app."""

from contextlib import contextmanager

from django.db import connections
from django.db.backends.postgresql.base import ServerBindingCursor


@contextmanager
def server_side_binding(using: str = "default"):
    """Statements in this block send their parameters apart from the SQL text (PostgreSQL, psycopg 3's
    server-side binding) instead of quoting each one into it, as Django does by default. For a bulk INSERT of
    long texts, such as a digest batch's outbox rows, quoting hundreds of kilobytes into the statement and
    PostgreSQL parsing them back cost more than the insert itself. On other databases nothing changes."""
    connection = connections[using]
    if connection.vendor != "postgresql":
        yield
        return
    connection.ensure_connection()
    raw = connection.connection
    previous = raw.cursor_factory
    raw.cursor_factory = ServerBindingCursor
    try:
        yield
    finally:
        raw.cursor_factory = previous
