"""User text is inert: an XSS corpus through every text field, rendered on the pages and in the emails."""

from html.parser import HTMLParser

import pytest
from django.core import mail
from django.urls import reverse

from coalitions.services import request_help
from moderation.models import ModerationState
from moderation.services import flag_item, transition
from notifications.models import OutboundEmail
from practices.forms import LinkForm
from practices.services import moderate_adoption
from tests import factories
from tools.models import Tool
from tools.services import ask_to_join, record_use

CORPUS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[klik](javascript:alert(1))",
    "[klik](JaVaScRiPt:alert(1))",
    "[klik]( javascript:alert(1))",
    '<a href="javascript:alert(1)">x</a>',
    '<a href="&#106;avascript:alert(1)">x</a>',
    '<iframe src="https://evil.example/"></iframe>',
    "![x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[x](data:text/html,<script>alert(1)</script>)",
    "<svg onload=alert(1)>",
    '"><script>alert(1)</script>',
    "'><img src=x onerror=alert(1)>",
    '<div style="background:url(javascript:alert(1))">x</div>',
    "<<script>script>alert(1)<</script>/script>",
    "<scr<script>ipt>alert(1)</script>",
    '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
    "<object data=javascript:alert(1)></object>",
    "<p onmouseover=alert(1)>hover</p>",
    "**vet** <b onclick=alert(1)>klik</b> <unclosed",
]


URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data"}


class ExecutableContentFinder(HTMLParser):
    """Collects whatever a browser could execute that our own templates never produce."""

    def __init__(self, own_forms: int = 0):
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []

    def handle_starttag(self, tag, attrs):
        # Our pages load their script only from a file of static/js/ (ARCHITECTURE.md, Content Security Policy).
        ours = tag == "script" and (dict(attrs).get("src") or "").startswith("/static/js/")
        if tag in {"script", "iframe", "object", "embed", "svg", "math", "base"} and not ours:
            self.problems.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"{tag}[{name}]")
            if name in URL_ATTRIBUTES and value:
                cleaned = "".join(value.split()).lower()
                if cleaned.startswith(("javascript:", "data:", "vbscript:")):
                    self.problems.append(f"{tag}[{name}={value}]")
            if name == "style" and value and "javascript:" in value.lower():
                self.problems.append(f"{tag}[style]")


def assert_safe(html: str, where: str):
    finder = ExecutableContentFinder()
    finder.feed(html)
    assert not finder.problems, f"{where}: {finder.problems}"


@pytest.mark.django_db
@pytest.mark.parametrize("payload", CORPUS)
def test_payload_in_every_text_field_is_inert(client, payload, django_capture_on_commit_callbacks):
    region = factories.RegionFactory(name="Noord", slug="noord")
    coordinator = factories.UserFactory(email="coord@example.org", full_name=payload)
    factories.RegionCoordinatorFactory(region=region, user=coordinator, public_email="coord@example.org")
    coalition = factories.CoalitionFactory(name=f"Coalitie {payload}"[:150], region=region, description=payload)
    author = factories.UserFactory(full_name=payload)
    practice = factories.PracticeFactory(
        title=payload[:200], summary=payload, setting=payload[:200], context=payload, approach=payload,
        results=payload, pitfalls=payload, practical_tips=payload, contact_name=payload[:150],
        coalition=coalition, author=author,
    )
    practice.links.create(title=payload[:200], url="https://example.org/")
    event = factories.EventFactory(
        title=payload[:200], summary=payload[:300], description=payload, venue_name=payload[:200],
        address=payload[:250], city=payload[:100], audience=payload[:250], organiser=coalition,
    )
    event.practices.add(practice)
    factories.ProgrammeItemFactory(event=event, title=payload[:200], speaker=payload[:200])
    factories.StandFactory(event=event, offer=payload)
    factories.TipFactory(title=payload[:120], body=payload)
    tool = factories.ToolFactory(name=payload[:150], description=payload, developer=coalition,
                                 developer_organisation=payload[:200], contact_name=payload[:150],
                                 url="https://example.org/app")
    submitted_tool = factories.ToolFactory(name=f"Ingediend {payload}"[:150], description=payload,
                                           developer=coalition, author=author, state=ModerationState.SUBMITTED,
                                           published_at=None)
    leader = factories.UserFactory(email="pl@example.org", full_name=payload)
    factories.MembershipFactory(coalition=coalition, user=leader, role="projectleider")
    user_coalition = factories.CoalitionFactory(name=f"Gebruiker {payload}"[:150], region=region)
    adoption_text = {"organisation_name": payload[:200], "setting": payload[:200], "changes": payload,
                     "lesson": payload}
    factories.AdoptionFactory(practice=practice, coalition=coalition, **adoption_text)
    adoption = factories.AdoptionFactory(practice=practice, region=region, state=ModerationState.SUBMITTED,
                                         published_at=None, **adoption_text)
    submitted = factories.PracticeFactory(title=f"Ingediend {payload}"[:200], coalition=coalition, author=author,
                                          state=ModerationState.SUBMITTED, published_at=None)
    with django_capture_on_commit_callbacks(execute=True):
        flag_item(practice, reporter=author, reason=payload)
        record_use(tool, coalition=user_coalition, actor=author)
        ask_to_join(tool, user=author, message=payload)
        transition(submitted_tool, "request_changes", actor=coordinator, comment=payload)
        transition(submitted, "request_changes", actor=coordinator, comment=payload)
        moderate_adoption(adoption, "publish", actor=coordinator)  # emails the practice's author
        request_help(region=region, name=payload[:150], email="vraag@example.org", organisation=payload[:200],
                     question=payload, user=None)

    pages = {
        "home": reverse("home"),
        "practice list": reverse("practices:list"),
        "practice detail": practice.get_absolute_url(),
        "event list": reverse("events:list"),
        "event detail": event.get_absolute_url(),
        "coalition list": reverse("coalitions:list"),
        "coalition detail": coalition.get_absolute_url(),
        "tips": reverse("practices:tips"),
        "tool list": reverse("tools:list"),
        "tool detail": tool.get_absolute_url(),
        "about": reverse("about"),
    }
    for where, url in pages.items():
        response = client.get(url)
        assert response.status_code == 200, where
        assert_safe(response.content.decode(), where)

    client.force_login(coordinator)
    adoption.state = ModerationState.SUBMITTED  # back in the queue, to show it there
    adoption.save()
    for where, url in {"moderation queue": reverse("moderation_queue"),
                       "submitted practice with log": submitted.get_absolute_url(),
                       "submitted tool": submitted_tool.get_absolute_url(),
                       "tool detail (logged in)": tool.get_absolute_url(),
                       "adoption form": reverse("practices:adoption_create", args=[practice.slug])}.items():
        assert_safe(client.get(url).content.decode(), where)

    assert Tool.objects.get(pk=tool.pk).users.count() == 1
    assert sorted(OutboundEmail.objects.filter(recipient="pl@example.org").values_list("kind", flat=True)) == [
        "adoption-published", "tool-join", "tool-used"]
    # The practice's author and its coalition's project leader.
    assert sorted(m.to[0] for m in mail.outbox if m.subject.startswith("Elders uitgeprobeerd")) == sorted(
        [author.email, "pl@example.org"])
    for message in mail.outbox:
        for html, _mimetype in message.alternatives:
            assert_safe(html, f"email {message.subject}")


@pytest.mark.parametrize("url", [
    "javascript:alert(1)", "JAVASCRIPT:alert(1)", "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)", "ftp://example.org/", "//evil.example/",
])
def test_link_form_refuses_unsafe_schemes(url):
    form = LinkForm(data={"title": "Link", "url": url})
    assert not form.is_valid()
    assert "url" in form.errors
