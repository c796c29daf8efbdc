"""Deleting a member's account: every row it touches, in one transaction."""

from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.models import Session
from django.test import Client
from django.utils import timezone

from accounts.models import User
from coalitions.models import CoalitionMembership, HelpRequest, Invitation, MemberProfile, RegionCoordinator
from events.models import CalendarToken, Event, FollowUpAgreement, Registration
from moderation.models import ModerationState
from notifications.models import OutboundEmail
from portal.models import DigestState
from portal.services import delete_account, end_sessions
from practices.models import Adoption, Practice, Tip
from tests import factories
from tools.models import JoinRequest, Tool

pytestmark = pytest.mark.django_db

PL = CoalitionMembership.Role.PROJECT_LEADER


def outbox_row(recipient, key, status=OutboundEmail.Status.PENDING, user=None):
    return OutboundEmail.objects.create(
        recipient=recipient, user=user, kind="registration", idempotency_key=key, subject=f"Onderwerp {key}",
        body_text="Tekst", status=status, sent_at=timezone.now() if status == OutboundEmail.Status.SENT else None,
    )


def sessions_of(user) -> int:
    return sum(1 for session in Session.objects.all() if session.get_decoded().get(SESSION_KEY) == str(user.pk))


@pytest.fixture
def me(coalition):
    user = factories.UserFactory(email="lid@example.org", full_name="Saskia")
    factories.MembershipFactory(coalition=coalition, user=user, role=PL)
    EmailAddress.objects.create(user=user, email="lid@example.org", verified=True, primary=True)
    EmailAddress.objects.create(user=user, email="Saskia@School.example", verified=True, primary=False)
    return user


def test_registrations_are_removed_and_the_waiting_list_moves_up(me, event):
    other = factories.UserFactory(email="ander@example.org")
    waiting = factories.UserFactory(email="wacht@example.org", full_name="Wachtende")
    factories.RegistrationFactory(event=event, user=me)
    factories.RegistrationFactory(event=event, user=other)
    promoted = factories.RegistrationFactory(event=event, user=waiting, status=Registration.Status.WAITLISTED)
    full = factories.EventFactory(title="Volle middag", organiser=event.organiser, capacity=1)
    factories.RegistrationFactory(event=full, user=other)
    factories.RegistrationFactory(event=full, user=me, status=Registration.Status.WAITLISTED)
    held = factories.EventFactory(organiser=event.organiser, starts_at=timezone.now() - timedelta(days=3),
                                  ends_at=timezone.now() - timedelta(days=3, hours=-2))
    factories.RegistrationFactory(event=held, user=me, status=Registration.Status.ATTENDED)

    result = delete_account(me)

    assert Registration.objects.filter(user_id=me.pk).count() == 0
    assert result.registrations == 3 and result.promoted == [promoted]
    assert sorted(Registration.objects.values_list("event__title", "user__email", "status")) == sorted([
        (event.title, "ander@example.org", "confirmed"), (event.title, "wacht@example.org", "confirmed"),
        ("Volle middag", "ander@example.org", "confirmed"),
    ])
    promotion = OutboundEmail.objects.get(kind="waiting-list-promotion")
    assert (promotion.recipient, promotion.user) == ("wacht@example.org", waiting)


def test_contributions_stay_without_author(me, coalition, region):
    practice = factories.PracticeFactory(title="Mijn voorbeeld", author=me, coalition=coalition,
                                         contact_name="Saskia", contact_email="LID@example.org")
    other_contact = factories.PracticeFactory(title="Ander voorbeeld", contact_email="ander@example.org")
    draft = factories.PracticeFactory(title="Mijn concept", author=me, state=ModerationState.DRAFT, published_at=None)
    tip = factories.TipFactory(title="Mijn tip", author=me, region=region)
    adoption = factories.AdoptionFactory(practice=other_contact, author=me, region=region,
                                         organisation_name="OBS De Regenboog")
    tool = factories.ToolFactory(name="Mijn tool", author=me, developer=coalition,
                                 contact_email="saskia@school.example")
    report = factories.EventReportFactory(author=me)

    result = delete_account(me)

    assert result.anonymised == 6
    assert list(Practice.objects.order_by("title").values_list("title", "author", "contact_name", "contact_email",
                                                                "state")) == [
        ("Ander voorbeeld", None, "", "ander@example.org", "published"),
        ("Mijn concept", None, "", "", "draft"),
        ("Mijn voorbeeld", None, "", "", "published"),
    ]
    assert Tip.objects.get(pk=tip.pk).author is None
    assert Adoption.objects.values_list("author", "organisation_name").get(pk=adoption.pk) == (
        None, "OBS De Regenboog")
    assert Tool.objects.values_list("author", "contact_email").get(pk=tool.pk) == (None, "")
    report.refresh_from_db()
    assert report.author is None
    assert Practice.objects.filter(pk__in=[practice.pk, draft.pk]).count() == 2


def test_agreements_go_to_the_first_other_project_leader_else_a_coordinator(me, coalition, leader):
    later_leader = factories.UserFactory(email="pl2@example.org")
    factories.MembershipFactory(coalition=coalition, user=later_leader, role=PL)
    plain = factories.UserFactory(email="gewoon-lid@example.org")
    factories.MembershipFactory(coalition=coalition, user=plain)
    south = factories.RegionFactory(name="Zuid", slug="zuid")
    limburg = factories.CoalitionFactory(name="Limburg", region=south)
    factories.MembershipFactory(coalition=limburg, user=me, role=PL)
    first_coordinator = factories.RegionCoordinatorFactory(region=south, user=factories.UserFactory(
        email="coord-zuid@example.org")).user
    factories.RegionCoordinatorFactory(region=south, user=factories.UserFactory(email="coord-zuid-2@example.org"))
    lonely = factories.CoalitionFactory(name="Eenzaam", region=factories.RegionFactory(name="West", slug="west"))
    factories.MembershipFactory(coalition=lonely, user=me, role=PL)

    own = factories.AgreementFactory(event=factories.EventFactory(organiser=coalition), owner=me,
                                     owner_email="lid@example.org", description="Terugbezoek plannen")
    # Made at an event of Limburg for coalition Oost-Groningen: the agreement's own coalition answers for it.
    for_coalition = factories.AgreementFactory(event=factories.EventFactory(organiser=limburg), coalition=coalition,
                                               owner_email="Lid@Example.org", owner_name="Saskia")
    by_address = factories.AgreementFactory(event=factories.EventFactory(organiser=limburg),
                                            owner_email="lid@example.org", status=FollowUpAgreement.Status.DONE,
                                            closed_at=timezone.now())
    orphan = factories.AgreementFactory(event=factories.EventFactory(organiser=lonely), owner=me,
                                        owner_email="lid@example.org")
    someone_elses = factories.AgreementFactory(event=factories.EventFactory(organiser=coalition), owner=plain,
                                               owner_email="gewoon-lid@example.org")
    # Handed on to another member once, with the old address left in the row: it stays theirs.
    handed_on = factories.AgreementFactory(event=factories.EventFactory(organiser=coalition), owner=plain,
                                           owner_email="saskia@school.example")

    result = delete_account(me)

    rows = dict(FollowUpAgreement.objects.values_list("pk", "owner__email"))
    assert rows == {own.pk: "pl@example.org", for_coalition.pk: "pl@example.org",
                    by_address.pk: "coord-zuid@example.org", someone_elses.pk: "gewoon-lid@example.org",
                    handed_on.pk: "gewoon-lid@example.org"}
    assert dict(FollowUpAgreement.objects.values_list("pk", "owner_email")) == {
        own.pk: "pl@example.org", for_coalition.pk: "pl@example.org", by_address.pk: "coord-zuid@example.org",
        someone_elses.pk: "gewoon-lid@example.org", handed_on.pk: "gewoon-lid@example.org"}
    assert FollowUpAgreement.objects.get(pk=for_coalition.pk).owner_name == ""
    assert result.agreements_reassigned == {own.pk: leader, for_coalition.pk: leader, by_address.pk: first_coordinator}
    assert result.agreements_deleted == 1 and not FollowUpAgreement.objects.filter(pk=orphan.pk).exists()
    # The open ones are told to their new owner at once; the closed one needs no email.
    assigned = OutboundEmail.objects.filter(kind="agreement-assigned").order_by("pk")
    assert list(assigned.values_list("recipient", flat=True)) == ["pl@example.org", "pl@example.org"]


def test_outbox_sessions_and_everything_personal_are_deleted(me, coalition, region, event):
    other = factories.UserFactory(email="ander@example.org")
    EmailAddress.objects.create(user=other, email="ander@example.org", verified=True, primary=True)
    outbox_row("lid@example.org", "pending-mine", user=me)
    outbox_row("lid@example.org", "sent-mine", status=OutboundEmail.Status.SENT)
    outbox_row("SASKIA@school.example", "second-address")
    outbox_row("elders@example.org", "mine-by-user", user=me)
    kept = outbox_row("ander@example.org", "theirs", user=other)
    for user in (me, me, other):
        Client().force_login(user)
    assert (sessions_of(me), sessions_of(other)) == (2, 1)
    profile = MemberProfile.objects.create(user=me, region=region)
    profile.followed_coalitions.set([coalition])
    network = factories.LearningNetworkFactory(name="Leernetwerk schoolleiders")
    network.members.add(me, other)
    factories.RegionCoordinatorFactory(region=region, user=me)
    CalendarToken.objects.create(user=me, token="geheim-" + "x" * 30)
    DigestState.objects.create(user=me, covered_until=timezone.now())
    JoinRequest.objects.create(tool=factories.ToolFactory(), user=me, message="Wij willen meedoen.")
    HelpRequest.objects.create(region=region, name="Saskia", email="lid@example.org", question="Hulp?", user=me)
    HelpRequest.objects.create(region=region, name="Saskia", email="Lid@example.org", question="Nog eens?")
    asked_by_other = HelpRequest.objects.create(region=region, name="Ander", email="ander@example.org", question="?")
    Invitation.objects.create(coalition=coalition, email="saskia@school.example", token="t1",
                              expires_at=timezone.now() + timedelta(days=3))
    sent_by_me = Invitation.objects.create(coalition=coalition, email="nieuw@example.org", token="t2", invited_by=me,
                                           expires_at=timezone.now() + timedelta(days=3))

    result = delete_account(me)

    assert list(OutboundEmail.objects.all()) == [kept] and result.emails_purged == 4
    assert (sessions_of(me), sessions_of(other), result.sessions_ended) == (0, 1, 2)
    assert not User.objects.filter(email="lid@example.org").exists()
    assert list(EmailAddress.objects.values_list("email", flat=True)) == ["ander@example.org"]
    assert list(network.members.all()) == [other]
    assert list(HelpRequest.objects.all()) == [asked_by_other]
    assert list(Invitation.objects.values_list("pk", "invited_by")) == [(sent_by_me.pk, None)]
    for model in (CoalitionMembership, MemberProfile, RegionCoordinator, CalendarToken, DigestState, JoinRequest):
        assert model.objects.filter(user_id=me.pk).count() == 0, model
    assert CoalitionMembership.objects.filter(coalition=coalition).count() == 0
    assert Event.objects.filter(pk=event.pk, organiser=coalition).exists()


def test_end_sessions_leaves_other_users_and_expired_sessions_alone(me):
    other = factories.UserFactory(email="ander@example.org")
    Client().force_login(me)
    Client().force_login(other)
    assert end_sessions(me) == 1
    assert (sessions_of(me), sessions_of(other)) == (0, 1)


def test_end_sessions_with_a_cache_only_engine_has_nothing_to_enumerate(me, settings):
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cache"
    assert end_sessions(me) == 0


def test_a_failure_deletes_nothing(me, event, monkeypatch):
    factories.RegistrationFactory(event=event, user=me)
    practice = factories.PracticeFactory(author=me)

    def broken(user):
        raise RuntimeError("sessions unavailable")

    monkeypatch.setattr("portal.services.end_sessions", broken)
    with pytest.raises(RuntimeError):
        delete_account(me)
    assert User.objects.filter(pk=me.pk).exists()
    assert Registration.objects.get(user=me).status == Registration.Status.CONFIRMED
    assert Practice.objects.get(pk=practice.pk).author == me
