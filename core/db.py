"""Database helpers that know no app."""

import re
from contextlib import contextmanager

from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.backends.postgresql.base import ServerBindingCursor
from django.db.models.lookups import In

# A placeholder or an escaped percent sign, in the order they come: "%%s" is a literal "%s", not a placeholder.
_PLACEHOLDER_OR_PERCENT = re.compile(r"%(%|s)")


def _binary_placeholders(sql: str) -> str:
    return _PLACEHOLDER_OR_PERCENT.sub(lambda match: "%%" if match[1] == "%" else "%b", sql)


class BinaryServerBindingCursor(ServerBindingCursor):
    """psycopg 3's server-side binding, every parameter sent in binary format (``%b`` for Django's ``%s``).

    Django's bulk INSERT on PostgreSQL sends one array per column (``UNNEST``). In text format psycopg writes an
    array of long texts as a literal with every double quote and backslash escaped by a regular expression, and
    PostgreSQL parses it back; in binary format each text goes as it is, with its length (1,000 HTML bodies:
    2 ms instead of 720 ms on the machine of issue 13)."""

    def execute(self, query, params=None, **kwargs):
        if params and isinstance(query, str):
            query = _binary_placeholders(query)
        return super().execute(query, params, **kwargs)

    def executemany(self, query, params_seq, **kwargs):
        if isinstance(query, str):
            query = _binary_placeholders(query)
        return super().executemany(query, params_seq, **kwargs)


@contextmanager
def server_side_binding(using: str = "default"):
    """Statements in this block send their parameters apart from the SQL text (PostgreSQL, psycopg 3's
    server-side binding) in binary format. Without ``DATABASE_PREPARED_STATEMENTS`` Django quotes each one into
    the text; with it, they go apart but as text. For a bulk INSERT of long texts, such as a digest batch's
    outbox rows, quoting hundreds of kilobytes into the statement (or escaping arrays of them as text) and
    PostgreSQL parsing them back cost more than the insert itself. On other databases nothing changes."""
    with _psycopg_attribute(using, "cursor_factory", BinaryServerBindingCursor):
        yield


@contextmanager
def _psycopg_attribute(using: str, name: str, value):
    """Set an attribute of the psycopg connection for the block, on PostgreSQL; elsewhere do nothing."""
    connection = connections[using]
    if connection.vendor != "postgresql":
        yield
        return
    connection.ensure_connection()
    raw = connection.connection
    previous = getattr(raw, name)
    setattr(raw, name, value)
    try:
        yield
    finally:
        setattr(raw, name, previous)


@contextmanager
def unprepared(using: str = "default"):
    """Statements in this block are not prepared (psycopg's ``prepare_threshold`` off for the block), so
    PostgreSQL plans each for its values. A prepared statement gets five plans for its values and may then keep
    one generic plan for any value, chosen by its estimated cost against theirs: for a statement whose best
    plan depends on its values (a search term in one practice of twenty or in nine of ten), the generic plan can
    cost ten to fifty times the right one, on that connection until it closes (issue 13: a search's generic
    plan, forced, took 40–75 ms instead of 2.5–4). On other databases, or with prepared statements off
    (settings: ``DATABASE_PREPARED_STATEMENTS=0``), nothing changes."""
    with _psycopg_attribute(using, "prepare_threshold", None):
        yield


class UnpreparedQuerySetMixin:
    """For a QuerySet class: ``unprepared()`` marks a queryset, and every queryset chained from it, whose rows
    are read by statements PostgreSQL plans for their values each time (``unprepared``)."""

    _unprepared = False

    def unprepared(self):
        clone = self._chain()
        clone._unprepared = True
        return clone

    def _clone(self):
        clone = super()._clone()
        clone._unprepared = self._unprepared
        return clone

    def _fetch_all(self):
        if not self._unprepared or self._result_cache is not None:
            return super()._fetch_all()
        with unprepared(self.db):
            return super()._fetch_all()


class AnyOf(In):
    """``lhs IN values`` for a long list of plain values (ids, addresses), as an expression for ``filter()``:
    ``Registration.objects.filter(AnyOf(F("user"), user_ids))``.

    On PostgreSQL the values go as one array parameter, ``lhs = ANY(%s)``, instead of one placeholder each: for
    the 1,000 members of a digest batch Django no longer builds 1,000 parameters per query and psycopg no
    longer scans a statement of thousands of placeholders. Elsewhere it is Django's ``IN``. The values must be
    what the column holds as they are (integers, strings): they are not converted per value for the database.
    """

    def as_postgresql(self, compiler, connection):
        if not self.rhs_is_direct_value():
            return self.as_sql(compiler, connection)
        values = [value for value in dict.fromkeys(self.rhs) if value is not None]
        if not values:
            raise EmptyResultSet
        lhs, lhs_params = self.process_lhs(compiler, connection)
        return f"{lhs} = ANY(%s)", (*lhs_params, values)


def first_rows(queryset, count: int):
    """The first ``count`` rows of an ordered queryset, chosen by a subquery of their keys and then read with
    the queryset's joins. PostgreSQL joins before it sorts and cuts: five of a coalition's events joined each of
    its events with their coalitions and region (a hash of every coalition of the country) to keep five; chosen
    first, only those five are joined (issue 13). For an ordered, unsliced queryset whose joins are to-one
    (``select_related``, foreign keys in filters): a to-many join would repeat a chosen key in the outer rows."""
    if queryset.query.is_sliced or not queryset.ordered:
        raise TypeError("first_rows() needs an ordered queryset that is not sliced yet")
    return queryset.filter(pk__in=queryset.values("pk")[:count])
