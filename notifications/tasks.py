"""Celery tasks for the outbox; thin wrappers around notifications.delivery."""

from celery import shared_task

from notifications import delivery


@shared_task(ignore_result=True)
def deliver_outbox() -> int:
    return delivery.deliver_due_emails()


@shared_task(ignore_result=True)
def purge_sent_outbox() -> int:
    return delivery.purge_sent()
