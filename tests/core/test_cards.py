"""The list cards and the filter form's selects, built in Python: the markup the templates produced."""

import ast
import re
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.utils import translation

from coalitions.filters import CoalitionFilter
from core.templatetags import cards, fields
from core.templatetags.cards import event_card, practice_card, tip_body
from core.templatetags.fields import field_widget
from events.filters import EventFilter
from events.models import Event
from practices.filters import PracticeFilter
from practices.models import Practice
from tests import factories
from tools.filters import ToolFilter

pytestmark = pytest.mark.django_db


def _flat(html) -> str:
    return re.sub(r">\s+<", "><", re.sub(r"\s+", " ", str(html))).strip()


@pytest.fixture(autouse=True)
def _dutch():
    with translation.override("nl"):
        yield


def test_practice_card_escapes_values_and_counts_adoptions():
    coalition = factories.CoalitionFactory(name="Coalitie <Noord>")
    practice = factories.PracticeFactory(
        title="Lezen & <b>spelen</b>", coalition=coalition, summary="Een twee drie",
        themes=[factories.ThemeFactory(name="Taal"), factories.ThemeFactory(name="Sport")],
    )
    practice = Practice.objects.with_adoption_count().get(pk=practice.pk)
    practice.adoption_count = 3
    assert _flat(practice_card(practice)) == (
        f'<article class="card"><h3 class="card-title"><a href="/praktijkvoorbeelden/{practice.slug}/">'
        "Lezen &amp; &lt;b&gt;spelen&lt;/b&gt;</a></h3>"
        f'<p class="card-meta">Primair onderwijs · {practice.region.name} · Coalitie &lt;Noord&gt;</p>'
        "<p>Een twee drie</p><p class=\"card-adoptions\">Uitgeprobeerd op 3 plekken</p>"
        "<ul class=\"tags\" aria-label=\"Thema's\"><li>Sport</li><li>Taal</li></ul></article>"
    )


def test_practice_card_without_coalition_adoptions_or_themes():
    practice = factories.PracticeFactory(coalition=None, summary=" ".join(["woord"] * 45))
    html = _flat(practice_card(practice))
    assert f'<p class="card-meta">Primair onderwijs · {practice.region.name}</p>' in html
    assert "<p>" + " ".join(["woord"] * 40) + " …</p>" in html
    assert "card-adoptions" not in html and "tags" not in html


def test_event_card_cancelled_with_pending_host_and_seats():
    host = factories.CoalitionFactory(name="Gast & Co")
    event = factories.EventFactory(
        title="Werkbezoek", organiser=factories.CoalitionFactory(name="Organisator"), host=host,
        host_status=Event.HostStatus.PENDING, capacity=5, city="",
        starts_at=datetime(2027, 3, 4, 9, 30, tzinfo=ZoneInfo("UTC")), summary="Samen <leren>",
    )
    assert _flat(event_card(event, show_seats=True)) == (
        '<article class="card event-card"><p class="event-date">'
        '<time datetime="2027-03-04T10:30:00+01:00">donderdag 4 maart 2027, 10:30</time></p>'
        f'<h3 class="card-title"><a href="/bijeenkomsten/{event.slug}/">Werkbezoek</a></h3>'
        '<p class="card-meta"><span class="badge">Inspiratiemiddag</span> Organisator · '
        '<span class="host-pending">wacht op bevestiging van Gast &amp; Co</span></p>'
        '<p>Samen &lt;leren&gt;</p><p class="seats">Nog 5 plaatsen vrij</p></article>'
    )
    event.cancelled_at = event.starts_at
    event.host_status = Event.HostStatus.DECLINED
    html = _flat(event_card(event, show_seats=True, show_host_answer=True))
    assert html.startswith('<article class="card event-card is-cancelled">')
    assert ('<span class="badge">Inspiratiemiddag</span><span class="badge badge-warning">Geannuleerd</span>'
            ' Organisator · <span class="badge badge-warning">Afgewezen door gastcoalitie</span></p>') in html
    assert "seats" not in html
    event.cancelled_at = None
    event.host_status = Event.HostStatus.ACCEPTED
    event.online_url = "https://example.org/live"
    event.capacity = 0
    html = _flat(event_card(event, show_seats=True))
    assert "Organisator → Gast &amp; Co · Online </p>" in html
    assert '<p class="seats">Vol: wachtlijst</p>' in html


def test_tip_body_names_its_published_sources():
    practice = factories.PracticeFactory(title="Voorlezen <thuis>")
    tip = factories.TipFactory(title="Begin & blijf", body="Klein <b>", practice=practice,
                               themes=[factories.ThemeFactory(name="Taal")])
    first, second = factories.EventFactory(title="Eerste"), factories.EventFactory(title="Tweede")
    hidden = factories.EventFactory(title="Concept", state="draft")
    for event in (first, second, hidden):
        event.tips.add(tip)
    assert _flat(tip_body(tip)) == (
        '<h2 class="card-title">Begin &amp; blijf</h2><p>Klein &lt;b&gt;</p><p class="card-meta">Redactie · Taal</p>'
        f'<p class="tip-source">Uit het praktijkvoorbeeld <a href="/praktijkvoorbeelden/{practice.slug}/">'
        "Voorlezen &lt;thuis&gt;</a></p>"
        f'<p class="tip-source">Uit de bijeenkomsten <a href="/bijeenkomsten/{first.slug}/">Eerste</a>, '
        f'<a href="/bijeenkomsten/{second.slug}/">Tweede</a></p>'
    )
    second.tips.remove(tip)
    practice.state = "draft"
    practice.save()
    tip.refresh_from_db()
    html = _flat(tip_body(tip))
    assert "praktijkvoorbeeld" not in html
    link = f'<a href="/bijeenkomsten/{first.slug}/">Eerste</a>'
    assert html.endswith(f'<p class="tip-source">Uit de bijeenkomst {link}</p>')


@pytest.mark.parametrize(("filter_class", "data"), [
    (PracticeFilter, {}),
    (PracticeFilter, {"school_type": "po", "sort": "uitgeprobeerd", "q": '<x>&"', "tried_elsewhere": "on"}),
    (PracticeFilter, {"theme": "no-such-theme"}),
    (EventFilter, {}),
    (CoalitionFilter, {"q": "Noord"}),
    (ToolFilter, {}),
])
def test_field_widget_renders_what_the_form_renderer_does(filter_class, data):
    theme = factories.ThemeFactory(name="Taal & <lezen>")
    factories.RegionFactory()
    data = {**data, "theme": data.get("theme", theme.slug)}
    form = filter_class(data, queryset=filter_class._meta.model.objects.none()).form
    form.is_valid()
    fields = list(form)
    assert any("<select" in str(field) for field in fields)
    for field in fields:
        assert field_widget(field) == str(field)
    assert form.renderer.__class__.__name__ != "_SelectRenderer"


@pytest.mark.parametrize("module", [cards, fields])
def test_translations_are_called_where_makemessages_finds_them(module):
    """xgettext does not look inside f-strings: a msgid used only there would drop out of the catalogue."""
    tree = ast.parse(Path(module.__file__).read_text())
    hidden = [call.func.id for string in ast.walk(tree) if isinstance(string, ast.JoinedStr)
              for call in ast.walk(string) if isinstance(call, ast.Call) and isinstance(call.func, ast.Name)
              and call.func.id in {"gettext", "ngettext", "pgettext", "_"}]
    assert hidden == []


def test_list_practices_carry_their_theme_names_in_the_themes_order(django_assert_num_queries):
    # Theme order is position, then name; one theme with a position before the alphabet decides.
    late = factories.ThemeFactory(name="Aardrijkskunde", position=5)
    early = factories.ThemeFactory(name="Zwemmen", position=1)
    tied = factories.ThemeFactory(name="Muziek", position=1)
    themed = factories.PracticeFactory(themes=[late, tied, early])
    bare = factories.PracticeFactory(themes=[])
    bare.themes.clear()
    with django_assert_num_queries(1):
        listed = {practice.pk: practice for practice in Practice.objects.for_list()}
        html = {pk: _flat(practice_card(practice)) for pk, practice in listed.items()}
    assert listed[themed.pk].theme_names == ["Muziek", "Zwemmen", "Aardrijkskunde"]
    assert listed[themed.pk].theme_names == [theme.name for theme in themed.themes.all()]
    assert listed[bare.pk].theme_names == []
    assert html[themed.pk].endswith(
        "<ul class=\"tags\" aria-label=\"Thema's\"><li>Muziek</li><li>Zwemmen</li><li>Aardrijkskunde</li></ul>"
        "</article>"
    )
    assert "tags" not in html[bare.pk]
