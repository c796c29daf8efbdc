"""Celery tasks for the event jobs; thin wrappers around events.jobs."""

from celery import shared_task

from events import jobs


@shared_task(ignore_result=True)
def send_event_reminders() -> int:
    return jobs.send_event_reminders()


@shared_task(ignore_result=True)
def send_report_requests() -> int:
    return jobs.send_report_requests()


@shared_task(ignore_result=True)
def send_agreement_reminders() -> int:
    queued, more = jobs.send_agreement_reminders_chunk()
    if more:  # the rest in a next run, so no task run is unbounded
        send_agreement_reminders.delay()
    return queued
