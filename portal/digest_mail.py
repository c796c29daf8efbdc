"""The digest email of a batch of members: subject, text and HTML, without a template render per member.

The templates ``emails/digest_subject.txt``, ``emails/digest.txt`` and ``emails/digest.html`` (with
``emails/base.html``, ``emails/_digest_sections.html``, ``emails/_digest_commitments.txt|.html`` and the
unsubscribe footers) define the email. The email is a frame around lines rendered once per batch
(``portal.digests.render_fragments``): greeting, section headings, group headings, "more" links and footer, and
the member's commitments (agreements due, events one is registered for). That frame is filled here with plain
string formatting, the same strings, translations, date formats and escaping as the templates; an event's date
and place are formatted once per batch. ``tests/portal/test_digest_mail.py`` checks every combination of sections
and commitments character for character against the templates.
"""

from __future__ import annotations

from django.conf import settings
from django.template import Context
from django.template.loader import get_template
from django.urls import reverse
from django.utils.dateformat import format as format_date
from django.utils.formats import localize
from django.utils.html import conditional_escape
from django.utils.timezone import template_localtime
from django.utils.translation import gettext, ngettext

TEMPLATE = "emails/digest"
DAILY = "daily"


class DigestMail:
    """Renders the digest emails of one batch (one frequency); the strings that do not vary are made once."""

    def __init__(self, frequency: str):
        self.frequency = frequency
        daily = frequency == DAILY
        subject = get_template(f"{TEMPLATE}_subject.txt").template.render(
            Context({"frequency": frequency}, autoescape=False))
        self.subject = " ".join(subject.split())
        self.intro = gettext("Here is what needs you, and what is new, since yesterday's overview." if daily
                             else "Here is what needs you, and what is new, since last week's overview.")
        self.receive = gettext("You receive this overview every morning." if daily
                               else "You receive this overview every Monday morning.")
        self.change = gettext("Change what you follow or how often")
        self.headings = {
            "reports": gettext("From your coalitions and their work visits"),
            "groups": gettext("New in what you follow"),
            "events": gettext("Coming up near you"),
        }
        self.other_themes = gettext("Other themes")
        self.site = gettext("Kennisportaal School & Omgeving")
        self.unsubscribe = gettext("Unsubscribe from these emails")
        self.preferences = gettext("All your email preferences")
        self.unsubscribe_text = gettext("No longer want these emails? Unsubscribe with one click:")
        self.preferences_text = gettext("All your email preferences:")
        self.more = {}
        self.commitments = gettext("My commitments")
        self.open_agreements = gettext("Your open follow-up agreements:")
        self.registered_for = gettext("Events you are registered for:")
        self.close = gettext("Mark as done or dropped")
        self.due_today = gettext("due today")
        self.add_to_calendar = gettext("Add to your calendar (.ics)")
        self.events = {}

    def render(self, context: dict) -> tuple[str, str, str]:
        """Subject, text and HTML of the digest email for ``context`` (as given to the templates)."""
        digest = context["digest"]
        text = html = ""
        if digest.has_commitments:
            text, html = self._commitments_text(digest), self._commitments_html(digest)
        return self.subject, self._text(context, digest, text), self._html(context, digest, html)

    # The commitments: ``emails/_digest_commitments.txt`` and ``.html`` (with ``h`` = 2).

    def _overdue(self, agreement, escape) -> str:
        """How late the agreement is, or when it is due; in HTML, lateness and "today" are in bold."""
        days = agreement.days_overdue
        if days < 0:
            return gettext("due on %(date)s") % {"date": escape(format_date(agreement.due_date, "l j F"))}
        late = (ngettext("%(days)s day overdue", "%(days)s days overdue", days) % {"days": escape(localize(days))}
                if days else self.due_today)
        return f"<strong>{late}</strong>" if escape is conditional_escape else late

    @staticmethod
    def _source(agreement, escape) -> str:
        return gettext("from “%(title)s”") % {"title": escape(agreement.event_title)}

    @staticmethod
    def _waiting(registration, escape) -> str:
        return gettext("You are number %(position)s on the waiting list.") % {
            "position": escape(localize(registration.waiting_position))}

    def _event(self, event) -> tuple[str, str, str, str]:
        """An event's when · where (text, HTML), page URL and calendar URL: formatted once per batch."""
        if event.pk not in self.events:
            starts, ends = template_localtime(event.starts_at), template_localtime(event.ends_at)
            until = format_date(ends, "H:i" if event.starts_at.date() == event.ends_at.date() else "l j F Y, H:i")
            when = f"{format_date(starts, 'l j F Y, H:i')} – {until}"
            place = []
            if event.venue_name:
                place += [event.venue_name] + [value for value in (event.address, event.city) if value]
            elif event.city:
                place.append(event.city)
            where = ", ".join(place)
            where_html = ", ".join(conditional_escape(value) for value in place)
            if event.online_url:
                separator = " · " if event.venue_name or event.city else ""
                where += separator + event.online_url
                where_html += separator + conditional_escape(event.online_url)
            self.events[event.pk] = (
                f"{when} · {where}", f"{conditional_escape(when)} · {where_html}",
                settings.SITE_URL + event.get_absolute_url(),
                settings.SITE_URL + reverse("events:ics", args=[event.slug]),
            )
        return self.events[event.pk]

    def _commitments_text(self, digest) -> str:
        parts = ["\n== ", self.commitments, " ==\n"]
        for agreement in digest.agreements:
            parts += ["\n* ", agreement.description, "\n  ", self._source(agreement, str), " · ",
                      self._overdue(agreement, str), "\n  ", self.close, ": ", agreement.close_url, "\n"]
        for registration in digest.registrations:
            event = registration.event
            when_where, _, _, ics_url = self._event(event)
            next_step = (self._waiting(registration, str) if registration.waiting_position
                         else f"{self.add_to_calendar}: {ics_url}")
            parts += ["\n* ", event.title, "\n  ", when_where, "\n  ", next_step, "\n"]
        return "".join(parts)

    def _commitments_html(self, digest) -> str:
        e = conditional_escape
        parts = ["\n<section>\n  <h2>", self.commitments, "</h2>\n  "]
        if digest.agreements:
            parts += ["\n  <p>", self.open_agreements, "</p>\n  <ul>\n    "]
            for agreement in digest.agreements:
                parts += ["\n    <li>", e(agreement.description), "<br>\n      <small>", self._source(agreement, e),
                          " ·\n      ", self._overdue(agreement, e), '</small><br>\n      <a href="',
                          e(agreement.close_url), '">', self.close, "</a></li>\n    "]
            parts.append("\n  </ul>\n  ")
        parts.append("\n  ")
        if digest.registrations:
            parts += ["\n  <p>", self.registered_for, "</p>\n  <ul>\n    "]
            for registration in digest.registrations:
                event = registration.event
                _, when_where, url, ics_url = self._event(event)
                next_step = (self._waiting(registration, e) if registration.waiting_position
                             else f'<a href="{e(ics_url)}">{self.add_to_calendar}</a>')
                parts += ['\n    <li><a href="', e(url), '">', e(event.title), "</a><br>\n      <small>", when_where,
                          "</small><br>\n      ", next_step, "</li>\n    "]
            parts.append("\n  </ul>\n  ")
        parts.append("\n</section>\n")
        return "".join(parts)

    def _more(self, group, escape) -> str:
        """The "see all" line of a group; the same few counts recur, so each is translated once per batch."""
        key = (group.total, escape)
        if key not in self.more:
            count = group.total
            self.more[key] = ngettext("See all %(n)s new item", "See all %(n)s new items", count) % {
                "n": escape(localize(count))}
        return self.more[key]

    def _text(self, context: dict, digest, commitments: str) -> str:
        parts = [gettext("Dear %(name)s,") % {"name": context["recipient"].display_name}, "\n\n", self.intro, "\n",
                 commitments]
        if digest.reports:
            parts += ["\n== ", self.headings["reports"], " ==\n", digest.reports_text]
        if digest.groups:
            parts += ["\n== ", self.headings["groups"], " ==\n"]
            for group in digest.groups:
                parts += ["\n", group.name or self.other_themes, "\n", group.practices_text, group.tips_text]
                if group.more:
                    parts += [self._more(group, str), ": ", group.more_url, "\n"]
        if digest.events:
            parts += ["\n== ", self.headings["events"], " ==\n", digest.events_text]
        parts += ["\n--\n", self.receive, "\n", self.change, ": ", context["profile_url"], "\n",
                  "-- \n", self.unsubscribe_text, "\n", context.get("unsubscribe_url", ""), "\n",
                  self.preferences_text, "\n", context.get("preferences_url", ""), "\n\n"]
        return "".join(parts)

    def _html(self, context: dict, digest, commitments: str) -> str:
        e = conditional_escape
        name = gettext("Dear %(name)s,") % {"name": e(context["recipient"].display_name)}
        parts = [
            '<!DOCTYPE html>\n<html lang="nl">\n<head><meta charset="utf-8"><title></title></head>\n'
            '<body style="font-family: Arial, Helvetica, sans-serif; color: #1d2a2a; line-height: 1.5; '
            'max-width: 600px; margin: 0 auto; padding: 16px;">\n'
            '  <p style="font-weight: bold; color: #0b5c53; font-size: 18px;">', self.site, "</p>\n  \n<p>", name,
            "</p>\n<p>", self.intro, "</p>\n\n", commitments, "\n",
        ]
        if digest.reports:
            parts += ["\n<section>\n  <h2>", self.headings["reports"], "</h2>\n  ", digest.reports_html,
                      "\n</section>\n"]
        parts.append("\n")
        if digest.groups:
            parts += ["\n<section>\n  <h2>", self.headings["groups"], "</h2>\n  "]
            for group in digest.groups:
                parts += ["\n  <h3>", e(group.name) if group.name else self.other_themes, "</h3>\n  <ul>\n    ",
                          group.practices_html, "\n    ", group.tips_html, "\n  </ul>\n  "]
                if group.more:
                    parts += ['<p><a href="', e(group.more_url), '">', self._more(group, e), "</a></p>"]
                parts.append("\n  ")
            parts.append("\n</section>\n")
        parts.append("\n")
        if digest.events:
            parts += ["\n<section>\n  <h2>", self.headings["events"], "</h2>\n  <ul>\n    ", digest.events_html,
                      "\n  </ul>\n</section>\n"]
        parts += [
            "\n\n\n\n  <hr style=\"border: 0; border-top: 1px solid #d7e0de; margin: 24px 0;\">\n"
            '  <p style="font-size: 13px; color: #4a5a58;">', self.receive, ' <a href="', e(context["profile_url"]),
            '" style="color: #0b5c53;">', self.change, "</a></p>\n  ",
        ]
        if context.get("unsubscribe_url"):
            parts += ['<p style="font-size: 13px; color: #4a5a58;"><a href="', e(context["unsubscribe_url"]),
                      '" style="color: #0b5c53;">', self.unsubscribe, '</a> · <a href="',
                      e(context["preferences_url"]), '" style="color: #0b5c53;">', self.preferences, "</a></p>\n"]
        parts.append("\n</body>\n</html>\n")
        return "".join(parts)
