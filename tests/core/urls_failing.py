"""A URL conf for tests only: the site's, plus views that fail, to reach the error handlers."""

from django.db import OperationalError
from django.urls import path

from kennisportaal.urls import handler500
from kennisportaal.urls import urlpatterns as site_urlpatterns

__all__ = ["handler500", "urlpatterns"]


def boom(request):
    raise RuntimeError("a bug in a view")


def database_gone(request):
    raise OperationalError("server closed the connection unexpectedly")


urlpatterns = [
    path("test-boom/", boom),
    path("test-database-gone/", database_gone),
    *site_urlpatterns,
]
