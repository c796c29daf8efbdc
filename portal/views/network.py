"""The pages of the network: a region, a coalition and a learning network, with their events and practices."""

from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from coalitions.models import Coalition, CoalitionMembership, LearningNetwork, Region, RegionCoordinator
from coalitions.permissions import is_coordinator, is_project_leader
from core.db import first_rows
from core.pagination import paginate
from events.models import Event
from practices.models import Practice

REGION_COALITIONS = 12
REGION_EVENTS = 5
REGION_PRACTICES = 6

# What a practice card does not show: the long texts of the practice and of the rows it is shown with.
PRACTICE_CARD_DEFERRED = (
    "context", "approach", "results", "pitfalls", "practical_tips", "region__description",
    "coalition__description", "organisation__description",
)


def _follows(user, target) -> bool:
    return user.is_authenticated and target.followers.filter(user=user).exists()


def region_detail(request, slug):
    """A region's public page: its coalitions, coordinators, upcoming events and newest practice examples."""
    region = get_object_or_404(Region.objects.prefetch_related("provinces"), slug=slug)
    now = timezone.now()
    upcoming = (
        Event.objects.published().upcoming(now).filter(cancelled_at__isnull=True).in_region(region).for_list()
        .order_by("starts_at", "pk")
    )
    return render(request, "pages/region_detail.html", {
        "region": region,
        "coalitions": Coalition.objects.filter(region=region).order_by("name")[:REGION_COALITIONS],
        "coordinators": RegionCoordinator.objects.filter(region=region).select_related("user").order_by("pk"),
        "upcoming_events": upcoming[:REGION_EVENTS],
        "practices": Practice.objects.published().filter(region=region).for_list().defer(*PRACTICE_CARD_DEFERRED)
        .order_by("-published_at", "-pk")[:REGION_PRACTICES],
        "following": _follows(request.user, region),
    })


def coalition_detail(request, slug):
    coalition = get_object_or_404(
        Coalition.objects.with_region().select_related("visit_profile")
        .prefetch_related("municipalities", "partners", "visit_profile__offer_themes", "visit_profile__wish_themes"),
        slug=slug,
    )
    now = timezone.now()
    # Events it organises, and those it accepted to host: a request it has not answered is not its event yet.
    events = Event.objects.published().of_coalition(coalition).for_list()
    project_leaders = CoalitionMembership.objects.project_leaders_of(coalition).select_related("user")
    answers_for_host = is_project_leader(request.user, coalition) or is_coordinator(request.user, coalition.region_id)
    host_requests = None
    if answers_for_host:
        host_requests = paginate(request, Event.objects.published().awaiting_host([coalition])
                                 .filter(cancelled_at__isnull=True).select_related("organiser", "host")
                                 .order_by("starts_at", "pk"), param="verzoeken")
    return render(
        request,
        "coalitions/coalition_detail.html",
        {
            "coalition": coalition,
            "upcoming_events": first_rows(events.upcoming(now).order_by("starts_at", "pk"), 5),
            "past_events": first_rows(events.past(now).order_by("-starts_at", "-pk"), 5),
            "practices": Practice.objects.published().filter(coalition=coalition).for_list()
            .defer(*PRACTICE_CARD_DEFERRED)[:6],
            "project_leaders": project_leaders,
            "can_manage": is_project_leader(request.user, coalition),
            "host_requests": host_requests,
            "following": _follows(request.user, coalition),
        },
    )


def network_detail(request, slug):
    network = get_object_or_404(LearningNetwork, slug=slug)
    page = paginate(request, network.events.published().for_list().order_by("-starts_at", "-pk"), capped=True)
    return render(request, "coalitions/network_detail.html", {
        "network": network, "page": page, "following": _follows(request.user, network),
    })
