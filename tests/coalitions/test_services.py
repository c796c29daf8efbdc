"""Domain functions of the coalitions app: what a member follows, and organisations typed as new names."""

import pytest

from coalitions.models import MemberProfile, Organisation
from coalitions.services import saved_organisation, set_following, set_follows
from tests import factories

pytestmark = pytest.mark.django_db


def test_set_follows_records_learning_networks_next_to_themes_regions_and_coalitions(region, coalition, theme):
    user = factories.UserFactory()
    network = factories.LearningNetworkFactory(name="Schoolleiders", slug="schoolleiders")
    factories.LearningNetworkFactory(name="Wethouders", slug="wethouders")
    set_follows(user, region=region, followed_themes=[theme], followed_regions=[region],
                followed_coalitions=[coalition], followed_networks=[network])
    profile = MemberProfile.objects.get(user=user)
    assert (profile.region, list(profile.followed_themes.all()), list(profile.followed_regions.all()),
            list(profile.followed_coalitions.all()), list(profile.followed_networks.all())) == (
        region, [theme], [region], [coalition], [network])
    set_follows(user, region=None, followed_themes=[], followed_regions=[], followed_coalitions=[],
                followed_networks=[])
    assert list(MemberProfile.objects.get(user=user).followed_networks.all()) == []


@pytest.mark.parametrize("kind", ["theme", "network", "region", "coalition"])
def test_set_following_adds_and_removes_one_target_only(region, coalition, theme, kind):
    user = factories.UserFactory()
    targets = {
        "theme": (theme, factories.ThemeFactory(), "followed_themes"),
        "network": (factories.LearningNetworkFactory(), factories.LearningNetworkFactory(), "followed_networks"),
        "region": (region, factories.RegionFactory(name="Zuid", slug="zuid"), "followed_regions"),
        "coalition": (coalition, factories.CoalitionFactory(), "followed_coalitions"),
    }
    target, other, field = targets[kind]
    set_following(user, other, following=True)
    set_following(user, target, following=True)
    set_following(user, target, following=True)  # twice: still followed once
    followed = getattr(MemberProfile.objects.get(user=user), field)
    assert sorted(followed.values_list("pk", flat=True)) == sorted([target.pk, other.pk])
    set_following(user, target, following=False)
    set_following(user, target, following=False)
    assert list(followed.values_list("pk", flat=True)) == [other.pk]
    assert MemberProfile.objects.filter(user=user).count() == 1


def test_set_following_creates_the_profile_of_a_new_member():
    user = factories.UserFactory()
    network = factories.LearningNetworkFactory()
    set_following(user, network, following=True)
    assert list(MemberProfile.objects.get(user=user).followed_networks.all()) == [network]
    assert list(network.followers.values_list("user", flat=True)) == [user.pk]


def test_saved_organisation_creates_a_new_name_once():
    created = saved_organisation(Organisation(name=" Theater  De Klucht ", kind=Organisation.Kind.CULTURE))
    assert Organisation.objects.get().pk == created.pk
    assert (created.name, created.slug, created.kind, created.municipality) == (
        "Theater De Klucht", "theater-de-klucht", "cultuur", None)
    # Typed again before the first form was saved: the organisation created meanwhile is the one.
    again = saved_organisation(Organisation(name="theater de klucht", kind=Organisation.Kind.PROVIDER))
    assert again.pk == created.pk and Organisation.objects.count() == 1


def test_saved_organisation_keeps_a_saved_one_and_ignores_namesakes_in_a_place():
    existing = factories.OrganisationFactory(name="Yolk", slug="yolk", municipality=factories.MunicipalityFactory())
    assert saved_organisation(existing) is existing
    placeless = saved_organisation(Organisation(name="Yolk", kind=Organisation.Kind.PROVIDER))
    assert placeless.pk != existing.pk and placeless.slug.startswith("yolk-")
    assert Organisation.objects.count() == 2
