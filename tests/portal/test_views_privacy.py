"""Privacy pages: my data (page and JSON), deleting my account, the privacy and accessibility statements,
and whose contact details a visitor sees."""

import json
from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from coalitions.models import CoalitionMembership, HelpRequest, MemberProfile
from events.models import Registration
from moderation.models import Flag, ModerationState
from notifications.models import OutboundEmail
from practices.models import Practice
from tests import factories
from tests.helpers import parse_html
from tools.models import JoinRequest

pytestmark = pytest.mark.django_db


def outbox_row(recipient, key, user=None, status=OutboundEmail.Status.SENT):
    return OutboundEmail.objects.create(
        recipient=recipient, user=user, kind="registration", idempotency_key=key, subject=f"Aanmelding {key}",
        body_text="Tekst", status=status, sent_at=timezone.now() if status == OutboundEmail.Status.SENT else None,
    )


def give_data(user, coalition, region, theme, *, tag: str, count: int = 1):
    """Rows of every kind for ``user``; every title carries ``tag``, so another member's data is recognisable."""
    profile, _created = MemberProfile.objects.get_or_create(user=user, defaults={"region": region})
    profile.followed_themes.add(theme)
    profile.followed_coalitions.add(coalition)
    network = factories.LearningNetworkFactory(name=f"Leernetwerk {tag}", slug=f"leernetwerk-{tag}")
    network.members.add(user)
    profile.followed_networks.add(network)
    for index in range(count):
        event = factories.EventFactory(title=f"Bijeenkomst {tag} {index}", organiser=coalition, capacity=1)
        factories.RegistrationFactory(event=event, user=factories.UserFactory())
        factories.RegistrationFactory(event=event, user=user, status=Registration.Status.WAITLISTED,
                                      remark=f"Opmerking {tag}")
        practice = factories.PracticeFactory(title=f"Voorbeeld {tag} {index}", author=user, coalition=coalition,
                                             state=ModerationState.SUBMITTED, published_at=None)
        factories.TipFactory(title=f"Tip {tag} {index}", author=user, region=region)
        factories.AdoptionFactory(practice=practice, author=user, organisation_name=f"School {tag} {index}")
        tool = factories.ToolFactory(name=f"Tool {tag} {index}", author=user, developer=coalition)
        JoinRequest.objects.create(tool=tool, user=user, message=f"Meedoen {tag} {index}")
        factories.EventReportFactory(event=factories.EventFactory(title=f"Verslag {tag} {index}",
                                                                  organiser=coalition), author=user)
        factories.AgreementFactory(event=event, owner=user, owner_email=user.email,
                                   description=f"Afspraak {tag} {index}")
        outbox_row(user.email, f"{tag}-{index}", user=user)
        HelpRequest.objects.create(region=region, name=tag, email=user.email, question=f"Vraag {tag} {index}",
                                   user=user)
        Flag.objects.create(item=practice, region=region, reporter=user, reason=f"Melding {tag} {index}")


@pytest.fixture
def other(coalition, region, theme):
    user = factories.UserFactory(email="ander@example.org", full_name="Anders Andersen",
                                 organisation_name="Stichting Anders")
    factories.MembershipFactory(coalition=coalition, user=user)
    give_data(user, coalition, region, theme, tag="anders")
    return user


def test_my_data_json_holds_my_data_and_nothing_of_another_member(client, member, other, coalition, region, theme):
    member.organisation_name = "OBS De Regenboog"
    member.save()
    give_data(member, coalition, region, theme, tag="mijn")
    response = client.get(reverse("my_data_json"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"] == (
        f'attachment; filename="kennisportaal-mijn-gegevens-{timezone.localdate().isoformat()}.json"')
    raw = response.content.decode()
    assert "anders" not in raw.lower()
    data = json.loads(raw)
    assert data["profile"]["email"] == "lid@example.org"
    assert data["profile"]["organisation"] == "OBS De Regenboog"
    assert data["profile"]["digest_frequency"] == "weekly"
    assert data["follows"] == {"my_region": "Noord", "themes": ["Talentontwikkeling"], "regions": [],
                               "coalitions": ["Oost-Groningen"], "learning_networks": ["Leernetwerk mijn"]}
    assert data["roles"]["coalitions"][0]["coalition"] == "Oost-Groningen"
    assert data["roles"]["coalitions"][0]["role"] == "lid"
    assert data["roles"]["learning_networks"] == ["Leernetwerk mijn"]
    [registration] = data["registrations"]
    assert (registration["event"], registration["status"], registration["waiting_position"],
            registration["remark"]) == ("Bijeenkomst mijn 0", "waitlisted", 1, "Opmerking mijn")
    submissions = data["submissions"]
    assert [(row["title"], row["state"]) for row in submissions["practices"]] == [("Voorbeeld mijn 0", "submitted")]
    assert [row["title"] for row in submissions["tips"]] == ["Tip mijn 0"]
    assert [(row["title"], row["organisation"]) for row in submissions["adoptions"]] == [
        ("Voorbeeld mijn 0", "School mijn 0")]
    assert [row["title"] for row in submissions["tools"]] == ["Tool mijn 0"]
    assert [row["event"] for row in submissions["event_reports"]] == ["Verslag mijn 0"]
    assert [(row["description"], row["status"]) for row in data["agreements"]] == [("Afspraak mijn 0", "open")]
    assert [row["question"] for row in data["other"]["help_requests"]] == ["Vraag mijn 0"]
    assert [row["message"] for row in data["other"]["tool_join_requests"]] == ["Meedoen mijn 0"]
    assert [row["reason"] for row in data["other"]["reports_to_moderators"]] == ["Melding mijn 0"]
    assert [(row["subject"], row["kind"], row["status"]) for row in data["emails"]] == [
        ("Aanmelding mijn-0", "registration", "sent")]


def test_my_data_emails_include_my_other_addresses_but_not_other_peoples(client, member):
    EmailAddress.objects.create(user=member, email="Saskia@School.example", verified=True)
    outbox_row("saskia@school.example", "tweede-adres")
    outbox_row("LID@example.org", "hoofdletters", status=OutboundEmail.Status.PENDING)
    outbox_row("iemand@example.org", "ander", user=None)
    data = json.loads(client.get(reverse("my_data_json")).content)
    assert data["profile"]["other_email_addresses"] == ["saskia@school.example"]
    assert sorted((row["subject"], row["status"]) for row in data["emails"]) == [
        ("Aanmelding hoofdletters", "pending"), ("Aanmelding tweede-adres", "sent")]


def test_my_data_page_shows_my_data_and_nothing_of_another_member(client, member, other, coalition, region, theme):
    give_data(member, coalition, region, theme, tag="mijn")
    response = client.get(reverse("my_data"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "anders" not in html.lower()
    page = parse_html(response)
    assert page.find("h1").text == "Mijn gegevens"
    assert page.find("a", href=reverse("my_data_json")).text == "Mijn gegevens downloaden (JSON)"
    for text in ("Voorbeeld mijn 0", "Tip mijn 0", "Tool mijn 0", "Afspraak mijn 0", "Aanmelding mijn-0",
                 "Wachtlijst (plek 1)", "Leernetwerk mijn", "Vraag mijn 0"):
        assert text in html, text


@pytest.mark.parametrize("count", [1, 4])
def test_my_data_query_count(client, member, coalition, region, theme, count, django_assert_num_queries):
    give_data(member, coalition, region, theme, tag="mijn", count=count)
    # session, user, then one query per section: addresses, follows (5), roles (3), registrations,
    # submissions (5), agreements, help requests, join requests, reports, emails; the page adds the menu's.
    with django_assert_num_queries(23):
        assert client.get(reverse("my_data")).status_code == 200
    with django_assert_num_queries(22):
        assert client.get(reverse("my_data_json")).status_code == 200


@pytest.mark.parametrize("name", ["my_data", "my_data_json", "account_delete"])
def test_my_data_and_deletion_need_a_login(client, name):
    response = client.get(reverse(name))
    assert (response.status_code, response["Location"]) == (302, f"/account/login/?next={reverse(name)}")


def test_delete_account_get_shows_the_confirmation(client, member, django_assert_num_queries):
    with django_assert_num_queries(3):  # session, user, the menu's coordinator check
        response = client.get(reverse("account_delete"))
    page = parse_html(response)
    assert page.find("h1").text == "Mijn account verwijderen"
    assert page.find("label", for_="id_email").text == "Je e-mailadres *"
    assert page.find("main").find("button", type="submit").text == "Mijn account definitief verwijderen"
    assert "Je aanmeldingen voor bijeenkomsten worden geannuleerd en verwijderd." in response.content.decode()
    assert User.objects.filter(pk=member.pk).exists()


@pytest.mark.parametrize("typed", ["", "ander@example.org", "lid@example"])
def test_delete_account_with_the_wrong_confirmation_deletes_nothing(client, member, event, typed):
    factories.RegistrationFactory(event=event, user=member)
    response = client.post(reverse("account_delete"), {"email": typed})
    assert response.status_code == 200
    page = parse_html(response)
    error = page.by_id("id_email_error").text
    assert error == ("Dit veld is verplicht." if not typed
                     else "Dit is niet het e-mailadres van je account. Er is niets verwijderd.")
    assert page.by_id("id_email").attrs.get("value", "") == typed
    assert User.objects.filter(pk=member.pk).exists()
    assert Registration.objects.get(user=member).status == Registration.Status.CONFIRMED
    assert CoalitionMembership.objects.filter(user=member).count() == 1
    assert client.get(reverse("my_portal")).status_code == 200  # still logged in


def test_delete_account_deletes_logs_out_and_says_goodbye(client, member, coalition, leader, event):
    waiting = factories.UserFactory(email="wacht@example.org")
    factories.RegistrationFactory(event=event, user=member)
    factories.RegistrationFactory(event=event, user=factories.UserFactory())
    factories.RegistrationFactory(event=event, user=waiting, status=Registration.Status.WAITLISTED)
    practice = factories.PracticeFactory(title="Mijn voorbeeld", author=member, coalition=coalition)
    agreement = factories.AgreementFactory(event=event, owner=member, owner_email="lid@example.org")
    outbox_row("lid@example.org", "mijn")
    kept = outbox_row("pl@example.org", "van-marja")

    response = client.post(reverse("account_delete"), {"email": " LID@example.org "}, follow=True)

    assert response.redirect_chain == [(reverse("home"), 302)]
    assert [str(message) for message in response.context["messages"]] == [
        "Je account en je persoonsgegevens zijn verwijderd. Tot ziens!"]
    assert not User.objects.filter(email="lid@example.org").exists()
    assert Registration.objects.get(user=waiting).status == Registration.Status.CONFIRMED
    assert Practice.objects.get(pk=practice.pk).author is None
    agreement.refresh_from_db()
    assert agreement.owner == leader
    assert set(OutboundEmail.objects.values_list("recipient", "kind")) == {
        ("pl@example.org", "registration"), ("wacht@example.org", "waiting-list-promotion"),
        ("pl@example.org", "agreement-assigned")}
    assert OutboundEmail.objects.filter(pk=kept.pk).exists()
    after = client.get(reverse("my_portal"))
    assert (after.status_code, after["Location"]) == (302, "/account/login/?next=/mijn/")


def test_links_to_my_data_and_deletion_from_profile_and_my_portal(client, member):
    profile = parse_html(client.get(reverse("profile")))
    assert profile.find("a", href=reverse("my_data")).text == "Mijn gegevens bekijken en downloaden"
    assert profile.find("a", href=reverse("account_delete")).text == "Mijn account verwijderen"
    portal = parse_html(client.get(reverse("my_portal")))
    assert portal.find("a", href=reverse("my_data")).text == "Mijn gegevens"


@pytest.mark.parametrize(("name", "heading"), [
    ("privacy", "Privacyverklaring"), ("accessibility", "Toegankelijkheidsverklaring"),
])
def test_statements_are_public_and_linked_in_the_footer(client, name, heading, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get(reverse(name))
    page = parse_html(response)
    assert (response.status_code, page.find("h1").text) == (200, heading)
    footer = parse_html(client.get(reverse("home"))).find("footer")
    assert footer.find("a", href=reverse(name)).text == heading


def test_privacy_statement_names_the_rights_and_links_them(client):
    page = parse_html(client.get(reverse("privacy")))
    assert page.find("a", href=reverse("my_data")).text == "Mijn gegevens"
    assert page.find("a", href=reverse("account_delete")).text == "Mijn account verwijderen"
    assert page.find("a", href="https://autoriteitpersoonsgegevens.nl/").text == "Autoriteit Persoonsgegevens"


def test_accessibility_statement_names_the_standard_and_how_it_is_tested(client):
    text = client.get(reverse("accessibility")).content.decode()
    assert "WCAG 2.1" in text and "niveau AA" in text and "axe-core" in text


# Contact details: a practice's contact person only for logged-in members; participants only for managers.

@pytest.fixture
def practice_with_contact(coalition):
    return factories.PracticeFactory(title="Oudercoördinator", coalition=coalition,
                                     contact_name="Marloes Snel, schoolleider", contact_email="marloes@school.example")


def test_anonymous_visitors_do_not_see_a_practices_contact(client, practice_with_contact):
    response = client.get(practice_with_contact.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 200
    assert "marloes@school.example" not in html and "Marloes Snel" not in html
    login = parse_html(response).find("a", href=f"/account/login/?next={practice_with_contact.get_absolute_url()}")
    assert login.text == "Log in om de contactgegevens te zien."


def test_members_see_a_practices_contact(client, member, practice_with_contact):
    page = parse_html(client.get(practice_with_contact.get_absolute_url()))
    assert page.find("p", class_="practice-contact").text == "Marloes Snel, schoolleider · marloes@school.example"
    assert page.find("a", href="mailto:marloes@school.example").text == "marloes@school.example"


def test_participants_are_listed_only_for_the_events_managers(client, member, leader, event):
    factories.RegistrationFactory(event=event, user=factories.UserFactory(email="deelnemer@example.org"))
    factories.RegistrationFactory(event=event, user=member)
    url = reverse("events:registrations", args=[event.slug])
    assert "deelnemer@example.org" not in client.get(event.get_absolute_url()).content.decode()
    assert client.get(url).status_code == 404  # a member of the organising coalition, not its project leader
    client.logout()
    assert client.get(url).status_code == 302
    assert "deelnemer@example.org" not in client.get(event.get_absolute_url()).content.decode()
    client.force_login(leader)
    assert "deelnemer@example.org" in client.get(url).content.decode()


def test_help_requests_from_before_an_account_are_in_my_data(client, member, region):
    HelpRequest.objects.create(region=region, name="Saskia", email="Lid@Example.org", question="Wie helpt?",
                               created_at=timezone.now() - timedelta(days=3))
    data = json.loads(client.get(reverse("my_data_json")).content)
    assert [row["question"] for row in data["other"]["help_requests"]] == ["Wie helpt?"]
