"""Registration pages: register and cancel (members); the list, attendance and CSV export (organisers)."""

import csv

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.pagination import paginate
from events.forms import RegistrationForm
from events.models import Event, Registration
from events.services.registrations import (
    RegistrationError,
    cancel_registration,
    register_for_event,
    set_attendance,
    waiting_position,
)
from events.views.manage import managed_event


@login_required
@require_POST
def event_register(request, slug):
    event = get_object_or_404(Event.objects.published(), slug=slug)
    form = RegistrationForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Your remark is too long (at most 1000 characters)."))
        return redirect(event)
    try:
        registration = register_for_event(event, user=request.user, remark=form.cleaned_data["remark"])
    except RegistrationError as error:
        messages.error(request, str(error))
    else:
        if registration.status == Registration.Status.CONFIRMED:
            messages.success(request, _("You are registered. A confirmation is on its way to your email."))
        else:
            messages.info(request, _("The event is full: you are number %(position)d on the waiting list. "
                                     "We will email you when a seat becomes free.")
                          % {"position": waiting_position(registration)})
    return redirect(event)


@login_required
@require_POST
def registration_cancel(request, slug):
    registration = get_object_or_404(
        Registration.objects.select_related("event"), event__slug=slug, user=request.user,
        status__in=Registration.ACTIVE_STATUSES,
    )
    cancel_registration(registration)
    messages.success(request, _("Your registration has been cancelled."))
    return redirect(registration.event)


@login_required
def event_registrations(request, slug):
    event = managed_event(request, slug)
    # Lean rows: only what the table shows ("registration_queue_idx" serves the order).
    registrations = (
        event.registrations.select_related("user").order_by("status", "created_at", "pk")
        .only("status", "organisation_name", "job_function", "remark", "created_at", "event_id",
              "user__full_name", "user__email")
    )
    if request.method == "POST":
        shown = {int(pk) for pk in request.POST.getlist("shown") if pk.isdigit()}
        attended = {int(pk) for pk in request.POST.getlist("attended") if pk.isdigit()}
        marked = set_attendance(event, shown_ids=shown, attended_ids=attended & shown)
        messages.success(request, _("Attendance saved: %(count)d present.") % {"count": marked})
        return redirect(request.get_full_path())
    counts = dict(
        event.registrations.values("status").annotate(n=Count("pk")).values_list("status", "n")
    )
    return render(request, "events/registrations.html", {
        # The status counts add up to the rows: the paginator need not count them again.
        "event": event, "page": paginate(request, registrations, per_page=50, count=sum(counts.values())),
        "counts": counts,
        "Status": Registration.Status,
    })


@login_required
def event_registrations_csv(request, slug):
    event = managed_event(request, slug)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="aanmeldingen-{event.slug}.csv"'
    response.write("\ufeff")  # so spreadsheet programs read UTF-8
    writer = csv.writer(response, delimiter=";")
    writer.writerow([_("Name"), _("Email"), _("Organisation"), _("Function"), _("Status"), _("Registered"),
                     _("Remark")])
    registrations = event.registrations.select_related("user").order_by("status", "created_at", "pk")
    for registration in registrations.iterator(chunk_size=500):
        writer.writerow([spreadsheet_safe(value) for value in (
            registration.user.display_name, registration.user.email, registration.organisation_name,
            registration.job_function, registration.get_status_display(),
            timezone.localtime(registration.created_at).strftime("%Y-%m-%d %H:%M"), registration.remark,
        )])
    return response


def spreadsheet_safe(value: str) -> str:
    """Neutralise cells a spreadsheet would run as a formula (CSV injection)."""
    value = str(value)
    if value and value[0] in "=+-@\t\r|%":
        return "'" + value
    return value
