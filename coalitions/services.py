"""Domain functions of the coalitions app."""

from django.db import transaction

from coalitions.models import HelpRequest, Region
from notifications.services import queue_templated_email


@transaction.atomic
def request_help(*, region: Region, name: str, email: str, organisation: str, question: str, user=None) -> HelpRequest:
    """Record a "vraag hulp" question and mail it to the region's coordinators and a copy to the asker."""
    help_request = HelpRequest.objects.create(
        region=region, name=name, email=email, organisation=organisation, question=question, user=user
    )
    context = {"help_request": help_request, "region": region}
    for coordinator in region.regioncoordinator_set.select_related("user"):
        queue_templated_email(
            to=coordinator.user.email,
            user=coordinator.user,
            kind="help-request",
            key=f"help-request:{help_request.pk}:{coordinator.user_id}",
            template="emails/help_request",
            context={**context, "coordinator": coordinator.user},
            headers={"Reply-To": email},
        )
    queue_templated_email(
        to=email,
        user=user,
        kind="help-request-receipt",
        key=f"help-request-receipt:{help_request.pk}",
        template="emails/help_request_receipt",
        context=context,
    )
    return help_request
