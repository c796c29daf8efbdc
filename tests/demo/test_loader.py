"""The demo loader: the world of the seed articles, enough volume to paginate, and idempotency."""

from datetime import datetime, timedelta
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
import time_machine
from allauth.account.models import EmailAddress
from django.apps import apps
from django.core.management import call_command
from django.core.paginator import Paginator
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from coalitions.models import Coalition, CoalitionMembership, HelpRequest, Organisation, Region, RegionCoordinator
from demo.data.people import DEMO_PASSWORD, DEMO_USERS
from demo.loader import load_demo_data
from demo.plan import _unique_name_per_place, build_plan
from events.models import Event, FollowUpAgreement, Registration
from moderation.models import ModerationLogEntry, ModerationState
from notifications.models import OutboundEmail
from portal import cockpit
from practices.models import Practice, Tip
from tools.models import Tool

pytestmark = pytest.mark.django_db


AMS = ZoneInfo("Europe/Amsterdam")


NOW = datetime(2025, 10, 15, 10, 0, tzinfo=AMS)  # a Wednesday


@pytest.fixture
def counts():
    return load_demo_data(now=NOW, verbosity=0)


TODAY = NOW.date()


SEEDED_PRACTICES = [
    "arcade-utrecht-goed-onderwijs-als-fundament",
    "wijde-wereld-amersfoort-taal-en-wereldkennis",
    "wijzer-aan-de-vecht-ongelijk-behandelen-voor-gelijke-kansen",
    "winsum-verrijkte-middagpauze",
    "buitenkans-oudercoordinator",
    "buitenkans-haagse-aanwezigheidsaanpak",
    "haarlem-talentenfluisteraars",
    "den-haag-app-verrijkte-schooldag",
    "vuurvogel-helmond-cultureel-responsief-lesgeven",
    "ikc-schalkwijk-aanhaken-bij-het-gezin",
]


def _row_counts() -> dict[str, int]:
    labels = ["accounts", "account", "coalitions", "practices", "tools", "events", "notifications"]
    return {
        model._meta.label: model._default_manager.count()
        for label in labels
        for model in apps.get_app_config(label).get_models(include_auto_created=True)
    }


def _snapshot() -> dict[str, list]:
    return {
        "practices": list(Practice.objects.order_by("pk").values_list("pk", "slug", "title", "state",
                                                                        "published_at", "updated_at")),
        "events": list(Event.objects.order_by("pk").values_list("pk", "slug", "title", "starts_at",
                                                                  "registration_opens_at", "updated_at")),
        "users": list(User.objects.order_by("pk").values_list("pk", "email", "password", "full_name")),
        "agreements": list(FollowUpAgreement.objects.order_by("pk").values_list("pk", "status", "due_date",
                                                                                 "closed_at")),
        "registrations": list(Registration.objects.order_by("pk").values_list("pk", "status", "created_at")),
    }


def test_veendam_inspiration_afternoon_with_provider_market_and_its_follow_up(counts):
    market = Event.objects.get(slug="inspiratiemiddag-aanbiedersmarkt-veendam")
    assert market.kind == Event.Kind.PROVIDER_MARKET
    assert (market.organiser.slug, market.city) == ("oost-groningen", "Veendam")
    assert market.ends_at < NOW

    stands = list(market.stands.select_related("organisation").prefetch_related("themes"))
    assert len(stands) >= 25
    assert len({stand.organisation_id for stand in stands}) == len(stands)
    assert all(stand.offer and list(stand.themes.all()) for stand in stands)

    speakers = dict(market.programme.values_list("title", "speaker"))
    assert speakers["Minicollege talentontwikkeling"] == "Arjan Pruim, Hanzehogeschool"
    assert speakers["Zo verrijken wij de middagpauze"] == "Team van een basisschool uit Winsum"
    assert list(market.practices.order_by("slug").values_list("slug", flat=True)) == [
        "oost-groningen-aanbiedersmarkt", "winsum-verrijkte-middagpauze",
    ]

    follow_up = Event.objects.get(slug="vervolg-school-en-kinderopvang-veendam")
    assert follow_up.follows_on == market
    assert follow_up.starts_at > NOW
    assert list(follow_up.themes.values_list("slug", flat=True)) == ["school-kinderopvang"]
    assert follow_up.registration_opens_at <= NOW <= follow_up.registration_closes_at
    assert follow_up.registrations.filter(user__email="lid@kennisportaal.test",
                                          status=Registration.Status.CONFIRMED).exists()


def test_work_visit_den_haag_to_maastricht_with_report_agreements_and_return_visit(counts):
    visit = Event.objects.select_related("organiser", "host__region").get(slug="werkbezoek-den-haag-maastricht")
    assert visit.kind == Event.Kind.WORK_VISIT
    assert (visit.organiser.slug, visit.host.slug, visit.host.region.slug) == (
        "den-haag", "maastricht-heuvelland", "zuid",
    )
    assert visit.ends_at < NOW
    assert visit.capacity == 25
    assert visit.registrations.filter(status=Registration.Status.ATTENDED).count() == 25
    assert visit.report.participant_count == 25
    assert visit.report.author.email == "projectleider-den-haag@kennisportaal.test"

    agreements = list(visit.agreements.all())
    done = [a for a in agreements if a.status == FollowUpAgreement.Status.DONE]
    still_open = [a for a in agreements if a.status == FollowUpAgreement.Status.OPEN]
    assert len(done) == 1 and done[0].closed_at is not None and done[0].done_note
    assert [a.description for a in still_open if a.due_date < TODAY] == [
        "De inzichten van het werkbezoek bespreken in het directeurenoverleg van de Haagse schoolbesturen."
    ]
    assert len([a for a in still_open if a.due_date >= TODAY]) == 2
    assert all(a.owner_id or a.owner_email for a in agreements)

    back = Event.objects.get(slug="terugbezoek-limburg-den-haag")
    assert (back.organiser_id, back.host_id) == (visit.host_id, visit.organiser_id)
    assert back.follows_on == visit
    assert back.starts_at > NOW


def test_other_events_from_the_articles(counts):
    talent_day = Event.objects.get(slug="talentendag-haarlem")
    assert talent_day.organiser.slug == "haarlem-en-west-friesland"
    assert talent_day.capacity == 50 and talent_day.report.participant_count == 50
    speakers = list(talent_day.programme.values_list("speaker", flat=True))
    assert speakers.index("Luc de Wulf, talentenfluisteraar") < speakers.index("Els Pronk, trainer")
    assert talent_day.programme.get(speaker="Luc de Wulf, talentenfluisteraar").starts_at.hour < 12

    workshop = Event.objects.get(slug="workshop-karim-benammar-rotterdam")
    assert workshop.programme.filter(speaker="Karim Benammar, filosoof").exists()
    assert workshop.organiser.partners.filter(slug="feyenoord-foundation", kind=Organisation.Kind.SPORT).exists()
    assert Event.objects.get(slug="bijeenkomst-leeragenda-rotterdam").starts_at > NOW

    closing = Event.objects.select_related("learning_network").get(slug="slotbijeenkomst-leernetwerken-utrecht")
    local_start = timezone.localtime(closing.starts_at, AMS)
    assert closing.kind == Event.Kind.NETWORK_MEETING
    assert (local_start.month, local_start.day, local_start.weekday()) == (11, 4, 0)
    assert closing.ends_at < NOW and closing.city == "Utrecht"
    assert closing.learning_network.started_on.month == 1
    assert closing.learning_network.started_on.year == local_start.year

    festival = Event.objects.get(slug="kennisfestival-buitenkans")
    assert festival.kind == Event.Kind.FESTIVAL
    assert timezone.localtime(festival.starts_at, AMS).month == 1 and festival.starts_at > NOW
    masterclass = Event.objects.get(slug="masterclass-ouderpartnerschap-buitenkans")
    assert masterclass.starts_at > NOW and masterclass.organiser.slug == "den-haag"
    statuses = list(masterclass.registrations.values_list("status", flat=True))
    assert statuses.count(Registration.Status.CONFIRMED) == masterclass.capacity
    assert statuses.count(Registration.Status.WAITLISTED) > 0


def test_network_regions_coalitions_and_organisations(counts):
    regions = Region.objects.prefetch_related("provinces")
    assert sorted(r.slug for r in regions) == ["midden", "noord", "noordwest", "oost", "zuid", "zuidwest"]
    assert sum(len(r.provinces.all()) for r in regions) == 12
    coordinators = RegionCoordinator.objects.select_related("region", "user")
    assert sorted(c.region.slug for c in coordinators) == sorted(r.slug for r in regions)
    assert all(c.public_email for c in coordinators)

    project_leaders = {
        m.coalition.slug: m.user.full_name
        for m in CoalitionMembership.objects.filter(role=CoalitionMembership.Role.PROJECT_LEADER)
        .select_related("coalition", "user")
    }
    assert project_leaders["oost-groningen"] == "Marja Hovenkamp"
    assert project_leaders["den-haag"] == "Rudy van der Bovenkamp"
    assert project_leaders["haarlem-en-west-friesland"] == "Ruud Barnhoorn"
    assert Coalition.objects.filter(slug="maastricht-heuvelland", region__slug="zuid").exists()
    assert Coalition.objects.get(slug="oost-groningen").municipalities.filter(name="Veendam").exists()

    assert set(Organisation.objects.values_list("kind", flat=True)) == set(Organisation.Kind.values)
    assert Organisation.objects.get(slug="triple-threat").kind == Organisation.Kind.PROVIDER
    assert Organisation.objects.get(slug="hanzehogeschool-groningen").kind == Organisation.Kind.UNIVERSITY
    assert not Coalition.objects.filter(partners__isnull=True).exists()
    assert not Coalition.objects.filter(municipalities__isnull=True).exists()


def test_demo_users_have_the_demo_password_a_verified_email_and_their_roles(counts):
    for demo in DEMO_USERS:
        user = User.objects.get(email=demo.email)
        assert user.check_password(DEMO_PASSWORD), demo.email
        assert EmailAddress.objects.filter(user=user, email=demo.email, verified=True, primary=True).exists()

    staff = User.objects.get(email="beheerder@kennisportaal.test")
    assert staff.is_staff and staff.is_superuser
    assert User.objects.filter(is_staff=True).count() == 1
    assert RegionCoordinator.objects.filter(user__email="regio-noord@kennisportaal.test", region__slug="noord").exists()
    assert CoalitionMembership.objects.filter(
        user__email="projectleider@kennisportaal.test", coalition__slug="oost-groningen",
        role=CoalitionMembership.Role.PROJECT_LEADER,
    ).exists()
    member = CoalitionMembership.objects.select_related("user").get(
        user__email="lid@kennisportaal.test", coalition__slug="oost-groningen"
    )
    assert member.role == CoalitionMembership.Role.MEMBER
    assert member.user.job_function == User.Function.SCHOOL_LEADER
    assert member.user.learning_networks.filter(slug="leernetwerk-schoolleiders").exists()


def test_seeded_practices_are_complete_published_examples(counts):
    practices = Practice.objects.filter(slug__in=SEEDED_PRACTICES).prefetch_related("themes", "mechanisms")
    assert len(practices) == len(SEEDED_PRACTICES)
    for practice in practices:
        assert practice.state == ModerationState.PUBLISHED
        assert practice.published_at <= NOW
        assert practice.region_id and (practice.coalition_id or practice.organisation_id)
        assert all([practice.summary, practice.context, practice.approach, practice.results, practice.pitfalls,
                    practice.practical_tips]), practice.slug
        assert list(practice.themes.all()) and list(practice.mechanisms.all()), practice.slug
        practice.full_clean()

    arcade = Practice.objects.get(slug="arcade-utrecht-goed-onderwijs-als-fundament")
    assert "Angèle van der Star" in arcade.contact_name
    assert "onderwijsassistenten" in arcade.approach and "jeugdzorg" in arcade.approach
    assert Practice.objects.get(slug="buitenkans-oudercoordinator").links.filter(
        url="https://www.project-buitenkans.nl/"
    ).exists()
    assert Practice.objects.filter(links__isnull=False, links__url__startswith="https://").distinct().count() >= 2
    assert Practice.objects.get(slug="vuurvogel-helmond-cultureel-responsief-lesgeven").presented_at.filter(
        slug="slotbijeenkomst-leernetwerken-utrecht"
    ).exists()

    # The region Noord has examples waiting for its coordinator (one for the cockpit, since nine days), each
    # with its submission logged.
    waiting = Practice.objects.filter(state=ModerationState.SUBMITTED, region__slug="noord")
    assert waiting.count() == 3
    assert all(p.published_at is None and p.author.email == "lid@kennisportaal.test" for p in waiting)
    assert ModerationLogEntry.objects.filter(
        object_id__in=[p.pk for p in waiting], to_state=ModerationState.SUBMITTED
    ).count() == 3


def test_tips_from_the_articles(counts):
    titles = set(Tip.objects.published().values_list("title", flat=True))
    assert {
        "Begin klein", "Zet in op ontmoeting", "Betrek partners actief", "Maak vervolgafspraken", "Vraag hulp",
        "Investeer in verbinding", "Luister naar de werkvloer", "Geef praktische richting",
        "Begin gewoon en leer van fouten", "Werk vanuit een gedeelde agenda",
    } <= titles
    assert not Tip.objects.published().filter(published_at__isnull=True).exists()
    for tip in Tip.objects.all():
        tip.full_clean()
    assert Event.objects.get(slug="werkbezoek-den-haag-maastricht").tips.filter(title="Maak vervolgafspraken").exists()


def test_lists_have_enough_volume_to_paginate(counts):
    assert Coalition.objects.count() >= 11 + 40
    assert Practice.objects.published().count() >= 300 + len(SEEDED_PRACTICES)
    assert Event.objects.published().count() >= 200 + 10
    assert Event.objects.upcoming(now=NOW).count() > 40
    assert Event.objects.past(now=NOW).count() > 40
    assert Paginator(Practice.objects.published(), 20).num_pages > 10
    assert Paginator(Event.objects.upcoming(now=NOW), 20).num_pages > 2

    assert not Practice.objects.published().filter(published_at__isnull=True).exists()
    assert not Practice.objects.filter(themes__isnull=True).exists()
    assert not Event.objects.filter(themes__isnull=True).exists()
    assert not Event.objects.filter(programme__isnull=True).exists()
    assert not Event.objects.filter(kind=Event.Kind.WORK_VISIT, host__isnull=True).exists()
    assert Event.objects.filter(practices__isnull=False).distinct().count() > 20
    for event in Event.objects.order_by("pk")[:60]:
        event.full_clean()
    for practice in Practice.objects.order_by("-pk")[:60]:
        practice.full_clean()
    # Loading queues no email: nobody asked for anything.
    assert OutboundEmail.objects.count() == 0


def test_second_run_creates_nothing_and_changes_nothing(counts):
    assert counts["practices"] >= 300 and counts["events"] >= 200
    rows, snapshot = _row_counts(), _snapshot()

    again = load_demo_data(now=NOW + timedelta(days=3), verbosity=0)

    assert set(again) == set(counts)
    assert set(again.values()) == {0}
    assert _row_counts() == rows
    assert _snapshot() == snapshot


def test_existing_accounts_are_left_alone():
    existing = User.objects.create_user("projectleider@kennisportaal.test", password="eigen-wachtwoord-123",
                                        full_name="Al aanwezig")

    counts = load_demo_data(now=NOW, verbosity=0)

    existing.refresh_from_db()
    assert existing.check_password("eigen-wachtwoord-123")
    assert existing.full_name == "Al aanwezig"
    assert counts["users"] == len(DEMO_USERS) - 1 + 48


def test_the_plan_is_deterministic():
    first, second = build_plan(), build_plan()
    assert first == second
    assert len({p["slug"] for p in first.practices}) == len(first.practices)


def test_the_plan_has_one_organisation_per_name_and_place(counts):
    plan = build_plan()
    keys = [(" ".join(o["name"].split()).casefold(), o["municipality"]) for o in plan.organisations]
    assert len(set(keys)) == len(keys)
    # Names shared by organisations in several places stay apart by their place, as the provider field shows them.
    shared = Organisation.objects.filter(name="BSO De Speeltuin").select_related("municipality")
    assert len({o.municipality.name for o in shared}) == shared.count() > 1
    with pytest.raises(ValueError, match="Duplicate organisation Yolk in Den Haag"):
        _unique_name_per_place([*plan.organisations, {**plan.organisations[0], "name": "Yolk",
                                                      "municipality": "Den Haag", "slug": "yolk-2"}])


def test_command_prints_counts_and_logins_and_is_idempotent():
    out = StringIO()
    call_command("load_demo_data", stdout=out)
    text = out.getvalue()
    assert "praktijkvoorbeelden: " in text and "bijeenkomsten: " in text
    assert "Demo-accounts (wachtwoord: kennisportaal-demo):" in text
    for demo in DEMO_USERS:
        assert f"  {demo.email} " in text

    out = StringIO()
    call_command("load_demo_data", stdout=out)
    assert "Niets nieuw aangemaakt" in out.getvalue()


@pytest.mark.parametrize("slug", ["noord", "zuidwest"])
def test_the_cockpits_of_noord_and_zuidwest_have_every_section_filled(counts, slug):
    region = Region.objects.get(slug=slug)
    with time_machine.travel(NOW, tick=False):
        now, today = timezone.now(), timezone.localdate()
        assert cockpit.events_missing_report(region, now).exists()
        assert cockpit.overdue_agreements(region, today).exists()
        assert cockpit.waiting_practices(region, now).exists()
        assert HelpRequest.objects.filter(region=region).open().exists()
        assert cockpit.quiet_coalitions(region, now).exists()
        funnel = cockpit.region_funnel(region, now, cockpit.recent_quarters(today))
        assert sum(row.reported for row in funnel) >= 2 and sum(row.done for row in funnel) >= 1


def test_the_cockpits_submissions_have_waited_since_their_logged_submission(counts):
    practice = Practice.objects.with_submitted_at().get(slug="winsum-huiswerkklas-in-de-bibliotheek")
    assert practice.submitted_at == NOW - timedelta(days=9)
    tip = Tip.objects.with_submitted_at().get(title="Plan de overdracht op het schoolplein")
    assert tip.submitted_at == NOW - timedelta(days=10)
    overdue = FollowUpAgreement.objects.overdue(TODAY).filter(event__organiser__region__slug="noord")
    assert sorted((TODAY - a.due_date).days for a in overdue) == [4, 25]


def test_the_tools_register_holds_the_haagse_planner_used_by_several_coalitions(counts, client):
    assert counts["tools"] == 5
    planner = Tool.objects.get(slug="planner-verrijkt-aanbod")
    assert (planner.developer.slug, planner.status, planner.state) == ("den-haag", "in-gebruik", "published")
    assert sorted(planner.users.values_list("slug", flat=True)) == [
        "maastricht-heuvelland", "oost-groningen", "rotterdam"]
    assert "niet iedere coalitie een eigen app" in planner.description
    assert sorted(Tool.objects.published().values_list("status", flat=True)) == [
        "gestopt", "idee", "in-gebruik", "in-ontwikkeling"]
    # The one waiting for review is in the Utrecht region coordinators' queue.
    waiting = Tool.objects.get(state=ModerationState.SUBMITTED)
    assert Tool.objects.awaiting_review([waiting.developer.region_id]).get() == waiting
    assert client.get(reverse("tools:list")).context["page"].paginator.count == 4
    for tool in Tool.objects.all():
        tool.full_clean()
    assert load_demo_data(now=NOW, verbosity=0)["tools"] == 0
    assert Tool.objects.count() == 5 and planner.users.count() == 3


def test_the_haarlem_talent_approach_was_tried_elsewhere(counts, client):
    assert counts["adoptions"] == 4
    practice = Practice.objects.get(slug="haarlem-talentenfluisteraars")
    page = client.get(practice.get_absolute_url()).content.decode()
    assert '<p class="adoption-summary">Uitgeprobeerd op 3 plekken: 2 werkte, 1 deels</p>' in page
    # The fourth is waiting in the Noordwest coordinators' queue.
    waiting = practice.adoptions.get(state=ModerationState.SUBMITTED)
    assert (waiting.organisation_name, waiting.region.slug) == ("OBS De Vuurtoren, Den Helder", "noordwest")
