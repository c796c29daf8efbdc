"""Domain functions for a member's own account."""

from django.db import transaction

from accounts.models import User


def update_account(
    user: User, *, full_name: str, organisation_name: str, job_function: str, digest_frequency: str,
    event_reminders_enabled: bool, agreement_reminders_enabled: bool,
) -> User:
    """Change the member's name, organisation, function and email preferences."""
    with transaction.atomic():
        user.full_name = full_name
        user.organisation_name = organisation_name
        user.job_function = job_function
        user.digest_frequency = digest_frequency
        user.event_reminders_enabled = event_reminders_enabled
        user.agreement_reminders_enabled = agreement_reminders_enabled
        user.save(update_fields=["full_name", "organisation_name", "job_function", "digest_frequency",
                                 "event_reminders_enabled", "agreement_reminders_enabled"])
        return user
