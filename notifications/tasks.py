"""Celery tasks for the outbox; thin wrappers around notifications.services."""

from celery import shared_task

from notifications import services


@shared_task(ignore_result=True)
def deliver_outbox() -> int:
    return services.deliver_due_emails()


@shared_task(ignore_result=True)
def purge_sent_outbox() -> int:
    return services.purge_sent()
