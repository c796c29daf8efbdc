"""Moderation forms posted from the item pages: publishing, who sees the log, safe redirects."""

import re

import pytest
from django.conf import settings
from django.urls import reverse

from moderation.models import ModerationLogEntry, ModerationState
from moderation.services import flag_item, transition
from notifications.models import OutboundEmail
from practices.models import Practice
from tests import factories

pytestmark = pytest.mark.django_db


S = ModerationState


def test_coordinator_publishes_from_the_page(client, setup):
    author, coordinator, practice = setup
    transition(practice, "submit", actor=author)
    client.force_login(coordinator)
    response = client.post(reverse("practices:moderate", args=[practice.slug]), {"action": "publish"}, follow=True)
    practice.refresh_from_db()
    assert practice.state == S.PUBLISHED
    assert "Gepubliceerd" in response.content.decode()
    again = client.post(reverse("practices:moderate", args=[practice.slug]), {"action": "publish"}, follow=True)
    assert "niet mogelijk" in again.content.decode()
    assert ModerationLogEntry.objects.filter(to_state=S.PUBLISHED).count() == 1


def test_moderation_log_visible_to_coordinator_not_public(client, setup):
    author, coordinator, practice = setup
    transition(practice, "submit", actor=author)
    transition(practice, "publish", actor=coordinator)
    client.force_login(coordinator)
    assert "Moderatiegeschiedenis" in client.get(practice.get_absolute_url()).content.decode()
    client.logout()
    assert "Moderatiegeschiedenis" not in client.get(practice.get_absolute_url()).content.decode()


def test_open_redirect_is_refused(client, setup):
    author, coordinator, practice = setup
    transition(practice, "submit", actor=author)
    client.force_login(coordinator)
    response = client.post(reverse("practices:moderate", args=[practice.slug]),
                           {"action": "publish", "next": "https://evil.example/"})
    assert response["Location"] == practice.get_absolute_url()


@pytest.fixture
def flagged(setup, region):
    author, coordinator, practice = setup
    transition(practice, "submit", actor=author)
    transition(practice, "publish", actor=coordinator)
    reporter = factories.UserFactory(email="melder@example.org", full_name="Melder")
    flag = flag_item(practice, reporter=reporter, reason="Dit is reclame.")
    return coordinator, practice, flag


def test_coordinator_dismisses_a_report_from_the_queue(client, flagged):
    coordinator, practice, flag = flagged
    client.force_login(coordinator)
    queue = reverse("moderation_queue") + "?meldingen=1"
    response = client.post(reverse("flag_dismiss", args=[flag.pk]), {"note": "Geen reclame.", "next": queue})
    assert response.status_code == 302 and response["Location"] == queue
    flag.refresh_from_db()
    assert (flag.dismissed, flag.resolved_by, flag.resolution_note) == (True, coordinator, "Geen reclame.")
    assert Practice.objects.get(pk=practice.pk).state == S.PUBLISHED
    assert list(OutboundEmail.objects.filter(kind="flag-dismissed").values_list("recipient", flat=True)) == [
        "melder@example.org"]
    page = client.get(queue)
    assert [str(m) for m in page.context["messages"]] == [
        "De melding is afgewezen; de melder krijgt je toelichting per e-mail."]
    assert list(page.context["flags"].object_list) == []


def test_dismissing_twice_says_so_and_changes_nothing(client, flagged):
    coordinator, practice, flag = flagged
    client.force_login(coordinator)
    client.post(reverse("flag_dismiss", args=[flag.pk]), {"note": "Geen reclame."}, follow=True)
    response = client.post(reverse("flag_dismiss", args=[flag.pk]), {"note": "Tweede keer"}, follow=True)
    assert [str(m) for m in response.context["messages"]] == [
        "Deze melding is al afgehandeld; er is niets gewijzigd."]
    flag.refresh_from_db()
    assert flag.resolution_note == "Geen reclame."
    assert ModerationLogEntry.objects.filter(dismissed_flag=flag).count() == 1
    assert OutboundEmail.objects.filter(kind="flag-dismissed").count() == 1


def test_dismissal_without_a_note_is_refused(client, flagged):
    coordinator, practice, flag = flagged
    client.force_login(coordinator)
    response = client.post(reverse("flag_dismiss", args=[flag.pk]), {"note": "  "}, follow=True)
    assert [str(m) for m in response.context["messages"]] == ["Leg de melder uit waarom je de melding afwijst."]
    flag.refresh_from_db()
    assert (flag.resolved_at, flag.dismissed) == (None, False)


def test_coordinators_of_another_region_and_members_get_404(client, flagged):
    coordinator, practice, flag = flagged
    elsewhere = factories.UserFactory()
    factories.RegionCoordinatorFactory(region=factories.RegionFactory(name="Zuid", slug="zuid"), user=elsewhere)
    for user in (elsewhere, factories.UserFactory()):
        client.force_login(user)
        assert client.post(reverse("flag_dismiss", args=[flag.pk]), {"note": "Weg ermee"}).status_code == 404
    flag.refresh_from_db()
    assert (flag.resolved_at, flag.dismissed) == (None, False)


def _buttons(html: str) -> dict[str, str]:
    """The class attribute of every submit button, by its text."""
    return {text.strip(): classes for classes, text in
            re.findall(r'<button type="submit"[^>]*class="([^"]*)"[^>]*>([^<]*)</button>', html)}


def test_publish_is_the_primary_button_reject_and_hide_are_secondary(client, setup, region):
    author, coordinator, practice = setup
    transition(practice, "submit", actor=author)
    client.force_login(coordinator)
    panel = _buttons(client.get(practice.get_absolute_url()).content.decode())
    assert {name: panel[name] for name in ("Publiceren", "Aanpassingen vragen", "Afwijzen")} == {
        "Publiceren": "button", "Aanpassingen vragen": "button button-secondary", "Afwijzen": "button button-secondary"}
    tip = factories.TipFactory(region=region, title="Begin klein")
    flag_item(tip, reporter=author, reason="Klopt niet")
    factories.TipFactory(region=region, state=S.SUBMITTED, published_at=None)
    queue = _buttons(client.get(reverse("moderation_queue")).content.decode())
    assert {name: queue[name] for name in ("Publiceren", "Afwijzen", "Verbergen", "Melding afwijzen")} == {
        "Publiceren": "button", "Afwijzen": "button button-secondary", "Verbergen": "button button-secondary",
        "Melding afwijzen": "button button-secondary"}


def test_secondary_buttons_stay_secondary_inside_forms():
    """Buttons in main forms get the primary colours from "main form button[type=submit]"; the secondary
    style must be at least as specific, or "Afwijzen" and "Verbergen" look exactly like "Publiceren"."""
    css = (settings.BASE_DIR / "static" / "css" / "site.css").read_text()
    rule = re.search(r'main form button\[type="submit"\]\.button-secondary[^{]*\{([^}]*)\}', css)
    assert rule is not None
    assert "background: var(--white)" in rule.group(1)
