"""Celery tasks of the top floor; thin wrappers around portal.jobs."""

from celery import shared_task

from portal import jobs


@shared_task(ignore_result=True)
def send_digests() -> int:
    queued, more = jobs.send_digests_chunk()
    if more:  # the rest in a next run, so no task run is unbounded
        send_digests.delay()
    return queued
