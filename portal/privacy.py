"""What the portal holds about one member, for "download my data" (AVG/GDPR article 15 and 20).

One reader for both forms of the export: ``member_data(user)`` returns plain values (strings, numbers,
booleans, dates, lists and dicts), which the JSON download writes (dates in ISO 8601) and the HTML page shows
as tables. It reads only rows that belong to the member, each section in one query, so the number of
queries does not grow with the amount of data.
"""

from allauth.account.models import EmailAddress
from django.db.models import Q
from django.db.models.functions import Lower

from coalitions.models import (
    Coalition,
    CoalitionMembership,
    HelpRequest,
    LearningNetwork,
    MemberProfile,
    Region,
    RegionCoordinator,
    Theme,
)
from events.models import EventReport, FollowUpAgreement, Registration
from moderation.models import Flag
from notifications.models import OutboundEmail
from practices.models import Adoption, Practice, Tip
from tools.models import JoinRequest, Tool


def member_addresses(user) -> set[str]:
    """Every address of the member, lower case: the login address and any other allauth address."""
    return {user.email.lower()} | {
        email.lower() for email in EmailAddress.objects.filter(user=user).values_list("email", flat=True)
    }


def emails_to(addresses: set[str]):
    """The outbox rows addressed to any of these addresses (compared without case)."""
    return OutboundEmail.objects.alias(to=Lower("recipient")).filter(to__in=addresses)


def help_requests_of(user, addresses: set[str]):
    """The "vraag hulp" questions the member asked: logged in, or from one of their addresses."""
    return HelpRequest.objects.alias(from_address=Lower("email")).filter(
        Q(user=user) | Q(from_address__in=addresses)
    )


def member_data(user) -> dict:
    addresses = member_addresses(user)
    return {
        "profile": _profile(user, addresses),
        "follows": _follows(user),
        "roles": _roles(user),
        "registrations": _registrations(user),
        "submissions": _submissions(user),
        "agreements": _agreements(user),
        "other": _other(user, addresses),
        "emails": [
            {"subject": email.subject, "kind": email.kind, "created_at": email.created_at,
             "sent_at": email.sent_at, "status": email.status, "status_label": email.get_status_display()}
            for email in emails_to(addresses).only("subject", "kind", "created_at", "sent_at", "status")
            .order_by("-created_at", "-pk")
        ],
    }


def _profile(user, addresses: set[str]) -> dict:
    return {
        "name": user.full_name,
        "email": user.email,
        "other_email_addresses": sorted(addresses - {user.email.lower()}),
        "organisation": user.organisation_name,
        "function": user.job_function,
        "function_label": user.get_job_function_display() if user.job_function else "",
        "digest_frequency": user.digest_frequency,
        "digest_frequency_label": user.get_digest_frequency_display(),
        "event_reminders": user.event_reminders_enabled,
        "agreement_reminders": user.agreement_reminders_enabled,
        "joined_at": user.date_joined,
        "last_login": user.last_login,
    }


def _follows(user) -> dict:
    region = (MemberProfile.objects.filter(user=user).values_list("region__name", flat=True).first())
    return {
        "my_region": region or "",
        "themes": list(Theme.objects.filter(followers__user=user).order_by("name").values_list("name", flat=True)),
        "regions": list(Region.objects.filter(followers__user=user).order_by("name").values_list("name", flat=True)),
        "coalitions": list(
            Coalition.objects.filter(followers__user=user).order_by("name").values_list("name", flat=True)
        ),
        "learning_networks": list(
            LearningNetwork.objects.filter(followers__user=user).order_by("name").values_list("name", flat=True)
        ),
    }


def _roles(user) -> dict:
    return {
        "staff": user.is_staff,
        "coalitions": [
            {"coalition": membership.coalition.name, "role": membership.role,
             "role_label": membership.get_role_display(), "joined_at": membership.joined_at}
            for membership in CoalitionMembership.objects.filter(user=user).select_related("coalition")
            .order_by("coalition__name")
        ],
        "regional_coordinator_of": [
            {"region": coordinator.region.name, "public_email": coordinator.public_email}
            for coordinator in RegionCoordinator.objects.filter(user=user).select_related("region")
            .order_by("region__name")
        ],
        "learning_networks": list(
            LearningNetwork.objects.filter(members=user).order_by("name").values_list("name", flat=True)
        ),
    }


def _registrations(user) -> list[dict]:
    registrations = (
        Registration.objects.filter(user=user).select_related("event").with_waiting_position()
        .order_by("-event__starts_at", "pk")
    )
    return [
        {"event": registration.event.title, "starts_at": registration.event.starts_at,
         "status": registration.status, "status_label": registration.get_status_display(),
         "waiting_position": registration.waiting_position, "organisation": registration.organisation_name,
         "function": registration.job_function, "remark": registration.remark,
         "registered_at": registration.created_at, "cancelled_at": registration.cancelled_at}
        for registration in registrations
    ]


def _moderated(item, title: str, **extra) -> dict:
    return {"title": title, "state": item.state, "state_label": item.get_state_display(),
            "created_at": item.created_at, "published_at": item.published_at, **extra}


def _submissions(user) -> dict:
    return {
        "practices": [
            _moderated(practice, practice.title, contact_name=practice.contact_name,
                       contact_email=practice.contact_email)
            for practice in Practice.objects.filter(author=user).order_by("-created_at", "-pk")
        ],
        "tips": [_moderated(tip, tip.title) for tip in Tip.objects.filter(author=user).order_by("-created_at", "-pk")],
        "adoptions": [
            _moderated(adoption, adoption.practice.title, organisation=adoption.organisation_name,
                       tried_on=adoption.tried_on, result=adoption.result, lesson=adoption.lesson)
            for adoption in Adoption.objects.filter(author=user).select_related("practice")
            .order_by("-created_at", "-pk")
        ],
        "tools": [
            _moderated(tool, tool.name, contact_name=tool.contact_name, contact_email=tool.contact_email)
            for tool in Tool.objects.filter(author=user).order_by("-created_at", "-pk")
        ],
        "event_reports": [
            {"event": report.event.title, "created_at": report.created_at, "updated_at": report.updated_at}
            for report in EventReport.objects.filter(author=user).select_related("event").order_by("-created_at")
        ],
    }


def _agreements(user) -> list[dict]:
    agreements = FollowUpAgreement.objects.owned_by(user).select_related("event").order_by("due_date", "pk")
    return [
        {"description": agreement.description, "event": agreement.event.title, "due_date": agreement.due_date,
         "status": agreement.status, "status_label": agreement.get_status_display(), "note": agreement.done_note,
         "closed_at": agreement.closed_at}
        for agreement in agreements
    ]


def _other(user, addresses: set[str]) -> dict:
    return {
        "help_requests": [
            {"region": request.region.name, "name": request.name, "email": request.email,
             "organisation": request.organisation, "question": request.question,
             "created_at": request.created_at, "answered_at": request.answered_at}
            for request in help_requests_of(user, addresses).select_related("region").order_by("-created_at")
        ],
        "tool_join_requests": [
            {"tool": join.tool.name, "message": join.message, "created_at": join.created_at}
            for join in JoinRequest.objects.filter(user=user).select_related("tool").order_by("-created_at")
        ],
        "reports_to_moderators": [
            {"reason": flag.reason, "created_at": flag.created_at, "resolved_at": flag.resolved_at}
            for flag in Flag.objects.filter(reporter=user).order_by("-created_at")
        ],
    }
