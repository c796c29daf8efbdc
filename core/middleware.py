"""Request guards that know no app."""

from django.core.exceptions import SuspiciousOperation


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
