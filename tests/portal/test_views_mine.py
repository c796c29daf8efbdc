"""A member's own pages: my portal and the profile."""

import pytest
from django.urls import reverse

from coalitions.models import MemberProfile
from moderation.models import ModerationState
from tests import factories

pytestmark = pytest.mark.django_db


def test_profile_and_follows(client, member, region, theme, coalition):
    network = factories.LearningNetworkFactory(name="Leernetwerk schoolleiders")
    factories.LearningNetworkFactory(name="Leernetwerk wethouders")
    page = client.get(reverse("profile")).content.decode()
    assert f'<input type="checkbox" name="followed_networks" value="{network.pk}"' in page
    response = client.post(reverse("profile"), {
        "full_name": "Saskia Bruschke", "organisation_name": "IKC Zuid-Kennemerland", "job_function": "schoolleider",
        "digest_frequency": "daily", "reminders_enabled": "on", "region": region.pk,
        "followed_themes": [theme.pk], "followed_regions": [region.pk], "followed_coalitions": [coalition.pk],
        "followed_networks": [network.pk],
    })
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.full_name == "Saskia Bruschke" and member.digest_frequency == "daily"
    profile = MemberProfile.objects.get(user=member)
    assert list(profile.followed_themes.all()) == [theme]
    assert list(profile.followed_coalitions.all()) == [coalition]
    assert list(profile.followed_networks.all()) == [network]


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
