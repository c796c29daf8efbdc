"""Domain functions for the tools register: saving and submitting a tool, "we use this too", "we want to join"."""

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from coalitions.models import Coalition, CoalitionMembership
from core.slugs import unique_slug
from moderation.models import ModerationState
from moderation.services import transition
from notifications.services import queue_templated_email
from tools.models import JoinRequest, Tool


class IncompleteTool(Exception):
    """A tool that lacks what the review needs; the message names the fields."""


def save_tool(tool: Tool, *, author, themes, submit: bool) -> Tool:
    """Save a new or changed tool (its fields already set) with its themes; optionally submit it for review."""
    with transaction.atomic():
        if tool.pk is None:
            tool.author = author
            tool.state = ModerationState.DRAFT
            tool.slug = unique_slug(Tool, tool.name)
        tool.save()
        tool.themes.set(themes)
        if submit:
            transition(tool, "submit", actor=author)
        return tool


def missing_for_review(tool: Tool) -> list[str]:
    """The labels of what a draft still lacks before the coordinators can review it."""
    missing = []
    if not tool.description.strip():
        missing.append(_("What it does"))
    if not tool.themes.exists():
        missing.append(_("Themes"))
    return missing


def submit_tool(tool: Tool, *, actor) -> Tool:
    """Send a saved draft to the coordinators of the developer's region; refused while it is incomplete."""
    with transaction.atomic():
        if missing := missing_for_review(tool):
            raise IncompleteTool(
                _("Fill in these fields before you submit the tool: %(fields)s.") % {"fields": ", ".join(missing)}
            )
        return transition(tool, "submit", actor=actor)


def _developer_leaders(tool: Tool):
    return [
        membership.user for membership in CoalitionMembership.objects.filter(
            coalition_id=tool.developer_id, role=CoalitionMembership.Role.PROJECT_LEADER,
        ).select_related("user").order_by("user__email")
    ]


def _tool_url(tool: Tool) -> str:
    return settings.SITE_URL + reverse("tools:detail", kwargs={"slug": tool.slug})


def record_use(tool: Tool, *, coalition: Coalition, actor) -> bool:
    """Add ``coalition`` to the tool's users and tell the developer's project leaders.

    Returns False (and sends nothing) when the coalition was already a user: pressing twice changes nothing.
    """
    with transaction.atomic():
        Tool.objects.select_for_update().filter(pk=tool.pk).first()
        if tool.users.filter(pk=coalition.pk).exists():
            return False
        tool.users.add(coalition)
        for leader in _developer_leaders(tool):
            queue_templated_email(
                to=leader.email, user=leader, kind="tool-used", key=f"tool-used:{tool.pk}:{coalition.pk}:{leader.pk}",
                template="emails/tool_used",
                context={"tool": tool, "coalition": coalition, "actor": actor, "recipient": leader,
                         "url": _tool_url(tool)},
            )
    return True


def ask_to_join(tool: Tool, *, user, message: str) -> JoinRequest | None:
    """Record a member's wish to help develop the tool and tell the developer's project leaders.

    Returns None (and sends nothing) when this member already asked: one request per member and tool.
    """
    try:
        with transaction.atomic():
            if JoinRequest.objects.filter(tool=tool, user=user).exists():
                return None
            join_request = JoinRequest.objects.create(tool=tool, user=user, message=message.strip())
            for leader in _developer_leaders(tool):
                queue_templated_email(
                    to=leader.email, user=leader, kind="tool-join",
                    key=f"tool-join:{join_request.pk}:{leader.pk}", template="emails/tool_join",
                    context={"tool": tool, "join_request": join_request, "member": user, "recipient": leader,
                             "url": _tool_url(tool)},
                    headers={"Reply-To": user.email},
                )
    except IntegrityError:  # the same member asked at the same moment in another request
        return None
    return join_request
