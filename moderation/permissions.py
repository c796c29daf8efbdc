"""Who may moderate an item: the coordinators of its region, and staff."""

from coalitions.permissions import is_coordinator


def can_moderate(user, item) -> bool:
    return is_coordinator(user, item.moderation_region_id)
