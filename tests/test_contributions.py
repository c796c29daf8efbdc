"""Members contribute practices and tips; project leaders manage events, members and their page."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from coalitions.models import CoalitionMembership, Invitation, MemberProfile
from events.models import Event, ProgrammeItem
from moderation.models import ModerationState
from practices.models import Practice, Tip
from tests import factories

pytestmark = pytest.mark.django_db


def formset(prefix, rows=(), total=None):
    data = {f"{prefix}-TOTAL_FORMS": str(total if total is not None else max(len(rows), 1)),
            f"{prefix}-INITIAL_FORMS": "0", f"{prefix}-MIN_NUM_FORMS": "0", f"{prefix}-MAX_NUM_FORMS": "1000"}
    for index, row in enumerate(rows):
        for key, value in row.items():
            data[f"{prefix}-{index}-{key}"] = value
    return data


@pytest.fixture
def member(client, coalition):
    user = factories.UserFactory(email="lid@example.org", full_name="Saskia")
    factories.MembershipFactory(coalition=coalition, user=user)
    client.force_login(user)
    return user


def practice_data(coalition, theme, **overrides):
    data = {
        "title": "Oudercoördinator in de wijk", "summary": "Meer ouders in de school.", "school_type": "po",
        "coalition": coalition.pk, "approach": "We zetten een **oudercoördinator** in.", "themes": [theme.pk],
        "mechanisms": [factories.mechanism("coordinatie").pk],
        **formset("links", [{"title": "Website", "url": "https://example.org/buitenkans"}]),
        **formset("attachments", total=0),
    }
    data.update(overrides)
    return data


def test_member_submits_practice_and_coordinators_are_told(client, member, coalition, theme, region,
                                                          django_capture_on_commit_callbacks):
    coordinator = factories.UserFactory(email="coord@example.org")
    factories.RegionCoordinatorFactory(region=region, user=coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("practices:create"), {**practice_data(coalition, theme), "action": "submit"})
    practice = Practice.objects.get()
    assert response["Location"] == practice.get_absolute_url()
    assert practice.state == ModerationState.SUBMITTED and practice.author == member
    assert practice.region == coalition.region
    assert [link.url for link in practice.links.all()] == ["https://example.org/buitenkans"]
    assert [m.to for m in mail.outbox] == [["coord@example.org"]]
    # Not public until a coordinator publishes it.
    client.logout()
    assert client.get(practice.get_absolute_url()).status_code == 404


def test_invalid_practice_keeps_everything_typed_and_saves_nothing(client, member, coalition, theme):
    data = practice_data(coalition, theme, approach="", **formset(
        "links", [{"title": "Onveilig", "url": "javascript:alert(1)"}]))
    response = client.post(reverse("practices:create"), {**data, "action": "submit"})
    html = response.content.decode()
    assert response.status_code == 200
    assert not Practice.objects.exists()
    assert 'value="Oudercoördinator in de wijk"' in html
    assert "Meer ouders in de school." in html
    assert "javascript:alert(1)" in html  # kept in the field, shown with an error
    assert html.count('class="field-error"') >= 2


@pytest.mark.parametrize(("name", "content", "ok"), [
    ("verslag.pdf", b"%PDF-1.7 ...", True),
    ("foto.png", b"\x89PNG\r\n\x1a\n....", True),
    ("script.exe", b"MZ....", False),
    ("nep.pdf", b"<html><script>alert(1)</script>", False),
    ("groot.pdf", b"%PDF-" + b"0" * (10 * 1024 * 1024), False),
])
def test_attachments_are_validated(client, member, coalition, theme, settings, tmp_path, name, content, ok):
    settings.MEDIA_ROOT = tmp_path
    data = practice_data(coalition, theme, **formset("attachments", [{"title": "Bijlage"}]))
    data["attachments-0-file"] = SimpleUploadedFile(name, content)
    client.post(reverse("practices:create"), {**data, "action": "save"})
    assert Practice.objects.exists() is ok
    if ok:
        assert Practice.objects.get().attachments.count() == 1


def test_author_edits_draft_but_not_submitted(client, member, coalition, theme):
    client.post(reverse("practices:create"), {**practice_data(coalition, theme), "action": "save"})
    practice = Practice.objects.get()
    assert practice.state == ModerationState.DRAFT
    response = client.post(reverse("practices:edit", args=[practice.slug]), {
        **practice_data(coalition, theme, title="Nieuwe titel"), "action": "submit"})
    practice.refresh_from_db()
    assert practice.title == "Nieuwe titel" and practice.state == ModerationState.SUBMITTED
    response = client.get(reverse("practices:edit", args=[practice.slug]), follow=True)
    assert response.redirect_chain[-1][0] == practice.get_absolute_url()
    assert "kan niet meer worden bewerkt" in response.content.decode()


def test_member_submits_tip(client, member, region, theme):
    client.post(reverse("practices:tip_create"), {"title": "Begin klein", "body": "Eén middag is genoeg.",
                                        "region": region.pk, "themes": [theme.pk], "action": "submit"})
    tip = Tip.objects.get()
    assert tip.state == ModerationState.SUBMITTED and tip.author == member and tip.source == Tip.Source.MEMBER


def _event_data(coalition, **overrides):
    start = timezone.localtime() + timedelta(days=20)
    data = {
        "title": "Vervolg: school en kinderopvang", "kind": "inspiratiemiddag", "organiser": coalition.pk,
        "summary": "Samen oplossingen zoeken.", "starts_at": start.strftime("%Y-%m-%dT13:00"),
        "ends_at": start.strftime("%Y-%m-%dT17:00"), "venue_name": "Cultuurhuis", "city": "Veendam",
        "capacity": "60",
        **formset("programme", [{"starts_at": "13:00", "ends_at": "13:30", "title": "Welkom", "speaker": "Marja"}]),
        **formset("stands", total=0),
    }
    data.update(overrides)
    return data


@pytest.fixture
def leader(client, coalition):
    user = factories.UserFactory(email="pl@example.org", full_name="Marja")
    factories.MembershipFactory(coalition=coalition, user=user, role=CoalitionMembership.Role.PROJECT_LEADER)
    client.force_login(user)
    return user


def test_project_leader_creates_edits_and_cancels_event(client, leader, coalition, django_capture_on_commit_callbacks):
    response = client.post(reverse("events:create"), _event_data(coalition))
    event = Event.objects.get()
    assert response["Location"] == event.get_absolute_url()
    assert event.state == ModerationState.PUBLISHED and event.created_by == leader
    assert ProgrammeItem.objects.get(event=event).title == "Welkom"
    assert client.get(reverse("events:list")).context["page"].object_list[0] == event

    client.post(reverse("events:edit", args=[event.slug]), {
        **_event_data(coalition, title="Vervolg Veendam", capacity="80"),
        **formset("programme", total=0)})
    event.refresh_from_db()
    assert event.title == "Vervolg Veendam" and event.capacity == 80

    participant = factories.UserFactory(email="deelnemer@example.org")
    factories.RegistrationFactory(event=event, user=participant)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("events:cancel", args=[event.slug]), {"reason": "De zaal is niet beschikbaar."})
    event.refresh_from_db()
    assert event.cancelled_at is not None
    message = mail.outbox[-1]
    assert message.to == ["deelnemer@example.org"] and "De zaal is niet beschikbaar." in message.body
    assert "Cultuurhuis" in message.body and event.starts_at.astimezone().strftime("%H:%M") in message.body


@pytest.mark.parametrize(("overrides", "field"), [
    ({"ends_at": "2020-01-01T10:00"}, "ends_at"),
    ({"kind": "werkbezoek"}, "host"),
    ({"venue_name": "", "online_url": ""}, "venue_name"),
    ({"online_url": "javascript:alert(1)"}, "online_url"),
    ({"capacity": "-5"}, "capacity"),
])
def test_invalid_event_is_not_saved(client, leader, coalition, overrides, field):
    response = client.post(reverse("events:create"), _event_data(coalition, **overrides))
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not Event.objects.exists()
    assert 'value="Vervolg: school en kinderopvang"' in response.content.decode()


def test_project_leader_cannot_organise_for_another_coalition(client, leader):
    other = factories.CoalitionFactory()
    response = client.post(reverse("events:create"), _event_data(other))
    assert "organiser" in response.context["form"].errors
    assert not Event.objects.exists()


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


def test_profile_and_follows(client, member, region, theme, coalition):
    response = client.post(reverse("profile"), {
        "full_name": "Saskia Bruschke", "organisation_name": "IKC Zuid-Kennemerland", "job_function": "schoolleider",
        "digest_frequency": "daily", "reminders_enabled": "on", "region": region.pk,
        "followed_themes": [theme.pk], "followed_regions": [region.pk], "followed_coalitions": [coalition.pk],
    })
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.full_name == "Saskia Bruschke" and member.digest_frequency == "daily"
    profile = MemberProfile.objects.get(user=member)
    assert list(profile.followed_themes.all()) == [theme]
    assert list(profile.followed_coalitions.all()) == [coalition]


def test_my_portal_lists_registrations_submissions_and_agreements(client, member, coalition, django_assert_num_queries):
    event = factories.EventFactory(title="Werkbezoek Maastricht", organiser=coalition)
    factories.RegistrationFactory(event=event, user=member)
    factories.PracticeFactory(title="Mijn concept", author=member, state=ModerationState.DRAFT, published_at=None)
    factories.AgreementFactory(event=event, owner=member, description="Terugbezoek plannen")
    factories.AgreementFactory(event=event, owner_email="lid@example.org", description="Verslag delen")
    html = client.get(reverse("my_portal")).content.decode()
    assert "Werkbezoek Maastricht" in html and "Mijn concept" in html
    assert "Terugbezoek plannen" in html and "Verslag delen" in html


@pytest.mark.parametrize("count", [1, 20])
def test_my_portal_query_count(client, member, coalition, count, django_assert_num_queries):
    for _index in range(count):
        event = factories.EventFactory(organiser=coalition)
        factories.RegistrationFactory(event=event, user=member)
        factories.PracticeFactory(author=member, state=ModerationState.DRAFT, published_at=None)
        factories.TipFactory(author=member)
        factories.AgreementFactory(event=event, owner=member)
        factories.MembershipFactory(user=member)
    # session, user, then for each of the four lists a count and a page, memberships, moderator check.
    with django_assert_num_queries(12):
        response = client.get(reverse("my_portal"))
    assert len(response.context["practices"].object_list) == count


@pytest.mark.parametrize("count", [1, 20])
def test_moderation_queue_query_count(client, region, coalition, count, django_assert_num_queries):
    coordinator = factories.UserFactory()
    factories.RegionCoordinatorFactory(region=region, user=coordinator)
    reporter = factories.UserFactory()
    for _ in range(count):
        factories.PracticeFactory(coalition=coalition, state=ModerationState.SUBMITTED, published_at=None,
                                  author=reporter)
        factories.TipFactory(region=region, state=ModerationState.SUBMITTED, published_at=None, author=reporter)
        from moderation.services import flag_item

        flag_item(factories.PracticeFactory(coalition=coalition), reporter=reporter, reason="Controleren")
    client.force_login(coordinator)
    # session, user, regions (exists, ids, names), then count + page for practices and tips, and for flags
    # count + page + the flagged items, plus the moderator check of the menu.
    with django_assert_num_queries(13):
        response = client.get(reverse("moderation_queue"))
    assert len(response.context["flags"].object_list) == count


@pytest.mark.parametrize("count", [1, 20])
def test_coalition_manage_query_count(client, leader, coalition, count, django_assert_num_queries):
    for index in range(count):
        factories.MembershipFactory(coalition=coalition)
        Invitation.objects.create(coalition=coalition, email=f"x{index}@example.org", token=f"tok{index}",
                                  expires_at=timezone.now() + timedelta(days=3))
        coalition.partners.add(factories.OrganisationFactory())
    # session, user, coalition, municipalities and partners choices, members, invitations, moderator check.
    with django_assert_num_queries(11):
        response = client.get(reverse("coalitions:manage", args=[coalition.slug]))
    assert response.status_code == 200
