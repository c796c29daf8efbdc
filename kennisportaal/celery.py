"""The Celery application; the beat schedule lives here, in code."""

import os
from pathlib import Path

from celery import Celery
from celery.schedules import crontab
from django.conf import settings

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
