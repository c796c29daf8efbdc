"""Who may see, edit and moderate practice examples and tips."""

from coalitions.permissions import is_coordinator
from moderation.models import ModerationState

# The states in which the author may still change a practice or tip.
EDITABLE_STATES = frozenset({ModerationState.DRAFT, ModerationState.CHANGES_REQUESTED})


def can_view_practice(user, practice) -> bool:
    """A published practice for everyone; an unpublished one only for its author and its moderators."""
    if practice.state == ModerationState.PUBLISHED:
        return True
    return user.is_authenticated and (practice.author_id == user.pk or is_coordinator(user, practice.region_id))


def is_author(user, item) -> bool:
    return user.is_authenticated and item.author_id == user.pk


def can_edit(user, item) -> bool:
    """The author, while the practice or tip is a draft or has changes requested."""
    return is_author(user, item) and item.state in EDITABLE_STATES


def can_see_moderation_log(user, practice) -> bool:
    return is_author(user, practice) or is_coordinator(user, practice.region_id)


def can_record_adoption(user, practice) -> bool:
    """Any logged-in member may say they tried a published practice example."""
    return user.is_authenticated and practice.state == ModerationState.PUBLISHED
