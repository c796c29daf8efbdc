"""A change shows at once on every cached page that lists it (core/pagecache.py).

Each test fills the page cache for the pages that show an item (and proves they are served from it), makes one
change through the real service or view, commits it, and reads the pages again as an anonymous visitor: each
page is rendered anew and shows the change, exactly as the view without cache renders it.
"""

from datetime import timedelta

import pytest
from django.conf import settings
from django.db import transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from core.rows import RowChanges
from events.models import Event
from events.services.events import cancel_event, save_event
from moderation.models import ModerationState
from moderation.services import transition
from practices.services import save_practice
from tests import factories

pytestmark = pytest.mark.django_db

S = ModerationState


@pytest.fixture
def cached(settings):
    settings.PAGE_CACHE_SECONDS = 120
    return settings


@pytest.fixture
def coordinator(region):
    user = factories.UserFactory(email="coordinator@example.org", full_name="Ria")
    factories.RegionCoordinatorFactory(region=region, user=user)
    client = Client()
    client.force_login(user)
    client.user = user
    return client


def fill(client, urls):
    """Read every page twice: the second read must come from the cache."""
    for url in urls:
        client.get(url)
        response = client.get(url)
        assert (url, response.status_code, response["X-Page-Cache"]) == (url, 200, "hit")


def read(client, urls):
    """What an anonymous visitor gets now, and what the view itself renders now (a request with a session
    cookie always goes to the view)."""
    fresh = Client()
    fresh.cookies[settings.SESSION_COOKIE_NAME] = "geen-sessie"
    pages = {}
    for url in urls:
        response = client.get(url)
        assert response.get("X-Page-Cache") != "hit", url
        view = fresh.get(url)
        assert (response.status_code, response.content) == (view.status_code, view.content), url
        pages[url] = (response.status_code, response.content.decode())
    return pages


def shows(pages, text):
    return {url: (status, text in body) for url, (status, body) in pages.items()}


# --- practices -----------------------------------------------------------------------------------------


def practice_pages(practice, *, search: str):
    return [reverse("practices:list"), f"{reverse('practices:list')}?q={search}", reverse("home"),
            reverse("coalition_detail", args=[practice.coalition.slug])]


def test_a_practice_published_by_moderation_appears_at_once(client, cached, coalition, coordinator,
                                                           django_capture_on_commit_callbacks):
    practice = factories.PracticeFactory(title="Moestuin op het schoolplein", coalition=coalition, state=S.SUBMITTED,
                                         published_at=None)
    urls = practice_pages(practice, search="moestuin")
    fill(client, urls)
    assert client.get(practice.get_absolute_url()).status_code == 404
    with django_capture_on_commit_callbacks(execute=True):
        response = coordinator.post(reverse("practices:moderate", args=[practice.slug]), {"action": "publish"})
    assert response.status_code == 302
    pages = read(client, [*urls, practice.get_absolute_url()])
    assert shows(pages, "Moestuin op het schoolplein") == dict.fromkeys(pages, (200, True))


def test_an_edited_practice_shows_its_new_title_at_once(client, cached, coalition, django_capture_on_commit_callbacks):
    practice = factories.PracticeFactory(title="Moestuin op het schoolplein", coalition=coalition)
    urls = [*practice_pages(practice, search="moestuin"), f"{reverse('practices:list')}?q=kookclub",
            practice.get_absolute_url()]
    fill(client, urls)
    practice.title = "Kookclub in de middagpauze"
    with django_capture_on_commit_callbacks(execute=True):
        save_practice(practice, author=practice.author, themes=[], mechanisms=[], links=RowChanges(),
                      attachments=RowChanges(), submit=False)
    pages = read(client, urls)
    search_old, search_new = f"{reverse('practices:list')}?q=moestuin", f"{reverse('practices:list')}?q=kookclub"
    assert shows(pages, "Moestuin op het schoolplein") == dict.fromkeys(urls, (200, False))
    assert shows(pages, "Kookclub in de middagpauze") == {url: (200, url != search_old) for url in urls}
    assert search_new in pages


def test_a_hidden_practice_disappears_at_once(client, cached, coalition, coordinator,
                                              django_capture_on_commit_callbacks):
    practice = factories.PracticeFactory(title="Moestuin op het schoolplein", coalition=coalition)
    urls = practice_pages(practice, search="moestuin")
    fill(client, [*urls, practice.get_absolute_url()])
    with django_capture_on_commit_callbacks(execute=True):
        response = coordinator.post(reverse("practices:moderate", args=[practice.slug]),
                                    {"action": "hide", "comment": "Bevat persoonsgegevens."})
    assert response.status_code == 302
    practice.refresh_from_db()
    assert practice.state == S.HIDDEN
    pages = read(client, [*urls, practice.get_absolute_url()])
    assert shows(pages, "Moestuin op het schoolplein") == {
        **dict.fromkeys(urls, (200, False)), practice.get_absolute_url(): (404, False)}


def test_a_deleted_practice_disappears_at_once(client, cached, coalition, django_capture_on_commit_callbacks):
    practice = factories.PracticeFactory(title="Moestuin op het schoolplein", coalition=coalition)
    urls = practice_pages(practice, search="moestuin")
    detail = practice.get_absolute_url()
    fill(client, [*urls, detail])
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        practice.delete()
    pages = read(client, [*urls, detail])
    assert shows(pages, "Moestuin op het schoolplein") == {**dict.fromkeys(urls, (200, False)), detail: (404, False)}


# --- events --------------------------------------------------------------------------------------------


def event_pages(event):
    return [reverse("events:list"), reverse("home"), reverse("coalition_detail", args=[event.organiser.slug])]


def test_a_new_event_appears_at_once(client, cached, coalition, leader, django_capture_on_commit_callbacks):
    """A new event is published when it is saved (events are moderated afterwards: hidden when needed)."""
    urls = [reverse("events:list"), reverse("home"), reverse("coalition_detail", args=[coalition.slug])]
    fill(client, urls)
    starts_at = timezone.now() + timedelta(days=10)
    event = Event(title="Inspiratiemiddag Veendam", kind=Event.Kind.INSPIRATION, summary="Leren van elkaar.",
                  organiser=coalition, starts_at=starts_at, ends_at=starts_at + timedelta(hours=3),
                  venue_name="Cultuurhuis", city="Veendam")
    with django_capture_on_commit_callbacks(execute=True):
        save_event(event, themes=[], programme=RowChanges(), stands=RowChanges(), created_by=leader)
    assert event.state == S.PUBLISHED
    pages = read(client, [*urls, event.get_absolute_url()])
    assert shows(pages, "Inspiratiemiddag Veendam") == dict.fromkeys(pages, (200, True))


def test_a_hidden_event_disappears_at_once(client, cached, event, coordinator, django_capture_on_commit_callbacks):
    urls = event_pages(event)
    fill(client, [*urls, event.get_absolute_url()])
    with django_capture_on_commit_callbacks(execute=True):
        transition(event, "hide", actor=coordinator.user, comment="Dubbel aangemaakt.")
    pages = read(client, [*urls, event.get_absolute_url()])
    assert shows(pages, "Inspiratiemiddag Veendam") == {
        **dict.fromkeys(urls, (200, False)), event.get_absolute_url(): (404, False)}


def test_an_edited_event_shows_its_new_title_and_time_at_once(client, cached, event,
                                                              django_capture_on_commit_callbacks):
    urls = [*event_pages(event), event.get_absolute_url()]
    fill(client, urls)
    event.title = "Techniekmiddag Veendam"
    event.starts_at = timezone.now() + timedelta(days=20)
    event.ends_at = event.starts_at + timedelta(hours=2)
    with django_capture_on_commit_callbacks(execute=True):
        save_event(event, themes=[], programme=RowChanges(), stands=RowChanges(), created_by=None)
    pages = read(client, urls)
    assert shows(pages, "Inspiratiemiddag Veendam") == dict.fromkeys(urls, (200, False))
    assert shows(pages, "Techniekmiddag Veendam") == dict.fromkeys(urls, (200, True))


def test_a_cancelled_event_is_marked_and_leaves_the_home_page_at_once(client, cached, event,
                                                                     django_capture_on_commit_callbacks):
    urls = [*event_pages(event), event.get_absolute_url()]
    fill(client, urls)
    assert shows(read_cached(client, urls), "Geannuleerd") == dict.fromkeys(urls, (200, False))
    with django_capture_on_commit_callbacks(execute=True):
        cancel_event(event, reason="De zaal is niet beschikbaar.")
    pages = read(client, urls)
    home, listing, detail = reverse("home"), reverse("events:list"), event.get_absolute_url()
    assert shows(pages, "Inspiratiemiddag Veendam") == {url: (200, url != home) for url in urls}
    assert shows(pages, "Geannuleerd")[listing] == (200, True)
    assert shows(pages, "Deze bijeenkomst is geannuleerd.")[detail] == (200, True)


def read_cached(client, urls):
    pages = {}
    for url in urls:
        response = client.get(url)
        assert response["X-Page-Cache"] == "hit", url
        pages[url] = (response.status_code, response.content.decode())
    return pages


# --- tips ----------------------------------------------------------------------------------------------


def test_a_tip_published_by_moderation_appears_at_once(client, cached, region, coordinator,
                                                       django_capture_on_commit_callbacks):
    author = factories.UserFactory(email="auteur@example.org")
    factories.MembershipFactory(coalition=factories.CoalitionFactory(region=region), user=author)
    tip = factories.TipFactory(title="Begin met een inspiratiemiddag", author=author, state=S.SUBMITTED,
                               published_at=None)
    urls = [reverse("practices:tips")]
    fill(client, urls)
    with django_capture_on_commit_callbacks(execute=True):
        transition(tip, "publish", actor=coordinator.user)
    pages = read(client, [*urls, reverse("home")])
    assert shows(pages, "Begin met een inspiratiemiddag") == dict.fromkeys(pages, (200, True))


def test_a_page_stays_cached_while_nothing_changes(client, cached, event, django_capture_on_commit_callbacks):
    """The counterpart of the tests above: without a content write the pages keep coming from the cache,
    also when someone logs in (a session and last_login are bookkeeping)."""
    urls = [*event_pages(event), event.get_absolute_url()]
    fill(client, urls)
    member = factories.UserFactory(email="lid@example.org", password="een-lang-wachtwoord")  # noqa: S106
    with django_capture_on_commit_callbacks(execute=True):
        assert Client().login(email=member.email, password="een-lang-wachtwoord")  # noqa: S106
    assert {url: page[0] for url, page in read_cached(client, urls).items()} == dict.fromkeys(urls, 200)
