"""List cards built in Python: one call per item instead of an ``{% include %}`` per item.

A list page shows 20 cards; rendering each through an included template cost most of the page's CPU (an
include, a context push and a dozen variable lookups, each escaped and localised, per card). These tags build
the same markup with ``format_html`` (every value escaped) and the same msgids as the templates had, so the
Dutch catalogue still applies.
"""

from django import template
from django.template.defaultfilters import truncatewords
from django.utils.dateformat import format as date_format
from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.timezone import template_localtime
from django.utils.translation import gettext, ngettext

register = template.Library()


def _ui(translated: str) -> SafeString:
    """A translated UI text, not escaped: exactly what {% translate "..." %} and {% blocktranslate %} output.

    The catalogue is trusted; values put into a translation are escaped before they go in.
    """
    return mark_safe(translated)  # noqa: S308 - a msgstr from our own catalogue, values escaped


def _themes(item) -> list:
    return list(item.themes.all())


@register.simple_tag
def practice_card(practice) -> SafeString:
    """A practice example in a list: title, school type, region, coalition, summary, adoptions and themes."""
    coalition = practice.coalition
    meta = format_html("{} · {}", practice.get_school_type_display(), practice.region)
    if coalition:
        meta = format_html("{} · {}", meta, coalition)
    parts = [
        format_html(
            '<article class="card">\n  <h3 class="card-title"><a href="{}">{}</a></h3>\n'
            '  <p class="card-meta">{}</p>\n  <p>{}</p>\n',
            practice.get_absolute_url(), practice.title, meta, truncatewords(practice.summary, 40),
        )
    ]
    adoptions = getattr(practice, "adoption_count", None)
    if adoptions:
        text = ngettext("Tried in %(counter)s place", "Tried in %(counter)s places", adoptions) % {
            "counter": adoptions}
        parts.append(format_html('  <p class="card-adoptions">{}</p>\n', _ui(text)))
    themes = _themes(practice)
    if themes:
        parts.append(format_html(
            '  <ul class="tags" aria-label="{}">{}</ul>\n', _ui(gettext("Themes")),
            format_html_join("", "<li>{}</li>", ((theme,) for theme in themes)),
        ))
    parts.append("</article>")
    return mark_safe("".join(parts))  # noqa: S308 - parts built by format_html


@register.simple_tag
def event_card(event, show_seats=False, show_host_answer=False) -> SafeString:
    """An event in a list: date, title, kind, organiser and host, place, summary and (optionally) seats."""
    cancelled = event.cancelled_at
    starts_at = template_localtime(event.starts_at)
    badges = format_html('<span class="badge">{}</span>', event.get_kind_display())
    if cancelled:
        badges = format_html(
            '{}\n    <span class="badge badge-warning">{}</span>', badges, _ui(gettext("Cancelled")))
    who = format_html("{}", event.organiser)
    if event.has_accepted_host:
        who = format_html("{} → {}", who, event.host)
    elif event.awaits_host:
        # Like {% blocktranslate %}: the value is escaped, the translation itself is not.
        text = gettext("waiting for confirmation from %(host)s") % {"host": escape(event.host.name)}
        who = format_html('{} · <span class="host-pending">{}</span>', who, _ui(text))
    elif show_host_answer and event.host_refused:
        who = format_html('{} · <span class="badge badge-warning">{}</span>', who,
                          _ui(gettext("Declined by the host coalition")))
    if event.city:
        who = format_html("{} · {}", who, event.city)
    elif event.online_url:
        who = format_html("{} · {}", who, _ui(gettext("Online")))
    html = format_html(
        '<article class="card event-card{}">\n'
        '  <p class="event-date"><time datetime="{}">{}</time></p>\n'
        '  <h3 class="card-title"><a href="{}">{}</a></h3>\n'
        '  <p class="card-meta">\n    {}\n    {}\n  </p>\n'
        "  <p>{}</p>\n",
        " is-cancelled" if cancelled else "",
        date_format(starts_at, "c"), date_format(starts_at, "l j F Y, H:i"),
        event.get_absolute_url(), event.title, badges, who, event.summary,
    )
    if show_seats and not cancelled and event.capacity is not None:
        left = event.seats_left
        if left:
            seats = _ui(ngettext("%(counter)s seat left", "%(counter)s seats left", left) % {"counter": left})
        else:
            seats = _ui(gettext("Full: waiting list"))
        html = format_html('{}    <p class="seats">{}</p>\n', html, seats)
    return format_html("{}</article>", html)
