"""Fragments of logged-in pages kept in the cache and shared by everyone who may see them ("Caching" in
ARCHITECTURE.md): what the template's ``{% cache %}`` key needs to change with every content write, and the
member's own CSRF token put into a shared fragment's forms after rendering.

A shared fragment never holds a token: its forms carry ``{% csrf_slot %}`` (``core/templatetags/portal.py``)
instead of ``{% csrf_token %}``, and the view passes its response through ``fill_csrf_slots``. The slot is an
HTML comment, which no escaped or cleaned text a member wrote can contain.
"""

from datetime import datetime

from django.conf import settings
from django.middleware.csrf import get_token
from django.utils.html import format_html

from core import pagecache

CSRF_SLOT = "<!--csrf-token-->"


def live(now: datetime) -> dict:
    """Context for a live fragment: ``live_seconds`` (0: not kept; the setting is off or the content generation
    cannot be read) and ``live_key``, the content generation and the minute. Call it before reading the rows
    the fragment shows (see ``pagecache.current_generation``)."""
    generation = pagecache.current_generation() if settings.LIVE_FRAGMENT_SECONDS else None
    return {
        "live_seconds": settings.LIVE_FRAGMENT_SECONDS if generation is not None else 0,
        "live_key": f"{generation}:{now:%Y%m%d%H%M}",
    }


def fill_csrf_slots(request, response):
    """Put the member's own CSRF token in every form slot of the rendered page."""
    slot = CSRF_SLOT.encode()
    if slot in response.content:
        field = format_html('<input type="hidden" name="csrfmiddlewaretoken" value="{}">', get_token(request))
        response.content = response.content.replace(slot, field.encode())
    return response
