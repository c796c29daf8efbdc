"""URL configuration; public paths are Dutch."""

from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from kennisportaal import views
from practices import views as practice_views

admin.site.site_header = _("Kennisportaal administration")
admin.site.site_title = _("Kennisportaal")
admin.site.index_title = _("Administration")

urlpatterns = [
    path("", views.home, name="home"),
    path("over/", views.about, name="about"),
    path("praktijkvoorbeelden/", include("practices.urls")),
    path("tips/", practice_views.tip_list, name="tips"),
    path("bijeenkomsten/", include("events.urls")),
    path("", include("coalitions.urls")),
    path("account/", include("allauth.urls")),
    path("admin/", admin.site.urls),
    path("healthz", views.healthz, name="healthz"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
