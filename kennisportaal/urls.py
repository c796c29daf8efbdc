"""URL configuration; public paths are Dutch."""

from allauth.account.decorators import secure_admin_login
from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from coalitions import views as coalition_views
from events import views as event_views
from events.feeds import UpcomingEventsFeed
from kennisportaal import views
from practices import views as practice_views
from practices.feeds import NewPracticesFeed

admin.site.site_header = _("Kennisportaal administration")
admin.site.site_title = _("Kennisportaal")
admin.site.index_title = _("Administration")
# The admin login goes through allauth: its rate limits, and no second password form to attack.
admin.autodiscover()
admin.site.login = secure_admin_login(admin.site.login)

urlpatterns = [
    path("", views.home, name="home"),
    path("over/", views.about, name="about"),
    path("praktijkvoorbeelden/", include("practices.urls")),
    path("tips/", practice_views.tip_list, name="tips"),
    path("tips/nieuw/", practice_views.tip_create, name="tip_create"),
    path("tips/<int:pk>/bewerken/", practice_views.tip_edit, name="tip_edit"),
    path("tips/<int:pk>/modereren/", practice_views.tip_moderate, name="tip_moderate"),
    path("tips/<int:pk>/melden/", practice_views.tip_flag, name="tip_flag"),
    path("mijn/", views.my_portal, name="my_portal"),
    path("mijn/profiel/", coalition_views.profile, name="profile"),
    path("moderatie/", views.moderation_queue, name="moderation_queue"),
    path("regio/<slug:slug>/overzicht/", views.region_overview, name="region_overview"),
    path("regio/<slug:slug>/agenda.ics", event_views.region_calendar, name="region_calendar"),
    path("coalities/<slug:slug>/agenda.ics", event_views.coalition_calendar, name="coalition_calendar"),
    path("feeds/bijeenkomsten/", UpcomingEventsFeed(), name="feed_events"),
    path("feeds/praktijkvoorbeelden/", NewPracticesFeed(), name="feed_practices"),
    path("bijeenkomsten/", include("events.urls")),
    path("", include("coalitions.urls")),
    path("account/", include("allauth.urls")),
    path("admin/", admin.site.urls),
    path("healthz", views.healthz, name="healthz"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
