"""A coalition's page and a learning network's page: the network with its events and practices."""

from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from coalitions.models import Coalition, CoalitionMembership, LearningNetwork
from coalitions.permissions import is_project_leader
from core.pagination import paginate
from events.models import Event
from practices.models import Practice


def coalition_detail(request, slug):
    coalition = get_object_or_404(
        Coalition.objects.with_region().prefetch_related("municipalities", "partners"), slug=slug
    )
    now = timezone.now()
    events = Event.objects.published().of_coalition(coalition).for_list()
    project_leaders = CoalitionMembership.objects.project_leaders_of(coalition).select_related("user")
    return render(
        request,
        "coalitions/coalition_detail.html",
        {
            "coalition": coalition,
            "upcoming_events": events.upcoming(now).order_by("starts_at")[:5],
            "past_events": events.past(now).order_by("-starts_at")[:5],
            "practices": Practice.objects.published().filter(coalition=coalition).for_list()[:6],
            "project_leaders": project_leaders,
            "can_manage": is_project_leader(request.user, coalition),
        },
    )


def network_detail(request, slug):
    network = get_object_or_404(LearningNetwork, slug=slug)
    page = paginate(request, network.events.published().for_list().order_by("-starts_at"))
    return render(request, "coalitions/network_detail.html", {"network": network, "page": page})
