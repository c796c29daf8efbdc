"""Domain functions that span apps: the profile page saves the account and the follows together."""

from django.db import transaction

from accounts.services import update_account
from coalitions.services import set_follows


def save_profile(user, *, account: dict, follows: dict) -> None:
    with transaction.atomic():
        update_account(user, **account)
        set_follows(user, **follows)
