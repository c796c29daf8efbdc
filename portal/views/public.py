"""Public composed pages: home and about with "vraag hulp"."""

from datetime import date

from django.contrib import messages
from django.db.models import Max, Min
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from coalitions.forms import HelpRequestForm
from coalitions.models import Region, RegionCoordinator
from coalitions.services import request_help
from core.ratelimit import allow
from events.models import Event
from portal.views.network import PRACTICE_CARD_DEFERRED
from practices.models import Practice, Tip


def tip_of_the_day(day: date) -> Tip | None:
    """A different tip each day, the same for everyone on that day, in two index lookups (no count, no offset):
    the first published tip from a point in the range of ids that moves on each day."""
    tips = Tip.objects.published()
    bounds = tips.aggregate(low=Min("pk"), high=Max("pk"))
    if bounds["low"] is None:
        return None
    start = bounds["low"] + day.toordinal() % (bounds["high"] - bounds["low"] + 1)
    return tips.filter(pk__gte=start).order_by("pk").first()


def home(request):
    now = timezone.now()
    upcoming = Event.objects.published().upcoming(now).filter(cancelled_at__isnull=True).for_list()
    return render(
        request,
        "pages/home.html",
        {
            "upcoming_events": upcoming.order_by("starts_at", "pk")[:6],
            "newest_practices": Practice.objects.published().for_list().defer(*PRACTICE_CARD_DEFERRED)[:6],
            "tip": tip_of_the_day(timezone.localdate()),
        },
    )


def about(request):
    if request.method == "POST":
        form = HelpRequestForm(request.POST)
        if not allow(request, "help-request", limit=5, period=3600):
            form.add_error(None, _("You have sent several questions in a short time. Please try again later."))
        elif form.is_valid():
            request_help(
                **form.cleaned_data, user=request.user if request.user.is_authenticated else None
            )
            messages.success(
                request,
                _("Thank you! Your question has been sent to the coordinators of region %(region)s.")
                % {"region": form.cleaned_data["region"]},
            )
            return redirect("about")
    else:
        initial = {}
        if region_slug := request.GET.get("regio"):
            initial["region"] = Region.objects.filter(slug=region_slug).first()
        if request.user.is_authenticated:
            initial.update(
                name=request.user.full_name,
                email=request.user.email,
                organisation=request.user.organisation_name,
            )
        form = HelpRequestForm(initial=initial)
    coordinators = RegionCoordinator.objects.select_related("region", "user").order_by("region__name", "pk")
    regions = Region.objects.prefetch_related("provinces").order_by("name")
    by_region: dict[int, list[RegionCoordinator]] = {}
    for coordinator in coordinators:
        by_region.setdefault(coordinator.region_id, []).append(coordinator)
    region_rows = [(region, by_region.get(region.pk, [])) for region in regions]
    return render(request, "pages/about.html", {"form": form, "region_rows": region_rows})

