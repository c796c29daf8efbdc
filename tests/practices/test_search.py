"""Practice search: the same Dutch queries give the same results on SQLite and on PostgreSQL."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.db import connection
from django.urls import reverse

from practices.models import Practice, PracticeQuerySet, is_common_term, union_estimates
from practices.search import match_expression, search_terms
from tests import factories
from tests.helpers import parse_html

pytestmark = pytest.mark.django_db

AMS = ZoneInfo("Europe/Amsterdam")

# Title, summary, body (approach). Published a day apart, in this order: the last is the newest.
PRACTICES = [
    ("De school als vindplaats", "Signalen vroeg opvangen.", "Gesprekken met mentoren."),
    ("Brede samenwerking", "Drie scholen in de wijk werken samen.", "Overleg elke maand."),
    ("Oudercoördinator in de wijk", "Een vast gezicht voor ouders.", "Huisbezoeken en koffie op school."),
    ("Ouderbetrokkenheid vergroten", "Ouders praten mee.", "Een panel van vaders en moeders."),
    ("Crèche in het dorp", "Peuters spelen samen.", "Een vaste ruimte."),
    ("Talentenfluisteraars", "Kinderen in hun kracht.", "Sport en muziek."),
]


def make_practices(**extra):
    return [
        factories.PracticeFactory(
            title=title, summary=summary, approach=approach, published_at=datetime(2025, 3, day, tzinfo=AMS),
            **extra,
        )
        for day, (title, summary, approach) in enumerate(PRACTICES, start=1)
    ]


def search(client, **params):
    return [p.title for p in client.get(reverse("practices:list"), params).context["page"]]


SCHOOL = ["De school als vindplaats", "Brede samenwerking", "Oudercoördinator in de wijk"]


@pytest.mark.parametrize(("query", "expected"), [
    # Stemmed: the plural finds the singular and back; a title weighs more than a summary, a summary more
    # than the rest.
    ("scholen", SCHOOL),
    ("school", SCHOOL),
    ("SCHOLEN", SCHOOL),
    # Accents folded, both ways.
    ("oudercoordinator", ["Oudercoördinator in de wijk"]),
    ("oudercoördinator", ["Oudercoördinator in de wijk"]),
    ("creche", ["Crèche in het dorp"]),
    ("crèche", ["Crèche in het dorp"]),
    ("ouderbetrokkenheid", ["Ouderbetrokkenheid vergroten"]),
    # Every word must occur, in any field.
    ("ouders school", ["Oudercoördinator in de wijk"]),
    ("wijk samen", ["Brede samenwerking"]),
    # Stop words ("het", "van") need not occur.
    ("het gezicht van de wijk", ["Oudercoördinator in de wijk"]),
    # FTS5 (and websearch) syntax is only punctuation between plain words.
    ('"scholen* (-ouders) ^wijk:', ["Oudercoördinator in de wijk"]),
    ('school"', SCHOOL),
    ("NEAR(school ouders)", []),
    ("title:school", []),
    ("school OR talent", []),
    ("kinderen -kracht", ["Talentenfluisteraars"]),
    # Nothing to look for: no results, no error.
    ('"*()-:^', []),
    ("de het een", []),
    ("muziekschool", []),
])
def test_same_results_on_sqlite_and_postgres(client, query, expected):
    make_practices()
    assert search(client, q=query) == expected


@pytest.mark.parametrize("common", [True, False], ids=["walks-the-list-index", "reads-the-gin-index"])
def test_only_the_newest_matches_are_ranked_whichever_way_they_are_found(client, monkeypatch, common):
    # PostgreSQL finds a common term's newest matches by walking the list's index and a rarer term's through
    # the GIN index: both give the same candidates (one more than the limit), ranked the same.
    monkeypatch.setattr("practices.models.is_common_term", lambda matches, practices: common)
    monkeypatch.setattr("practices.models._search_estimates", {})
    monkeypatch.setattr("practices.models.SEARCH_RESULT_LIMIT", 1)
    make_practices()
    assert search(client, q="school") == ["Brede samenwerking", "Oudercoördinator in de wijk"]
    monkeypatch.setattr("practices.models.SEARCH_RESULT_LIMIT", 3)
    assert search(client, q="school") == SCHOOL


@pytest.mark.parametrize(("matches", "practices", "common"), [
    # A term in one practice in twenty: the walk reads at most ~2,000 rows.
    (51, 1_020, True), (50, 1_020, False),
    (5_100, 102_000, True), (5_099, 102_000, False),
    # On a larger portal the walk is cheaper sooner: matches^2 >= 3 x 101 x practices.
    (17_407, 1_000_000, True), (17_406, 1_000_000, False),
    # An empty table (PostgreSQL estimates at least one row): nothing to walk past.
    (1, 1, True),
])
def test_a_term_is_common_once_walking_the_list_costs_less(matches, practices, common):
    assert is_common_term(matches, practices) is common


@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite asks no estimate")
def test_the_estimates_are_of_the_matches_and_of_all_practices():
    make_practices()
    factories.PracticeFactory(title="Concept", summary="Nog niet af.", approach="Later.", state="draft",
                              published_at=None)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE practices_practice")
    # Analysed, a table this small is read whole: the estimates are the counts (the draft among all practices).
    assert Practice.objects.all()._planned_matches("school") == (3, 7)
    assert Practice.objects.all()._planned_matches("ouders") == (2, 7)


@pytest.mark.parametrize(("estimates", "common"), [(None, True), ((1, 1_000), False), ((50, 1_000), True)])
def test_the_estimates_choose_the_path_and_a_plan_of_another_shape_leaves_it_to_the_walk(
        monkeypatch, estimates, common):
    monkeypatch.setattr("practices.models._search_estimates", {})
    monkeypatch.setattr(PracticeQuerySet, "_planned_matches", lambda queryset, text: estimates)
    assert Practice.objects.all()._is_common("school") is common


def _scan(rows):
    return {"Node Type": "Seq Scan", "Plan Rows": rows}


@pytest.mark.parametrize(("plan", "estimates"), [
    ({"Node Type": "Append", "Plan Rows": 130, "Plans": [_scan(30), _scan(100)]}, (30, 100)),
    # A parallel plan: a Gather above the Append of the parts.
    ({"Node Type": "Gather", "Plan Rows": 130, "Plans": [
        {"Node Type": "Parallel Append", "Plan Rows": 54, "Plans": [_scan(12), _scan(42)]}]}, (12, 42)),
    # Any other shape: no estimates.
    (_scan(100), None),
    ({"Node Type": "Append", "Plan Rows": 9, "Plans": [_scan(3), _scan(3), _scan(3)]}, None),
])
def test_the_estimates_are_read_from_the_parts_of_the_union(plan, estimates):
    assert union_estimates([{"Plan": plan}]) == estimates


def test_a_search_counts_and_pages_as_far_as_the_matches_it_ranks(client, monkeypatch):
    monkeypatch.setattr("practices.models.SEARCH_RESULT_LIMIT", 2)
    monkeypatch.setattr("practices.views.practice.SEARCH_RESULT_LIMIT", 2)
    make_practices()
    page = parse_html(client.get(reverse("practices:list"), {"q": "school"}))
    assert page.by_id("results-heading").text == "2+ praktijkvoorbeelden"
    page = parse_html(client.get(reverse("practices:list"), {"q": "ouders"}))
    assert page.by_id("results-heading").text == "2 praktijkvoorbeelden"
    # Without a search the list counts as far as PAGINATION_COUNT_CAP.
    page = parse_html(client.get(reverse("practices:list")))
    assert page.by_id("results-heading").text == "6 praktijkvoorbeelden"


def test_every_row_of_a_search_carries_the_number_of_its_rows(monkeypatch):
    make_practices()
    found = Practice.objects.published().search("school")
    assert [p.search_match_count for p in found] == [3, 3, 3]
    assert [p.search_match_count for p in found.order_by("-pk")] == [3, 3, 3]  # the list's sort keeps the rows
    if connection.vendor == "postgresql":  # a window count: after a filter, the number of the rows left
        assert [p.search_match_count for p in found.filter(title__startswith="De")] == [1]
        assert [p.search_match_count for p in found.exclude(title__startswith="De")] == [2, 2]
    # Among the newest matches only: one more than the limit.
    monkeypatch.setattr("practices.models.SEARCH_RESULT_LIMIT", 1)
    assert [p.search_match_count for p in Practice.objects.published().search("school")] == [2, 2]


def test_a_search_within_a_filter_counts_only_its_matches(client, monkeypatch):
    monkeypatch.setattr("practices.models.SEARCH_RESULT_LIMIT", 2)
    monkeypatch.setattr("practices.views.practice.SEARCH_RESULT_LIMIT", 2)
    practices = make_practices()
    practices[0].themes.set([theme := factories.ThemeFactory(slug="zorg")])
    page = parse_html(client.get(reverse("practices:list"), {"q": "school", "theme": theme.slug}))
    assert page.by_id("results-heading").text == "1 praktijkvoorbeeld"
    page = parse_html(client.get(reverse("practices:list"), {"q": "school", "sort": "uitgeprobeerd"}))
    assert page.by_id("results-heading").text == "2+ praktijkvoorbeelden"


def test_blank_query_lists_everything_newest_first(client):
    make_practices()
    assert search(client, q="   ") == [title for title, _, _ in reversed(PRACTICES)]


def test_equal_ranks_list_the_newest_first(client):
    for day in (1, 3, 2):
        factories.PracticeFactory(
            title=f"Schoolreis {day}", summary="Een dag uit.", approach="Met de bus.",
            published_at=datetime(2025, 3, day, tzinfo=AMS),
        )
    assert search(client, q="schoolreis") == ["Schoolreis 3", "Schoolreis 2", "Schoolreis 1"]


def test_search_within_the_other_filters(client):
    make_practices()
    factories.PracticeFactory(title="Scholen in het voortgezet onderwijs", summary="Samen.", approach="Samen.",
                              school_type="vo")
    assert search(client, q="school", school_type="vo") == ["Scholen in het voortgezet onderwijs"]


def test_search_finds_only_published_practices(client):
    make_practices()
    factories.PracticeFactory(title="School in concept", state="draft", published_at=None)
    assert "School in concept" not in search(client, q="school")


def test_every_indexed_field_is_searched(client):
    fields = {"setting": "wijkteam", "context": "krimpregio", "approach": "speelplein", "results": "minder verzuim",
              "pitfalls": "overbelasting", "practical_tips": "koffieochtend"}
    factories.PracticeFactory(title="Alles erin", summary="Een samenvatting.", **fields)
    for value in fields.values():
        assert search(client, q=value) == ["Alles erin"], value
    assert search(client, q="samenvatting") == ["Alles erin"]


def test_the_index_follows_every_kind_of_write(client):
    practices = make_practices()
    # QuerySet.update() writes without save().
    Practice.objects.filter(pk=practices[5].pk).update(title="Talenten op school")
    # As highly ranked as the other title with school in it, and newer.
    assert search(client, q="scholen") == ["Talenten op school", *SCHOOL]
    # bulk_create, as the benchmarks and the demo loader do.
    template = practices[0]
    Practice.objects.bulk_create([
        Practice(title=f"Schoolkeuken {n}", slug=f"schoolkeuken-{n}", summary="Koken.", approach="Samen koken.",
                 region=template.region, state="published", published_at=datetime(2025, 4, n, tzinfo=AMS))
        for n in (1, 2)
    ])
    assert search(client, q="schoolkeuken") == ["Schoolkeuken 2", "Schoolkeuken 1"]
    # Deletes, one and many.
    practices[0].delete()
    Practice.objects.filter(title__startswith="Schoolkeuken").delete()
    assert search(client, q="school") == ["Talenten op school", "Brede samenwerking", "Oudercoördinator in de wijk"]
    assert search(client, q="schoolkeuken") == []


@pytest.mark.django_db(transaction=True)
def test_a_flushed_database_leaves_no_stale_matches(client):
    factories.PracticeFactory(title="Schoolbieb", summary="Boeken.", approach="Lezen.")
    call_command("flush", interactive=False, verbosity=0)
    # A new practice may get the old id after the flush.
    factories.PracticeFactory(title="Voorleesmiddag", summary="Boeken.", approach="Lezen.")
    assert search(client, q="schoolbieb") == []
    assert search(client, q="boeken") == ["Voorleesmiddag"]


def test_query_analysis():
    assert search_terms("De Oudercoördinatoren, en SCHOLEN!") == ["oudercoordinator", "schol"]
    # Only quoted stems: no operator, column filter or prefix query can get through.
    assert match_expression('"x" OR y* NEAR(a b) -c title:d ^e') == '"x" "or" "y" "near" "a" "b" "c" "titl" "d" "e"'
    assert match_expression("?!") == ""


@pytest.mark.skipif(connection.vendor != "sqlite", reason="the FTS5 index is SQLite's")
def test_every_migration_leaves_the_sqlite_triggers_in_place():
    """A migration that rebuilds practices_practice drops its triggers: it must call install_sqlite_index."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'practices_practice'"
            " AND name LIKE 'practices_practice_fts_%' ORDER BY name"
        )
        names = [row[0] for row in cursor.fetchall()]
    assert names == ["practices_practice_fts_delete", "practices_practice_fts_insert", "practices_practice_fts_update"]


@pytest.mark.parametrize("filters", [{"theme": "zorg"}, {"region": "zuid"}, {"school_type": "vo"}])
def test_a_search_looks_within_the_filters_not_among_the_newest_matches_of_all(client, monkeypatch, filters):
    # Only the newest matches are ranked (here 1, fetched with one more): the oldest match is not among the
    # country's newest, but it is the only one in the theme, region or school type, so it must be found.
    monkeypatch.setattr("practices.models.SEARCH_RESULT_LIMIT", 1)
    practices = make_practices()
    oldest_match = practices[0]
    oldest_match.themes.set([factories.ThemeFactory(slug="zorg")])
    Practice.objects.filter(pk=oldest_match.pk).update(
        region=factories.RegionFactory(slug="zuid"), school_type="vo"
    )
    assert search(client, q="school", **filters) == ["De school als vindplaats"]
