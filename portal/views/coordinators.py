"""Pages for regional coordinators: the moderation queue, dismissing a report, and the regional overview."""

from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from coalitions.models import Coalition
from coalitions.permissions import moderated_regions
from core.pagination import paginate
from core.permissions import require
from core.redirects import safe_next
from moderation.forms import DismissFlagForm
from moderation.handlers import handle_flag_dismissal
from moderation.models import Flag, ModerationState
from moderation.permissions import can_moderate
from practices.models import Practice, Tip


@login_required
def moderation_queue(request):
    regions = moderated_regions(request.user)
    require(regions.exists())
    region_ids = list(regions.values_list("pk", flat=True))
    practices = (
        Practice.objects.awaiting_review(region_ids).select_related("region", "author").order_by("updated_at")
    )
    tips = Tip.objects.awaiting_review(region_ids).select_related("region", "author").order_by("created_at")
    flags = (
        Flag.objects.open().filter(region_id__in=region_ids)
        .select_related("region", "reporter", "content_type").prefetch_related("item").order_by("created_at")
    )
    return render(request, "pages/moderation_queue.html", {
        "regions": regions.order_by("name"),
        "practices": paginate(request, practices, param="voorbeelden"),
        "tips": paginate(request, tips, param="tips"),
        "flags": paginate(request, flags, param="meldingen"),
        "dismiss_form": DismissFlagForm(),
    })


@login_required
@require_POST
def flag_dismiss(request, pk):
    """Dismiss a report as unfounded: for the coordinators of the reported item's region and staff."""
    flag = get_object_or_404(Flag.objects.select_related("reporter", "content_type"), pk=pk)
    item = flag.item
    require(item is not None and can_moderate(request.user, item))
    return handle_flag_dismissal(request, flag, safe_next(request, reverse("moderation_queue")))


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
