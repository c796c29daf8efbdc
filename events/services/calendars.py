"""Domain functions for personal calendar feeds."""

import secrets

from django.db import transaction

from events.models import CalendarToken


def create_calendar_token(user) -> CalendarToken:
    """Give the user a new secret calendar URL; the previous one stops working."""
    with transaction.atomic():
        token, _created = CalendarToken.objects.update_or_create(
            user=user, defaults={"token": secrets.token_urlsafe(32)}
        )
        return token
