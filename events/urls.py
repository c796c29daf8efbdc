from django.urls import path

from events import views

app_name = "events"

urlpatterns = [
    path("", views.event_list, name="list"),
    path("nieuw/", views.event_create, name="create"),
    path("<slug:slug>/", views.event_detail, name="detail"),
    path("<slug:slug>/bewerken/", views.event_edit, name="edit"),
    path("<slug:slug>/annuleren/", views.event_cancel, name="cancel"),
    path("<slug:slug>/modereren/", views.event_moderate, name="moderate"),
    path("<slug:slug>/melden/", views.event_flag, name="flag"),
]
