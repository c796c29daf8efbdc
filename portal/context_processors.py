"""Template context shared by every page."""

from django.conf import settings
from django.utils.functional import SimpleLazyObject

from coalitions.permissions import is_any_coordinator

_SECTIONS = {
    "practices": "practices",
    "events": "events",
    "coalitions:list": "coalitions",
    "coalition_detail": "coalitions",
    "coalitions:network_list": "networks",
    "network_detail": "networks",
    "practices:tips": "tips",
    "tools": "tools",
    # Sharing a tip sits outside the menu's sections, as it did before tips moved into practices' URLs.
    "practices:tip_create": "",
    "practices:tip_edit": "",
    "practices:tip_moderate": "",
    "practices:tip_flag": "",
    "about": "about",
    "my_portal": "mine",
    "profile": "mine",
    "my_data": "mine",
    "account_delete": "mine",
    "moderation_queue": "moderation",
}


def site(request):
    match = getattr(request, "resolver_match", None)
    section = ""
    if match:
        section = _SECTIONS[match.view_name] if match.view_name in _SECTIONS else _SECTIONS.get(match.namespace, "")
    user = getattr(request, "user", None)
    return {
        "SITE_URL": settings.SITE_URL,
        "nav_section": section,
        # Lazy: only pages that render the menu for a logged-in user pay for the query.
        "is_moderator": SimpleLazyObject(lambda: bool(user and is_any_coordinator(user))),
    }
