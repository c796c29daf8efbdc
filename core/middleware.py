"""Cross-cutting request handling: the request id, a friendly 503 while the database is unreachable, and a 400
for a NUL byte in the path or query string."""

import logging
import re
import uuid

from django.core.exceptions import SuspiciousOperation
from django.db import InterfaceError, OperationalError

from core.errors import database_unavailable
from core.logging import request_id_var

logger = logging.getLogger(__name__)

# What we accept from the proxy: short, and only characters that are safe in a log line and a header.
_VALID_REQUEST_ID = re.compile(r"[A-Za-z0-9._-]{1,64}")


def valid_request_id(value: str | None) -> str | None:
    return value if value and _VALID_REQUEST_ID.fullmatch(value) else None


class RequestIdMiddleware:
    """Takes ``X-Request-ID`` from the proxy when it is valid, else makes one; every log line written while
    the request is handled carries it (``core.logging``), and so does the response header."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request_id = valid_request_id(request.headers.get("X-Request-ID")) or uuid.uuid4().hex
        request.request_id = request_id
        token = request_id_var.set(request_id)
        try:
            response = self.get_response(request)
        finally:
            request_id_var.reset(token)
        response["X-Request-ID"] = request_id
        return response


class DatabaseUnavailableMiddleware:
    """A view that cannot reach the database answers the static 503 page instead of a 500."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, OperationalError | InterfaceError):
            return None
        logger.error("Database unavailable, answering 503: %s: %s", type(exception).__name__, exception)
        return database_unavailable()


class RejectNulBytesMiddleware:
    """A NUL byte in the path or a query parameter is a bad request (400), before any view queries with it.

    PostgreSQL refuses NUL in text, so a lookup such as ``?thema=%00`` or a token ``/uitnodiging/%00/`` would
    otherwise fail as a server error. Posted form fields are refused by the forms, with a message.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path or any(
            "\x00" in key or any("\x00" in value for value in values) for key, values in request.GET.lists()
        ):
            raise SuspiciousOperation("NUL byte in the path or query string")
        return self.get_response(request)
