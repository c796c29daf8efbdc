"""The practice–theme table's copy of each practice's region and state (``practices.theme_rows``): the triggers
keep it whoever writes, and the list counts theme (and region) filters from it."""

from datetime import timedelta

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from core.rows import RowChanges
from moderation.models import ModerationState
from moderation.services import transition
from practices.filters import PracticeFilter
from practices.models import Practice, PracticeThemeRow
from practices.services import save_practice
from tests import factories

pytestmark = pytest.mark.django_db

S = ModerationState


def rows(practice):
    return sorted(
        PracticeThemeRow.objects.filter(practice=practice).values_list("theme__slug", "region__slug", "state")
    )


def dates(practice):
    """The practice's publication date and the set of its rows' copies."""
    practice.refresh_from_db(fields=["published_at"])
    copies = set(PracticeThemeRow.objects.filter(practice=practice).values_list("published_at", flat=True))
    return practice.published_at, copies


def test_the_rows_follow_the_practice_through_every_write(member):
    coordinator = factories.UserFactory()
    noord, zuid = factories.RegionFactory(slug="noord"), factories.RegionFactory(slug="zuid")
    zorg, taal, sport = (factories.ThemeFactory(slug=slug) for slug in ("zorg", "taal", "sport"))
    practice = Practice(title="Ouderkamer", summary="Ouders in de school.", approach="Samen.", region=noord)
    no_rows = RowChanges()

    save_practice(practice, author=member, themes=[zorg, taal], mechanisms=[], links=no_rows,
                  attachments=no_rows, submit=False)
    assert rows(practice) == [("taal", "noord", S.DRAFT), ("zorg", "noord", S.DRAFT)]
    assert dates(practice) == (None, {None})

    transition(practice, "submit", actor=member)
    transition(practice, "publish", actor=coordinator)
    assert rows(practice) == [("taal", "noord", S.PUBLISHED), ("zorg", "noord", S.PUBLISHED)]
    published_at, copies = dates(practice)
    assert (published_at is not None, copies) == (True, {published_at})

    # An edit that moves the practice and changes its themes: kept rows and the new one carry the new region.
    practice.region = zuid
    save_practice(practice, author=member, themes=[taal, sport], mechanisms=[], links=no_rows,
                  attachments=no_rows, submit=False)
    assert rows(practice) == [("sport", "zuid", S.PUBLISHED), ("taal", "zuid", S.PUBLISHED)]

    transition(practice, "hide", actor=coordinator, comment="Onjuiste gegevens.")
    assert rows(practice) == [("sport", "zuid", S.HIDDEN), ("taal", "zuid", S.HIDDEN)]

    Practice.objects.filter(pk=practice.pk).update(state=S.PUBLISHED, region=noord)  # no save(), no signals
    assert rows(practice) == [("sport", "noord", S.PUBLISHED), ("taal", "noord", S.PUBLISHED)]
    earlier = published_at - timedelta(days=3)
    Practice.objects.filter(pk=practice.pk).update(published_at=earlier)  # the date alone
    assert dates(practice) == (earlier, {earlier})

    # A change of other columns leaves the rows alone; rows written in bulk take the practice's values.
    Practice.objects.filter(pk=practice.pk).update(title="Ouderkamer in de wijk")
    Practice.themes.through.objects.bulk_create([Practice.themes.through(practice=practice, theme=zorg)])
    assert rows(practice) == [("sport", "noord", S.PUBLISHED), ("taal", "noord", S.PUBLISHED),
                              ("zorg", "noord", S.PUBLISHED)]
    assert dates(practice) == (earlier, {earlier})

    # Published once, then sent back and submitted again: it keeps its first publication date.
    other = factories.PracticeFactory(region=zuid, state=S.SUBMITTED, published_at=earlier, themes=[zorg])
    assert (rows(other), dates(other)) == ([("zorg", "zuid", S.SUBMITTED)], (earlier, {earlier}))
    assert rows(practice) == [("sport", "noord", S.PUBLISHED), ("taal", "noord", S.PUBLISHED),
                              ("zorg", "noord", S.PUBLISHED)]

    # A row given to another practice takes that one's values.
    third = factories.PracticeFactory(region=noord, state=S.DRAFT, published_at=None)
    Practice.themes.through.objects.filter(practice=other).update(practice=third)
    assert (rows(other), rows(third)) == ([], [("zorg", "noord", S.DRAFT)])
    assert dates(third) == (None, {None})


def filtered(**params):
    practice_filter = PracticeFilter(params, queryset=Practice.objects.published().with_adoption_count())
    practice_filter.qs  # noqa: B018 - validates the form
    return practice_filter


def test_only_theme_and_region_are_counted_from_the_rows():
    zorg = factories.ThemeFactory(slug="zorg")
    noord = factories.RegionFactory(slug="noord")
    shown = factories.PracticeFactory(region=noord, themes=[zorg])
    factories.PracticeFactory(region=factories.RegionFactory(slug="zuid"), themes=[zorg])
    factories.PracticeFactory(region=noord, themes=[zorg], state=S.HIDDEN)

    assert list(filtered(theme="zorg", region="noord").count_rows().values_list("practice", flat=True)) == [shown.pk]
    assert filtered(theme="zorg").count_rows().count() == 2
    assert filtered(theme="zorg", sort="uitgeprobeerd").count_rows().count() == 2
    assert filtered(theme="zorg", region="nergens").count_rows().count() == 2  # an unknown region is not applied
    for params in ({}, {"region": "noord"}, {"theme": "zorg", "q": "school"}, {"theme": "zorg", "school_type": "vo"},
                   {"theme": "zorg", "tried_elsewhere": "on"}, {"theme": "zorg", "coalition": shown.coalition.slug}):
        assert filtered(**params).count_rows() is None, params


def test_only_a_theme_in_a_region_in_the_newest_order_is_listed_by_the_rows_keys():
    zorg = factories.ThemeFactory(slug="zorg")
    noord = factories.RegionFactory(slug="noord")
    now = timezone.now()
    older = factories.PracticeFactory(region=noord, themes=[zorg], published_at=now - timedelta(days=2))
    newer = factories.PracticeFactory(region=noord, themes=[zorg], published_at=now - timedelta(days=1))
    same_time = factories.PracticeFactory(region=noord, themes=[zorg], published_at=older.published_at)
    factories.PracticeFactory(region=factories.RegionFactory(slug="zuid"), themes=[zorg])
    factories.PracticeFactory(region=noord, themes=[factories.ThemeFactory(slug="taal")])
    factories.PracticeFactory(region=noord, themes=[zorg], state=S.HIDDEN)

    # Newest first, and the newer key first among equal dates: the list's own order.
    assert list(filtered(theme="zorg", region="noord").listed_keys()) == [newer.pk, same_time.pk, older.pk]
    for params in ({"theme": "zorg"}, {"region": "noord"}, {"theme": "zorg", "region": "nergens"},
                   {"theme": "zorg", "region": "noord", "sort": "uitgeprobeerd"},
                   {"theme": "zorg", "region": "noord", "q": "school"},
                   {"theme": "zorg", "region": "noord", "school_type": "vo"}):
        assert filtered(**params).listed_keys() is None, params


def test_the_list_of_a_theme_in_a_region_counts_its_practices_to_the_cap(client):
    zorg = factories.ThemeFactory(slug="zorg")
    noord = factories.RegionFactory(slug="noord")
    for title in ("Eerste", "Tweede", "Derde"):
        factories.PracticeFactory(title=title, region=noord, themes=[zorg])
    moved = factories.PracticeFactory(title="Verhuisd", region=noord, themes=[zorg])
    Practice.objects.filter(pk=moved.pk).update(region=factories.RegionFactory(slug="zuid"))
    factories.PracticeFactory(title="Verborgen", region=noord, themes=[zorg], state=S.HIDDEN)
    url = reverse("practices:list")

    with CaptureQueriesContext(connection) as queries:
        page = client.get(url, {"theme": "zorg", "region": "noord"}).context["page"]
    assert (page.paginator.count, page.paginator.capped, page.paginator.count_display) == (3, False, "3")
    # Counted from the theme's rows alone: no join with the practices.
    [count] = [query["sql"] for query in queries.captured_queries if query["sql"].startswith("SELECT COUNT(*)")]
    assert ('"practices_practice_themes"' in count, "JOIN" in count) == (True, False)
    assert [p.title for p in page] == ["Derde", "Tweede", "Eerste"]
    # Its page (all three) is read by the keys the theme's rows give in the list's order, cut there.
    [read] = [query["sql"] for query in queries.captured_queries if '"practices_practice"."title"' in query["sql"]]
    keys = read[read.index("IN (SELECT"):]
    assert (keys.index('"practices_practice_themes"') < keys.index("ORDER BY") < keys.index("LIMIT 3)")) is True
    with override_settings(PAGE_SIZE=2):
        second = client.get(url, {"theme": "zorg", "region": "noord", "pagina": 2}).context["page"]
    assert ([p.title for p in second], second.number, second.paginator.num_pages) == (["Eerste"], 2, 2)
    with override_settings(PAGINATION_COUNT_CAP=2):
        page = client.get(url, {"theme": "zorg", "region": "noord"}).context["page"]
        assert (page.paginator.count, page.paginator.capped, page.paginator.count_display) == (2, True, "2+")
    response = client.get(url, {"theme": "zorg"})
    assert (response.context["page"].paginator.count, response.context["page"].paginator.capped) == (4, False)
    assert "4 praktijkvoorbeelden" in response.content.decode()


@pytest.mark.skipif(connection.vendor != "sqlite", reason="PostgreSQL keeps triggers when a table is altered")
def test_every_migration_leaves_the_theme_row_triggers_in_place():
    """A migration that rebuilds either table on SQLite drops its triggers: it must call install_triggers."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT tbl_name, name FROM sqlite_master WHERE type = 'trigger' AND name LIKE "
                       "'practices_theme_row%' ORDER BY name")
        found = cursor.fetchall()
    assert found == [("practices_practice_themes", "practices_theme_row_copy"),
                     ("practices_practice_themes", "practices_theme_row_moved"),
                     ("practices_practice", "practices_theme_rows_follow")]


def _columns():
    with connection.cursor() as cursor:
        return [column.name for column in connection.introspection.get_table_description(
            cursor, "practices_practice_themes")]


@pytest.fixture
def before_the_dates(transactional_db):
    """The database as after migration 0009 (the rows carry region and state only); migrated to the end after."""
    MigrationExecutor(connection).migrate([("practices", "0009_theme_rows")])
    yield
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


def test_migration_0010_copies_the_dates_and_goes_back_to_the_first_copy(before_the_dates):
    noord, zorg = factories.RegionFactory(), factories.ThemeFactory()
    practice = factories.PracticeFactory(region=noord)
    Practice.themes.through.objects.create(practice=practice, theme=zorg)  # copied by 0009's triggers
    assert ("published_at" in _columns(), rows(practice)) == (False, [(zorg.slug, noord.slug, S.PUBLISHED)])

    MigrationExecutor(connection).migrate([("practices", "0010_theme_rows_published_at")])
    assert dates(practice) == (practice.published_at, {practice.published_at})  # the rows there were, copied
    earlier = practice.published_at - timedelta(days=1)
    Practice.objects.filter(pk=practice.pk).update(published_at=earlier)
    assert dates(practice) == (earlier, {earlier})

    MigrationExecutor(connection).migrate([("practices", "0009_theme_rows")])
    assert ("published_at" in _columns()) is False
    zuid = factories.RegionFactory()
    Practice.objects.filter(pk=practice.pk).update(region=zuid)  # 0009's triggers are back
    assert rows(practice) == [(zorg.slug, zuid.slug, S.PUBLISHED)]
