"""Domain functions of the coalitions app."""

import secrets
from datetime import timedelta

from allauth.account.models import EmailAddress
from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from coalitions.models import (
    Coalition,
    CoalitionMembership,
    HelpRequest,
    Invitation,
    LearningNetwork,
    MemberProfile,
    Organisation,
    Region,
    Theme,
    VisitProfile,
)
from core.slugs import unique_slug
from notifications.services import queue_templated_email


def request_help(*, region: Region, name: str, email: str, organisation: str, question: str, user=None) -> HelpRequest:
    """Record a "vraag hulp" question and mail it to the region's coordinators.

    The asker gets a copy only at an address they have shown to be theirs: the verified address of the account
    they are logged in with. Anyone can type any address into the form, and a copy to it would let strangers use
    the portal to send mail.
    """
    with transaction.atomic():
        help_request = HelpRequest.objects.create(
            region=region, name=name, email=email, organisation=organisation, question=question, user=user
        )
        context = {"help_request": help_request, "region": region}
        for coordinator in region.regioncoordinator_set.select_related("user"):
            queue_templated_email(
                to=coordinator.user.email,
                user=coordinator.user,
                kind="help-request",
                key=f"help-request:{help_request.pk}:{coordinator.user_id}",
                template="emails/help_request",
                context={**context, "coordinator": coordinator.user},
                headers={"Reply-To": email},
            )
        if user is not None and EmailAddress.objects.filter(user=user, email__iexact=email, verified=True).exists():
            queue_templated_email(
                to=email,
                user=user,
                kind="help-request-receipt",
                key=f"help-request-receipt:{help_request.pk}",
                template="emails/help_request_receipt",
                context=context,
            )
        return help_request


class HelpRequestError(Exception):
    pass


def answer_help_request(help_request: HelpRequest, *, answered_by, note: str) -> HelpRequest:
    """Mark a "vraag hulp" question answered, with how it was answered; a second answer is refused."""
    with transaction.atomic():
        now = timezone.now()
        # Conditional, so two coordinators answering at the same moment cannot both record theirs.
        updated = HelpRequest.objects.filter(pk=help_request.pk, answered_at__isnull=True).update(
            answered_at=now, answered_by=answered_by, answer_note=note
        )
        if not updated:
            raise HelpRequestError(_("This question has already been marked as answered."))
        help_request.answered_at, help_request.answered_by, help_request.answer_note = now, answered_by, note
        return help_request


INVITATION_VALID_FOR = timedelta(days=30)


class InvitationError(Exception):
    pass


def invite_member(*, coalition: Coalition, email: str, role: str, invited_by) -> Invitation:
    """Invite someone (with or without an account) to a coalition by email.

    Refused for someone who is already a member (unless a member is invited to become project leader) and
    for an address with an open invitation to this coalition: the earlier link still works.
    """
    with transaction.atomic():
        email = email.strip().lower()
        # Serialise invitations to one coalition, so two clicks cannot send two invitations.
        Coalition.objects.select_for_update().filter(pk=coalition.pk).first()
        membership = CoalitionMembership.objects.filter(coalition=coalition, user__email__iexact=email).first()
        promotion = (membership is not None and membership.role != CoalitionMembership.Role.PROJECT_LEADER
                     and role == CoalitionMembership.Role.PROJECT_LEADER)
        if membership is not None and not promotion:
            raise InvitationError(_("%(email)s is already a member of this coalition (%(role)s).")
                                  % {"email": email, "role": membership.get_role_display()})
        pending = Invitation.objects.filter(
            coalition=coalition, email__iexact=email, accepted_at__isnull=True, expires_at__gt=timezone.now()
        ).order_by("-expires_at").first()
        if pending is not None:
            raise InvitationError(
                _("%(email)s already has an open invitation to this coalition, valid until %(date)s.")
                % {"email": email, "date": date_format(timezone.localtime(pending.expires_at), "DATE_FORMAT")}
            )
        invitation = Invitation.objects.create(
            coalition=coalition, email=email, role=role, invited_by=invited_by,
            token=secrets.token_urlsafe(32), expires_at=timezone.now() + INVITATION_VALID_FOR,
        )
        queue_templated_email(
            to=email, kind="coalition-invitation", key=f"invitation:{invitation.pk}",
            template="emails/invitation",
            context={"invitation": invitation, "coalition": coalition, "invited_by": invited_by,
                     "url": settings.SITE_URL + reverse("coalitions:invitation", kwargs={"token": invitation.token})},
        )
        return invitation


def accept_invitation(invitation: Invitation, *, user) -> CoalitionMembership:
    with transaction.atomic():
        if invitation.accepted_at is not None:
            raise InvitationError(_("This invitation has already been used."))
        if invitation.expires_at < timezone.now():
            raise InvitationError(_("This invitation has expired. Ask the project leader for a new one."))
        if invitation.email.lower() != user.email.lower():
            raise InvitationError(_("This invitation was sent to another email address. Log in with that address."))
        updated = Invitation.objects.filter(pk=invitation.pk, accepted_at__isnull=True).update(
            accepted_at=timezone.now(), accepted_by=user
        )
        if not updated:
            raise InvitationError(_("This invitation has already been used."))
        membership, created = CoalitionMembership.objects.get_or_create(
            coalition=invitation.coalition, user=user, defaults={"role": invitation.role}
        )
        if not created and invitation.role == CoalitionMembership.Role.PROJECT_LEADER:
            membership.role = invitation.role
            membership.save(update_fields=["role"])
        return membership


def remove_member(membership: CoalitionMembership) -> None:
    with transaction.atomic():
        membership.delete()


def update_coalition_page(
    coalition: Coalition, *, description: str, website: str, contact_email: str, municipalities, partners
) -> Coalition:
    """Change what a coalition's public page says about it."""
    with transaction.atomic():
        coalition.description = description
        coalition.website = website
        coalition.contact_email = contact_email
        coalition.save(update_fields=["description", "website", "contact_email"])
        coalition.municipalities.set(municipalities)
        coalition.partners.set([saved_organisation(partner) for partner in partners])
        return coalition


def update_visit_profile(
    coalition: Coalition, *, offer: str, offer_themes, wish: str, wish_themes
) -> VisitProfile:
    """Record what a work visit to the coalition can show and what it wants to learn elsewhere."""
    with transaction.atomic():
        profile, _created = VisitProfile.objects.update_or_create(
            coalition=coalition, defaults={"offer": offer.strip(), "wish": wish.strip()}
        )
        profile.offer_themes.set(offer_themes)
        profile.wish_themes.set(wish_themes)
        return profile


def saved_organisation(organisation: Organisation) -> Organisation:
    """Return ``organisation`` saved. An unsaved one (a new name typed in a form) becomes the organisation with
    that name and no place if one exists by now (someone typed it first), else it is created.

    Call inside the caller's transaction.
    """
    if organisation.pk is not None:
        return organisation
    with transaction.atomic():
        name = " ".join(organisation.name.split())
        existing = Organisation.objects.filter(name__iexact=name, municipality__isnull=True).order_by("pk").first()
        if existing is not None:
            return existing
        organisation.name = name
        organisation.slug = unique_slug(Organisation, name)
        organisation.save()
        return organisation


def set_follows(
    user, *, region, followed_themes, followed_regions, followed_coalitions, followed_networks
) -> MemberProfile:
    """Record the member's own region and the themes, regions, coalitions and learning networks they follow."""
    with transaction.atomic():
        follows, _created = MemberProfile.objects.update_or_create(user=user, defaults={"region": region})
        follows.followed_themes.set(followed_themes)
        follows.followed_regions.set(followed_regions)
        follows.followed_coalitions.set(followed_coalitions)
        follows.followed_networks.set(followed_networks)
        return follows


FOLLOW_FIELDS = {
    Theme: "followed_themes", Region: "followed_regions", Coalition: "followed_coalitions",
    LearningNetwork: "followed_networks",
}


def set_following(
    user, target: Theme | Region | Coalition | LearningNetwork, *, following: bool
) -> MemberProfile:
    """Follow or stop following one theme, region, coalition or learning network; doing it twice changes nothing."""
    with transaction.atomic():
        follows, _created = MemberProfile.objects.get_or_create(user=user)
        followed = getattr(follows, FOLLOW_FIELDS[type(target)])
        if following:
            followed.add(target)
        else:
            followed.remove(target)
        return follows
