"""Template context shared by every page."""

from django.conf import settings

_SECTIONS = {
    "practices": "practices",
    "events": "events",
    "coalitions:list": "coalitions",
    "coalitions:detail": "coalitions",
    "coalitions:network_list": "networks",
    "coalitions:network_detail": "networks",
    "tips": "tips",
    "about": "about",
}


def site(request):
    match = getattr(request, "resolver_match", None)
    section = ""
    if match:
        section = _SECTIONS.get(match.view_name) or _SECTIONS.get(match.namespace, "")
    return {"SITE_URL": settings.SITE_URL, "nav_section": section}
