"""Pages for the organising coalition's project leaders: create, edit, cancel; and moderation posts."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from coalitions.forms import OrganisationDirectory
from coalitions.models import Coalition
from coalitions.permissions import manageable_coalitions
from core.formsets import ADD_ROWS, with_blank_rows, without_errors
from core.permissions import require
from core.redirects import safe_next
from core.rows import rows_from_formset
from events.forms import CancelEventForm, EventForm, ProgrammeFormSet, StandFormSet
from events.models import Event
from events.permissions import can_create_events, can_manage_event
from events.services.events import cancel_event, save_event
from moderation.handlers import handle_flag, handle_moderation
from moderation.permissions import can_moderate


def managed_event(request, slug) -> Event:
    """The event, if the user may manage it; 404 otherwise."""
    event = get_object_or_404(Event.objects.select_related("organiser"), slug=slug)
    require(can_manage_event(request.user, event))
    return event


def _event_form_page(request, event=None):
    organisers = manageable_coalitions(request.user).order_by("name")
    instance = event or Event()
    directory = OrganisationDirectory()  # One list of organisations for every stand row and the datalist.
    growable = {"programme": ProgrammeFormSet, "stands": StandFormSet}
    if request.method == "POST":
        data, grow = request.POST, request.POST.get(ADD_ROWS)
        if grow in growable:
            data = with_blank_rows(data, prefix=grow, max_num=growable[grow].max_num)
        form = EventForm(data, instance=instance, organisers=organisers)
        programme = ProgrammeFormSet(data, instance=instance, prefix="programme")
        stands = StandFormSet(data, instance=instance, prefix="stands", directory=directory)
        if grow in growable:
            # Only more blank rows were asked for: show everything typed, without errors, and save nothing.
            without_errors(form, programme, stands)
            messages.info(request, _("Blank rows have been added. The event has not been saved yet."))
        elif form.is_valid() and programme.is_valid() and stands.is_valid():
            event = save_event(
                form.save(commit=False), themes=form.cleaned_data["themes"],
                programme=rows_from_formset(programme), stands=rows_from_formset(stands), created_by=request.user,
            )
            messages.success(request, _("The event has been saved and is visible on the site."))
            if event.awaits_host:
                messages.info(request, _("%(host)s has been asked to accept hosting the event; until it does, the "
                                         "event is not shown on its page.") % {"host": event.host.name})
            return redirect(event)
        else:
            messages.error(request,
                           _("The event has not been saved yet: please correct the fields marked below."))
    else:
        initial = {}
        if slug := request.GET.get("coalitie"):
            initial["organiser"] = organisers.filter(slug=slug).first()
        if request.GET.get("soort") in Event.Kind.values:
            initial["kind"] = request.GET["soort"]
        if slug := request.GET.get("gastheer"):
            initial.update(kind=Event.Kind.WORK_VISIT, host=Coalition.objects.filter(slug=slug).first())
        if slug := request.GET.get("vervolg_op"):
            earlier = Event.objects.filter(slug=slug).first()
            if earlier is not None:
                initial.update(follows_on=earlier, themes=list(earlier.themes.all()))
                # A visit to the coalition that visited us returns the visit; the visitors' next visit is new.
                if initial.get("host") is not None and initial["host"].pk == earlier.organiser_id:
                    initial["title"] = _("Return visit: %(title)s") % {"title": earlier.title}
        form = EventForm(instance=instance, organisers=organisers, initial=initial)
        programme = ProgrammeFormSet(instance=instance, prefix="programme")
        stands = StandFormSet(instance=instance, prefix="stands", directory=directory)
    return render(request, "events/event_form.html",
                  {"form": form, "programme": programme, "stands": stands, "event": event})


@login_required
def event_create(request):
    require(can_create_events(request.user))
    return _event_form_page(request)


@login_required
def event_edit(request, slug):
    event = managed_event(request, slug)
    if event.cancelled_at:
        messages.error(request, _("A cancelled event can no longer be edited."))
        return redirect(event)
    return _event_form_page(request, event)


@login_required
def event_cancel(request, slug):
    event = managed_event(request, slug)
    if event.cancelled_at:
        messages.info(request, _("This event had already been cancelled."))
        return redirect(event)
    form = CancelEventForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        count = cancel_event(event, reason=form.cleaned_data["reason"])
        messages.success(request, _("The event has been cancelled; %(count)d participants have been emailed.")
                         % {"count": count})
        return redirect(event)
    return render(request, "events/event_cancel.html", {"event": event, "form": form})


@login_required
@require_POST
def event_moderate(request, slug):
    event = get_object_or_404(Event.objects.select_related("organiser"), slug=slug)
    require(can_moderate(request.user, event))
    return handle_moderation(request, event, safe_next(request, event.get_absolute_url()))


@login_required
@require_POST
def event_flag(request, slug):
    event = get_object_or_404(Event.objects.published().select_related("organiser__region"), slug=slug)
    return handle_flag(request, event, event.get_absolute_url())
