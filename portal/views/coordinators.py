"""Pages for regional coordinators: the moderation queue, dismissing a report, and the region's cockpit."""

import csv

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from coalitions.forms import AnswerHelpRequestForm
from coalitions.models import Coalition, HelpRequest
from coalitions.permissions import can_answer_help_request, moderated_regions
from coalitions.services import HelpRequestError, answer_help_request
from core import fragments
from core.pagination import paginate
from core.permissions import require
from core.redirects import safe_next
from events.filters import EventFilter
from events.models import REPORT_GRACE
from moderation.forms import DismissFlagForm
from moderation.handlers import handle_flag_dismissal
from moderation.models import Flag
from moderation.permissions import can_moderate
from portal import cockpit
from practices.models import Adoption, Practice, Tip
from tools.models import Tool

# Each of the queue's five lists shows this many items a page: the queue renders a card (most with a form) per
# item, so five full pages of PAGE_SIZE cost a worker ~4 times a bare page at national scale (issue 13).
QUEUE_PAGE_SIZE = 10
# What the queue's cards do not show: the long texts of practices (also of the practice an adoption tried).
PRACTICE_LONG_TEXTS = ("context", "approach", "results", "pitfalls", "practical_tips", "contact_name",
                       "contact_email")


@login_required
def moderation_queue(request):
    regions = list(moderated_regions(request.user).order_by("name"))  # one query: the ids and the names shown
    require(bool(regions))
    region_ids = [region.pk for region in regions]
    practices = (
        Practice.objects.awaiting_review(region_ids).select_related("region", "author").defer(*PRACTICE_LONG_TEXTS)
        .order_by("updated_at")
    )
    tips = Tip.objects.awaiting_review(region_ids).select_related("region", "author").order_by("created_at")
    tools = (
        Tool.objects.awaiting_review(region_ids).select_related("developer__region", "author").order_by("updated_at")
    )
    adoptions = (
        Adoption.objects.awaiting_review(region_ids).select_related("region", "author", "practice", "coalition")
        .defer(*(f"practice__{field}" for field in (*PRACTICE_LONG_TEXTS, "summary")))
        .order_by("updated_at", "pk")
    )
    flags = (
        Flag.objects.open().filter(region_id__in=region_ids)
        .select_related("region", "reporter", "content_type").prefetch_related("item").order_by("created_at")
    )

    def page(queryset, param):
        # Read only when the template renders the lists (not from the cache).
        return SimpleLazyObject(lambda: paginate(request, queryset, QUEUE_PAGE_SIZE, param=param, capped=True))

    response = render(request, "pages/moderation_queue.html", {
        **fragments.live(timezone.now()),
        "regions": regions,
        "region_key": ",".join(str(pk) for pk in region_ids),
        "practices": page(practices, "voorbeelden"),
        "tips": page(tips, "tips"),
        "tools": page(tools, "tools"),
        "adoptions": page(adoptions, "uitgeprobeerd"),
        "flags": page(flags, "meldingen"),
        "dismiss_form": DismissFlagForm(),
    })
    return fragments.fill_csrf_slots(request, response)


@login_required
@require_POST
def flag_dismiss(request, pk):
    """Dismiss a report as unfounded: for the coordinators of the reported item's region and staff."""
    flag = get_object_or_404(Flag.objects.select_related("reporter", "content_type"), pk=pk)
    item = flag.item
    require(item is not None and can_moderate(request.user, item))
    return handle_flag_dismissal(request, flag, safe_next(request, reverse("moderation_queue")))


@login_required
def region_cockpit(request, slug):
    """For a region's coordinators: where to act now, which coalitions are quiet, and whether meetings lead
    to plans. Every count links to the list behind it: the event list filtered, or a list on this page.

    The page is rendered in fragments kept in the cache (``{% cache %}`` in the template), shared by the
    region's coordinators: the summary's parts (the quiet coalitions and the funnels) once per summary, by its
    time of computation; the lists to work through (the signals, the overdue agreements, the waiting
    submissions) for at most ``LIVE_FRAGMENT_SECONDS`` and a minute of the clock, by the content generation of
    the page cache, so every write shows at once. The help requests carry forms with the member's CSRF token:
    they are rendered for every request. The lists are read only when their fragment is rendered."""
    regions = list(moderated_regions(request.user).order_by("name"))  # the region and the links to the others
    region = next((region for region in regions if region.slug == slug), None)
    require(region is not None)
    now, today = timezone.now(), timezone.localdate()
    quarters = cockpit.recent_quarters(today)
    summary = cockpit.region_summary(region, now, today, quarters)
    agreement_filter = {}
    if owner := request.GET.get("eigenaar", "").strip().lower():
        agreement_filter["recipient"] = owner
    if coalition_slug := request.GET.get("coalitie", "").strip():
        agreement_filter["responsible_slug"] = coalition_slug
    live = fragments.live(now)  # before the lists are read
    agreements = (
        cockpit.overdue_agreements(region, today, summary.coalition_ids).filter(**agreement_filter)
        .select_related("event", "owner").order_by("due_date", "pk")
    )
    coalitions = paginate(request, summary.coalition_rows, param="coalities")
    events_url = reverse("events:list") + "?" + urlencode({
        "when": EventFilter.PAST, "region": region.slug, "report": EventFilter.MISSING_REPORT})
    return render(request, "pages/region_cockpit.html", {
        "region": region,
        "other_regions": [other for other in regions if other != region],
        "summary": summary,
        "summary_minutes": int(cockpit.SUMMARY_FOR.total_seconds() // 60),
        "summary_seconds": int(cockpit.SUMMARY_FOR.total_seconds()),
        "events_missing_report": summary.events_missing_report,
        "events_missing_report_url": events_url,
        **live,
        # The whole list is counted in the summary: unfiltered, a page reads its rows and one more (live).
        "agreements": SimpleLazyObject(
            lambda: paginate(request, agreements, param="afspraken", look_ahead=not agreement_filter)),
        "agreement_filter": agreement_filter,
        "overdue_total": summary.overdue_total,
        "overdue_by_owner": summary.overdue_by_owner,
        "overdue_by_coalition": summary.overdue_by_coalition,
        "practices": SimpleLazyObject(
            lambda: paginate(request, cockpit.waiting_practices(region, now), param="voorbeelden")),
        "tips": SimpleLazyObject(lambda: paginate(request, cockpit.waiting_tips(region, now), param="tips")),
        "help_requests": paginate(
            request, HelpRequest.objects.filter(region=region).open().order_by("created_at", "pk"), param="hulpvragen"),
        "answer_form": AnswerHelpRequestForm(),
        "quiet": paginate(request, summary.quiet, param="stil"),
        "funnel": summary.funnel,
        # Computed only when the template renders their fragment (not from the cache).
        "chart": SimpleLazyObject(lambda: cockpit.funnel_chart(summary.funnel)),
        "quarters": quarters,
        "coalitions": coalitions,
        "coalition_cells": SimpleLazyObject(lambda: cockpit.coalition_cells(coalitions.object_list)),
        "grace_days": REPORT_GRACE.days,
        "wait_days": cockpit.MODERATION_WAIT.days,
        "quiet_days": cockpit.QUIET_AFTER.days,
    })


@login_required
def region_funnel_csv(request, slug):
    """The cockpit's funnel as CSV: per quarter, for the region and then for each of its coalitions."""
    region = get_object_or_404(moderated_regions(request.user), slug=slug)
    now, today = timezone.now(), timezone.localdate()
    quarters = cockpit.recent_quarters(today)
    coalitions = list(Coalition.objects.filter(region=region).order_by("name"))
    funnels = cockpit.coalition_funnels(coalitions, now, quarters)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="van-inspiratie-naar-plannen-{region.slug}.csv"'
    response.write("\ufeff")  # so spreadsheet programs read UTF-8
    writer = csv.writer(response, delimiter=";")
    writer.writerow([_("Region or coalition"), _("Quarter"), _("Events held"), _("With a report"),
                     _("Agreements made"), _("Agreements done")])
    scopes = [(region.name, cockpit.region_funnel(region, now, quarters))]
    scopes += [(coalition.name, funnels[coalition.pk]) for coalition in coalitions]
    for name, rows in scopes:
        for row in rows:
            writer.writerow([spreadsheet_safe(name), row.quarter.label, *row.values])
    return response


def spreadsheet_safe(value: str) -> str:
    """Neutralise a cell a spreadsheet would run as a formula (CSV injection)."""
    return "'" + value if value and value[0] in "=+-@\t\r|%" else value


@login_required
def help_request_answer(request, slug, pk):
    """Mark a "vraag hulp" question answered, with a note: from the cockpit's form, or this page's."""
    help_request = get_object_or_404(HelpRequest.objects.select_related("region", "answered_by"),
                                     pk=pk, region__slug=slug)
    require(can_answer_help_request(request.user, help_request))
    cockpit_url = reverse("region_overview", args=[slug]) + "#hulpvragen"
    form = AnswerHelpRequestForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            answer_help_request(help_request, answered_by=request.user, note=form.cleaned_data["note"])
        except HelpRequestError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("The question of %(name)s is marked as answered.")
                             % {"name": help_request.name})
        return redirect(cockpit_url)
    return render(request, "pages/help_request_answer.html", {
        "help_request": help_request, "form": form, "cockpit_url": cockpit_url,
    }, status=400 if form.is_bound else 200)
