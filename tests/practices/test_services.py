"""Domain functions for adoptions: recording one, its moderation, and who hears when it is published."""

import pytest
from django.core import mail

from coalitions.models import CoalitionMembership
from moderation.models import ModerationLogEntry, ModerationState
from moderation.services import TransitionNotAllowed
from notifications.models import OutboundEmail
from practices.models import Adoption
from practices.services import moderate_adoption, record_adoption
from tests import factories

pytestmark = pytest.mark.django_db

S = ModerationState
LEADER = CoalitionMembership.Role.PROJECT_LEADER


@pytest.fixture
def setup(region, coalition):
    """A practice of the coalition, written by its author; the coalition has two project leaders and a member."""
    author = factories.UserFactory(email="auteur@example.org", full_name="Auteur")
    practice = factories.PracticeFactory(title="Verrijkte middagpauze", coalition=coalition, author=author)
    leader = factories.UserFactory(email="projectleider@example.org")
    factories.MembershipFactory(coalition=coalition, user=leader, role=LEADER)
    factories.MembershipFactory(coalition=coalition, user=author, role=LEADER)  # told once, not twice
    factories.MembershipFactory(coalition=coalition, user=factories.UserFactory(email="lid@example.org"))
    coordinator = factories.UserFactory(email="coordinator@example.org")
    factories.RegionCoordinatorFactory(region=region, user=coordinator)
    adopter = factories.UserFactory(email="adopter@example.org", full_name="Femke")
    return practice, coordinator, adopter


def _new_adoption(region, **fields):
    return Adoption(organisation_name="IKC De Linde", tried_on="2025-03-01", school_type="ikc", region=region,
                    changes="Op woensdag.", result=Adoption.Result.PARTLY, lesson="Begin klein.", **fields)


def test_record_adoption_submits_it_to_the_region_coordinators(setup, region, django_capture_on_commit_callbacks):
    practice, coordinator, adopter = setup
    with django_capture_on_commit_callbacks(execute=True):
        adoption = record_adoption(_new_adoption(region), practice=practice, author=adopter)
    adoption.refresh_from_db()
    assert (adoption.practice, adoption.author, adoption.state, adoption.published_at) == (
        practice, adopter, S.SUBMITTED, None)
    log = ModerationLogEntry.objects.for_item(adoption).get()
    assert (log.actor, log.from_state, log.to_state) == (adopter, S.DRAFT, S.SUBMITTED)
    assert [m.to for m in mail.outbox] == [["coordinator@example.org"]]
    assert list(OutboundEmail.objects.values_list("kind", "recipient")) == [
        ("moderation-submitted", "coordinator@example.org")]


def test_publishing_emails_the_practice_author_and_the_coalition_project_leaders_once(setup, region):
    practice, coordinator, adopter = setup
    adoption = record_adoption(_new_adoption(region), practice=practice, author=adopter)
    OutboundEmail.objects.all().delete()
    moderate_adoption(adoption, "publish", actor=coordinator)
    adoption.refresh_from_db()
    assert adoption.state == S.PUBLISHED and adoption.published_at is not None
    author, leader = practice.author, practice.coalition.memberships.get(user__email="projectleider@example.org").user
    rows = OutboundEmail.objects.filter(kind="adoption-published").order_by("recipient")
    assert [(row.recipient, row.idempotency_key) for row in rows] == [
        ("auteur@example.org", f"adoption-published:{adoption.pk}:{author.pk}"),
        ("projectleider@example.org", f"adoption-published:{adoption.pk}:{leader.pk}"),
    ]
    assert rows[0].subject == "Elders uitgeprobeerd: “Verrijkte middagpauze”"
    assert "IKC De Linde heeft het praktijkvoorbeeld “Verrijkte middagpauze” uitgeprobeerd" in rows[0].body_text
    assert "Werkte deels" in rows[0].body_text
    # The adopter hears the decision as for any moderated item.
    assert list(OutboundEmail.objects.exclude(kind="adoption-published").values_list("kind", "recipient")) == [
        ("moderation-decision", "adopter@example.org")]

    # Hidden and shown again: published once more, but each recipient was told already.
    moderate_adoption(adoption, "hide", actor=coordinator, comment="Even niet")
    moderate_adoption(adoption, "unhide", actor=coordinator)
    assert OutboundEmail.objects.filter(kind="adoption-published").count() == 2


def test_the_adopter_is_not_told_of_their_own_adoption(setup, region):
    practice, coordinator, _adopter = setup
    adoption = record_adoption(_new_adoption(region), practice=practice, author=practice.author)
    moderate_adoption(adoption, "publish", actor=coordinator)
    assert list(OutboundEmail.objects.filter(kind="adoption-published").values_list("recipient", flat=True)) == [
        "projectleider@example.org"]


def test_a_practice_without_author_or_coalition_tells_nobody(region):
    practice = factories.PracticeFactory(coalition=None, region=region, author=None)
    coordinator = factories.UserFactory()
    factories.RegionCoordinatorFactory(region=region, user=coordinator)
    adoption = factories.AdoptionFactory(practice=practice, state=S.SUBMITTED, published_at=None)
    moderate_adoption(adoption, "publish", actor=coordinator)
    assert not OutboundEmail.objects.filter(kind="adoption-published").exists()


def test_rejecting_tells_only_the_adopter_and_changes_cannot_be_requested(setup, region):
    practice, coordinator, adopter = setup
    adoption = record_adoption(_new_adoption(region), practice=practice, author=adopter)
    with pytest.raises(TransitionNotAllowed):
        moderate_adoption(adoption, "request_changes", actor=coordinator, comment="Meer detail graag")
    assert Adoption.objects.get().state == S.SUBMITTED
    moderate_adoption(adoption, "reject", actor=coordinator, comment="Dit gaat over iets anders.")
    assert Adoption.objects.get().state == S.REJECTED
    assert list(OutboundEmail.objects.exclude(kind="moderation-submitted").values_list("kind", "recipient")) == [
        ("moderation-decision", "adopter@example.org")]
