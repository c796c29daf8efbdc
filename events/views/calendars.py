"""Calendar files and feeds: one event, my registrations (secret URL), a coalition, a region."""

from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from coalitions.models import Coalition, Region
from events.calendar import build_calendar
from events.models import CalendarToken, Event, Registration
from events.services.calendars import create_calendar_token


def event_ics(request, slug):
    event = get_object_or_404(Event.objects.published().select_related("organiser"), slug=slug)
    return _ics_response([event], name=event.title, filename=f"{event.slug}.ics")


def _ics_response(events, *, name, filename):
    response = HttpResponse(build_calendar(events, name=name), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


FEED_WINDOW_DAYS = 90
FEED_LIMIT = 500


def _feed_events(queryset):
    since = timezone.now() - timedelta(days=FEED_WINDOW_DAYS)
    return queryset.filter(ends_at__gte=since).select_related("organiser").order_by("starts_at")[:FEED_LIMIT]


def personal_calendar(request, token):
    calendar_token = get_object_or_404(CalendarToken.objects.select_related("user"), token=token)
    # Only published events: a hidden one is gone from the site, so from the feed; a cancelled one stays, with
    # its title only and STATUS:CANCELLED (events.calendar), so calendar apps remove it.
    events = Event.objects.published().filter(
        registrations__user=calendar_token.user, registrations__status__in=Registration.SEAT_STATUSES,
    )
    return _ics_response(_feed_events(events), name=_("My events on Kennisportaal"), filename="kennisportaal.ics")


@login_required
def calendar_settings(request):
    if request.method == "POST":
        _token, replaced = create_calendar_token(request.user)
        if replaced:
            messages.success(request, _("You have a new calendar link. The old link no longer works."))
        else:
            messages.success(request, _("Your calendar link is ready. Add it to your calendar app."))
        return redirect("events:calendar_settings")
    token = CalendarToken.objects.filter(user=request.user).first()
    url = request.build_absolute_uri(reverse("events:personal_calendar", args=[token.token])) if token else None
    return render(request, "events/calendar_settings.html", {"calendar_url": url})


def coalition_calendar(request, slug):
    coalition = get_object_or_404(Coalition, slug=slug)
    events = Event.objects.published().of_coalition(coalition)
    return _ics_response(_feed_events(events), name=coalition.name, filename=f"{coalition.slug}.ics")


def region_calendar(request, slug):
    region = get_object_or_404(Region, slug=slug)
    events = Event.objects.published().in_region(region)
    return _ics_response(_feed_events(events), name=_("Region %(region)s") % {"region": region.name},
                         filename=f"regio-{region.slug}.ics")
