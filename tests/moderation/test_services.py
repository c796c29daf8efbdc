"""The moderation state machine: transitions, the log, refused transitions, flags and emails."""

import pytest
from django.core import mail
from django.utils import timezone

from moderation.models import Flag, ModerationLogEntry, ModerationState
from moderation.services import TransitionNotAllowed, available_actions, flag_item, transition
from tests import factories

pytestmark = pytest.mark.django_db


S = ModerationState




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
