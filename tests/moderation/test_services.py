"""The moderation state machine: transitions, the log, refused transitions, flags and emails."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from moderation.models import Flag, ModerationLogEntry, ModerationState
from moderation.services import (
    DismissalNotAllowed,
    TransitionNotAllowed,
    available_actions,
    dismiss_flag,
    flag_item,
    transition,
)
from notifications.models import OutboundEmail
from practices.models import Practice
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


def test_transition_changes_only_its_item_and_logs_exactly(setup, region, coalition):
    author, coordinator, practice = setup
    other = factories.PracticeFactory(title="Ander voorbeeld", coalition=coalition, author=author,
                                      state=S.SUBMITTED, published_at=None)
    transition(practice, "submit", actor=author)
    transition(practice, "request_changes", actor=coordinator, comment="  Voeg resultaten toe.  ")
    other.refresh_from_db()
    assert other.state == S.SUBMITTED and other.published_at is None
    entry = ModerationLogEntry.objects.for_item(practice).first()
    assert (entry.item, entry.actor, entry.from_state, entry.to_state, entry.comment) == (
        practice, coordinator, S.SUBMITTED, S.CHANGES_REQUESTED, "Voeg resultaten toe.")
    assert list(ModerationLogEntry.objects.for_item(practice).values_list("comment", flat=True)) == [
        "Voeg resultaten toe.", ""]
    assert ModerationLogEntry.objects.for_item(other).count() == 0


def test_published_at_is_set_once_on_publishing_only(setup):
    author, coordinator, practice = setup
    transition(practice, "submit", actor=author)
    practice.refresh_from_db()
    assert practice.published_at is None
    transition(practice, "publish", actor=coordinator)
    first = Practice.objects.get(pk=practice.pk).published_at
    assert first is not None
    transition(practice, "hide", actor=coordinator, comment="Even weg")
    transition(practice, "unhide", actor=coordinator)
    assert Practice.objects.get(pk=practice.pk).published_at == first


@pytest.mark.parametrize(("action", "state", "comment", "message"), [
    ("verzinnen", S.SUBMITTED, "", "Deze actie is niet mogelijk voor dit item; er is niets gewijzigd."),
    ("reject", S.SUBMITTED, "   ", "Leg je besluit in een toelichting uit aan de auteur."),
    ("publish", S.DRAFT, "", "“Publiceren” is niet mogelijk voor een item met de status “Concept”; er is niets "
                             "gewijzigd."),
])
def test_refusals_say_why_in_dutch(setup, action, state, comment, message):
    author, coordinator, practice = setup
    Practice.objects.filter(pk=practice.pk).update(state=state)
    practice.refresh_from_db()
    with pytest.raises(TransitionNotAllowed) as refused:
        transition(practice, action, actor=coordinator, comment=comment)
    assert refused.value.messages == [message]
    assert Practice.objects.get(pk=practice.pk).state == state


def test_events_refuse_publish_with_the_generic_message(coalition):
    event = factories.EventFactory(organiser=coalition, state=S.HIDDEN)
    with pytest.raises(TransitionNotAllowed) as refused:
        transition(event, "publish", actor=None)
    assert refused.value.messages == ["Deze actie is niet mogelijk voor dit item; er is niets gewijzigd."]
    assert [a.name for a in available_actions(event, moderator=True)] == ["unhide"]
    assert available_actions(event, moderator=False) == []


def test_emails_go_to_the_region_coordinators_and_the_author_as_outbox_rows(setup, region):
    author, coordinator, practice = setup
    elsewhere = factories.UserFactory(email="coord-zuid@example.org")
    factories.RegionCoordinatorFactory(region=factories.RegionFactory(name="Zuid", slug="zuid"), user=elsewhere)
    transition(practice, "submit", actor=author)
    transition(practice, "publish", actor=coordinator, comment="Mooi voorbeeld")
    rows = list(OutboundEmail.objects.order_by("pk").values_list("recipient", "user", "kind", "idempotency_key",
                                                                   "subject"))
    label = "practices.practice"
    assert rows == [
        ("coordinator@example.org", coordinator.pk, "moderation-submitted",
         f"moderation:{label}:{practice.pk}:1:{coordinator.pk}", "Te beoordelen praktijkvoorbeeld: De Wijde Wereld"),
        ("auteur@example.org", author.pk, "moderation-decision", f"moderation:{label}:{practice.pk}:2:author",
         "“De Wijde Wereld”: Gepubliceerd"),
    ]
    submitted = OutboundEmail.objects.get(kind="moderation-submitted")
    assert submitted.body_text.splitlines()[:3] == [
        "Beste Coördinator Noord,", "", "Irma heeft een praktijkvoorbeeld ingediend in regio Noord: “De Wijde Wereld”."]
    decision = OutboundEmail.objects.get(kind="moderation-decision")
    assert decision.body_text.splitlines()[0] == "Beste Irma,"
    assert "Mooi voorbeeld" in decision.body_text


def test_no_decision_email_when_authors_moderate_their_own_item(setup):
    author, coordinator, practice = setup
    transition(practice, "submit", actor=author)
    transition(practice, "publish", actor=author)
    assert list(OutboundEmail.objects.values_list("kind", flat=True)) == ["moderation-submitted"]


def test_flag_records_who_why_where_and_a_decision_resolves_only_that_item(setup, region):
    author, coordinator, practice = setup
    reporter = factories.UserFactory(email="melder@example.org")
    transition(practice, "submit", actor=author)
    transition(practice, "publish", actor=coordinator)
    tip = factories.TipFactory(pk=practice.pk, region=region, title="Tip met hetzelfde nummer")
    flag = flag_item(practice, reporter=reporter, reason="  Dit is reclame.  ")
    tip_flag = flag_item(tip, reporter=reporter, reason="Ook reclame")
    assert (flag.item, flag.region, flag.reporter, flag.reason, flag.resolved_at) == (
        practice, region, reporter, "Dit is reclame.", None)
    flag_mail = OutboundEmail.objects.get(kind="moderation-flag", idempotency_key=f"flag:{flag.pk}:{coordinator.pk}")
    assert (flag_mail.recipient, flag_mail.user_id, flag_mail.subject) == (
        "coordinator@example.org", coordinator.pk, "Melding over “De Wijde Wereld”")
    assert flag_mail.body_text.splitlines()[:3] == [
        "Beste Coördinator Noord,", "", "Er is een melding gedaan over praktijkvoorbeeld “De Wijde Wereld”."]
    transition(practice, "hide", actor=coordinator, comment="Reclame")
    flag.refresh_from_db()
    tip_flag.refresh_from_db()
    assert (flag.resolved_by, flag.resolved_at is not None) == (coordinator, True)
    assert (tip_flag.resolved_by, tip_flag.resolved_at) == (None, None)


def test_a_flag_needs_a_reason(setup):
    author, coordinator, practice = setup
    with pytest.raises(ValidationError) as refused:
        flag_item(practice, reporter=author, reason="   ")
    assert refused.value.messages == ["Geef aan waarom dit item aandacht nodig heeft."]
    assert Flag.objects.count() == 0


@pytest.fixture
def flagged(setup, region):
    """A published practice reported by a member; the outbox emptied of the report to the coordinators."""
    author, coordinator, practice = setup
    Practice.objects.filter(pk=practice.pk).update(state=S.PUBLISHED, published_at=timezone.now())
    practice.refresh_from_db()
    reporter = factories.UserFactory(email="melder@example.org", full_name="Melder")
    flag = flag_item(practice, reporter=reporter, reason="Dit is reclame.")
    OutboundEmail.objects.all().delete()
    return coordinator, practice, reporter, flag


def test_dismissing_a_flag_resolves_it_logs_it_keeps_the_item_and_tells_the_reporter(flagged):
    coordinator, practice, reporter, flag = flagged
    dismiss_flag(flag, actor=coordinator, note="  Het is een gratis aanbod van een partner, geen reclame.  ")
    flag.refresh_from_db()
    assert (flag.dismissed, flag.resolved_by, flag.resolved_at is not None, flag.resolution_note) == (
        True, coordinator, True, "Het is een gratis aanbod van een partner, geen reclame.")
    assert Practice.objects.get(pk=practice.pk).state == S.PUBLISHED
    assert list(ModerationLogEntry.objects.for_item(practice).values_list(
        "actor", "from_state", "to_state", "comment", "dismissed_flag")) == [
        (coordinator.pk, S.PUBLISHED, S.PUBLISHED, "Het is een gratis aanbod van een partner, geen reclame.", flag.pk)]
    rows = list(OutboundEmail.objects.values_list("recipient", "user", "kind", "idempotency_key", "subject"))
    assert rows == [("melder@example.org", reporter.pk, "flag-dismissed", f"flag-dismissed:{flag.pk}",
                     "Je melding over “De Wijde Wereld” is afgewezen")]
    body = OutboundEmail.objects.get().body_text.splitlines()
    assert body[:3] == ["Beste Melder,", "", "Dank je voor je melding over praktijkvoorbeeld “De Wijde Wereld”. "
                        "Een regiocoördinator heeft ernaar gekeken en besloten het niet aan te passen."]
    assert "Het is een gratis aanbod van een partner, geen reclame." in body


def test_dismissing_twice_is_refused_in_dutch_and_changes_nothing(flagged):
    coordinator, practice, reporter, flag = flagged
    dismiss_flag(flag, actor=coordinator, note="Geen reclame.")
    other = factories.UserFactory()
    stale = Flag.objects.get(pk=flag.pk)
    with pytest.raises(DismissalNotAllowed) as refused:
        dismiss_flag(stale, actor=other, note="Nogmaals")
    assert refused.value.messages == ["Deze melding is al afgehandeld; er is niets gewijzigd."]
    flag.refresh_from_db()
    assert (flag.resolved_by, flag.resolution_note) == (coordinator, "Geen reclame.")
    assert ModerationLogEntry.objects.count() == 1
    assert OutboundEmail.objects.count() == 1


def test_a_flag_resolved_by_a_decision_cannot_be_dismissed_afterwards(flagged):
    coordinator, practice, reporter, flag = flagged
    transition(practice, "hide", actor=coordinator, comment="Reclame")
    with pytest.raises(DismissalNotAllowed):
        dismiss_flag(flag, actor=coordinator, note="Toch niet")
    flag.refresh_from_db()
    assert (flag.dismissed, flag.resolution_note) == (False, "")
    assert Practice.objects.get(pk=practice.pk).state == S.HIDDEN


def test_dismissal_needs_a_note(flagged):
    coordinator, practice, reporter, flag = flagged
    with pytest.raises(DismissalNotAllowed) as refused:
        dismiss_flag(flag, actor=coordinator, note="   ")
    assert refused.value.messages == ["Leg de melder uit waarom je de melding afwijst."]
    flag.refresh_from_db()
    assert (flag.resolved_at, flag.dismissed) == (None, False)
    assert not ModerationLogEntry.objects.exists() and not OutboundEmail.objects.exists()


def test_dismissing_a_flag_on_an_event_leaves_it_published(coalition, region):
    coordinator = factories.UserFactory(email="coordinator@example.org")
    factories.RegionCoordinatorFactory(region=region, user=coordinator)
    event = factories.EventFactory(organiser=coalition)
    flag = flag_item(event, reporter=None, reason="Verkeerde datum")
    dismiss_flag(flag, actor=coordinator, note="De datum klopt.")
    event.refresh_from_db()
    assert event.state == S.PUBLISHED
    assert list(ModerationLogEntry.objects.for_item(event).values_list("to_state", "dismissed_flag")) == [
        (S.PUBLISHED, flag.pk)]
    assert not OutboundEmail.objects.filter(kind="flag-dismissed").exists()  # nobody to tell
