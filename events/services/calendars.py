"""Domain functions for personal calendar feeds."""

import secrets

from django.db import transaction

from events.models import CalendarToken


def create_calendar_token(user) -> tuple[CalendarToken, bool]:
    """Give the user a new secret calendar URL; the previous one stops working.

    Returns the token and whether it replaced an earlier one (only then is there an old link that stops).
    """
    with transaction.atomic():
        token, created = CalendarToken.objects.update_or_create(
            user=user, defaults={"token": secrets.token_urlsafe(32)}
        )
        return token, not created
