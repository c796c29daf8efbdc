"""Coalition lists, management, members and invitations."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from coalitions.models import CoalitionMembership, Invitation, MemberProfile, Organisation, VisitProfile
from coalitions.services import set_following
from tests import factories
from tests.helpers import parse_html

pytestmark = pytest.mark.django_db


COUNTS = [1, 20]


@pytest.fixture
def leader(leader, client):
    client.force_login(leader)
    return leader


@pytest.mark.parametrize("count", COUNTS)
def test_coalition_list_query_count(client, django_assert_num_queries, count, region):
    for _ in range(count):
        coalition = factories.CoalitionFactory(region=region)
        coalition.municipalities.add(factories.MunicipalityFactory())
    # count, page rows, municipalities prefetch, region choices.
    with django_assert_num_queries(4):
        response = client.get(reverse("coalitions:list"))
    assert len(response.context["page"].object_list) == count


def test_coalition_list_search_by_municipality(client, region):
    coalition = factories.CoalitionFactory(name="Oost-Groningen", region=region)
    coalition.municipalities.add(factories.MunicipalityFactory(name="Veendam"))
    factories.CoalitionFactory(name="Den Haag", region=region)
    response = client.get(reverse("coalitions:list"), {"q": "veendam"})
    assert [c.name for c in response.context["page"]] == ["Oost-Groningen"]


def test_invitation_for_someone_without_account(client, leader, coalition, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("coalitions:manage", args=[coalition.slug]),
                    {"form": "invite", "email": "Nieuw@Example.org", "role": "lid"})
    invitation = Invitation.objects.get()
    assert invitation.email == "nieuw@example.org"
    link = reverse("coalitions:invitation", args=[invitation.token])
    assert link in mail.outbox[0].body
    client.logout()
    assert "Log in" in client.get(link).content.decode() or "Inloggen" in client.get(link).content.decode()
    newcomer = factories.UserFactory(email="nieuw@example.org")
    client.force_login(newcomer)
    client.post(link)
    assert CoalitionMembership.objects.filter(coalition=coalition, user=newcomer, role="lid").exists()
    # Used once only, and never by another address.
    other = factories.UserFactory(email="ander@example.org")
    client.force_login(other)
    client.post(link)
    assert not CoalitionMembership.objects.filter(user=other).exists()


def test_invitation_for_wrong_address_or_expired(client, coalition):
    invitation = Invitation.objects.create(coalition=coalition, email="juist@example.org", token="t" * 40,
                                           expires_at=timezone.now() - timedelta(days=1))
    user = factories.UserFactory(email="juist@example.org")
    client.force_login(user)
    response = client.post(reverse("coalitions:invitation", args=[invitation.token]), follow=True)
    assert "verlopen" in response.content.decode()
    assert not CoalitionMembership.objects.exists()


def test_project_leader_removes_member_and_edits_page(client, leader, coalition):
    other = factories.MembershipFactory(coalition=coalition)
    client.post(reverse("coalitions:member_remove", args=[coalition.slug, other.pk]))
    assert not CoalitionMembership.objects.filter(pk=other.pk).exists()
    own = CoalitionMembership.objects.get(user=leader)
    client.post(reverse("coalitions:member_remove", args=[coalition.slug, own.pk]))
    assert CoalitionMembership.objects.filter(pk=own.pk).exists()
    client.post(reverse("coalitions:manage", args=[coalition.slug]),
                {"form": "page", "description": "Nieuwe **beschrijving**", "website": "https://example.org"})
    coalition.refresh_from_db()
    assert coalition.description == "Nieuwe **beschrijving**"


@pytest.mark.parametrize("count", [1, 20])
def test_coalition_manage_query_count(client, leader, coalition, count, django_assert_num_queries):
    for index in range(count):
        factories.MembershipFactory(coalition=coalition)
        Invitation.objects.create(coalition=coalition, email=f"x{index}@example.org", token=f"tok{index}",
                                  expires_at=timezone.now() + timedelta(days=3))
        coalition.partners.add(factories.OrganisationFactory())
    profile = VisitProfile.objects.create(coalition=coalition, offer="Onze verrijkte schooldag", wish="Ouders")
    profile.offer_themes.set(factories.ThemeFactory.create_batch(count))
    profile.wish_themes.set(factories.ThemeFactory.create_batch(count))
    # session, user, coalition, municipalities and partners choices, members, invitations, moderator check;
    # the work visit profile, its two lists of themes and the two theme choices.
    with django_assert_num_queries(16):
        response = client.get(reverse("coalitions:manage", args=[coalition.slug]))
    assert response.status_code == 200


def test_follow_and_unfollow_a_learning_network_from_its_page(client, member):
    network = factories.LearningNetworkFactory(name="Leernetwerk schoolleiders", slug="schoolleiders")
    url = reverse("coalitions:network_follow", args=[network.slug])
    page = client.get(network.get_absolute_url()).content.decode()
    assert f'action="{url}"' in page and '<input type="hidden" name="action" value="follow">' in page
    response = client.post(url, {"action": "follow", "next": network.get_absolute_url()}, follow=True)
    assert response.redirect_chain == [(network.get_absolute_url(), 302)]
    assert [str(m) for m in response.context["messages"]] == ["Je volgt nu Leernetwerk schoolleiders."]
    assert list(MemberProfile.objects.get(user=member).followed_networks.all()) == [network]
    assert response.context["following"] is True
    assert '<input type="hidden" name="action" value="unfollow">' in response.content.decode()
    response = client.post(url, {"action": "unfollow"}, follow=True)
    assert [str(m) for m in response.context["messages"]] == ["Je volgt Leernetwerk schoolleiders niet meer."]
    assert list(MemberProfile.objects.get(user=member).followed_networks.all()) == []


@pytest.mark.parametrize("kind", ["region", "coalition"])
def test_follow_a_region_or_coalition_from_its_page(client, member, region, coalition, kind):
    target = {"region": region, "coalition": coalition}[kind]
    response = client.post(reverse(f"coalitions:{kind}_follow", args=[target.slug]), {"action": "follow"})
    assert response["Location"] == target.get_absolute_url()
    profile = MemberProfile.objects.get(user=member)
    assert (list(profile.followed_regions.all()), list(profile.followed_coalitions.all())) == (
        ([region], []) if kind == "region" else ([], [coalition]))
    assert client.get(target.get_absolute_url()).context["following"] is True


def test_follow_refuses_a_bad_action_and_an_unsafe_next(client, member):
    network = factories.LearningNetworkFactory(name="Wethouders", slug="wethouders")
    url = reverse("coalitions:network_follow", args=[network.slug])
    response = client.post(url, {"action": "verzinnen"}, follow=True)
    assert [str(m) for m in response.context["messages"]] == [
        "Kies of je wilt volgen of niet meer wilt volgen; er is niets gewijzigd."]
    assert not MemberProfile.objects.filter(user=member, followed_networks=network).exists()
    response = client.post(url, {"action": "follow", "next": "https://evil.example/"})
    assert response["Location"] == network.get_absolute_url()


def test_follow_needs_a_login_and_a_post(client):
    network = factories.LearningNetworkFactory(slug="leraren")
    url = reverse("coalitions:network_follow", args=[network.slug])
    assert client.post(url, {"action": "follow"})["Location"].startswith(reverse("account_login"))
    client.force_login(factories.UserFactory())
    assert client.get(url).status_code == 405
    assert client.post(reverse("coalitions:network_follow", args=["onbekend"]), {"action": "follow"}).status_code == 404
    assert not MemberProfile.objects.exists()


def test_anonymous_visitors_see_a_login_link_instead_of_the_button(client):
    network = factories.LearningNetworkFactory(slug="leraren")
    html = client.get(network.get_absolute_url()).content.decode()
    assert f'href="{reverse("account_login")}?next=/leernetwerken/leraren/"' in html
    assert "name=\"action\"" not in html


def _invite(client, coalition, email, role="lid"):
    return client.post(reverse("coalitions:manage", args=[coalition.slug]),
                       {"form": "invite", "email": email, "role": role})


def test_inviting_an_existing_member_is_refused(client, leader, coalition):
    factories.MembershipFactory(coalition=coalition, user=factories.UserFactory(email="lid@example.org"))
    response = _invite(client, coalition, "Lid@Example.org")
    assert response.status_code == 200
    assert response.context["invite_form"].errors["email"] == ["lid@example.org is al lid van deze coalitie (Lid)."]
    assert response.context["invite_form"]["email"].value() == "Lid@Example.org"
    assert not Invitation.objects.exists() and mail.outbox == []


def test_inviting_a_member_to_become_project_leader_is_allowed(client, leader, coalition,
                                                               django_capture_on_commit_callbacks):
    factories.MembershipFactory(coalition=coalition, user=factories.UserFactory(email="lid@example.org"))
    with django_capture_on_commit_callbacks(execute=True):
        response = _invite(client, coalition, "lid@example.org", role="projectleider")
    assert response.status_code == 302
    assert list(Invitation.objects.values_list("email", "role")) == [("lid@example.org", "projectleider")]
    assert _invite(client, coalition, "pl@example.org", role="projectleider").context["invite_form"].errors[
        "email"] == ["pl@example.org is al lid van deze coalitie (Projectleider)."]


def test_a_second_invitation_while_one_is_open_is_refused(client, leader, coalition,
                                                          django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        _invite(client, coalition, "nieuw@example.org")
        response = _invite(client, coalition, "NIEUW@example.org")
    invitation = Invitation.objects.get()
    valid_until = date_format(timezone.localtime(invitation.expires_at), "DATE_FORMAT")
    assert response.context["invite_form"].errors["email"] == [
        f"Er staat al een uitnodiging voor nieuw@example.org open voor deze coalitie, geldig tot {valid_until}."]
    assert len(mail.outbox) == 1
    # Once it has expired, a new invitation may be sent.
    Invitation.objects.update(expires_at=timezone.now() - timedelta(minutes=1))
    assert _invite(client, coalition, "nieuw@example.org").status_code == 302
    assert Invitation.objects.count() == 2


def _page_data(partners, **extra):
    return {"form": "page", "description": "Beschrijving", "partners": partners, **extra}


def test_partners_are_picked_typed_or_removed(client, leader, coalition):
    assen = factories.MunicipalityFactory(name="Assen")
    kept = factories.OrganisationFactory(name="Gemeente Assen", municipality=assen)
    dropped = factories.OrganisationFactory(name="Bibliotheek")
    coalition.partners.add(kept, dropped)
    html = parse_html(client.get(reverse("coalitions:manage", args=[coalition.slug])))
    inputs = html.find("ul", cls="organisation-inputs").find_all("input")
    assert [i.get("value") for i in inputs] == ["Bibliotheek", "Gemeente Assen (Assen)", None, None, None]
    assert {i["list"] for i in inputs} == {"organisation-options"}
    assert [i.get("aria-label") for i in inputs] == [None, "Partner 2", "Partner 3", "Partner 4", "Partner 5"]
    assert html.find("label", for_="id_partners_0").text == "Partners"
    assert [o["value"] for o in html.by_id("organisation-options").find_all("option")] == [
        "Bibliotheek", "Gemeente Assen (Assen)"]

    response = client.post(reverse("coalitions:manage", args=[coalition.slug]), _page_data(
        ["Gemeente Assen (Assen)", "", " Jeugdteam  Assen ", "gemeente assen"], new_partner_kind="jeugdhulp"))
    assert response.status_code == 302
    created = Organisation.objects.get(name="Jeugdteam Assen")
    assert (created.kind, created.municipality) == ("jeugdhulp", None)
    assert sorted(coalition.partners.values_list("name", flat=True)) == ["Gemeente Assen", "Jeugdteam Assen"]

    client.post(reverse("coalitions:manage", args=[coalition.slug]), _page_data(["jeugdteam assen"]))
    assert list(coalition.partners.all()) == [created]
    assert Organisation.objects.count() == 3


def test_ambiguous_partner_is_refused_and_nothing_saved(client, leader, coalition):
    factories.OrganisationFactory(name="BSO De Speeltuin", slug="bso-1", municipality=factories.MunicipalityFactory())
    factories.OrganisationFactory(name="BSO De Speeltuin", slug="bso-2", municipality=factories.MunicipalityFactory())
    response = client.post(reverse("coalitions:manage", args=[coalition.slug]),
                           _page_data(["Nieuwe partner", "BSO De Speeltuin"]))
    html = parse_html(response)
    assert [p.text for p in html.find_all(id="id_partners_error")] == [
        "Er zijn meerdere organisaties met de naam “BSO De Speeltuin”. Kies er een uit de lijst: de plaats tussen "
        "haakjes maakt het verschil."]
    assert [i.get("value") for i in html.find("ul", cls="organisation-inputs").find_all("input")][:2] == [
        "Nieuwe partner", "BSO De Speeltuin"]
    coalition.refresh_from_db()
    assert coalition.description != "Beschrijving"
    assert Organisation.objects.count() == 2 and not coalition.partners.exists()


def test_follow_and_unfollow_a_theme_from_its_filtered_practice_list(client, member, theme):
    other = factories.ThemeFactory(name="Ouderbetrokkenheid", slug="ouderbetrokkenheid")
    listed = reverse("practices:list") + "?theme=talentontwikkeling&region="
    url = reverse("coalitions:theme_follow", args=[theme.slug])
    assert url == "/themas/talentontwikkeling/volgen/"
    form = parse_html(client.get(listed)).find("form", cls="follow-form")
    assert form["action"] == url
    hidden = [(field["name"], field["value"]) for field in form.find_all("input", type="hidden")]
    assert hidden[1:] == [("next", listed), ("action", "follow")]  # after the CSRF token
    assert form.find("button").text == "Volgen"
    response = client.post(url, {"action": "follow", "next": listed}, follow=True)
    assert response.redirect_chain == [(listed, 302)]
    assert [str(m) for m in response.context["messages"]] == ["Je volgt nu Talentontwikkeling."]
    assert list(MemberProfile.objects.get(user=member).followed_themes.all()) == [theme]
    assert response.context["following"] is True
    assert parse_html(response).find("form", cls="follow-form").find("button").text == "Niet meer volgen"
    set_following(member, other, following=True)
    response = client.post(url, {"action": "unfollow"})
    # Without a "next", back to the list filtered by the theme.
    assert response["Location"] == "/praktijkvoorbeelden/?theme=talentontwikkeling"
    assert list(MemberProfile.objects.get(user=member).followed_themes.all()) == [other]


def test_the_follow_button_shows_only_on_a_list_filtered_by_one_theme(client, member, theme):
    assert parse_html(client.get(reverse("practices:list"))).find("form", cls="follow-form") is None
    unknown = client.get(reverse("practices:list"), {"theme": "bestaat-niet"})
    assert parse_html(unknown).find("form", cls="follow-form") is None
    client.logout()
    anonymous = parse_html(client.get(reverse("practices:list"), {"theme": theme.slug}))
    assert anonymous.find("p", cls="follow-form").find("a").text == "Log in om dit te volgen"


def test_project_leaders_edit_what_they_can_show_and_want_to_learn(client, leader, coalition, theme):
    school = factories.ThemeFactory(name="School en kinderopvang", slug="school-kinderopvang")
    url = reverse("coalitions:manage", args=[coalition.slug])
    data = {"form": "visits", "offer": " De aanbiedersmarkt in Veendam. ", "offer_themes": [theme.pk],
            "wish": "Talent in de stad.", "wish_themes": [theme.pk, school.pk]}
    other = factories.UserFactory()
    factories.MembershipFactory(coalition=factories.CoalitionFactory(), user=other,
                                role=CoalitionMembership.Role.PROJECT_LEADER)
    client.force_login(other)  # a project leader of another coalition
    assert client.post(url, data).status_code == 404
    assert not VisitProfile.objects.exists()

    client.force_login(leader)
    response = client.post(url, data, follow=True)
    assert [str(m) for m in response.context["messages"]] == [
        "Wat jullie kunnen laten zien en willen leren is opgeslagen."]
    profile = VisitProfile.objects.get(coalition=coalition)
    assert (profile.offer, profile.wish) == ("De aanbiedersmarkt in Veendam.", "Talent in de stad.")
    assert list(profile.offer_themes.all()) == [theme] and set(profile.wish_themes.all()) == {theme, school}
    page = parse_html(client.get(coalition.get_absolute_url()))
    assert page.find("dd", cls="visit-offer").text == "De aanbiedersmarkt in Veendam. Talentontwikkeling"
    wish = page.find("dd", cls="visit-wish")
    assert [li.text for li in wish.find_all("li")] == ["School en kinderopvang", "Talentontwikkeling"]
    assert wish.text.startswith("Talent in de stad. ")

    too_long = client.post(url, {**data, "wish": "x" * 1001, "offer": "Nieuw aanbod"})
    assert too_long.status_code == 200
    assert too_long.context["visit_form"]["offer"].value() == "Nieuw aanbod"
    assert "wish" in too_long.context["visit_form"].errors
    assert VisitProfile.objects.get(coalition=coalition).offer == "De aanbiedersmarkt in Veendam."


def test_coalition_names_endpoint_lists_every_coalition_by_name(client, django_assert_num_queries, region):
    for name in ["Zuid-Limburg", "Oost-Groningen", "Veenkoloniën"]:
        factories.CoalitionFactory(name=name, region=region)
    with django_assert_num_queries(1):
        response = client.get(reverse("coalitions:names"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.content.decode() == '{"names":["Oost-Groningen","Veenkoloniën","Zuid-Limburg"]}'
    assert response["Cache-Control"] == "public, max-age=600"
    assert response["ETag"].startswith('"') and len(response["ETag"]) == 34


def test_coalition_names_endpoint_answers_not_modified_until_a_name_changes(client, region):
    coalition = factories.CoalitionFactory(name="Oost-Groningen", region=region)
    etag = client.get(reverse("coalitions:names"))["ETag"]
    response = client.get(reverse("coalitions:names"), headers={"if-none-match": etag})
    assert (response.status_code, response.content, response["ETag"]) == (304, b"", etag)
    coalition.name = "Oost-Groningen en Veenkoloniën"
    coalition.save()
    response = client.get(reverse("coalitions:names"), headers={"if-none-match": etag})
    assert response.status_code == 200
    assert response.json() == {"names": ["Oost-Groningen en Veenkoloniën"]}
    assert response["ETag"] != etag


def test_coalition_names_endpoint_takes_only_get(client):
    assert client.post(reverse("coalitions:names")).status_code == 405
