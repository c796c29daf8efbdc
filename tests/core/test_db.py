from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from coalitions.models import Theme
from core.db import _binary_placeholders, first_rows, server_side_binding, unprepared
from events.models import Event
from notifications.models import OutboundEmail
from notifications.services import queue_emails
from practices.models import Practice
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's server-side binding")
def test_server_side_binding_holds_for_the_block_only():
    connection.ensure_connection()
    before = connection.connection.cursor_factory
    with server_side_binding():
        assert connection.connection.cursor_factory.__name__ == "BinaryServerBindingCursor"
        with connection.cursor() as cursor:
            cursor.execute("SELECT %s::text || %s, '%%s'", ["a'b", "\\c"])
            assert cursor.fetchone() == ("a'b\\c", "%s")
            cursor.execute("SELECT (%s)::text[], (%s)::int[]", [['"x"', "a\\b", None], [1, 2]])
            assert cursor.fetchone() == (['"x"', "a\\b", None], [1, 2])
    assert connection.connection.cursor_factory is before
    with pytest.raises(RuntimeError), server_side_binding():
        raise RuntimeError("in the block")
    assert connection.connection.cursor_factory is before


def test_queued_emails_keep_every_character_of_their_bodies():
    body = "Beste Anna,\n'quotes' \"en\" \\backslashes\\ % %s {} é ü — \u2028 <b>&amp;</b>" * 200
    emails = [OutboundEmail(recipient=f"lid{n}@example.org", kind="digest", subject=f"Overzicht {n}",
                            body_text=body, body_html=f"<p>{body}</p>", headers={"X-Test": "ja'nee"},
                            idempotency_key=f"test-{n}") for n in range(3)]
    assert queue_emails(emails) == 3
    assert queue_emails([OutboundEmail(recipient="x@example.org", kind="digest", subject="Dubbel",
                                       body_text="", body_html="", idempotency_key="test-1")]) == 1
    stored = list(OutboundEmail.objects.order_by("idempotency_key").values_list(
        "idempotency_key", "subject", "body_text", "body_html", "headers"))
    assert stored == [(f"test-{n}", f"Overzicht {n}", body, f"<p>{body}</p>", {"X-Test": "ja'nee"})
                      for n in range(3)]


def test_placeholders_become_binary_and_escaped_percent_signs_stay():
    assert _binary_placeholders("SELECT %s, '%%s', '%%', 100%%%s, %%%%s") == "SELECT %b, '%%s', '%%', 100%%%b, %%%%s"


def test_any_of_finds_what_in_finds(django_assert_num_queries):
    from django.db.models import F
    from django.db.models.functions import Lower

    from accounts.models import User
    from core.db import AnyOf

    users = [User.objects.create_user(email=f"Lid{n}@Example.org", password="x") for n in range(4)]
    wanted = [users[0].pk, users[2].pk, users[2].pk, None, 987654]
    found = User.objects.filter(AnyOf(F("pk"), wanted)).order_by("pk")
    assert list(found) == [users[0], users[2]]
    assert list(User.objects.filter(AnyOf(Lower("email"), ["lid1@example.org", "lid3@example.org"])).order_by(
        "pk")) == [users[1], users[3]]
    either = User.objects.filter(AnyOf(F("pk"), [users[0].pk]) | AnyOf(F("pk"), [])).order_by("pk")
    assert list(either) == [users[0]]
    with django_assert_num_queries(0):
        assert list(User.objects.filter(AnyOf(F("pk"), [None]))) == []
    sql = str(found.query)
    assert ("= ANY(" in sql) == (connection.vendor == "postgresql")
    assert (" IN (" in sql) == (connection.vendor != "postgresql")


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's column compression")
def test_outbox_bodies_are_compressed_with_lz4():
    with connection.cursor() as cursor:
        cursor.execute("SELECT attname, attcompression FROM pg_attribute WHERE attrelid = %s::regclass "
                       "AND attname IN ('body_text', 'body_html', 'subject') ORDER BY attname",
                       [OutboundEmail._meta.db_table])
        assert cursor.fetchall() == [("body_html", "l"), ("body_text", "l"), ("subject", "")]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="prepared statements are PostgreSQL's")
@pytest.mark.skipif(not connection.settings_dict["OPTIONS"].get("prepare_threshold"),
                    reason="DATABASE_PREPARED_STATEMENTS=0 (the production settings' default is tested in deploy/)")
def test_a_query_is_prepared_after_five_runs_on_a_connection_for_any_value():
    def prepared():
        with connection.cursor() as cursor:
            cursor.execute("SELECT statement FROM pg_prepared_statements WHERE statement LIKE %s",
                           ['SELECT "coalitions_theme"."position" AS "position" FROM "coalitions_theme" WHERE '
                            '"coalitions_theme"."slug" = $1%'])
            return cursor.fetchall()

    def ask(slug):  # a statement no other code runs: nothing prepared it before
        return list(Theme.objects.filter(slug=slug).values_list("position", flat=True))

    assert prepared() == []
    for n in range(5):
        assert ask(f"thema-{n}") == []
    assert prepared() == []
    for n in range(5, 7):  # other values, the same statement
        assert ask(f"thema-{n}") == []
    assert len(prepared()) == 1


prepared_only = pytest.mark.skipif(
    connection.vendor != "postgresql" or not connection.settings_dict["OPTIONS"].get("prepare_threshold"),
    reason="prepared statements are PostgreSQL's, unless DATABASE_PREPARED_STATEMENTS=0 turned them off",
)


def prepared_statements(like: str) -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements WHERE statement LIKE %s", [like])
        return [statement for (statement,) in cursor.fetchall()]


@prepared_only
def test_statements_in_an_unprepared_block_are_not_prepared_and_after_it_they_are():
    def ask(slug):
        return list(Theme.objects.filter(slug=slug).values_list("name", flat=True))

    pattern = 'SELECT "coalitions_theme"."name" AS "name" FROM "coalitions_theme" WHERE "coalitions_theme"."slug" = $1%'
    with unprepared():
        for n in range(7):
            assert ask(f"thema-{n}") == []
    assert (prepared_statements(pattern), connection.connection.prepare_threshold) == ([], 5)
    for n in range(5):  # counted from the block's end: as if it had not run before
        assert ask(f"ander-{n}") == []
    assert prepared_statements(pattern) == []
    assert (ask("nog-een"), len(prepared_statements(pattern))) == ([], 1)


@prepared_only
def test_the_search_is_planned_for_its_term_every_time():
    factories.PracticeFactory(title="Zomerschool in de wijk")
    for term in ("school", "zomerschool", "ouders", "taal", "wijk", "school", "zomerschool", "wijk"):
        list(Practice.objects.published().search(term)[:20])
    assert (prepared_statements("%search_vector%"), connection.connection.prepare_threshold) == ([], 5)


def test_an_unprepared_queryset_stays_so_through_its_chain():
    practices = Practice.objects.published()
    chained = practices.unprepared().filter(title="x").order_by("-pk").values_list("pk", flat=True)[:3]
    assert (practices._unprepared, chained._unprepared, practices.filter(title="x")._unprepared) == (False, True, False)
    assert list(chained) == []


def test_first_rows_are_the_querysets_first_rows_in_its_order():
    themes = [factories.ThemeFactory(name=name, position=position)
              for name, position in (("Taal", 3), ("Zorg", 1), ("Sport", 2), ("Armoede", 1))]
    ordered = Theme.objects.filter(pk__in=[t.pk for t in themes]).order_by("position", "name")
    assert [t.name for t in first_rows(ordered, 3)] == ["Armoede", "Zorg", "Sport"]
    # Chosen by a subquery of keys, cut there; the outer query is not cut (``[:3]`` would give the same rows).
    sql = str(first_rows(ordered, 3).query)
    assert sql.count("LIMIT") == 1 and "IN (SELECT" in sql and sql.rstrip().endswith("ASC")
    assert [t.name for t in first_rows(ordered.exclude(name="Zorg"), 2)] == ["Armoede", "Sport"]
    assert [t.name for t in first_rows(ordered.only("name"), 9)] == ["Armoede", "Zorg", "Sport", "Taal"]
    with pytest.raises(TypeError):
        first_rows(ordered[:2], 1)
    with pytest.raises(TypeError):
        first_rows(Theme.objects.order_by(), 1)  # no order: which rows would be first?


def test_first_rows_of_a_coalitions_events_are_its_first_events_with_their_joins(django_assert_num_queries):
    coalition = factories.CoalitionFactory()
    now = timezone.now()
    for days in (9, 2, 5, 7, 1, 3):
        factories.EventFactory(organiser=coalition, starts_at=now + timedelta(days=days),
                               ends_at=now + timedelta(days=days, hours=2), title=f"Dag {days}")
    factories.EventFactory(starts_at=now + timedelta(days=4), ends_at=now + timedelta(days=4, hours=1))
    events = Event.objects.published().of_coalition(coalition).for_list().upcoming(now).order_by("starts_at", "pk")
    with django_assert_num_queries(1):  # the organiser and its region came with them
        assert [(e.title, e.organiser.region.name) for e in first_rows(events, 5)] == [
            (f"Dag {days}", coalition.region.name) for days in (1, 2, 3, 5, 7)]
