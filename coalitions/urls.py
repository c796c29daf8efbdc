from django.urls import path

from coalitions import views
from kennisportaal import views as composed

app_name = "coalitions"

urlpatterns = [
    path("coalities/", views.coalition_list, name="list"),
    path("coalities/<slug:slug>/", composed.coalition_detail, name="detail"),
    path("coalities/<slug:slug>/beheer/", views.coalition_manage, name="manage"),
    path("coalities/<slug:slug>/leden/<int:pk>/verwijderen/", views.member_remove, name="member_remove"),
    path("uitnodiging/<str:token>/", views.invitation, name="invitation"),
    path("leernetwerken/", views.network_list, name="network_list"),
    path("leernetwerken/<slug:slug>/", composed.network_detail, name="network_detail"),
]
