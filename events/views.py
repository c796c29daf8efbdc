"""Public pages for events."""

from django.shortcuts import get_object_or_404, render

from events.filters import EventFilter
from events.models import Event, EventReport
from kennisportaal.pagination import paginate


def event_list(request):
    event_filter = EventFilter(
        request.GET, queryset=Event.objects.published().for_list().with_confirmed_count()
    )
    page = paginate(request, event_filter.qs)
    return render(request, "events/event_list.html", {"filter": event_filter, "page": page})


def event_detail(request, slug):
    event = get_object_or_404(
        Event.objects.published()
        .select_related("organiser__region", "host__region", "learning_network", "follows_on")
        .prefetch_related("themes", "programme")
        .with_confirmed_count(),
        slug=slug,
    )
    stands = event.stands.select_related("organisation").prefetch_related("themes")
    followed_by = event.followed_by.published().order_by("starts_at")
    practices = event.practices.published().select_related("region")
    report = EventReport.objects.filter(event=event).first()
    return render(
        request,
        "events/event_detail.html",
        {
            "event": event,
            "stands": stands,
            "followed_by": followed_by,
            "practices": practices,
            "report": report,
        },
    )
