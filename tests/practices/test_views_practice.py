"""Practice pages: list, filters, search, detail, and members submitting and editing practices."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from coalitions.services import set_following
from moderation.models import ModerationState
from practices.models import Practice
from tests import factories
from tests.helpers import formset, parse_html, practice_data, text_of

pytestmark = pytest.mark.django_db


# A few rows, and more than a page (PAGE_SIZE is 20): the queries must not grow with the rows.
COUNTS = [3, 30]
PAGE_SIZE = 20


@pytest.mark.parametrize("count", COUNTS)
def test_practice_list_query_count(client, django_assert_num_queries, count, theme):
    for _ in range(count):
        factories.PracticeFactory(themes=[theme])
    # capped count, page rows (with their theme names), and the theme, region and mechanism choices of the
    # filter form in one query (the coalition is typed: its suggestions come from the names endpoint).
    with django_assert_num_queries(3):
        response = client.get(reverse("practices:list"))
    assert response.status_code == 200
    assert len(response.context["page"].object_list) == min(count, PAGE_SIZE)


@pytest.mark.parametrize("count", COUNTS)
def test_practice_list_of_one_theme_query_count(client, django_assert_num_queries, count, theme, member):
    for _ in range(count):
        factories.PracticeFactory(themes=[theme])
        set_following(factories.UserFactory(), theme, following=True)
    # Logged in: the list's three, plus session, user and the site header's coordinator check.
    with django_assert_num_queries(6):
        response = client.get(reverse("practices:list"))
    assert (response.context["theme"], response.context["following"]) == (None, False)
    # Filtered by one theme: whether the reader follows it (the theme is found among the filter's options).
    with django_assert_num_queries(7):
        response = client.get(reverse("practices:list"), {"theme": theme.slug})
    assert len(response.context["page"].object_list) == min(count, PAGE_SIZE)
    assert (response.context["theme"], response.context["following"]) == (theme, False)


@pytest.mark.parametrize("count", COUNTS)
def test_practice_search_query_count(client, django_assert_num_queries, count, theme, monkeypatch):
    monkeypatch.setattr("practices.models._search_estimates", {})  # no estimate from an earlier test
    for _ in range(count):
        factories.PracticeFactory(themes=[theme])  # the factory's summary mentions "school"
    # The list's three less the capped count (the rows carry their number); on PostgreSQL first its estimate
    # of the matches (EXPLAIN), which decides how to find the newest ones.
    with django_assert_num_queries(3 if connection.vendor == "postgresql" else 2):
        response = client.get(reverse("practices:list"), {"q": "scholen"})
    assert len(response.context["page"].object_list) == min(count, PAGE_SIZE)
    # The estimate stays in the process a few minutes: the same query again is asked no EXPLAIN.
    with django_assert_num_queries(2):
        response = client.get(reverse("practices:list"), {"q": "scholen", "pagina": "1"})
    assert len(response.context["page"].object_list) == min(count, PAGE_SIZE)


def test_practice_list_shows_only_published(client, coalition):
    factories.PracticeFactory(title="Verrijkte middagpauze in Winsum", coalition=coalition)
    factories.PracticeFactory(title="Nog niet klaar", coalition=coalition, state=ModerationState.DRAFT,
                              published_at=None)
    factories.PracticeFactory(title="Verborgen voorbeeld", coalition=coalition, state=ModerationState.HIDDEN)
    response = client.get(reverse("practices:list"))
    titles = [p.title for p in response.context["page"]]
    assert titles == ["Verrijkte middagpauze in Winsum"]
    assert "1 praktijkvoorbeeld" in text_of(response)


def test_practice_list_shows_a_practice_published_after_an_earlier_request(client, coalition):
    factories.PracticeFactory(title="Ouderkamer", coalition=coalition)
    assert [p.title for p in client.get(reverse("practices:list")).context["page"]] == ["Ouderkamer"]
    # The list's queryset is built once per process, never evaluated itself: the next request reads again.
    factories.PracticeFactory(title="Taalcafé", coalition=coalition, published_at=timezone.now() + timedelta(1))
    Practice.objects.filter(title="Ouderkamer").update(state=ModerationState.HIDDEN)
    assert [p.title for p in client.get(reverse("practices:list")).context["page"]] == ["Taalcafé"]
    assert [p.title for p in client.get(reverse("practices:list"), {"q": "taalcafe"}).context["page"]] == ["Taalcafé"]


def test_practice_list_filters(client, region, theme):
    other_theme = factories.ThemeFactory(name="Ouderbetrokkenheid", slug="ouderbetrokkenheid")
    other_region = factories.RegionFactory(name="Zuid", slug="zuid")
    match = factories.PracticeFactory(
        title="Talentdag", coalition=factories.CoalitionFactory(region=region), themes=[theme],
        school_type="vo", mechanisms=[factories.mechanism("reflectie")],
    )
    factories.PracticeFactory(title="Ouderkamer", themes=[other_theme],
                              coalition=factories.CoalitionFactory(region=other_region))
    factories.PracticeFactory(title="Talent in het zuiden", themes=[theme], school_type="po",
                              coalition=factories.CoalitionFactory(region=other_region))

    def titles(**params):
        return [p.title for p in client.get(reverse("practices:list"), params).context["page"]]

    assert sorted(titles(theme="talentontwikkeling")) == ["Talent in het zuiden", "Talentdag"]
    assert titles(theme="talentontwikkeling", region="noord") == ["Talentdag"]
    assert titles(school_type="vo") == ["Talentdag"]
    assert titles(mechanism="reflectie") == ["Talentdag"]
    assert titles(coalition=match.coalition.slug) == ["Talentdag"]


def test_practice_list_coalition_filter_is_typed_by_name_or_slug(client, coalition):
    factories.PracticeFactory(title="Talentdag", coalition=coalition)
    factories.PracticeFactory(title="Ouderkamer", coalition=factories.CoalitionFactory(name="Zuid-Limburg"))

    def titles(value):
        return [p.title for p in client.get(reverse("practices:list"), {"coalition": value}).context["page"]]

    # The name in any case and with stray spaces, or the slug.
    assert titles("Oost-Groningen") == ["Talentdag"]
    assert titles("  oost-GRONINGEN ") == ["Talentdag"]
    assert titles("oost-groningen") == ["Talentdag"]
    assert titles("zuid-limburg") == ["Ouderkamer"]


def test_practice_list_coalition_filter_is_a_text_input_with_suggestions_from_the_endpoint(client, coalition):
    for _ in range(3):
        factories.CoalitionFactory()
    page = parse_html(client.get(reverse("practices:list"), {"coalition": "Oost-Groningen"}))
    field = page.find("input", name="coalition")
    assert (field["type"], field["value"], field["list"], field["data-datalist-src"]) == (
        "text", "Oost-Groningen", "id_coalition_options", "/coalities/namen.json")
    # The page carries no options: the script fills the datalist from the endpoint.
    assert page.find("select", name="coalition") is None
    assert page.by_id("id_coalition_options").children == []
    assert page.find("script", src="/static/js/datalist.js") is not None


def test_practice_list_unknown_coalition_is_an_error_that_keeps_the_text(client, coalition):
    factories.PracticeFactory(title="Blijft zichtbaar", coalition=coalition)
    response = client.get(reverse("practices:list"), {"coalition": "Oost-Gronigen"})
    page = parse_html(response)
    assert page.by_id("id_coalition_error").text == (
        "Er is geen coalitie met de naam “Oost-Gronigen”. Typ de naam zoals die in de lijst met coalities staat.")
    assert page.find("input", name="coalition")["value"] == "Oost-Gronigen"
    assert [p.title for p in response.context["page"]] == ["Blijft zichtbaar"]


@pytest.mark.parametrize("count", COUNTS)
def test_practice_list_filtered_by_coalition_query_count(client, django_assert_num_queries, count, coalition):
    for _ in range(count):
        factories.PracticeFactory(coalition=coalition)
    # The list's three plus the coalition looked up by the typed name.
    with django_assert_num_queries(4):
        response = client.get(reverse("practices:list"), {"coalition": "Oost-Groningen"})
    assert len(response.context["page"].object_list) == min(count, PAGE_SIZE)


def test_practice_list_count_stops_at_the_cap(client):
    for _ in range(5):
        factories.PracticeFactory()
    # Counted as far as the cap (as "1.000+" with the default cap of 1000), and exactly below it.
    with override_settings(PAGINATION_COUNT_CAP=3, PAGE_SIZE=2):
        page = parse_html(client.get(reverse("practices:list")))
    assert page.by_id("results-heading").text == "3+ praktijkvoorbeelden"
    assert page.find("span", cls="page-current").text == "Pagina 1 van de eerste 2"
    with override_settings(PAGINATION_COUNT_CAP=5):
        page = parse_html(client.get(reverse("practices:list")))
    assert page.by_id("results-heading").text == "5 praktijkvoorbeelden"


def test_practice_list_bad_filter_value_gets_dutch_message(client):
    factories.PracticeFactory(title="Blijft zichtbaar")
    response = client.get(reverse("practices:list"), {"theme": "bestaat-niet"})
    assert response.status_code == 200
    assert "Selecteer een geldige keuze" in text_of(response)
    assert [p.title for p in response.context["page"]] == ["Blijft zichtbaar"]


def test_practice_list_paginates(client):
    for _ in range(25):
        factories.PracticeFactory()
    first = client.get(reverse("practices:list"))
    second = client.get(reverse("practices:list"), {"pagina": 2})
    assert len(first.context["page"].object_list) == 20
    assert len(second.context["page"].object_list) == 5
    assert "Pagina 1 van 2" in text_of(first)
    assert client.get(reverse("practices:list"), {"pagina": "onzin"}).context["page"].number == 1


def test_search_finds_words_on_sqlite_and_postgres(client):
    factories.PracticeFactory(title="Oudercoördinator op school", summary="Meer ouders in de school.")
    factories.PracticeFactory(title="Talentenfluisteraars", summary="Kinderen in hun kracht.")
    response = client.get(reverse("practices:list"), {"q": "ouders"})
    assert [p.title for p in response.context["page"]] == ["Oudercoördinator op school"]


def test_dutch_stemming(client):
    factories.PracticeFactory(title="Samenwerking met de school", summary="Een verhaal uit Winsum.")
    factories.PracticeFactory(title="Kinderopvang en sport", summary="Buitenschoolse opvang.")
    response = client.get(reverse("practices:list"), {"q": "scholen"})
    assert [p.title for p in response.context["page"]] == ["Samenwerking met de school"]


def test_title_outranks_body(client):
    factories.PracticeFactory(title="Verzuim aanpakken", summary="Over aanwezigheid.", approach="Gesprekken.")
    factories.PracticeFactory(title="Welbevinden", summary="Over stress.", approach="Minder verzuim door mentoren.")
    response = client.get(reverse("practices:list"), {"q": "verzuim"})
    assert [p.title for p in response.context["page"]] == ["Verzuim aanpakken", "Welbevinden"]


@pytest.mark.parametrize("count", COUNTS)
def test_practice_detail_query_count(client, django_assert_num_queries, count):
    themes = [factories.ThemeFactory() for _ in range(count)]
    practice = factories.PracticeFactory(themes=themes, mechanisms=[factories.mechanism("coordinatie")])
    for index in range(count):
        practice.links.create(title=f"Link {index}", url=f"https://example.org/{index}")
        factories.PracticeFactory(themes=[themes[index]])
        factories.EventFactory().practices.add(practice)
        factories.AdoptionFactory(practice=practice, coalition=factories.CoalitionFactory())
    # practice, themes, mechanisms, links, attachments, related practices, events presented at, and the
    # adoptions: their summary by result, then count and page of the list.
    with django_assert_num_queries(10):
        response = client.get(practice.get_absolute_url())
    assert response.status_code == 200
    assert len(response.context["related"]) == min(count, 3)
    assert len(response.context["adoptions"].object_list) == min(count, PAGE_SIZE)


def test_practice_detail_without_adoptions_asks_only_their_summary(client, django_assert_num_queries, theme):
    practice = factories.PracticeFactory(themes=[theme])
    factories.AdoptionFactory(practice=practice, state=ModerationState.SUBMITTED, published_at=None)
    # The seven of the page plus the adoptions' summary; with none published there is no list to fetch.
    with django_assert_num_queries(8):
        response = client.get(practice.get_absolute_url())
    assert parse_html(response).by_id("adoptions-heading").parent.find("p", cls="empty").text == (
        "Nog niemand heeft vastgelegd dat ze dit praktijkvoorbeeld hebben uitgeprobeerd.")


def test_practice_detail_content(client, theme):
    practice = factories.PracticeFactory(
        title="Verrijkte middagpauze", themes=[theme], pitfalls="Te veel **tegelijk** willen.",
        practical_tips="Begin met één activiteit.", mechanisms=[factories.mechanism("identificatie")],
    )
    related = factories.PracticeFactory(title="Talentdag Haarlem", themes=[theme])
    event = factories.EventFactory(title="Inspiratiemiddag Veendam")
    event.practices.add(practice)
    html = text_of(client.get(practice.get_absolute_url()))
    assert "<h1>Verrijkte middagpauze</h1>" in html
    assert "<strong>tegelijk</strong>" in html
    assert "Valkuilen" in html and "Identificatie" in html
    assert related.title in html
    assert f'href="{event.get_absolute_url()}">Inspiratiemiddag Veendam</a>' in html


def test_related_practices_rank_shared_themes_among_the_newest_candidates(client, monkeypatch):
    monkeypatch.setattr("practices.views.practice.RELATED_CANDIDATES", 3)
    first, second = factories.ThemeFactory(), factories.ThemeFactory()
    practice = factories.PracticeFactory(themes=[first, second])
    now = timezone.now()

    def other(title, days_ago, themes):
        return factories.PracticeFactory(title=title, themes=themes, published_at=now - timedelta(days=days_ago))

    # Both themes, but older than the three newest candidates: not ranked at all.
    other("Oud met beide thema's", 30, [first, second])
    other("Nieuw met één thema", 1, [first])
    other("Nieuwer met beide thema's", 3, [first, second])
    other("Nieuwst met één thema", 0, [second])
    other("Zonder gedeeld thema", 0, [factories.ThemeFactory()])
    response = client.get(practice.get_absolute_url())
    assert [p.title for p in response.context["related"]] == [
        "Nieuwer met beide thema's", "Nieuwst met één thema", "Nieuw met één thema"]


def test_related_practices_are_found_in_the_newest_published_rows_of_the_themes(client):
    theme, elsewhere = factories.ThemeFactory(), factories.ThemeFactory()
    practice = factories.PracticeFactory(themes=[theme])
    factories.PracticeFactory(title="Gedeeld", themes=[theme, elsewhere])
    factories.PracticeFactory(title="Ingediend", themes=[theme], state=ModerationState.SUBMITTED, published_at=None)
    hidden = factories.PracticeFactory(title="Later verborgen", themes=[theme])
    Practice.objects.filter(pk=hidden.pk).update(state=ModerationState.HIDDEN)  # its rows' copy follows
    factories.PracticeFactory(title="Ander thema", themes=[elsewhere])

    with CaptureQueriesContext(connection) as queries:
        response = client.get(practice.get_absolute_url())
    assert [p.title for p in response.context["related"]] == ["Gedeeld"]
    [sql] = [query["sql"] for query in queries.captured_queries if '"shared_themes"' in query["sql"]]
    candidates = sql[sql.index("IN (SELECT"):]
    # Read from the theme rows alone, newest first and cut there: one walk of their date index.
    assert (candidates.index('FROM "practices_practice_themes"') < candidates.index('"published_at" DESC')
            < candidates.index("LIMIT 50"), "JOIN" in candidates[:candidates.index("LIMIT 50")]) == (True, False)


def test_unpublished_practice_is_404(client):
    practice = factories.PracticeFactory(state=ModerationState.SUBMITTED, published_at=None)
    response = client.get(practice.get_absolute_url())
    assert response.status_code == 404
    assert "Deze pagina bestaat niet" in text_of(response) or "niet gevonden" in text_of(response)


def test_user_markdown_cannot_inject_script(client):
    practice = factories.PracticeFactory(
        approach='<script>alert(1)</script> [klik](javascript:alert(2)) <img src=x onerror="alert(3)">'
    )
    html = text_of(client.get(practice.get_absolute_url()))
    approach = html[html.index("<h2>Aanpak</h2>"):html.index("</section>", html.index("<h2>Aanpak</h2>"))]
    assert "<script>alert(1)" not in approach and "&lt;script&gt;alert(1)" in approach
    assert 'href="javascript:' not in approach
    assert "<img" not in approach and "&lt;img" in approach


def test_member_submits_practice_and_coordinators_are_told(client, member, coalition, theme, region,
                                                          django_capture_on_commit_callbacks):
    coordinator = factories.UserFactory(email="coord@example.org")
    factories.RegionCoordinatorFactory(region=region, user=coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("practices:create"), {**practice_data(coalition, theme), "action": "submit"})
    practice = Practice.objects.get()
    assert response["Location"] == practice.get_absolute_url()
    assert practice.state == ModerationState.SUBMITTED and practice.author == member
    assert practice.region == coalition.region
    assert [link.url for link in practice.links.all()] == ["https://example.org/buitenkans"]
    assert [m.to for m in mail.outbox] == [["coord@example.org"]]
    # Not public until a coordinator publishes it.
    client.logout()
    assert client.get(practice.get_absolute_url()).status_code == 404


def test_invalid_practice_keeps_everything_typed_and_saves_nothing(client, member, coalition, theme):
    data = practice_data(coalition, theme, approach="", **formset(
        "links", [{"title": "Onveilig", "url": "javascript:alert(1)"}]))
    response = client.post(reverse("practices:create"), {**data, "action": "submit"})
    html = response.content.decode()
    assert response.status_code == 200
    assert not Practice.objects.exists()
    assert 'value="Oudercoördinator in de wijk"' in html
    assert "Meer ouders in de school." in html
    assert "javascript:alert(1)" in html  # kept in the field, shown with an error
    assert html.count('class="field-error"') >= 2


def test_control_characters_typed_into_a_practice_are_not_saved(client, member, coalition, theme):
    data = practice_data(coalition, theme, title="Ouder\x01coördinator\x1f in de wijk",
                         summary="Meer\x0b ouders\tin de school.\r\nEcht.", approach="Stap\x00 voor stap",
                         **formset("links", [{"title": "Web\x02site", "url": "https://example.org/\x01buitenkans"}]))
    response = client.post(reverse("practices:create"), {**data, "action": "submit"})
    practice = Practice.objects.get()
    assert response["Location"] == practice.get_absolute_url()
    assert (practice.title, practice.summary, practice.approach) == (
        "Oudercoördinator in de wijk", "Meer ouders\tin de school.\r\nEcht.", "Stap voor stap")
    assert list(practice.links.values_list("title", "url")) == [("Website", "https://example.org/buitenkans")]


@pytest.mark.parametrize(("name", "content", "ok"), [
    ("verslag.pdf", b"%PDF-1.7 ...", True),
    ("foto.png", b"\x89PNG\r\n\x1a\n....", True),
    ("script.exe", b"MZ....", False),
    ("nep.pdf", b"<html><script>alert(1)</script>", False),
    ("groot.pdf", b"%PDF-" + b"0" * (10 * 1024 * 1024), False),
])
def test_attachments_are_validated(client, member, coalition, theme, settings, tmp_path, name, content, ok):
    settings.MEDIA_ROOT = tmp_path
    data = practice_data(coalition, theme, **formset("attachments", [{"title": "Bijlage"}]))
    data["attachments-0-file"] = SimpleUploadedFile(name, content)
    client.post(reverse("practices:create"), {**data, "action": "save"})
    assert Practice.objects.exists() is ok
    if ok:
        assert Practice.objects.get().attachments.count() == 1


def test_author_edits_draft_but_not_submitted(client, member, coalition, theme):
    client.post(reverse("practices:create"), {**practice_data(coalition, theme), "action": "save"})
    practice = Practice.objects.get()
    assert practice.state == ModerationState.DRAFT
    response = client.post(reverse("practices:edit", args=[practice.slug]), {
        **practice_data(coalition, theme, title="Nieuwe titel"), "action": "submit"})
    practice.refresh_from_db()
    assert practice.title == "Nieuwe titel" and practice.state == ModerationState.SUBMITTED
    response = client.get(reverse("practices:edit", args=[practice.slug]), follow=True)
    assert response.redirect_chain[-1][0] == practice.get_absolute_url()
    assert "kan niet meer worden bewerkt" in response.content.decode()


def _head_of(response) -> str:
    html = response.content.decode()
    return html[html.index("<head>"):html.index("</head>")]


@pytest.mark.parametrize("url_name", ["practices:detail", "events:detail"])
def test_item_page_head_is_plain_text_for_a_logged_in_member(member, client, coalition, url_name):
    """The report form belongs in the page body; inside <title> or a meta tag it showed as raw HTML."""
    if url_name == "practices:detail":
        item = factories.PracticeFactory(title="Ouderkamer in Veendam", summary="Ouders drinken koffie op school.",
                                         coalition=coalition)
    else:
        item = factories.EventFactory(title="Ouderkamer in Veendam", summary="Ouders drinken koffie op school.",
                                      organiser=coalition)
    response = client.get(reverse(url_name, args=[item.slug]))
    head = _head_of(response)
    title = head[head.index("<title>") + len("<title>"):head.index("</title>")]
    assert title == "Ouderkamer in Veendam · Kennisportaal School & Omgeving"
    assert '<meta name="description" content="Ouders drinken koffie op school.">' in head
    assert "<form" not in head
    assert "csrfmiddlewaretoken" not in head
    html = response.content.decode()
    # The report form is still there, once, after the header.
    assert html.count('<summary>Meld dit bij de regiocoördinatoren</summary>') == 1
    assert html.index("<summary>Meld dit") > html.index('<header class="site-header">')


def _draft_data(coalition, **overrides):
    """Only a title and a coalition (whose region the draft needs): the rest is left empty."""
    return {"title": "Half af", "coalition": coalition.pk if coalition else "", **formset("links", total=0),
            **formset("attachments", total=0), **overrides}


def test_draft_needs_only_a_title_and_a_region(client, member, coalition):
    response = client.post(reverse("practices:create"), {**_draft_data(coalition), "action": "save"})
    practice = Practice.objects.get()
    assert response["Location"] == practice.get_absolute_url()
    assert (practice.title, practice.state, practice.author, practice.region) == (
        "Half af", ModerationState.DRAFT, member, coalition.region)
    assert (practice.summary, practice.school_type, practice.approach) == ("", "", "")
    assert list(practice.themes.all()) == []


def test_draft_without_title_or_region_is_refused(client, member, coalition):
    response = client.post(reverse("practices:create"), {
        **_draft_data(None, title=""), "action": "save"})
    assert response.status_code == 200
    assert response.context["form"].errors == {
        "title": ["Dit veld is verplicht."], "region": ["Kies een regio of een coalitie."]}
    assert not Practice.objects.exists()


def test_submitting_an_incomplete_practice_gets_the_field_errors(client, member, coalition):
    client.post(reverse("practices:create"), {**_draft_data(coalition), "action": "save"})
    practice = Practice.objects.get()
    response = client.post(reverse("practices:edit", args=[practice.slug]), {
        **_draft_data(coalition, summary="Meer ouders in de school."), "action": "submit"})
    assert response.status_code == 200
    assert response.context["form"].errors == {field: ["Dit veld is verplicht."]
                                               for field in ["school_type", "approach", "themes"]}
    practice.refresh_from_db()
    assert practice.state == ModerationState.DRAFT and practice.summary == ""


def test_submit_button_of_an_incomplete_draft_names_the_missing_fields(client, member, coalition, theme):
    client.post(reverse("practices:create"), {**_draft_data(coalition), "action": "save"})
    practice = Practice.objects.get()
    client.get(practice.get_absolute_url())  # shows (and so uses up) the "draft saved" message
    response = client.post(reverse("practices:submit", args=[practice.slug]))
    assert response["Location"] == reverse("practices:edit", args=[practice.slug])
    messages = [str(m) for m in client.get(response["Location"]).context["messages"]]
    assert messages == ["Vul deze velden in voordat je je praktijkvoorbeeld indient: "
                        "Samenvatting, Schooltype, Aanpak, Thema's."]
    practice.refresh_from_db()
    assert practice.state == ModerationState.DRAFT
    Practice.objects.filter(pk=practice.pk).update(summary="Kort", school_type="po", approach="Zo")
    practice.themes.set([theme])
    client.post(reverse("practices:submit", args=[practice.slug]))
    practice.refresh_from_db()
    assert practice.state == ModerationState.SUBMITTED


@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite asks no estimate")
def test_practice_search_asks_the_estimate_again_once_it_expired(client, django_assert_num_queries, monkeypatch):
    monkeypatch.setattr("practices.models._search_estimates", {})
    monkeypatch.setattr("practices.models.SEARCH_ESTIMATE_SECONDS", 0)
    factories.PracticeFactory()
    client.get(reverse("practices:list"), {"q": "scholen"})
    with django_assert_num_queries(3):  # the EXPLAIN again
        client.get(reverse("practices:list"), {"q": "scholen"})
