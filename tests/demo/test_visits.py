"""The demo's work visits as a network: the seed chain and sensible suggested matches."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from accounts.models import User
from coalitions.models import Coalition, VisitProfile
from demo.data.visits import VISIT_PROFILES
from demo.loader import load_demo_data
from events.models import Event
from portal.matches import suggested_matches
from portal.visits import visit_chains

pytestmark = pytest.mark.django_db

NOW = datetime(2025, 10, 15, 10, 0, tzinfo=ZoneInfo("Europe/Amsterdam"))


@pytest.fixture
def counts():
    return load_demo_data(now=NOW, verbosity=0)


def test_seed_chain_den_haag_maastricht_and_the_limburg_return_visit(counts):
    visit = Event.objects.get(slug="werkbezoek-den-haag-maastricht")
    back = Event.objects.get(slug="terugbezoek-limburg-den-haag")
    chain = next(chain for chain in visit_chains() if visit.pk in chain)
    assert chain == [visit.pk, back.pk]
    zuid = Coalition.objects.get(slug="maastricht-heuvelland").region
    assert chain in visit_chains(zuid)


def test_profiles_are_loaded_once_and_give_sensible_matches(counts):
    assert counts["visit_profiles"] == len(VISIT_PROFILES) == VisitProfile.objects.count()
    den_haag = Coalition.objects.get(slug="den-haag")
    matches = suggested_matches(den_haag)
    # Maastricht shows exactly what Den Haag wants to learn, but Den Haag has been there already.
    assert [(m.coalition.slug, m.shared_themes) for m in matches][:3] == [
        ("oost-groningen", ("Verrijkte schooldag", "School en kinderopvang")),
        ("haarlem-en-west-friesland", ("Talentontwikkeling",)),
        ("rotterdam", ("Verrijkte schooldag",)),
    ]
    parkstad = [(m.coalition.slug, m.shared_themes) for m in suggested_matches(Coalition.objects.get(
        slug="parkstad-limburg"))]
    assert parkstad[0] == ("den-haag", ("Ouderbetrokkenheid", "Welbevinden en verzuim"))
    assert load_demo_data(now=NOW, verbosity=0)["visit_profiles"] == 0


def test_the_seed_visits_are_accepted_and_one_request_waits_for_oost_groningen(counts, client):
    hosted = Event.objects.filter(host__isnull=False)
    assert dict(hosted.values_list("slug", "host_status").filter(
        slug__in=["werkbezoek-den-haag-maastricht", "terugbezoek-limburg-den-haag"])) == {
        "werkbezoek-den-haag-maastricht": Event.HostStatus.ACCEPTED,
        "terugbezoek-limburg-den-haag": Event.HostStatus.ACCEPTED}
    assert list(hosted.exclude(host_status=Event.HostStatus.ACCEPTED).values_list("slug", "host_status")) == [
        ("werkbezoek-haarlem-oost-groningen", Event.HostStatus.PENDING)]
    oost_groningen = Coalition.objects.get(slug="oost-groningen")
    assert not Event.objects.of_coalition(oost_groningen).filter(slug="werkbezoek-haarlem-oost-groningen").exists()
    client.force_login(User.objects.get(email="projectleider@kennisportaal.test"))
    requests = client.get(reverse("my_portal")).context["host_requests"].object_list
    assert [event.slug for event in requests] == ["werkbezoek-haarlem-oost-groningen"]
    assert load_demo_data(now=NOW, verbosity=0)["events"] == 0
