from django.urls import path

from events.views import calendars, hosting, manage, public, registrations, reports

app_name = "events"

urlpatterns = [
    path("", public.event_list, name="list"),
    path("nieuw/", manage.event_create, name="create"),
    path("agenda/", calendars.calendar_settings, name="calendar_settings"),
    path("agenda/<str:token>.ics", calendars.personal_calendar, name="personal_calendar"),
    path("afspraken/<int:pk>/afronden/", reports.agreement_close, name="agreement_close"),
    path("afspraken/link/<str:token>/", reports.agreement_link, name="agreement_link"),
    path("<slug:slug>/", public.event_detail, name="detail"),
    path("<slug:slug>/bewerken/", manage.event_edit, name="edit"),
    path("<slug:slug>/annuleren/", manage.event_cancel, name="cancel"),
    path("<slug:slug>/modereren/", manage.event_moderate, name="moderate"),
    path("<slug:slug>/melden/", manage.event_flag, name="flag"),
    path("<slug:slug>/gastheer/bevestigen/", hosting.host_accept, name="host_accept"),
    path("<slug:slug>/gastheer/afwijzen/", hosting.host_decline, name="host_decline"),
    path("<slug:slug>/gastheer/stoppen/", hosting.host_withdraw, name="host_withdraw"),
    path("<slug:slug>/aanmelden/", registrations.event_register, name="register"),
    path("<slug:slug>/afmelden/", registrations.registration_cancel, name="unregister"),
    path("<slug:slug>/aanmeldingen/", registrations.event_registrations, name="registrations"),
    path("<slug:slug>/aanmeldingen.csv", registrations.event_registrations_csv, name="registrations_csv"),
    path("<slug:slug>/agenda.ics", calendars.event_ics, name="ics"),
    path("<slug:slug>/terugbezoek/", reports.return_visit, name="return_visit"),
    path("<slug:slug>/verslag/", reports.event_report, name="report"),
    path("<slug:slug>/praktijkvoorbeeld/", reports.practice_from_report, name="practice_from_report"),
]
