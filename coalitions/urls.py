from django.urls import path

from coalitions import views

app_name = "coalitions"

# A coalition's and a learning network's own pages show events and practices too: they live in portal/.
urlpatterns = [
    path("coalities/", views.coalition_list, name="list"),
    path("coalities/namen.json", views.coalition_names_json, name="names"),
    path("coalities/<slug:slug>/beheer/", views.coalition_manage, name="manage"),
    path("coalities/<slug:slug>/leden/<int:pk>/verwijderen/", views.member_remove, name="member_remove"),
    path("uitnodiging/<str:token>/", views.invitation, name="invitation"),
    path("leernetwerken/", views.network_list, name="network_list"),
    path("leernetwerken/<slug:slug>/volgen/", views.follow, {"kind": "network"}, name="network_follow"),
    path("coalities/<slug:slug>/volgen/", views.follow, {"kind": "coalition"}, name="coalition_follow"),
    path("themas/<slug:slug>/volgen/", views.follow, {"kind": "theme"}, name="theme_follow"),
    path("regio/<slug:slug>/volgen/", views.follow, {"kind": "region"}, name="region_follow"),
]
