"""Template context shared by every page."""

from django.conf import settings
from django.utils.functional import SimpleLazyObject

from coalitions.permissions import is_any_coordinator

_SECTIONS = {
    "practices": "practices",
    "events": "events",
    "coalitions:list": "coalitions",
    "coalitions:detail": "coalitions",
    "coalitions:network_list": "networks",
    "coalitions:network_detail": "networks",
    "tips": "tips",
    "about": "about",
    "my_portal": "mine",
    "profile": "mine",
    "moderation_queue": "moderation",
}


def site(request):
    match = getattr(request, "resolver_match", None)
    section = ""
    if match:
        section = _SECTIONS.get(match.view_name) or _SECTIONS.get(match.namespace, "")
    user = getattr(request, "user", None)
    return {
        "SITE_URL": settings.SITE_URL,
        "nav_section": section,
        # Lazy: only pages that render the menu for a logged-in user pay for the query.
        "is_moderator": SimpleLazyObject(lambda: bool(user and is_any_coordinator(user))),
    }
