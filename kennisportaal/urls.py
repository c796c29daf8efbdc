"""Root URL configuration; public paths are Dutch. Each app's own paths live in its urls.py."""

from allauth.account.decorators import secure_admin_login
from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from events.feeds import UpcomingEventsFeed
from events.views import calendars as event_calendars
from practices.feeds import NewPracticesFeed

admin.site.site_header = _("Kennisportaal administration")
admin.site.site_title = _("Kennisportaal")
admin.site.index_title = _("Administration")
# The admin login goes through allauth: its rate limits, and no second password form to attack.
admin.autodiscover()
admin.site.login = secure_admin_login(admin.site.login)

# Like Django's own, but a database that cannot be reached answers the static 503 page (core/errors.py).
handler500 = "core.errors.server_error"

urlpatterns = [
    path("", include("portal.urls")),
    path("", include("practices.urls")),
    path("regio/<slug:slug>/agenda.ics", event_calendars.region_calendar, name="region_calendar"),
    path("coalities/<slug:slug>/agenda.ics", event_calendars.coalition_calendar, name="coalition_calendar"),
    path("feeds/bijeenkomsten/", UpcomingEventsFeed(), name="feed_events"),
    path("feeds/praktijkvoorbeelden/", NewPracticesFeed(), name="feed_practices"),
    path("bijeenkomsten/", include("events.urls")),
    path("tools/", include("tools.urls")),
    path("", include("coalitions.urls")),
    path("", include("notifications.urls")),
    path("account/", include("allauth.urls")),
    path("admin/", admin.site.urls),
]
