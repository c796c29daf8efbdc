"""Moderation forms posted from the item pages: publishing, who sees the log, safe redirects."""

import pytest
from django.urls import reverse

from moderation.models import ModerationLogEntry, ModerationState
from moderation.services import transition

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
