"""Error pages that render without the database: no request context, no session, no user.

``database_unavailable`` is the 503 of ``core.middleware.DatabaseUnavailableMiddleware``. ``server_error``
is the project's ``handler500``: like Django's own it renders ``500.html`` without context, but when the
exception behind it is the database being unreachable (raised outside a view, e.g. by a middleware or the
404 page loading the session) it answers the 503 page too.
"""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseServerError
from django.template.loader import render_to_string

RETRY_AFTER_SECONDS = 60


def database_unavailable() -> HttpResponse:
    response = HttpResponse(render_to_string("503.html"), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def server_error(request) -> HttpResponse:
    if isinstance(sys.exc_info()[1], OperationalError | InterfaceError):
        return database_unavailable()
    return HttpResponseServerError(render_to_string("500.html"))
