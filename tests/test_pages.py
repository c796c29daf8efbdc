"""Public pages: content, filters, pagination, and query-count guards with 1 and with 20 items."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from events.models import Event
from moderation.models import ModerationState
from tests import factories

pytestmark = pytest.mark.django_db

COUNTS = [1, 20]


def text_of(response) -> str:
    return response.content.decode()


@pytest.mark.parametrize("count", COUNTS)
def test_practice_list_query_count(client, django_assert_num_queries, count, theme):
    for _ in range(count):
        factories.PracticeFactory(themes=[theme])
    # count, page rows, themes prefetch, and one query each for the theme, region, coalition and
    # mechanism choices of the filter form.
    with django_assert_num_queries(7):
        response = client.get(reverse("practices:list"))
    assert response.status_code == 200
    assert len(response.context["page"].object_list) == count


def test_practice_list_shows_only_published(client, coalition):
    factories.PracticeFactory(title="Verrijkte middagpauze in Winsum", coalition=coalition)
    factories.PracticeFactory(title="Nog niet klaar", coalition=coalition, state=ModerationState.DRAFT,
                              published_at=None)
    factories.PracticeFactory(title="Verborgen voorbeeld", coalition=coalition, state=ModerationState.HIDDEN)
    response = client.get(reverse("practices:list"))
    titles = [p.title for p in response.context["page"]]
    assert titles == ["Verrijkte middagpauze in Winsum"]
    assert "1 praktijkvoorbeeld" in text_of(response)


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


@pytest.mark.postgres
def test_dutch_stemming_on_postgres(client):
    factories.PracticeFactory(title="Samenwerking met de school", summary="Een verhaal uit Winsum.")
    factories.PracticeFactory(title="Kinderopvang en sport", summary="Buitenschoolse opvang.")
    response = client.get(reverse("practices:list"), {"q": "scholen"})
    assert [p.title for p in response.context["page"]] == ["Samenwerking met de school"]


@pytest.mark.postgres
def test_title_outranks_body_on_postgres(client):
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
    # practice, themes, mechanisms, links, attachments, related practices, events presented at.
    with django_assert_num_queries(7):
        response = client.get(practice.get_absolute_url())
    assert response.status_code == 200
    assert len(response.context["related"]) == min(count, 3)


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


@pytest.mark.parametrize("count", COUNTS)
def test_event_list_query_count(client, django_assert_num_queries, count, theme):
    for _ in range(count):
        factories.EventFactory(themes=[theme])
    # count, page rows, themes prefetch, seats taken on the page, and the region, theme and coalition
    # choices of the form.
    with django_assert_num_queries(7):
        response = client.get(reverse("events:list"))
    assert len(response.context["page"].object_list) == count


def test_event_list_upcoming_and_past(client, coalition):
    now = timezone.now()
    factories.EventFactory(title="Werkbezoek Maastricht", organiser=coalition,
                           starts_at=now - timedelta(days=30), ends_at=now - timedelta(days=30, hours=-6))
    factories.EventFactory(title="Vervolg Veendam", organiser=coalition, starts_at=now + timedelta(days=7))
    factories.EventFactory(title="Later", organiser=coalition, starts_at=now + timedelta(days=70))
    factories.EventFactory(title="Verborgen", organiser=coalition, state=ModerationState.HIDDEN)
    upcoming = client.get(reverse("events:list"))
    past = client.get(reverse("events:list"), {"when": "afgelopen"})
    assert [e.title for e in upcoming.context["page"]] == ["Vervolg Veendam", "Later"]
    assert [e.title for e in past.context["page"]] == ["Werkbezoek Maastricht"]
    assert "2 komende bijeenkomsten" in text_of(upcoming)


def test_event_list_filters_kind_region_theme(client, coalition, theme):
    other = factories.CoalitionFactory(region=factories.RegionFactory(name="Zuid", slug="zuid"))
    factories.EventFactory(title="Werkbezoek", kind=Event.Kind.WORK_VISIT, organiser=other, host=coalition)
    factories.EventFactory(title="Training", kind=Event.Kind.TRAINING, organiser=other, themes=[theme])

    def titles(**params):
        return [e.title for e in client.get(reverse("events:list"), params).context["page"]]

    assert titles(kind="werkbezoek") == ["Werkbezoek"]
    assert titles(region="noord") == ["Werkbezoek"]  # hosted in Noord
    assert titles(theme=theme.slug) == ["Training"]
    assert titles(coalition=coalition.slug) == ["Werkbezoek"]


@pytest.mark.parametrize("count", COUNTS)
def test_event_detail_query_count(client, django_assert_num_queries, count, coalition):
    event = factories.EventFactory(kind=Event.Kind.PROVIDER_MARKET, capacity=50,
                                   themes=[factories.ThemeFactory() for _ in range(count)])
    for index in range(count):
        factories.ProgrammeItemFactory(event=event, title=f"Onderdeel {index}")
        factories.StandFactory(event=event)
        factories.RegistrationFactory(event=event)
        factories.EventFactory(follows_on=event)
        event.practices.add(factories.PracticeFactory())
    # event (+counts), themes, programme, stands, stand themes, followed by, practices, report.
    with django_assert_num_queries(8):
        response = client.get(event.get_absolute_url())
    assert response.status_code == 200
    assert f"{50 - count} van 50 plaatsen vrij" in text_of(response)


def test_event_detail_work_visit_content(client, coalition):
    host = factories.CoalitionFactory(name="Maastricht-Heuvelland", slug="maastricht")
    earlier = factories.EventFactory(title="Inspiratiemiddag", organiser=coalition)
    event = factories.EventFactory(
        title="Werkbezoek Maastricht", kind=Event.Kind.WORK_VISIT, organiser=coalition, host=host,
        follows_on=earlier, capacity=2,
    )
    factories.ProgrammeItemFactory(event=event, title="Rondleiding op school", speaker="Schoolleider")
    factories.StandFactory(event=event, offer="Muziek in de middagpauze")
    factories.RegistrationFactory(event=event)
    factories.RegistrationFactory(event=event)
    html = text_of(client.get(event.get_absolute_url()))
    assert "Maastricht-Heuvelland" in html and "Gastcoalitie" in html
    assert "Rondleiding op school" in html
    assert "Muziek in de middagpauze" in html
    assert "Vol: nieuwe aanmeldingen komen op de wachtlijst" in html
    assert "Inspiratiemiddag" in html and "Vervolg op" in html


@pytest.mark.parametrize("count", COUNTS)
def test_coalition_list_query_count(client, django_assert_num_queries, count, region):
    for _ in range(count):
        coalition = factories.CoalitionFactory(region=region)
        coalition.municipalities.add(factories.MunicipalityFactory())
    # count, page rows, municipalities prefetch, region choices.
    with django_assert_num_queries(4):
        response = client.get(reverse("coalitions:list"))
    assert len(response.context["page"].object_list) == count


def test_coalition_list_search_by_municipality(client, region):
    coalition = factories.CoalitionFactory(name="Oost-Groningen", region=region)
    coalition.municipalities.add(factories.MunicipalityFactory(name="Veendam"))
    factories.CoalitionFactory(name="Den Haag", region=region)
    response = client.get(reverse("coalitions:list"), {"q": "veendam"})
    assert [c.name for c in response.context["page"]] == ["Oost-Groningen"]


@pytest.mark.parametrize("count", COUNTS)
def test_coalition_detail_query_count(client, django_assert_num_queries, count, coalition):
    now = timezone.now()
    for index in range(count):
        coalition.partners.add(factories.OrganisationFactory())
        coalition.municipalities.add(factories.MunicipalityFactory())
        factories.EventFactory(organiser=coalition)
        factories.EventFactory(organiser=coalition, starts_at=now - timedelta(days=index + 2),
                               ends_at=now - timedelta(days=index + 1))
        factories.PracticeFactory(coalition=coalition)
        factories.MembershipFactory(coalition=coalition, role="projectleider")
    # coalition, municipalities, partners, project leaders, upcoming (+themes), past (+themes),
    # practices (+themes).
    with django_assert_num_queries(10):
        response = client.get(coalition.get_absolute_url())
    assert response.status_code == 200


def test_coalition_detail_shows_work_visit_of_host(client, coalition):
    visitor = factories.CoalitionFactory(name="Den Haag", slug="den-haag")
    factories.EventFactory(title="Werkbezoek", kind=Event.Kind.WORK_VISIT, organiser=visitor, host=coalition)
    partner = factories.OrganisationFactory(name="Hanzehogeschool", kind="hogeschool")
    coalition.partners.add(partner)
    html = text_of(client.get(coalition.get_absolute_url()))
    assert "Werkbezoek" in html and "Hanzehogeschool" in html
    assert "Werkbezoek" in text_of(client.get(visitor.get_absolute_url()))


@pytest.mark.parametrize("count", COUNTS)
def test_tip_list_query_count(client, django_assert_num_queries, count, theme):
    for _ in range(count):
        factories.TipFactory(themes=[theme])
    # themes for the filter, count, page rows, tip themes prefetch.
    with django_assert_num_queries(4):
        response = client.get(reverse("practices:tips"))
    assert len(response.context["page"].object_list) == count


def test_tip_list_filters_by_theme(client, theme):
    factories.TipFactory(title="Maak vervolgafspraken", themes=[theme])
    factories.TipFactory(title="Begin klein")
    response = client.get(reverse("practices:tips"), {"thema": theme.slug})
    assert [t.title for t in response.context["page"]] == ["Maak vervolgafspraken"]
    assert client.get(reverse("practices:tips"), {"thema": "onbekend"}).status_code == 404


@pytest.mark.parametrize("count", COUNTS)
def test_network_pages_query_count(client, django_assert_num_queries, count):
    networks = [factories.LearningNetworkFactory() for _ in range(count)]
    for _ in range(count):
        factories.EventFactory(learning_network=networks[0], kind=Event.Kind.NETWORK_MEETING)
    with django_assert_num_queries(2):
        assert len(client.get(reverse("coalitions:network_list")).context["page"].object_list) == count
    # network, count, page rows, themes prefetch.
    with django_assert_num_queries(4):
        response = client.get(networks[0].get_absolute_url())
    assert len(response.context["page"].object_list) == count


@pytest.mark.parametrize("count", COUNTS)
def test_home_query_count(client, django_assert_num_queries, count):
    for _ in range(count):
        factories.EventFactory(themes=[factories.ThemeFactory()])
        factories.PracticeFactory(themes=[factories.ThemeFactory()])
        factories.TipFactory()
    # events (+themes), practices (+themes), tip count, tip of the day.
    with django_assert_num_queries(6):
        response = client.get(reverse("home"))
    assert len(response.context["upcoming_events"]) == min(count, 6)


def test_home_content(client):
    factories.EventFactory(title="Inspiratiemiddag Veendam")
    factories.PracticeFactory(title="Middagpauze in Winsum")
    factories.TipFactory(title="Begin klein")
    html = text_of(client.get(reverse("home")))
    assert '<html lang="nl">' in html
    assert "Inspiratiemiddag Veendam" in html and "Middagpauze in Winsum" in html
    assert "Begin klein" in html


def test_home_empty_states(client):
    html = text_of(client.get(reverse("home")))
    assert "Er zijn nog geen bijeenkomsten gepland." in html
    assert "Er zijn nog geen praktijkvoorbeelden gepubliceerd." in html


def test_about_lists_coordinators(client, django_assert_num_queries, region):
    coordinator = factories.RegionCoordinatorFactory(region=region, public_email="noord@example.org",
                                                     user__full_name="Anne de Vries")
    with django_assert_num_queries(4):
        html = text_of(client.get(reverse("about")))
    assert "Anne de Vries" in html and "noord@example.org" in html
    assert coordinator.region.name in html


def test_help_request_emails_coordinators(client, region, mailoutbox, django_capture_on_commit_callbacks):
    coordinator = factories.RegionCoordinatorFactory(region=region, user__email="coordinator@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("about"), {
            "region": region.pk, "name": "Saskia", "email": "saskia@example.org",
            "organisation": "IKC Schalkwijk", "question": "Hoe betrekken we ouders met een taalachterstand?",
        }, follow=True)
    assert "Je vraag is verstuurd" in text_of(response) or "Bedankt" in text_of(response)
    recipients = sorted(m.to[0] for m in mailoutbox)
    assert recipients == ["coordinator@example.org", "saskia@example.org"]
    to_coordinator = next(m for m in mailoutbox if m.to == [coordinator.user.email])
    assert "Hoe betrekken we ouders" in to_coordinator.body
    assert to_coordinator.extra_headers["Reply-To"] == "saskia@example.org"
    assert to_coordinator.alternatives and "IKC Schalkwijk" in to_coordinator.alternatives[0][0]


def test_help_request_invalid_keeps_input(client, region):
    response = client.post(reverse("about"), {"region": region.pk, "name": "Saskia", "email": "geen-email",
                                              "question": "Mijn vraag blijft staan"})
    html = text_of(response)
    assert response.status_code == 200
    assert "Voer een geldig e-mailadres in." in html
    assert "Mijn vraag blijft staan" in html and 'value="Saskia"' in html
    from coalitions.models import HelpRequest

    assert HelpRequest.objects.count() == 0


def test_friendly_404(client):
    response = client.get("/bestaat-echt-niet/")
    assert response.status_code == 404
    html = text_of(response)
    assert "Deze pagina is niet gevonden" in html
    assert 'href="/praktijkvoorbeelden/"' in html


def test_login_page_in_dutch_and_site_layout(client):
    html = text_of(client.get(reverse("account_login")))
    heading = html[html.index("<h1>"):html.index("</h1>")]
    assert heading.split() == ["<h1>", "Inloggen"]
    assert "Wachtwoord vergeten?" in html
    assert 'class="site-header"' in html


def test_healthz(client):
    response = client.get("/healthz")
    assert response.status_code == 200 and response.content == b"ok"


def test_help_requests_are_rate_limited(client, region):
    from coalitions.models import HelpRequest

    data = {"region": region.pk, "name": "Saskia", "email": "saskia@example.org", "question": "Vraag"}
    for _ in range(5):
        assert client.post(reverse("about"), data).status_code == 302
    response = client.post(reverse("about"), data)
    assert response.status_code == 200
    assert "Probeer het later opnieuw" in text_of(response)
    assert 'value="Saskia"' in text_of(response)
    assert HelpRequest.objects.count() == 5


def test_event_list_shows_seats_left_per_event(client, coalition):
    roomy = factories.EventFactory(title="Ruim", organiser=coalition, capacity=3)
    full = factories.EventFactory(title="Vol", organiser=coalition, capacity=1)
    factories.RegistrationFactory(event=roomy)
    factories.RegistrationFactory(event=full)
    html = text_of(client.get(reverse("events:list")))
    roomy_card = html[html.index(">Ruim<"):html.index("</article>", html.index(">Ruim<"))]
    full_card = html[html.index(">Vol<"):html.index("</article>", html.index(">Vol<"))]
    assert "2 plaatsen vrij" in roomy_card
    assert "Vol: wachtlijst" in full_card
