"""Pages that compose several apps: home, about, coalition and learning-network details."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from coalitions.forms import HelpRequestForm
from coalitions.models import Coalition, CoalitionMembership, LearningNetwork, Region, RegionCoordinator
from coalitions.permissions import is_project_leader, moderated_regions
from coalitions.services import request_help
from events.models import Event, FollowUpAgreement, Registration
from kennisportaal.pagination import paginate
from kennisportaal.ratelimit import allow
from practices.models import Flag, ModerationState, Practice, Tip


def home(request):
    now = timezone.now()
    upcoming = Event.objects.published().upcoming(now).filter(cancelled_at__isnull=True).for_list()
    tips = Tip.objects.published().order_by("pk")
    tip_count = tips.count()
    # A different tip each day, the same for everyone on that day.
    tip = tips[timezone.localdate().toordinal() % tip_count] if tip_count else None
    return render(
        request,
        "pages/home.html",
        {
            "upcoming_events": upcoming.order_by("starts_at")[:6],
            "newest_practices": Practice.objects.published().for_list()[:6],
            "tip": tip,
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


def coalition_detail(request, slug):
    coalition = get_object_or_404(
        Coalition.objects.with_region().prefetch_related("municipalities", "partners"), slug=slug
    )
    now = timezone.now()
    events = Event.objects.published().filter(Q(organiser=coalition) | Q(host=coalition)).for_list()
    project_leaders = CoalitionMembership.objects.filter(
        coalition=coalition, role=CoalitionMembership.Role.PROJECT_LEADER
    ).select_related("user")
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


@require_GET
def healthz(request):
    return HttpResponse("ok", content_type="text/plain")


@login_required
def my_portal(request):
    user = request.user
    now = timezone.now()
    registrations = (
        Registration.objects.filter(user=user).exclude(status=Registration.Status.CANCELLED)
        .select_related("event__organiser").order_by("-event__starts_at")
    )
    agreements = (
        FollowUpAgreement.objects.filter(Q(owner=user) | Q(owner_email__iexact=user.email))
        .select_related("event").order_by("status", "due_date")
    )
    return render(request, "pages/my_portal.html", {
        "upcoming": paginate(request, registrations.filter(event__ends_at__gte=now), param="bijeenkomsten"),
        "practices": paginate(request, Practice.objects.filter(author=user).select_related("region")
                              .order_by("-updated_at"), param="voorbeelden"),
        "tips": paginate(request, Tip.objects.filter(author=user).order_by("-created_at"), param="tips"),
        "agreements": paginate(request, agreements, param="afspraken"),
        "memberships": CoalitionMembership.objects.filter(user=user).select_related("coalition"),
        "today": timezone.localdate(),
    })


@login_required
def moderation_queue(request):
    regions = moderated_regions(request.user)
    if not regions.exists():
        raise Http404
    region_ids = list(regions.values_list("pk", flat=True))
    practices = (
        Practice.objects.filter(state=ModerationState.SUBMITTED, region_id__in=region_ids)
        .select_related("region", "author").order_by("updated_at")
    )
    tips = Tip.objects.filter(state=ModerationState.SUBMITTED, region_id__in=region_ids).select_related(
        "region", "author").order_by("created_at")
    flags = (
        Flag.objects.filter(region_id__in=region_ids, resolved_at__isnull=True)
        .select_related("region", "reporter", "content_type").prefetch_related("item").order_by("created_at")
    )
    return render(request, "pages/moderation_queue.html", {
        "regions": regions.order_by("name"),
        "practices": paginate(request, practices, param="voorbeelden"),
        "tips": paginate(request, tips, param="tips"),
        "flags": paginate(request, flags, param="meldingen"),
    })


@login_required
def region_overview(request, slug):
    """For a region's coordinators: do the events of each coalition lead to reports and agreements?"""
    region = get_object_or_404(moderated_regions(request.user), slug=slug)
    now = timezone.now()
    today = timezone.localdate()
    held = Q(organised_events__ends_at__lt=now, organised_events__cancelled_at__isnull=True,
             organised_events__state=ModerationState.PUBLISHED)
    agreement = "organised_events__agreements"
    coalitions = (
        Coalition.objects.filter(region=region)
        .annotate(
            events_held=Count("organised_events", filter=held, distinct=True),
            events_reported=Count("organised_events", filter=held & Q(organised_events__report__isnull=False),
                                  distinct=True),
            agreements_open=Count(agreement, filter=Q(**{f"{agreement}__status": "open",
                                                         f"{agreement}__due_date__gte": today}), distinct=True),
            agreements_overdue=Count(agreement, filter=Q(**{f"{agreement}__status": "open",
                                                            f"{agreement}__due_date__lt": today}), distinct=True),
            agreements_done=Count(agreement, filter=Q(**{f"{agreement}__status": "done"}), distinct=True),
        )
        .order_by("name")
    )
    return render(request, "pages/region_overview.html", {
        "region": region, "page": paginate(request, coalitions),
        "other_regions": moderated_regions(request.user).exclude(pk=region.pk).order_by("name"),
    })
