"""List cards built in Python: one call per item instead of an ``{% include %}`` per item.

A list page shows 20 cards; rendering each through an included template cost most of the page's CPU (an
include, a context push and a dozen variable lookups, each escaped and localised, per card). These tags build
the same markup in Python with every value escaped as ``{{ }}`` does, and the same msgids as the templates had,
so the Dutch catalogue still applies.
"""

from html import escape as _html_escape

from django import template
from django.template.defaultfilters import truncatewords
from django.utils.dateformat import format as date_format
from django.utils.safestring import SafeString, mark_safe
from django.utils.timezone import template_localtime
from django.utils.translation import gettext, ngettext

register = template.Library()


def escaped(value) -> str:
    """``{{ value }}`` with autoescaping: safe strings as they are, anything else escaped (as Django's ``escape``)."""
    if hasattr(value, "__html__"):
        return value.__html__()
    return _html_escape(str(value))


def _safe(html: str) -> SafeString:
    return mark_safe(html)  # noqa: S308 - built from escaped values and msgstrs of our own catalogue


_CHOICES: dict = {}


def choice_label(obj, name: str) -> str:
    """``obj.get_<name>_display()`` without rebuilding the choices' dictionary for every call."""
    key = (type(obj), name)
    choices = _CHOICES.get(key)
    if choices is None:
        choices = _CHOICES[key] = dict(obj._meta.get_field(name).flatchoices)
    value = getattr(obj, name)
    return str(choices.get(value, value))


# Translated UI texts go in unescaped: exactly what {% translate "..." %} and {% blocktranslate %} output (the
# catalogue is trusted; values put into a translation are escaped before they go in). gettext is called outside
# the f-strings: makemessages (xgettext) does not see a call inside an f-string.


@register.simple_tag
def practice_card(practice) -> SafeString:
    """A practice example in a list: title, school type, region, coalition, summary, adoptions and themes."""
    meta = f"{escaped(choice_label(practice, 'school_type'))} · {escaped(practice.region)}"
    coalition = practice.coalition
    if coalition:
        meta += f" · {escaped(coalition)}"
    html = (
        f'<article class="card">\n  <h3 class="card-title"><a href="{escaped(practice.get_absolute_url())}">'
        f"{escaped(practice.title)}</a></h3>\n"
        f'  <p class="card-meta">{meta}</p>\n  <p>{escaped(truncatewords(practice.summary, 40))}</p>\n'
    )
    adoptions = getattr(practice, "adoption_count", None)
    if adoptions:
        text = ngettext("Tried in %(counter)s place", "Tried in %(counter)s places", adoptions) % {
            "counter": adoptions}
        html += f'  <p class="card-adoptions">{text}</p>\n'
    # Annotated by PracticeQuerySet.for_list; a practice from elsewhere reads its themes.
    names = getattr(practice, "theme_names", None)
    if names is None:
        names = [theme.name for theme in practice.themes.all()]
    if names:
        items = "".join(f"<li>{escaped(name)}</li>" for name in names)
        label = gettext("Themes")
        html += f'  <ul class="tags" aria-label="{label}">{items}</ul>\n'
    return _safe(html + "</article>")


@register.simple_tag
def event_card(event, show_seats=False, show_host_answer=False) -> SafeString:
    """An event in a list: date, title, kind, organiser and host, place, summary and (optionally) seats."""
    cancelled = event.cancelled_at
    starts_at = template_localtime(event.starts_at)
    badges = f'<span class="badge">{escaped(choice_label(event, "kind"))}</span>'
    if cancelled:
        text = gettext("Cancelled")
        badges += f'\n    <span class="badge badge-warning">{text}</span>'
    who = escaped(event.organiser)
    if event.has_accepted_host:
        who += f" → {escaped(event.host)}"
    elif event.awaits_host:
        text = gettext("waiting for confirmation from %(host)s") % {"host": escaped(event.host.name)}
        who += f' · <span class="host-pending">{text}</span>'
    elif show_host_answer and event.host_refused:
        text = gettext("Declined by the host coalition")
        who += f' · <span class="badge badge-warning">{text}</span>'
    if event.city:
        who += f" · {escaped(event.city)}"
    elif event.online_url:
        text = gettext("Online")
        who += f" · {text}"
    html = (
        f'<article class="card event-card{" is-cancelled" if cancelled else ""}">\n'
        f'  <p class="event-date"><time datetime="{escaped(date_format(starts_at, "c"))}">'
        f'{escaped(date_format(starts_at, "l j F Y, H:i"))}</time></p>\n'
        f'  <h3 class="card-title"><a href="{escaped(event.get_absolute_url())}">{escaped(event.title)}</a></h3>\n'
        f'  <p class="card-meta">\n    {badges}\n    {who}\n  </p>\n'
        f"  <p>{escaped(event.summary)}</p>\n"
    )
    if show_seats and not cancelled and event.capacity is not None:
        left = event.seats_left
        if left:
            seats = ngettext("%(counter)s seat left", "%(counter)s seats left", left) % {"counter": left}
        else:
            seats = gettext("Full: waiting list")
        html += f'    <p class="seats">{seats}</p>\n'
    return _safe(html + "</article>")


@register.simple_tag
def tip_body(tip) -> SafeString:
    """A tip in the list, inside its ``<article>``: title, text, source and themes, where it came from."""
    themes = "".join(f" · {escaped(theme)}" for theme in tip.themes.all())
    html = (
        f'<h2 class="card-title">{escaped(tip.title)}</h2>\n    <p>{escaped(tip.body)}</p>\n'
        f'    <p class="card-meta">{escaped(choice_label(tip, "source"))}{themes}</p>\n'
    )
    practice = tip.source_practice
    if practice:
        text = gettext("From the practice example")
        html += (f'    <p class="tip-source">{text} '
                 f'<a href="{escaped(practice.get_absolute_url())}">{escaped(practice.title)}</a></p>\n')
    events = tip.source_events
    if events:
        links = ", ".join(f'<a href="{escaped(event.get_absolute_url())}">{escaped(event.title)}</a>'
                          for event in events)
        text = ngettext("From the event", "From the events", len(events))
        html += (f'    <p class="tip-source">{text} '
                 f"{links}</p>\n")
    return _safe(html)
