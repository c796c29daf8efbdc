"""The tools register's pages: list with filters, detail, submitting, moderation, and the two buttons."""

import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse

from coalitions.models import CoalitionMembership
from moderation.models import ModerationLogEntry, ModerationState
from notifications.models import OutboundEmail
from tests import factories
from tests.helpers import parse_html, text_of
from tools.models import JoinRequest, Tool

pytestmark = pytest.mark.django_db


def names(response) -> list[str]:
    return [h.text for h in parse_html(response).find_all("h3", cls="card-title")]


# -- the list ----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("count", [3, 30])
def test_list_query_count(client, coalition, theme, count, django_assert_num_queries):
    users = [factories.CoalitionFactory() for _ in range(3)]
    for n in range(count):
        factories.ToolFactory(name=f"Planner {n:02}", developer=coalition, themes=[theme], users=users)
    # count (capped), page, themes and user counts of the tools on the page, the theme choices of the filter form.
    with django_assert_num_queries(5):
        response = client.get(reverse("tools:list"))
    assert len(names(response)) == min(count, settings.PAGE_SIZE)


def test_list_count_stops_at_the_cap(client, coalition, theme, settings):
    settings.PAGINATION_COUNT_CAP = 2
    for n in range(3):
        factories.ToolFactory(name=f"Planner {n}", developer=coalition, themes=[theme])
    assert "2+ tools" in text_of(client.get(reverse("tools:list")))
    settings.PAGINATION_COUNT_CAP = 3
    assert "3 tools" in text_of(client.get(reverse("tools:list")))


def test_list_shows_only_published_tools_with_their_facts(client, coalition, theme):
    other = factories.CoalitionFactory(name="Den Haag", slug="den-haag")
    factories.ToolFactory(name="Planner verrijkte schooldag", developer=other, users=[coalition], themes=[theme])
    factories.ToolFactory(name="Ingediende app", state=ModerationState.SUBMITTED, published_at=None)
    response = client.get(reverse("tools:list"))
    page = parse_html(response)
    assert names(response) == ["Planner verrijkte schooldag"]
    assert page.find("p", cls="card-meta").text == "In gebruik · ontwikkeld door Den Haag · gebruikt door 1 coalitie"
    assert page.by_id("results-heading").text == "1 tool"


def test_list_filters_by_theme_and_status(client, coalition, theme):
    other_theme = factories.ThemeFactory(name="Armoede", slug="armoede")
    factories.ToolFactory(name="A in gebruik", developer=coalition, themes=[theme], status=Tool.Status.IN_USE)
    factories.ToolFactory(name="B idee", developer=coalition, themes=[theme], status=Tool.Status.IDEA)
    factories.ToolFactory(name="C armoede", developer=coalition, themes=[other_theme], status=Tool.Status.IN_USE)
    assert names(client.get(reverse("tools:list"), {"theme": "talentontwikkeling"})) == ["A in gebruik", "B idee"]
    assert names(client.get(reverse("tools:list"), {"status": "in-gebruik"})) == ["A in gebruik", "C armoede"]
    assert names(client.get(reverse("tools:list"), {"theme": "armoede", "status": "idee"})) == []


def test_list_empty_state(client, db):
    page = parse_html(client.get(reverse("tools:list"), {"status": "gestopt"}))
    assert page.find("p", cls="empty").text == "Er zijn geen tools die bij deze filters passen. Probeer minder filters."


def test_menu_links_to_tools_and_marks_it_current(client, db):
    link = parse_html(client.get(reverse("tools:list"))).find("a", href=reverse("tools:list"))
    assert (link.text, link.get("aria-current")) == ("Tools", "page")


# -- the detail page -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("count", [1, 5])
def test_detail_query_count(client, coalition, theme, count, django_assert_num_queries):
    tool = factories.ToolFactory(developer=coalition, themes=[theme],
                                 users=[factories.CoalitionFactory() for _ in range(count)])
    # the tool with its developer and region, its themes, its users.
    with django_assert_num_queries(3):
        response = client.get(tool.get_absolute_url())
    assert len(parse_html(response).find("ul", cls="tool-users").find_all("li")) == count


@pytest.mark.parametrize("count", [1, 5])
def test_detail_query_count_for_a_project_leader(client, coalition, theme, count, django_assert_num_queries):
    developer = factories.CoalitionFactory(name="Den Haag", slug="den-haag")
    tool = factories.ToolFactory(developer=developer, themes=[theme],
                                 users=[factories.CoalitionFactory() for _ in range(count)])
    leader = factories.UserFactory()
    factories.MembershipFactory(coalition=coalition, user=leader, role=CoalitionMembership.Role.PROJECT_LEADER)
    client.force_login(leader)
    # session, user, tool, themes, users; coordinated regions (also the menu's moderator check), led
    # coalitions, exists + list of the coalitions the leader may add, membership of the developer, join request.
    with django_assert_num_queries(11):
        response = client.get(tool.get_absolute_url())
    assert parse_html(response).find("input", type="hidden", name="coalition")["value"] == "oost-groningen"


def test_contact_is_for_logged_in_members_only(client, coalition, member):
    tool = factories.ToolFactory(developer=coalition, contact_name="Rudy", contact_email="rudy@example.org")
    assert parse_html(client.get(tool.get_absolute_url())).find("p", cls="tool-contact").text == (
        "Rudy · rudy@example.org")
    client.logout()
    page = client.get(tool.get_absolute_url()).content.decode()
    assert "rudy@example.org" not in page
    assert "Rudy" not in page
    assert parse_html(client.get(tool.get_absolute_url())).by_id("contact-heading").parent.find("a").text == (
        "Log in om de contactgegevens te zien.")


def test_unpublished_tool_is_hidden_from_others(client, coalition):
    tool = factories.ToolFactory(developer=coalition, state=ModerationState.SUBMITTED, published_at=None)
    assert client.get(tool.get_absolute_url()).status_code == 404


# -- submitting and moderation ---------------------------------------------------------------------------------

def tool_data(coalition, theme, **overrides):
    return {"name": "Roosterapp verrijkt aanbod", "description": "Plant activiteiten, aanbieders en groepen.",
            "status": "in-ontwikkeling", "developer": coalition.pk, "developer_organisation": "Appbouwer BV",
            "url": "https://example.org/app", "themes": [theme.pk], "contact_name": "Rudy",
            "contact_email": "rudy@example.org", **overrides}


def test_submit_moderate_publish(client, coalition, theme, member, django_capture_on_commit_callbacks):
    coordinator = factories.UserFactory(email="coord@example.org")
    factories.RegionCoordinatorFactory(region=coalition.region, user=coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("tools:create"), {**tool_data(coalition, theme), "action": "submit"})
    tool = Tool.objects.get()
    assert response["Location"] == tool.get_absolute_url()
    assert (tool.state, tool.author, tool.slug, tool.developer_organisation) == (
        ModerationState.SUBMITTED, member, "roosterapp-verrijkt-aanbod", "Appbouwer BV")
    assert list(OutboundEmail.objects.values_list("recipient", "kind")) == [
        ("coord@example.org", "moderation-submitted")]
    assert client.get(reverse("tools:list")).context["page"].paginator.count == 0

    client.force_login(coordinator)
    queue = parse_html(client.get(reverse("moderation_queue")))
    assert queue.by_id("queue-tools").text == "1 ingediende tool"
    assert queue.find("a", href=tool.get_absolute_url()).text == "Roosterapp verrijkt aanbod"
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("tools:moderate", args=[tool.slug]), {"action": "publish"})
    tool.refresh_from_db()
    assert tool.state == ModerationState.PUBLISHED and tool.published_at is not None
    assert ModerationLogEntry.objects.for_item(tool).count() == 2
    assert list(OutboundEmail.objects.filter(kind="moderation-decision").values_list("recipient", flat=True)) == [
        "lid@example.org"]
    client.logout()
    assert names(client.get(reverse("tools:list"))) == ["Roosterapp verrijkt aanbod"]


def test_reject_needs_a_comment_and_keeps_the_tool_private(client, coalition, theme):
    coordinator = factories.UserFactory()
    factories.RegionCoordinatorFactory(region=coalition.region, user=coordinator)
    tool = factories.ToolFactory(developer=coalition, state=ModerationState.SUBMITTED, published_at=None)
    client.force_login(coordinator)
    client.post(reverse("tools:moderate", args=[tool.slug]), {"action": "reject"})
    tool.refresh_from_db()
    assert tool.state == ModerationState.SUBMITTED
    client.post(reverse("tools:moderate", args=[tool.slug]), {"action": "reject", "comment": "Geen tool."})
    tool.refresh_from_db()
    assert tool.state == ModerationState.REJECTED


def test_draft_needs_only_name_developer_and_status_and_submitting_it_asks_for_the_rest(client, coalition, member):
    response = client.post(reverse("tools:create"), {"name": "Idee-app", "developer": coalition.pk,
                                                     "status": "idee", "action": "save"})
    tool = Tool.objects.get()
    assert response["Location"] == tool.get_absolute_url()
    assert tool.state == ModerationState.DRAFT
    response = client.post(reverse("tools:submit", args=[tool.slug]), follow=True)
    assert [str(m) for m in response.context["messages"]][-1:] == [
        "Vul deze velden in voordat je de tool indient: Wat het doet, Thema's."]
    tool.refresh_from_db()
    assert tool.state == ModerationState.DRAFT


def test_bad_input_keeps_what_was_typed(client, coalition, theme, member):
    response = client.post(reverse("tools:create"), {**tool_data(coalition, theme, url="javascript:alert(1)"),
                                                      "action": "submit"})
    assert response.status_code == 200
    assert Tool.objects.count() == 0
    page = parse_html(response)
    assert page.find("input", name="name")["value"] == "Roosterapp verrijkt aanbod"
    assert page.find("p", cls="field-error").text == "Vul een webadres in dat begint met https://."


def test_ftp_link_is_refused(client, coalition, theme, member):
    client.post(reverse("tools:create"), {**tool_data(coalition, theme, url="ftp://example.org/"), "action": "save"})
    assert Tool.objects.count() == 0


# -- "wij gebruiken dit ook" ------------------------------------------------------------------------------------

@pytest.fixture
def haagse_tool(db, theme):
    developer = factories.CoalitionFactory(name="Den Haag", slug="den-haag")
    for email in ["pl-b@example.org", "pl-a@example.org"]:
        factories.MembershipFactory(coalition=developer, user=factories.UserFactory(email=email),
                                    role=CoalitionMembership.Role.PROJECT_LEADER)
    factories.MembershipFactory(coalition=developer, user=factories.UserFactory(email="lid-dh@example.org"))
    return factories.ToolFactory(name="Haagse planner", slug="haagse-planner", developer=developer, themes=[theme])


def test_we_use_this_too_adds_the_coalition_once_and_tells_the_developers(
        client, coalition, leader, haagse_tool, django_capture_on_commit_callbacks):
    client.force_login(leader)
    url = reverse("tools:use", args=[haagse_tool.slug])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"coalition": "oost-groningen"}, follow=True)
    assert [str(m) for m in response.context["messages"]] == [
        "Oost-Groningen staat nu bij de gebruikers van deze tool; de ontwikkelaars weten het."]
    assert list(haagse_tool.users.values_list("slug", flat=True)) == ["oost-groningen"]
    rows = list(OutboundEmail.objects.order_by("recipient").values_list("recipient", "kind", "idempotency_key"))
    pl_a, pl_b = (CoalitionMembership.objects.get(user__email=e).user_id for e in ["pl-a@example.org",
                                                                                      "pl-b@example.org"])
    assert rows == [
        ("pl-a@example.org", "tool-used", f"tool-used:{haagse_tool.pk}:{coalition.pk}:{pl_a}"),
        ("pl-b@example.org", "tool-used", f"tool-used:{haagse_tool.pk}:{coalition.pk}:{pl_b}"),
    ]
    assert mail.outbox[0].subject == "Oost-Groningen gebruikt Haagse planner ook"
    # The page now lists the coalition and offers no button for it any more.
    page = parse_html(response)
    assert [li.text for li in page.find("ul", cls="tool-users").find_all("li")] == ["Oost-Groningen"]
    assert page.find("form", action=url) is None

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"coalition": "oost-groningen"}, follow=True)
    assert [str(m) for m in response.context["messages"]] == [
        "Oost-Groningen staat al bij de gebruikers van deze tool."]
    assert haagse_tool.users.count() == 1
    assert OutboundEmail.objects.count() == 2


def test_we_use_this_too_is_for_project_leaders_of_their_own_coalition(client, coalition, member, haagse_tool):
    url = reverse("tools:use", args=[haagse_tool.slug])
    assert client.post(url, {"coalition": "oost-groningen"}).status_code == 404
    leader = factories.UserFactory()
    other = factories.CoalitionFactory(name="Utrecht", slug="utrecht")
    factories.MembershipFactory(coalition=other, user=leader, role=CoalitionMembership.Role.PROJECT_LEADER)
    client.force_login(leader)
    for slug in ["oost-groningen", "den-haag"]:  # not theirs; the developer itself
        response = client.post(url, {"coalition": slug}, follow=True)
        assert [str(m) for m in response.context["messages"]] == [
            "Kies een coalitie die jij leidt en die deze tool nog niet gebruikt."]
    assert haagse_tool.users.count() == 0
    assert OutboundEmail.objects.count() == 0


def test_we_use_this_too_works_without_javascript_with_a_choice_of_coalitions(client, coalition, leader, haagse_tool):
    second = factories.CoalitionFactory(name="Veendam", slug="veendam")
    factories.MembershipFactory(coalition=second, user=leader, role=CoalitionMembership.Role.PROJECT_LEADER)
    client.force_login(leader)
    form = parse_html(client.get(haagse_tool.get_absolute_url())).find(
        "form", action=reverse("tools:use", args=[haagse_tool.slug]))
    assert form.find("label", for_="use-coalition").text == "Onze coalitie"
    assert [o["value"] for o in form.find_all("option")] == ["oost-groningen", "veendam"]
    assert form.find("button").text == "Wij gebruiken dit ook"


# -- "wij willen meedoen" ---------------------------------------------------------------------------------------

def test_we_want_to_join_tells_the_developers_once(client, member, haagse_tool, django_capture_on_commit_callbacks):
    url = reverse("tools:join", args=[haagse_tool.slug])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"message": "Wij bouwen mee aan de roostermodule."}, follow=True)
    assert [str(m) for m in response.context["messages"]] == [
        "Je bericht is verstuurd naar de projectleiders van Den Haag."]
    join_request = JoinRequest.objects.get()
    assert (join_request.user, join_request.message) == (member, "Wij bouwen mee aan de roostermodule.")
    rows = list(OutboundEmail.objects.order_by("recipient").values_list("recipient", "kind", "idempotency_key"))
    leaders = {m.user.email: m.user_id for m in CoalitionMembership.objects.filter(role="projectleider")}
    assert rows == [
        ("pl-a@example.org", "tool-join", f"tool-join:{join_request.pk}:{leaders['pl-a@example.org']}"),
        ("pl-b@example.org", "tool-join", f"tool-join:{join_request.pk}:{leaders['pl-b@example.org']}"),
    ]
    assert mail.outbox[0].subject == "Saskia wil meehelpen aan Haagse planner"
    assert mail.outbox[0].extra_headers.get("Reply-To") == "lid@example.org"
    assert "Wij bouwen mee aan de roostermodule." in mail.outbox[0].body
    assert parse_html(response).find("p", cls="tool-joined").text == (
        "Je hebt gevraagd om mee te doen; de projectleiders hebben je bericht.")

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"message": "Nog een keer"}, follow=True)
    assert [str(m) for m in response.context["messages"]] == [
        "Je hebt al gevraagd om mee te doen; de projectleiders hebben je bericht."]
    assert JoinRequest.objects.count() == 1
    assert OutboundEmail.objects.count() == 2


def test_we_want_to_join_without_a_message_keeps_the_form(client, member, haagse_tool):
    response = client.post(reverse("tools:join", args=[haagse_tool.slug]), {"message": "  "})
    assert response.status_code == 200
    assert parse_html(response).find("p", cls="field-error").text == "Schrijf een kort bericht aan de ontwikkelaars."
    assert JoinRequest.objects.count() == 0


def test_members_of_the_developer_cannot_ask_to_join(client, haagse_tool):
    client.force_login(CoalitionMembership.objects.get(user__email="lid-dh@example.org").user)
    assert client.post(reverse("tools:join", args=[haagse_tool.slug]), {"message": "Hoi"}).status_code == 404
    assert "Wij willen meedoen" not in client.get(haagse_tool.get_absolute_url()).content.decode()


def test_buttons_need_a_published_tool(client, coalition, leader):
    tool = factories.ToolFactory(developer=factories.CoalitionFactory(), state=ModerationState.SUBMITTED,
                                 published_at=None)
    client.force_login(leader)
    assert client.post(reverse("tools:use", args=[tool.slug]), {"coalition": "oost-groningen"}).status_code == 404
    assert client.post(reverse("tools:join", args=[tool.slug]), {"message": "Hoi"}).status_code == 404
    assert tool.users.count() == 0 and JoinRequest.objects.count() == 0
