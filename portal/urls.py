from django.urls import path

from portal.views import coordinators, health, mine, network, privacy, public, visits

urlpatterns = [
    path("", public.home, name="home"),
    path("over/", public.about, name="about"),
    path("mijn/", mine.my_portal, name="my_portal"),
    path("mijn/profiel/", mine.profile, name="profile"),
    path("mijn/gegevens/", privacy.my_data, name="my_data"),
    path("mijn/gegevens.json", privacy.my_data_json, name="my_data_json"),
    path("mijn/account-verwijderen/", privacy.account_delete, name="account_delete"),
    path("privacy/", privacy.privacy_statement, name="privacy"),
    path("toegankelijkheid/", privacy.accessibility_statement, name="accessibility"),
    path("moderatie/", coordinators.moderation_queue, name="moderation_queue"),
    path("moderatie/meldingen/<int:pk>/afwijzen/", coordinators.flag_dismiss, name="flag_dismiss"),
    path("regio/<slug:slug>/overzicht/", coordinators.region_cockpit, name="region_overview"),
    path("regio/<slug:slug>/overzicht/plannen.csv", coordinators.region_funnel_csv, name="region_funnel_csv"),
    path("regio/<slug:slug>/overzicht/hulpvragen/<int:pk>/", coordinators.help_request_answer,
         name="help_request_answer"),
    path("regio/<slug:slug>/werkbezoeken/", visits.region_visit_chains, name="region_visit_chains"),
    path("regio/<slug:slug>/", network.region_detail, name="region_detail"),
    path("werkbezoeken/", visits.visit_chain_list, name="visit_chains"),
    path("coalities/<slug:slug>/matches/", visits.coalition_matches, name="coalition_matches"),
    path("coalities/<slug:slug>/", network.coalition_detail, name="coalition_detail"),
    path("leernetwerken/<slug:slug>/", network.network_detail, name="network_detail"),
    path("health/", health.health, name="health"),
    path("healthz", health.healthz, name="healthz"),
]
