"""Pages for events: the public list and detail, and project leaders managing their coalition's events."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from coalitions.permissions import is_coordinator, is_project_leader, manageable_coalitions
from events.filters import EventFilter
from events.forms import CancelEventForm, EventForm, ProgrammeFormSet, StandFormSet
from events.models import Event, EventReport
from events.services import cancel_event, save_event
from kennisportaal.pagination import paginate
from kennisportaal.redirects import safe_next
from practices.forms import FlagForm
from practices.models import ModerationState
from practices.moderation import available_actions, log_for
from practices.views import flag, moderate


def event_list(request):
    event_filter = EventFilter(
        request.GET, queryset=Event.objects.published().for_list().with_confirmed_count()
    )
    page = paginate(request, event_filter.qs)
    return render(request, "events/event_list.html", {"filter": event_filter, "page": page})


def _can_see_hidden(user, event) -> bool:
    return is_project_leader(user, event.organiser) or is_coordinator(user, event.organiser.region_id)


def event_detail(request, slug):
    event = get_object_or_404(
        Event.objects.select_related("organiser__region", "host__region", "learning_network", "follows_on")
        .prefetch_related("themes", "programme")
        .with_confirmed_count(),
        slug=slug,
    )
    if event.state != ModerationState.PUBLISHED and not _can_see_hidden(request.user, event):
        raise Http404
    context = {
        "event": event,
        "stands": event.stands.select_related("organisation").prefetch_related("themes"),
        "followed_by": event.followed_by.published().order_by("starts_at"),
        "practices": event.practices.published().select_related("region"),
        "report": EventReport.objects.filter(event=event).first(),
    }
    user = request.user
    if user.is_authenticated:
        moderator = is_coordinator(user, event.organiser.region_id)
        context.update(
            can_manage=is_project_leader(user, event.organiser),
            moderator=moderator,
            moderation_actions=available_actions(event, moderator=True) if moderator else [],
            moderation_log=log_for(event) if moderator else [],
            flag_form=FlagForm(),
        )
    return render(request, "events/event_detail.html", context)


def _event_form_page(request, event=None):
    organisers = manageable_coalitions(request.user).order_by("name")
    instance = event or Event()
    if request.method == "POST":
        form = EventForm(request.POST, instance=instance, organisers=organisers)
        programme = ProgrammeFormSet(request.POST, instance=instance, prefix="programme")
        stands = StandFormSet(request.POST, instance=instance, prefix="stands")
        if form.is_valid() and programme.is_valid() and stands.is_valid():
            event = save_event(form=form, programme_formset=programme, stand_formset=stands, actor=request.user)
            messages.success(request, _("The event has been saved and is visible on the site."))
            return redirect(event)
        messages.error(request, _("The event has not been saved yet: please correct the fields marked below."))
    else:
        initial = {}
        if slug := request.GET.get("coalitie"):
            initial["organiser"] = organisers.filter(slug=slug).first()
        form = EventForm(instance=instance, organisers=organisers, initial=initial)
        programme = ProgrammeFormSet(instance=instance, prefix="programme")
        stands = StandFormSet(instance=instance, prefix="stands")
    return render(request, "events/event_form.html",
                  {"form": form, "programme": programme, "stands": stands, "event": event})


@login_required
def event_create(request):
    if not manageable_coalitions(request.user).exists():
        raise Http404
    return _event_form_page(request)


def _managed_event(request, slug) -> Event:
    event = get_object_or_404(Event.objects.select_related("organiser"), slug=slug)
    if not is_project_leader(request.user, event.organiser):
        raise Http404
    return event


@login_required
def event_edit(request, slug):
    event = _managed_event(request, slug)
    if event.cancelled_at:
        messages.error(request, _("A cancelled event can no longer be edited."))
        return redirect(event)
    return _event_form_page(request, event)


@login_required
def event_cancel(request, slug):
    event = _managed_event(request, slug)
    if event.cancelled_at:
        messages.info(request, _("This event had already been cancelled."))
        return redirect(event)
    form = CancelEventForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        count = cancel_event(event, actor=request.user, reason=form.cleaned_data["reason"])
        messages.success(request, _("The event has been cancelled; %(count)d participants have been emailed.")
                         % {"count": count})
        return redirect(event)
    return render(request, "events/event_cancel.html", {"event": event, "form": form})


@login_required
@require_POST
def event_moderate(request, slug):
    event = get_object_or_404(Event.objects.select_related("organiser"), slug=slug)
    if not is_coordinator(request.user, event.organiser.region_id):
        raise Http404
    return moderate(request, event, safe_next(request, event.get_absolute_url()))


@login_required
@require_POST
def event_flag(request, slug):
    event = get_object_or_404(Event.objects.published().select_related("organiser__region"), slug=slug)
    return flag(request, event, event.get_absolute_url())
