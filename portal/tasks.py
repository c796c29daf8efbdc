"""Celery tasks of the top floor; thin wrappers around portal.jobs."""

from celery import shared_task

from portal import jobs


@shared_task(ignore_result=True)
def send_digests() -> int:
    return jobs.send_digests()
