"""Pages for events: list and detail, registration, calendars, management, reports and agreements."""

import csv
from datetime import timedelta
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from coalitions.models import Coalition, Region
from coalitions.permissions import is_coordinator, is_project_leader, manageable_coalitions
from events.calendar import build_calendar
from events.filters import EventFilter
from events.forms import (
    AgreementFormSet,
    CancelEventForm,
    CloseAgreementForm,
    EventForm,
    ProgrammeFormSet,
    RegistrationForm,
    ReportForm,
    StandFormSet,
)
from events.models import CalendarToken, Event, EventReport, FollowUpAgreement, Registration, attach_confirmed_counts
from events.services import (
    AgreementError,
    RegistrationError,
    agreement_from_token,
    cancel_event,
    cancel_registration,
    close_agreement,
    create_calendar_token,
    register_for_event,
    registration_closed_reason,
    save_event,
    save_report,
    set_attendance,
    waiting_position,
)
from kennisportaal.pagination import paginate
from kennisportaal.redirects import safe_next
from practices.forms import FlagForm
from practices.models import ModerationState
from practices.moderation import available_actions, log_for
from practices.views import flag, moderate


def event_list(request):
    event_filter = EventFilter(request.GET, queryset=Event.objects.published().for_list())
    page = paginate(request, event_filter.qs)
    if page.object_list:
        attach_confirmed_counts(page.object_list)
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
    stands = event.stands.select_related("organisation").prefetch_related("themes")
    stand_theme = None
    if stand_theme_slug := request.GET.get("stand_thema"):
        stand_theme = next((t for t in event.themes.all() if t.slug == stand_theme_slug), None)
        stands = stands.filter(themes__slug=stand_theme_slug)
    context = {
        "event": event,
        "stands": stands,
        "stand_theme": stand_theme,
        "followed_by": event.followed_by.published().order_by("starts_at"),
        "practices": event.practices.published().select_related("region"),
        "report": EventReport.objects.filter(event=event).prefetch_related("related_practices").first(),
        "registration_closed": registration_closed_reason(event),
    }
    user = request.user
    if user.is_authenticated:
        moderator = is_coordinator(user, event.organiser.region_id)
        can_manage = is_project_leader(user, event.organiser)
        registration = Registration.objects.filter(event=event, user=user).first()
        participant = registration is not None and registration.status in (
            Registration.Status.CONFIRMED, Registration.Status.ATTENDED)
        context.update(
            can_manage=can_manage,
            can_plan_return=event.kind == Event.Kind.WORK_VISIT and event.host_id is not None
            and is_project_leader(user, event.host),
            registration=registration,
            waiting_position=waiting_position(registration) if registration else None,
            registration_form=RegistrationForm(),
            moderator=moderator,
            moderation_actions=available_actions(event, moderator=True) if moderator else [],
            moderation_log=log_for(event) if moderator else [],
            flag_form=FlagForm(),
        )
        if participant or can_manage or moderator:
            context["agreements"] = event.agreements.select_related("owner", "coalition").order_by("due_date", "pk")
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
        if slug := request.GET.get("gastheer"):
            initial.update(kind=Event.Kind.WORK_VISIT, host=Coalition.objects.filter(slug=slug).first())
        if slug := request.GET.get("vervolg_op"):
            earlier = Event.objects.filter(slug=slug).first()
            if earlier is not None:
                initial.update(follows_on=earlier, title=_("Return visit: %(title)s") % {"title": earlier.title},
                               themes=list(earlier.themes.all()))
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


# Registration -------------------------------------------------------------------------------------------


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
        status__in=[Registration.Status.CONFIRMED, Registration.Status.WAITLISTED],
    )
    cancel_registration(registration, actor=request.user)
    messages.success(request, _("Your registration has been cancelled."))
    return redirect(registration.event)


@login_required
def event_registrations(request, slug):
    event = _managed_event(request, slug)
    registrations = event.registrations.select_related("user").order_by("status", "created_at", "pk")
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
        "event": event, "page": paginate(request, registrations, per_page=50), "counts": counts,
        "Status": Registration.Status,
    })


@login_required
def event_registrations_csv(request, slug):
    event = _managed_event(request, slug)
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


# Calendars -----------------------------------------------------------------------------------------------


def event_ics(request, slug):
    event = get_object_or_404(Event.objects.published().select_related("organiser"), slug=slug)
    return _ics_response([event], name=event.title, filename=f"{event.slug}.ics")


def _ics_response(events, *, name, filename):
    response = HttpResponse(build_calendar(events, name=name), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


FEED_WINDOW_DAYS = 90
FEED_LIMIT = 500


def _feed_events(queryset):
    since = timezone.now() - timedelta(days=FEED_WINDOW_DAYS)
    return queryset.filter(ends_at__gte=since).select_related("organiser").order_by("starts_at")[:FEED_LIMIT]


def personal_calendar(request, token):
    calendar_token = get_object_or_404(CalendarToken.objects.select_related("user"), token=token)
    events = Event.objects.filter(
        registrations__user=calendar_token.user,
        registrations__status__in=[Registration.Status.CONFIRMED, Registration.Status.ATTENDED],
    )
    return _ics_response(_feed_events(events), name=_("My events on Kennisportaal"), filename="kennisportaal.ics")


@login_required
def calendar_settings(request):
    if request.method == "POST":
        create_calendar_token(request.user)
        messages.success(request, _("You have a new calendar link. The old link no longer works."))
        return redirect("events:calendar_settings")
    token = CalendarToken.objects.filter(user=request.user).first()
    url = request.build_absolute_uri(reverse("events:personal_calendar", args=[token.token])) if token else None
    return render(request, "events/calendar_settings.html", {"calendar_url": url})


def coalition_calendar(request, slug):
    coalition = get_object_or_404(Coalition, slug=slug)
    events = Event.objects.published().filter(Q(organiser=coalition) | Q(host=coalition))
    return _ics_response(_feed_events(events), name=coalition.name, filename=f"{coalition.slug}.ics")


def region_calendar(request, slug):
    region = get_object_or_404(Region, slug=slug)
    events = Event.objects.published().filter(Q(organiser__region=region) | Q(host__region=region))
    return _ics_response(_feed_events(events), name=_("Region %(region)s") % {"region": region.name},
                         filename=f"regio-{region.slug}.ics")


# Return visits, reports and agreements ------------------------------------------------------------------


@login_required
def return_visit(request, slug):
    """Plan the return visit of a work visit: a new event with organiser and host swapped."""
    event = get_object_or_404(Event.objects.published().select_related("organiser", "host"), slug=slug,
                              kind=Event.Kind.WORK_VISIT, host__isnull=False)
    if not is_project_leader(request.user, event.host):
        raise Http404
    query = urlencode({"coalitie": event.host.slug, "gastheer": event.organiser.slug, "vervolg_op": event.slug})
    return redirect(f"{reverse('events:create')}?{query}")


@login_required
def event_report(request, slug):
    event = _managed_event(request, slug)
    report = EventReport.objects.filter(event=event).first()
    if request.method == "POST":
        form = ReportForm(request.POST, instance=report, event=event)
        agreements = AgreementFormSet(request.POST, instance=event, prefix="agreements", event=event)
        if form.is_valid() and agreements.is_valid():
            save_report(event=event, form=form, agreement_formset=agreements, author=request.user)
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


def _close_agreement_page(request, agreement, *, action_url):
    form = CloseAgreementForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            close_agreement(agreement, status=form.cleaned_data["status"], note=form.cleaned_data["note"],
                            actor=request.user if request.user.is_authenticated else None)
        except AgreementError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Thank you! The agreement is now “%(status)s”; reminders have stopped.")
                             % {"status": agreement.get_status_display()})
        return redirect(agreement.event if agreement.event.state == ModerationState.PUBLISHED else "home")
    return render(request, "events/agreement_close.html",
                  {"agreement": agreement, "form": form, "action_url": action_url})


@login_required
def agreement_close(request, pk):
    agreement = get_object_or_404(
        FollowUpAgreement.objects.select_related("event"),
        Q(owner=request.user) | Q(owner_email__iexact=request.user.email), pk=pk,
    )
    return _close_agreement_page(request, agreement, action_url=request.path)


def agreement_link(request, token):
    agreement = agreement_from_token(token)
    if agreement is None:
        return render(request, "events/agreement_link_invalid.html", status=404)
    return _close_agreement_page(request, agreement, action_url=request.path)
