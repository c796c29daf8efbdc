"""Domain functions that span apps: the profile page saves the account and the follows together; a member
deletes their account (AVG/GDPR article 17), which touches every app that holds something of theirs."""

import logging
from dataclasses import dataclass, field
from importlib import import_module

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.db import transaction
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils import timezone

from accounts.services import update_account
from coalitions.models import (
    CoalitionMembership,
    Invitation,
    LearningNetwork,
    MemberProfile,
    RegionCoordinator,
)
from coalitions.services import set_follows
from events.models import CalendarToken, Event, EventReport, FollowUpAgreement, Registration
from events.services.registrations import cancel_registration
from events.services.reports import email_agreement_owner
from notifications.models import OutboundEmail
from portal.models import DigestState
from portal.privacy import emails_to, help_requests_of, member_addresses
from practices.models import Adoption, Practice, Tip
from tools.models import JoinRequest, Tool

logger = logging.getLogger(__name__)


def save_profile(user, *, account: dict, follows: dict) -> None:
    with transaction.atomic():
        update_account(user, **account)
        set_follows(user, **follows)


@dataclass
class DeletedAccount:
    """What deleting an account did, for the log and the tests."""

    registrations: int = 0
    promoted: list = field(default_factory=list)
    anonymised: int = 0
    agreements_reassigned: dict = field(default_factory=dict)
    agreements_deleted: int = 0
    emails_purged: int = 0
    sessions_ended: int = 0


def delete_account(user) -> DeletedAccount:
    """Delete a member and everything that is only theirs, in one transaction.

    - Registrations are cancelled through the events app first (a freed seat goes to the next on the waiting
      list, who is emailed as always), then removed.
    - Contributions (practices, tips, adoptions, tools, event reports) stay, without an author (shown as "—"
      where an author is shown); a practice's or tool's contact person who is the member (their address) is
      emptied. Events they created stay, without ``created_by``.
    - Follow-up agreements go to another project leader of the agreement's coalition (its own, else the event's
      organiser; the one who joined first), else to a coordinator of that coalition's region (the first
      appointed); the new owner is told at once. An agreement nobody can take over is deleted: it must have an
      owner or an address (a constraint), and the address it had is the member's. Another member's agreement
      that still carries the member's old address keeps its owner and gets the owner's address.
    - Outbox rows to any of the member's addresses are deleted, sent or not; so are help requests and
      invitations from or to them, memberships, follows, the calendar link, the digest watermark, allauth's
      addresses, and every session of the member.
    """
    with transaction.atomic():
        result = DeletedAccount()
        addresses = member_addresses(user)
        for registration in Registration.objects.filter(user=user, status__in=Registration.ACTIVE_STATUSES):
            if promoted := cancel_registration(registration):
                result.promoted.append(promoted)
        result.registrations = Registration.objects.filter(user=user).delete()[0]

        for model in (Practice, Tip, Adoption, Tool, EventReport):
            result.anonymised += model.objects.filter(author=user).update(author=None)
        Event.objects.filter(created_by=user).update(created_by=None)
        for model in (Practice, Tool):  # a contact person who is the member: neither name nor address stays
            model.objects.alias(contact=Lower("contact_email")).filter(contact__in=addresses).update(
                contact_name="", contact_email="")
        _reassign_agreements(user, addresses, result)

        result.emails_purged = (emails_to(addresses).delete()[0]
                                + OutboundEmail.objects.filter(user=user).delete()[0])
        help_requests_of(user, addresses).delete()
        Invitation.objects.alias(to=Lower("email")).filter(to__in=addresses).delete()
        CoalitionMembership.objects.filter(user=user).delete()
        RegionCoordinator.objects.filter(user=user).delete()
        LearningNetwork.members.through.objects.filter(user=user).delete()
        MemberProfile.objects.filter(user=user).delete()
        JoinRequest.objects.filter(user=user).delete()
        CalendarToken.objects.filter(user=user).delete()
        DigestState.objects.filter(user=user).delete()
        EmailAddress.objects.filter(user=user).delete()
        result.sessions_ended = end_sessions(user)
        user_id = user.pk
        user.delete()
    # The log names the account by its number only: the address is what was just deleted.
    logger.info("account %s deleted: %d registrations (%d promoted), %d contributions kept without author, "
                "%d agreements handed on, %d deleted, %d emails purged, %d sessions ended", user_id,
                result.registrations, len(result.promoted), result.anonymised, len(result.agreements_reassigned),
                result.agreements_deleted, result.emails_purged, result.sessions_ended)
    return result


def _reassign_agreements(user, addresses: set[str], result: DeletedAccount) -> None:
    # Another member's agreement that still carries the member's address keeps its owner, with the owner's own.
    for agreement in (FollowUpAgreement.objects.alias(address=Lower("owner_email"))
                      .filter(owner__isnull=False, address__in=addresses).exclude(owner=user).select_related("owner")):
        FollowUpAgreement.objects.filter(pk=agreement.pk).update(owner_email=agreement.owner.email)
    agreements = list(
        FollowUpAgreement.objects.alias(address=Lower("owner_email"))
        .filter(Q(owner=user) | Q(owner__isnull=True, address__in=addresses))
        .select_related("event__organiser", "coalition")
    )
    coalitions = {agreement.coalition or agreement.event.organiser for agreement in agreements}
    leaders: dict[int, object] = {}
    for membership in (
        CoalitionMembership.objects.filter(coalition__in=coalitions, role=CoalitionMembership.Role.PROJECT_LEADER)
        .exclude(user=user).select_related("user").order_by("joined_at", "pk")
    ):
        leaders.setdefault(membership.coalition_id, membership.user)
    coordinators: dict[int, object] = {}
    for coordinator in (
        RegionCoordinator.objects.filter(region__in={coalition.region_id for coalition in coalitions})
        .exclude(user=user).select_related("user").order_by("pk")
    ):
        coordinators.setdefault(coordinator.region_id, coordinator.user)
    today = timezone.localdate()
    for agreement in agreements:
        coalition = agreement.coalition or agreement.event.organiser
        owner = leaders.get(coalition.pk) or coordinators.get(coalition.region_id)
        if owner is None:
            agreement.delete()
            result.agreements_deleted += 1
            continue
        agreement.owner, agreement.owner_email, agreement.owner_name = owner, owner.email, ""
        agreement.save(update_fields=["owner", "owner_email", "owner_name"])
        email_agreement_owner(agreement, today=today)
        result.agreements_reassigned[agreement.pk] = owner


def end_sessions(user) -> int:
    """End every session of the user, on every device: the sessions are in the database (SESSION_ENGINE "db",
    Django's default, or "cached_db", whose cache copy the store's delete removes too).

    A session only names its user inside its encoded data, so the unexpired ones are read and decoded one by
    one; an account is deleted rarely. With a cache-only or cookie engine there is nothing to enumerate: a
    session of a deleted user then fails its check on the next request, as Django logs out a user it cannot load.
    """
    store = import_module(settings.SESSION_ENGINE).SessionStore
    if not hasattr(store, "get_model_class"):
        return 0
    user_id = str(user.pk)
    sessions = store.get_model_class().objects.filter(expire_date__gt=timezone.now())
    keys = [session.session_key for session in sessions.iterator(chunk_size=500)
            if session.get_decoded().get(SESSION_KEY) == user_id]
    for key in keys:
        store(session_key=key).delete()
    return len(keys)
