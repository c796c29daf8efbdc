"""Pages for the host coalition's project leaders and coordinators: accept or decline hosting, or stop later."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.permissions import require
from core.redirects import safe_next
from events.forms import HostAnswerForm
from events.models import Event
from events.permissions import can_answer_for_host
from events.services.hosting import HostAnswerError, answer_host_request, stop_hosting
from moderation.models import ModerationState


def _hosted_event(request, slug) -> Event:
    """The event, if the user answers for its host coalition; 404 otherwise."""
    event = get_object_or_404(Event.objects.select_related("organiser", "host__region"), slug=slug,
                              host__isnull=False)
    require(can_answer_for_host(request.user, event))
    return event


def _back(request, event: Event):
    # A hidden event's page is a 404 for the host: back to the host's page then.
    default = event.get_absolute_url() if event.state == ModerationState.PUBLISHED else event.host.get_absolute_url()
    return redirect(safe_next(request, default))


@login_required
@require_POST
def host_accept(request, slug):
    event = _hosted_event(request, slug)
    try:
        answer_host_request(event, user=request.user, accept=True)
    except HostAnswerError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("You have accepted: “%(title)s” is now shown on the page of %(host)s too, and "
                                    "the organisers have been told.") % {"title": event.title, "host": event.host.name})
    return _back(request, event)


def _answer_page(request, event: Event, *, withdraw: bool):
    form = HostAnswerForm(request.POST if request.method == "POST" else None)  # an empty reason is an answer too
    if request.method == "POST" and form.is_valid():
        reason = form.cleaned_data["reason"]
        try:
            if withdraw:
                stop_hosting(event, user=request.user, reason=reason)
            else:
                answer_host_request(event, user=request.user, accept=False, reason=reason)
        except HostAnswerError as error:
            messages.error(request, str(error))
        else:
            values = {"title": event.title, "host": event.host.name}
            messages.success(request, _("%(host)s no longer hosts “%(title)s”: the event has left its page, and the "
                                        "organisers have been told.") % values if withdraw else
                             _("You have declined hosting “%(title)s”; the organisers have been told.") % values)
        return _back(request, event)
    if request.method == "POST":
        messages.error(request, _("Nothing has been saved yet: please correct the field marked below."))
    return render(request, "events/host_answer.html",
                  {"event": event, "form": form, "withdraw": withdraw, "next": safe_next(request, "")})


@login_required
def host_decline(request, slug):
    event = _hosted_event(request, slug)
    if not event.awaits_host:
        messages.error(request, _("This request has already been answered."))
        return _back(request, event)
    return _answer_page(request, event, withdraw=False)


@login_required
def host_withdraw(request, slug):
    event = _hosted_event(request, slug)
    if not event.has_accepted_host:
        messages.error(request, _("This coalition does not host this event (any more)."))
        return _back(request, event)
    return _answer_page(request, event, withdraw=True)
