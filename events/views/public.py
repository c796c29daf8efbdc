"""Public event pages: the list and the detail page."""

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render

from coalitions.permissions import is_project_leader
from core.pagination import paginate
from core.permissions import require
from events.filters import EventFilter
from events.forms import RegistrationForm
from events.models import Event, EventReport, Registration, attach_confirmed_counts
from events.permissions import (
    can_answer_for_host,
    can_manage_event,
    can_plan_return_visit,
    can_see_agreements,
    can_start_practice,
    can_view_event,
    needs_next_visit,
)
from events.services.registrations import registration_closed_reason, waiting_position
from moderation.forms import FlagForm
from moderation.models import ModerationLogEntry
from moderation.permissions import can_moderate
from moderation.services import available_actions
from practices.models import Practice


def event_list(request):
    event_filter = EventFilter(request.GET, queryset=Event.objects.published().for_list())
    page = paginate(request, event_filter.qs, capped=True)
    if page.object_list:
        attach_confirmed_counts(page.object_list)
    return render(request, "events/event_list.html", {"filter": event_filter, "page": page})


def _next_visit_side(user, event, followed_by) -> str | None:
    """Which side of a past work visit without a follow-up the user plans the next visit for, if any."""
    if not needs_next_visit(event, followed_by) or not can_plan_return_visit(user, event):
        return None
    return "host" if is_project_leader(user, event.host) else "organiser"


def event_detail(request, slug):
    event = get_object_or_404(
        Event.objects.select_related("organiser__region", "host__region", "learning_network", "follows_on")
        .prefetch_related("themes", "programme")
        .with_confirmed_count(),
        slug=slug,
    )
    require(can_view_event(request.user, event))
    stands = event.stands.select_related("organisation").prefetch_related("themes")
    stand_theme = None
    if stand_theme_slug := request.GET.get("stand_thema"):
        stand_theme = next((t for t in event.themes.all() if t.slug == stand_theme_slug), None)
        stands = stands.filter(themes__slug=stand_theme_slug)
    context = {
        "event": event,
        "stands": stands,
        "stand_theme": stand_theme,
        "followed_by": list(event.followed_by.published().order_by("starts_at")),
        "practices": event.practices.published().select_related("region").only("title", "slug", "region__name"),
        "report": EventReport.objects.filter(event=event).prefetch_related(
            Prefetch("related_practices", queryset=Practice.objects.only("title", "slug"))).first(),
        "registration_closed": registration_closed_reason(event),
    }
    user = request.user
    if user.is_authenticated:
        moderator = can_moderate(user, event)
        registration = Registration.objects.filter(event=event, user=user).first()
        context.update(
            can_manage=can_manage_event(user, event),
            can_answer_host=can_answer_for_host(user, event),
            can_plan_return=can_plan_return_visit(user, event),
            can_start_practice=can_start_practice(user, event, context["report"]),
            next_visit_side=_next_visit_side(user, event, context["followed_by"]),
            registration=registration,
            waiting_position=waiting_position(registration) if registration else None,
            registration_form=RegistrationForm(),
            moderator=moderator,
            moderation_actions=available_actions(event, moderator=True) if moderator else [],
            moderation_log=ModerationLogEntry.objects.for_item(event) if moderator else [],
            flag_form=FlagForm(),
        )
        if can_see_agreements(user, event, registration):
            context["agreements"] = event.agreements.select_related("owner", "coalition").order_by("due_date", "pk")
    return render(request, "events/event_detail.html", context)
