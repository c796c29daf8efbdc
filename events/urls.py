from django.urls import path

from events import views

app_name = "events"

urlpatterns = [
    path("", views.event_list, name="list"),
    path("nieuw/", views.event_create, name="create"),
    path("agenda/", views.calendar_settings, name="calendar_settings"),
    path("agenda/<str:token>.ics", views.personal_calendar, name="personal_calendar"),
    path("afspraken/<int:pk>/afronden/", views.agreement_close, name="agreement_close"),
    path("afspraken/link/<str:token>/", views.agreement_link, name="agreement_link"),
    path("<slug:slug>/", views.event_detail, name="detail"),
    path("<slug:slug>/bewerken/", views.event_edit, name="edit"),
    path("<slug:slug>/annuleren/", views.event_cancel, name="cancel"),
    path("<slug:slug>/modereren/", views.event_moderate, name="moderate"),
    path("<slug:slug>/melden/", views.event_flag, name="flag"),
    path("<slug:slug>/aanmelden/", views.event_register, name="register"),
    path("<slug:slug>/afmelden/", views.registration_cancel, name="unregister"),
    path("<slug:slug>/aanmeldingen/", views.event_registrations, name="registrations"),
    path("<slug:slug>/aanmeldingen.csv", views.event_registrations_csv, name="registrations_csv"),
    path("<slug:slug>/agenda.ics", views.event_ics, name="ics"),
    path("<slug:slug>/terugbezoek/", views.return_visit, name="return_visit"),
    path("<slug:slug>/verslag/", views.event_report, name="report"),
]
