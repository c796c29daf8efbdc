"""The practice–theme table's copy of each practice's region and state (``practices.theme_rows``): the triggers
keep it whoever writes, and the list counts theme (and region) filters from it."""

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

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


def test_the_rows_follow_the_practice_through_every_write(member):
    coordinator = factories.UserFactory()
    noord, zuid = factories.RegionFactory(slug="noord"), factories.RegionFactory(slug="zuid")
    zorg, taal, sport = (factories.ThemeFactory(slug=slug) for slug in ("zorg", "taal", "sport"))
    practice = Practice(title="Ouderkamer", summary="Ouders in de school.", approach="Samen.", region=noord)
    no_rows = RowChanges()

    save_practice(practice, author=member, themes=[zorg, taal], mechanisms=[], links=no_rows,
                  attachments=no_rows, submit=False)
    assert rows(practice) == [("taal", "noord", S.DRAFT), ("zorg", "noord", S.DRAFT)]

    transition(practice, "submit", actor=member)
    transition(practice, "publish", actor=coordinator)
    assert rows(practice) == [("taal", "noord", S.PUBLISHED), ("zorg", "noord", S.PUBLISHED)]

    # An edit that moves the practice and changes its themes: kept rows and the new one carry the new region.
    practice.region = zuid
    save_practice(practice, author=member, themes=[taal, sport], mechanisms=[], links=no_rows,
                  attachments=no_rows, submit=False)
    assert rows(practice) == [("sport", "zuid", S.PUBLISHED), ("taal", "zuid", S.PUBLISHED)]

    transition(practice, "hide", actor=coordinator, comment="Onjuiste gegevens.")
    assert rows(practice) == [("sport", "zuid", S.HIDDEN), ("taal", "zuid", S.HIDDEN)]

    Practice.objects.filter(pk=practice.pk).update(state=S.PUBLISHED, region=noord)  # no save(), no signals
    assert rows(practice) == [("sport", "noord", S.PUBLISHED), ("taal", "noord", S.PUBLISHED)]

    # A change of other columns leaves the rows alone; rows written in bulk take the practice's values.
    Practice.objects.filter(pk=practice.pk).update(title="Ouderkamer in de wijk")
    Practice.themes.through.objects.bulk_create([Practice.themes.through(practice=practice, theme=zorg)])
    assert rows(practice) == [("sport", "noord", S.PUBLISHED), ("taal", "noord", S.PUBLISHED),
                              ("zorg", "noord", S.PUBLISHED)]

    other = factories.PracticeFactory(region=zuid, state=S.SUBMITTED, published_at=None, themes=[zorg])
    assert rows(other) == [("zorg", "zuid", S.SUBMITTED)]
    assert rows(practice) == [("sport", "noord", S.PUBLISHED), ("taal", "noord", S.PUBLISHED),
                              ("zorg", "noord", S.PUBLISHED)]

    # A row given to another practice takes that one's values.
    third = factories.PracticeFactory(region=noord, state=S.DRAFT, published_at=None)
    Practice.themes.through.objects.filter(practice=other).update(practice=third)
    assert (rows(other), rows(third)) == ([], [("zorg", "noord", S.DRAFT)])


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
