"""The Celery application; the beat schedule lives here, in code."""

import logging.config
import os
from pathlib import Path

from celery import Celery
from celery.schedules import crontab
from celery.signals import setup_logging, task_postrun, task_prerun
from django.conf import settings

from core.logging import NO_REQUEST, request_id_var

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kennisportaal.settings")

app = Celery("kennisportaal")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@app.on_after_configure.connect
def _prepare_filesystem_broker(sender, **kwargs):
    """The embedded broker keeps its queue in var/; make sure the folders exist."""
    options = sender.conf.broker_transport_options or {}
    if str(sender.conf.broker_url).startswith("filesystem://"):
        for key in ("data_folder_in", "data_folder_out", "processed_folder", "control_folder"):
            if options.get(key):
                Path(options[key]).mkdir(parents=True, exist_ok=True)


@setup_logging.connect
def _use_django_logging(**kwargs):
    """Worker and beat log through settings.LOGGING (JSON in production) instead of Celery's own format."""
    logging.config.dictConfig(settings.LOGGING)


# Tokens to restore the id from before each running task: an eager task (tests) runs inside a request.
_outer_request_ids: dict[str, object] = {}


@task_prerun.connect
def _task_id_as_request_id(task_id=None, **kwargs):
    """Every line a task logs carries the task's id where a request's lines carry the request id."""
    _outer_request_ids[task_id] = request_id_var.set(task_id or NO_REQUEST)


@task_postrun.connect
def _restore_request_id(task_id=None, **kwargs):
    token = _outer_request_ids.pop(task_id, None)
    if token is not None:
        try:
            request_id_var.reset(token)
        except ValueError:  # set in another context (a thread pool): nothing to restore there
            request_id_var.set(NO_REQUEST)


app.conf.beat_schedule = {
    # The outbox is also flushed right after each commit that queues mail; this sweep catches
    # anything a lost broker message or a crashed worker left behind, and retries failures.
    "deliver-outbox": {"task": "notifications.tasks.deliver_outbox", "schedule": float(settings.OUTBOX_SWEEP_SECONDS)},
    "event-reminders": {"task": "events.tasks.send_event_reminders", "schedule": crontab(minute="*/15")},
    "report-requests": {"task": "events.tasks.send_report_requests", "schedule": crontab(minute=5)},
    # Agreement reminders go out in the morning, not in the middle of the night.
    "agreement-reminders": {
        "task": "events.tasks.send_agreement_reminders",
        "schedule": crontab(hour="8-18", minute=10),
    },
    # Digests are due at 07:00 (Mondays for weekly ones); the hourly run sends them then and catches up on a
    # missed run later that day. A run finds only members whose digest is still due, so repeats send nothing.
    "digests": {"task": "portal.tasks.send_digests", "schedule": crontab(minute=0)},
    "purge-sent-outbox": {
        "task": "notifications.tasks.purge_sent_outbox",
        "schedule": crontab(hour=3, minute=17),
    },
}
