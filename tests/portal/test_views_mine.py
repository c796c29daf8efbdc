"""A member's own pages: my portal and the profile."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from coalitions.models import MemberProfile
from events.models import Registration
from moderation.models import ModerationState
from tests import factories
from tests.helpers import parse_html

pytestmark = pytest.mark.django_db


def test_profile_and_follows(client, member, region, theme, coalition):
    network = factories.LearningNetworkFactory(name="Leernetwerk schoolleiders")
    factories.LearningNetworkFactory(name="Leernetwerk wethouders")
    page = client.get(reverse("profile")).content.decode()
    assert f'<input type="checkbox" name="followed_networks" value="{network.pk}"' in page
    response = client.post(reverse("profile"), {
        "full_name": "Saskia Bruschke", "organisation_name": "IKC Zuid-Kennemerland", "job_function": "schoolleider",
        "digest_frequency": "daily", "event_reminders_enabled": "on", "region": region.pk,
        "followed_themes": [theme.pk], "followed_regions": [region.pk], "followed_coalitions": [coalition.pk],
        "followed_networks": [network.pk],
    })
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.full_name == "Saskia Bruschke" and member.digest_frequency == "daily"
    profile = MemberProfile.objects.get(user=member)
    assert list(profile.followed_themes.all()) == [theme]
    assert list(profile.followed_coalitions.all()) == [coalition]
    assert list(profile.followed_networks.all()) == [network]


def test_profile_sets_event_and_agreement_reminders_apart(client, member):
    html = parse_html(client.get(reverse("profile")))
    fields = {
        name: (html.find("label", for_=f"id_{name}").text, html.by_id(f"id_{name}_helptext").text,
               "checked" in html.by_id(f"id_{name}").attrs)
        for name in ("event_reminders_enabled", "agreement_reminders_enabled")
    }
    assert fields == {
        "event_reminders_enabled": (
            "Herinneringen voor bijeenkomsten",
            "Een e-mail de dag voor een bijeenkomst waarvoor je je hebt aangemeld.", True),
        "agreement_reminders_enabled": (
            "Herinneringen voor mijn vervolgafspraken",
            "Een e-mail voor, op en na de uiterste datum van een vervolgafspraak die bij jou ligt. Krijg je een "
            "afspraak toegewezen, dan hoor je dat altijd.", True),
    }
    response = client.post(reverse("profile"), {
        "full_name": "Saskia", "digest_frequency": "never", "agreement_reminders_enabled": "on",
    })
    assert response.status_code == 302
    member.refresh_from_db()
    assert (member.digest_frequency, member.event_reminders_enabled, member.agreement_reminders_enabled) == (
        "never", False, True)


def test_my_portal_lists_registrations_submissions_and_agreements(client, member, coalition, django_assert_num_queries):
    event = factories.EventFactory(title="Werkbezoek Maastricht", organiser=coalition)
    factories.RegistrationFactory(event=event, user=member)
    factories.PracticeFactory(title="Mijn concept", author=member, state=ModerationState.DRAFT, published_at=None)
    factories.AgreementFactory(event=event, owner=member, description="Terugbezoek plannen")
    factories.AgreementFactory(event=event, owner_email="lid@example.org", description="Verslag delen")
    html = client.get(reverse("my_portal")).content.decode()
    assert "Werkbezoek Maastricht" in html and "Mijn concept" in html
    assert "Terugbezoek plannen" in html and "Verslag delen" in html


@pytest.mark.parametrize(("count", "queries"), [(3, 8), (20, 8), (30, 12), (60, 12)])
def test_my_portal_query_count(client, member, coalition, count, queries, django_assert_num_queries):
    for _index in range(count):
        event = factories.EventFactory(organiser=coalition)
        factories.RegistrationFactory(event=event, user=member)
        factories.PracticeFactory(author=member, state=ModerationState.DRAFT, published_at=None)
        factories.TipFactory(author=member)
        factories.AgreementFactory(event=event, owner=member)
        factories.MembershipFactory(user=member)
    # session, user, then for each of the four lists its first page (up to 20 rows; counted only when there
    # are more: 4 counts from 21 rows on), memberships (the coalitions the member leads taken from them; none:
    # no query for requests to host), moderator check.
    with django_assert_num_queries(queries):
        response = client.get(reverse("my_portal"))
    assert len(response.context["practices"].object_list) == min(count, 20)
    assert response.context["agreements"].paginator.count == count


def _h1(html: str) -> str:
    return re.search(r"<h1>(.*?)</h1>", html, re.S).group(1).strip()


def test_my_portal_greets_without_the_email_before_a_name_is_set(client):
    user = factories.UserFactory(email="nieuw.lid@example.org", full_name="")
    client.force_login(user)
    html = client.get(reverse("my_portal")).content.decode()
    assert _h1(html) == "Welkom!"
    assert "nieuw.lid" not in html
    hint = re.search(r'<p class="lead" id="name-hint">(.*?)</p>', html, re.S).group(1)
    assert hint == f'Je hebt je naam nog niet ingevuld. <a href="{reverse("profile")}">Vul je naam in op je profiel</a>'


def test_my_portal_greets_by_name_once_set(client, member):
    html = client.get(reverse("my_portal")).content.decode()
    assert _h1(html) == "Welkom, Saskia"
    assert 'id="name-hint"' not in html


def _registration_lines(html: str) -> list[str]:
    section = re.search(r'<section aria-labelledby="registrations-heading">(.*?)</section>', html, re.S).group(1)
    return [re.sub(r"<[^>]+>", "", line).strip() for line in re.findall(r"<p>(.*?)</p>", section, re.S)]


@pytest.mark.parametrize("count", [1, 4])
def test_my_portal_shows_the_waiting_list_positions_in_one_more_query(
    client, member, coalition, count, django_assert_num_queries
):
    for index in range(count):
        event = factories.EventFactory(title=f"Vol {index}", organiser=coalition, capacity=1,
                                       starts_at=timezone.now() + timedelta(days=10 + index),
                                       ends_at=timezone.now() + timedelta(days=10 + index, hours=3))
        factories.RegistrationFactory(event=event, status=Registration.Status.CONFIRMED)
        # ``index`` others wait before the member; one who cancelled does not count.
        for _ahead in range(index):
            factories.RegistrationFactory(event=event, status=Registration.Status.WAITLISTED)
        factories.RegistrationFactory(event=event, status=Registration.Status.CANCELLED)
        factories.RegistrationFactory(event=event, user=member, status=Registration.Status.WAITLISTED)
        factories.RegistrationFactory(event=event, status=Registration.Status.WAITLISTED)
    confirmed = factories.EventFactory(title="Met plek", organiser=coalition,
                                       starts_at=timezone.now() + timedelta(days=30),
                                       ends_at=timezone.now() + timedelta(days=30, hours=3))
    factories.RegistrationFactory(event=confirmed, user=member)
    # session, user, the registrations' page (no count: it is not full) and the positions of the waitlisted
    # ones (one query for all), the three empty lists (their first page each), memberships (with the coalitions
    # the member leads), moderator check. Without a waitlisted registration: 8 (test_my_portal_query_count).
    with django_assert_num_queries(9):
        html = client.get(reverse("my_portal")).content.decode()
    statuses = [line.rsplit(" · ", 1)[-1] for line in _registration_lines(html)]
    assert statuses == ["Bevestigd"] + [f"Wachtlijst (plek {index + 1})" for index in reversed(range(count))]


@pytest.mark.parametrize("count", [1, 6])
def test_profile_previews_the_next_digest_in_constant_queries(client, member, coalition, theme, count,
                                                               django_assert_num_queries):
    MemberProfile.objects.create(user=member).followed_themes.set([theme])
    type(member).objects.filter(pk=member.pk).update(date_joined=timezone.now() - timedelta(days=30))
    for n in range(count):
        factories.PracticeFactory(title=f"Nieuw voorbeeld {n}", themes=[theme], coalition=coalition,
                                  published_at=timezone.now() - timedelta(hours=1))
        factories.AgreementFactory(owner=member, owner_email="", description=f"Afspraak {n}",
                                   due_date=timezone.localdate() + timedelta(days=3),
                                   event=factories.EventFactory(organiser=coalition))
    # Session and user, the profile and its follow form's choices, and the preview: the member's follows (4),
    # digest state, memberships, agreements, registrations, new practices and tips with their themes.
    with django_assert_num_queries(27):
        response = client.get(reverse("profile"))
    html = response.content.decode()
    preview = html[html.index('<section class="digest-preview"'):]
    assert '<h2 id="digest-preview-heading">Voorbeeld van mijn volgende overzicht</h2>' in preview
    assert "<h3>Mijn afspraken en aanmeldingen</h3>" in preview and '<h3>Nieuw in wat je volgt</h3>' in preview
    assert preview.count("Nieuw voorbeeld") == min(count, 5) and preview.count("<li>Afspraak") == count


def test_profile_preview_says_when_there_is_nothing_yet(client, member):
    html = client.get(reverse("profile")).content.decode()
    assert ("Nog niets. Volg hierboven thema’s, regio’s en coalities, meld je aan voor bijeenkomsten, en wat "
            "nieuw is voor jou verschijnt hier.") in html
