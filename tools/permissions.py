"""Who may see, edit and act on a tool in the register."""

from coalitions.models import CoalitionMembership
from coalitions.permissions import is_coordinator, manageable_coalitions
from moderation.models import ModerationState

EDITABLE_STATES = frozenset({ModerationState.DRAFT, ModerationState.CHANGES_REQUESTED})


def can_view_tool(user, tool) -> bool:
    """A published tool for everyone; an unpublished one only for its author and its moderators."""
    if tool.state == ModerationState.PUBLISHED:
        return True
    return user.is_authenticated and (tool.author_id == user.pk or is_coordinator(user, tool.moderation_region_id))


def is_author(user, tool) -> bool:
    return user.is_authenticated and tool.author_id == user.pk


def can_edit_tool(user, tool) -> bool:
    """The author, while the tool is a draft or has changes requested."""
    return is_author(user, tool) and tool.state in EDITABLE_STATES


def can_see_moderation_log(user, tool) -> bool:
    return is_author(user, tool) or is_coordinator(user, tool.moderation_region_id)


def adopting_coalitions(user, tool):
    """The coalitions for which the user may say "we use this too": those they lead, except the developer."""
    return manageable_coalitions(user).exclude(pk=tool.developer_id).order_by("name")


def can_record_use(user, tool) -> bool:
    """Project leaders (and staff) say their coalition uses a published tool."""
    return tool.state == ModerationState.PUBLISHED and manageable_coalitions(user).exists()


def can_ask_to_join(user, tool) -> bool:
    """A logged-in member outside the developing coalition may ask to join a published tool's development."""
    return (
        user.is_authenticated and tool.state == ModerationState.PUBLISHED
        and not CoalitionMembership.objects.filter(coalition_id=tool.developer_id, user=user).exists()
    )
