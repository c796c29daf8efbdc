"""The moderation state machine: allowed and refused transitions, the log, and the emails they cause."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from moderation.models import Flag, ModerationLogEntry, ModerationState
from moderation.services import TransitionNotAllowed, available_actions, flag_item, transition
from tests import factories

S = ModerationState
pytestmark = pytest.mark.django_db


@pytest.fixture
def setup(region, coalition):
    author = factories.UserFactory(email="auteur@example.org", full_name="Irma")
    coordinator = factories.UserFactory(email="coordinator@example.org", full_name="Coördinator Noord")
    factories.RegionCoordinatorFactory(region=region, user=coordinator)
    practice = factories.PracticeFactory(title="De Wijde Wereld", coalition=coalition, author=author,
                                         state=S.DRAFT, published_at=None)
    return author, coordinator, practice


def test_full_happy_path_with_log_and_emails(setup, django_capture_on_commit_callbacks):
    author, coordinator, practice = setup
    with django_capture_on_commit_callbacks(execute=True):
        transition(practice, "submit", actor=author)
    assert [m.to for m in mail.outbox] == [["coordinator@example.org"]]
    assert "De Wijde Wereld" in mail.outbox[0].subject

    with django_capture_on_commit_callbacks(execute=True):
        transition(practice, "request_changes", actor=coordinator, comment="Voeg resultaten toe.")
    assert mail.outbox[-1].to == ["auteur@example.org"]
    assert "Voeg resultaten toe." in mail.outbox[-1].body

    with django_capture_on_commit_callbacks(execute=True):
        transition(practice, "submit", actor=author)
        transition(practice, "publish", actor=coordinator)
    practice.refresh_from_db()
    assert practice.state == S.PUBLISHED and practice.published_at is not None
    to_author = [m for m in mail.outbox if m.to == ["auteur@example.org"]]
    assert len(to_author) == 2 and "Gepubliceerd" in to_author[-1].body
    log = list(ModerationLogEntry.objects.order_by("pk").values_list("from_state", "to_state", "actor__email"))
    assert log == [
        ("draft", "submitted", "auteur@example.org"),
        ("submitted", "changes_requested", "coordinator@example.org"),
        ("changes_requested", "submitted", "auteur@example.org"),
        ("submitted", "published", "coordinator@example.org"),
    ]


@pytest.mark.parametrize(
    ("state", "action"),
    [
        (S.PUBLISHED, "publish"),  # publishing twice
        (S.DRAFT, "reject"),  # rejecting a draft
        (S.DRAFT, "publish"),
        (S.REJECTED, "publish"),
        (S.HIDDEN, "hide"),
        (S.SUBMITTED, "unhide"),
        (S.SUBMITTED, "submit"),
        (S.PUBLISHED, "submit"),
    ],
)
def test_illegal_transitions_are_refused_and_change_nothing(setup, state, action):
    author, coordinator, practice = setup
    type(practice).objects.filter(pk=practice.pk).update(state=state, published_at=timezone.now())
    practice.refresh_from_db()
    with pytest.raises(TransitionNotAllowed):
        transition(practice, action, actor=coordinator, comment="Reden")
    practice.refresh_from_db()
    assert practice.state == state
    assert not ModerationLogEntry.objects.exists()
    assert not mail.outbox


def test_reject_and_hide_need_a_comment(setup):
    author, coordinator, practice = setup
    transition(practice, "submit", actor=author)
    with pytest.raises(TransitionNotAllowed, match="toelichting|comment|uitleg"):
        transition(practice, "reject", actor=coordinator, comment="  ")
    practice.refresh_from_db()
    assert practice.state == S.SUBMITTED


def test_events_only_hide_and_unhide(coalition):
    event = factories.EventFactory(organiser=coalition)
    assert [a.name for a in available_actions(event, moderator=True)] == ["hide"]
    with pytest.raises(TransitionNotAllowed):
        transition(event, "request_changes", actor=None, comment="x")


def test_flag_mails_coordinators_and_is_resolved_by_a_decision(setup, django_capture_on_commit_callbacks):
    author, coordinator, practice = setup
    type(practice).objects.filter(pk=practice.pk).update(state=S.PUBLISHED, published_at=timezone.now())
    practice.refresh_from_db()
    reporter = factories.UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        flag = flag_item(practice, reporter=reporter, reason="Bevat persoonsgegevens van een leerling.")
    assert mail.outbox[-1].to == ["coordinator@example.org"]
    assert "persoonsgegevens" in mail.outbox[-1].body
    transition(practice, "hide", actor=coordinator, comment="Verborgen tot het is aangepast.")
    flag.refresh_from_db()
    assert flag.resolved_at is not None and flag.resolved_by == coordinator
    assert Flag.objects.filter(resolved_at__isnull=True).count() == 0


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


def test_tip_flag_and_hide_from_the_queue(client, region):
    coordinator = factories.UserFactory()
    factories.RegionCoordinatorFactory(region=region, user=coordinator)
    tip = factories.TipFactory(title="Begin klein", region=region)
    client.force_login(factories.UserFactory())
    client.post(reverse("practices:tip_flag", args=[tip.pk]), {"reason": "Dit is reclame."})
    assert Flag.objects.get().reason == "Dit is reclame."
    client.force_login(coordinator)
    queue = client.get(reverse("moderation_queue")).content.decode()
    assert "Dit is reclame." in queue
    client.post(reverse("practices:tip_moderate", args=[tip.pk]), {"action": "hide", "comment": "Reclame",
                                                         "next": reverse("moderation_queue")})
    tip.refresh_from_db()
    assert tip.state == S.HIDDEN
    assert "Begin klein" not in client.get(reverse("practices:tips")).content.decode()
    assert Flag.objects.get().resolved_at is not None
