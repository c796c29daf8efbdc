"""The production track for real: the Redis cache and a Celery worker through Redis."""

import time
import uuid

import pytest
from django.core import mail
from django.core.cache import cache

from notifications.models import OutboundEmail
from notifications.tasks import deliver_outbox

pytestmark = pytest.mark.redis


def test_cache_is_redis_and_works(settings):
    assert settings.CACHES["default"]["BACKEND"] == "core.cache.DegradingRedisCache"
    key = f"test:{uuid.uuid4()}"
    cache.set(key, {"coalitie": "Oost-Groningen"}, timeout=30)
    assert cache.get(key) == {"coalitie": "Oost-Groningen"}
    assert cache.add(f"{key}:n", 1) is True
    assert cache.add(f"{key}:n", 1) is False
    assert cache.incr(f"{key}:n") == 2
    cache.delete(key)
    assert cache.get(key) is None


@pytest.mark.django_db(transaction=True)
def test_outbox_delivered_by_a_real_worker_through_redis():
    from celery.contrib.testing.worker import start_worker

    from kennisportaal.celery import app

    OutboundEmail.objects.create(
        recipient="lid@example.org", kind="test", idempotency_key="redis:1", subject="Via Redis", body_text="x"
    )
    # A queue of our own, so parallel test processes sharing this Redis never take each other's task.
    queue = f"test-{uuid.uuid4().hex}"
    app.conf.task_always_eager = False
    try:
        with start_worker(app, pool="solo", queues=[queue], perform_ping_check=False, loglevel="WARNING"):
            deliver_outbox.apply_async(queue=queue)
            deadline = time.monotonic() + 30
            while time.monotonic() < deadline:
                if OutboundEmail.objects.filter(status=OutboundEmail.Status.SENT).exists():
                    break
                time.sleep(0.2)
    finally:
        app.conf.task_always_eager = True
    assert OutboundEmail.objects.get().status == OutboundEmail.Status.SENT
    assert [m.subject for m in mail.outbox] == ["Via Redis"]
