"""The Celery application; the beat schedule lives here, in code."""

import os

from celery import Celery
from celery.schedules import crontab

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kennisportaal.settings")

app = Celery("kennisportaal")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

app.conf.beat_schedule = {
    # The outbox is also flushed right after each commit that queues mail; this sweep catches
    # anything a lost broker message or a crashed worker left behind, and retries failures.
    "deliver-outbox": {"task": "notifications.tasks.deliver_outbox", "schedule": 60.0},
    "purge-sent-outbox": {
        "task": "notifications.tasks.purge_sent_outbox",
        "schedule": crontab(hour=3, minute=17),
    },
}
