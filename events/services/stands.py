"""The providers of an event's stands: a provider typed as a new name becomes an organisation."""

from django.db import transaction

from coalitions.services import saved_organisation
from core.rows import RowChanges


def save_new_providers(stands: RowChanges) -> None:
    """Create the organisations of stands whose provider was typed as a new name (or reuse one created since).

    Call inside the transaction that saves the stands, so a failed save leaves no organisation behind.
    """
    with transaction.atomic():
        for row in stands.save:
            if row.instance.organisation.pk is None:
                row.instance.organisation = saved_organisation(row.instance.organisation)
