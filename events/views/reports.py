"""After an event: the return visit, the report with follow-up agreements, and closing an agreement."""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from coalitions.permissions import is_project_leader
from core.permissions import require
from core.rows import rows_from_formset
from events.forms import AgreementFormSet, CloseAgreementForm, ReportForm
from events.models import Event, EventReport, FollowUpAgreement, Registration
from events.permissions import can_plan_return_visit, can_start_practice
from events.services.practices import start_practice_from_report
from events.services.reports import AgreementError, agreement_from_token, close_agreement, save_report
from events.views.manage import managed_event
from moderation.models import ModerationState


@login_required
def return_visit(request, slug):
    """Plan what follows a work visit: the host's return visit (organiser and host swapped), or else the
    visiting coalition's next visit (the host still to choose)."""
    event = get_object_or_404(Event.objects.published().hosted().select_related("organiser", "host"), slug=slug,
                              kind=Event.Kind.WORK_VISIT)
    require(can_plan_return_visit(request.user, event))
    if is_project_leader(request.user, event.host):
        query = {"coalitie": event.host.slug, "gastheer": event.organiser.slug, "vervolg_op": event.slug}
    else:
        query = {"coalitie": event.organiser.slug, "soort": Event.Kind.WORK_VISIT, "vervolg_op": event.slug}
    return redirect(f"{reverse('events:create')}?{urlencode(query)}")


@login_required
def event_report(request, slug):
    event = managed_event(request, slug)
    report = EventReport.objects.filter(event=event).first()
    if request.method == "POST":
        form = ReportForm(request.POST, instance=report, event=event)
        agreements = AgreementFormSet(request.POST, instance=event, prefix="agreements", event=event)
        if form.is_valid() and agreements.is_valid():
            save_report(form.save(commit=False), event=event, related_practices=form.cleaned_data["related_practices"],
                        agreements=rows_from_formset(agreements), author=request.user)
            messages.success(request, _("The report and follow-up agreements have been saved."))
            return redirect(event)
        messages.error(request, _("The report has not been saved yet: please correct the fields marked below."))
    else:
        initial = {} if report else {"participant_count": event.registrations.filter(
            status=Registration.Status.ATTENDED).count() or None}
        form = ReportForm(instance=report, event=event, initial=initial)
        agreements = AgreementFormSet(instance=event, prefix="agreements", event=event,
                                      queryset=event.agreements.filter(status=FollowUpAgreement.Status.OPEN))
    return render(request, "events/report_form.html", {"event": event, "form": form, "agreements": agreements})


@login_required
@require_POST
def practice_from_report(request, slug):
    """"Maak hier een praktijkvoorbeeld van": a draft practice from the event and its report, to complete."""
    event = get_object_or_404(Event.objects.select_related("organiser"), slug=slug)
    require(can_start_practice(request.user, event, EventReport.objects.filter(event=event).first()))
    practice, created = start_practice_from_report(event, author=request.user)
    if created:
        messages.success(request, _("A draft practice example has been filled in from this event and its report. "
                                    "Complete it and submit it for review when it is ready."))
    else:
        messages.info(request, _("You had already started a practice example from this event: here is your draft "
                                 "again, no new copy was made."))
    return redirect("practices:edit", slug=practice.slug)


def _close_agreement_page(request, agreement, *, action_url):
    form = CloseAgreementForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            close_agreement(agreement, status=form.cleaned_data["status"], note=form.cleaned_data["note"])
        except AgreementError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Thank you! The agreement is now “%(status)s”; reminders have stopped.")
                             % {"status": agreement.get_status_display()})
            if _adoption_url(agreement):
                return redirect(action_url)  # the closed agreement's page offers to record the adoption
        return redirect(agreement.event if agreement.event.state == ModerationState.PUBLISHED else "home")
    return render(request, "events/agreement_close.html",
                  {"agreement": agreement, "form": form, "action_url": action_url,
                   "adoption_url": _adoption_url(agreement)})


def _adoption_url(agreement) -> str:
    """For an agreement done about a published practice: its "wij doen dit ook" form, filled in beforehand."""
    practice = agreement.practice
    if agreement.status != FollowUpAgreement.Status.DONE or practice is None:
        return ""
    if practice.state != ModerationState.PUBLISHED:
        return ""
    query = {"tried_on": agreement.closed_at.strftime("%Y-%m"), "changes": agreement.done_note}
    if agreement.coalition_id:
        query["coalition"] = agreement.coalition_id
    return reverse("practices:adoption_create", args=[practice.slug]) + "?" + urlencode(query)


@login_required
def agreement_close(request, pk):
    agreement = get_object_or_404(
        FollowUpAgreement.objects.owned_by(request.user).select_related("event", "practice"), pk=pk
    )
    return _close_agreement_page(request, agreement, action_url=request.path)


def agreement_link(request, token):
    agreement = agreement_from_token(token)
    if agreement is None:
        return render(request, "events/agreement_link_invalid.html", status=404)
    return _close_agreement_page(request, agreement, action_url=request.path)
