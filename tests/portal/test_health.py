"""/health/: each check's status as JSON; 503 only when the database is unreachable."""

from datetime import UTC, datetime, timedelta
from unittest import mock

import pytest
import time_machine
from django.conf import settings
from django.db import OperationalError, connection
from django.urls import reverse

from notifications.models import OutboundEmail

pytestmark = pytest.mark.django_db

ON_DEFAULTS = not settings.USING_POSTGRES and not settings.REDIS_URL
EMPTY_OUTBOX = {"status": "ok", "pending": 0, "oldest_pending_seconds": None, "max_age_seconds": 1800}
# Nothing listens on port 1: connecting is refused at once.
DEAD_REDIS = "redis://127.0.0.1:1/0"


def _health(client):
    response = client.get(reverse("health"))
    assert response["Content-Type"] == "application/json"
    return response.status_code, response.json()


@pytest.mark.skipif(not ON_DEFAULTS, reason="the embedded default: SQLite, in-process cache, filesystem broker")
def test_healthy_on_the_embedded_default(client):
    assert _health(client) == (200, {
        "status": "ok",
        "checks": {
            "database": {"status": "ok", "vendor": "sqlite"},
            "cache": {"status": "ok", "backend": "LocMemCache"},
            "broker": {"status": "ok", "transport": "filesystem"},
            "outbox": EMPTY_OUTBOX,
        },
    })


@pytest.mark.postgres
@pytest.mark.redis
def test_healthy_on_postgres_and_redis(client):
    assert _health(client) == (200, {
        "status": "ok",
        "checks": {
            "database": {"status": "ok", "vendor": "postgresql"},
            "cache": {"status": "ok", "backend": "DegradingRedisCache"},
            "broker": {"status": "ok", "transport": "redis"},
            "outbox": EMPTY_OUTBOX,
        },
    })


def test_the_answer_is_never_cached(client):
    response = client.get(reverse("health"))
    assert "no-cache" in response["Cache-Control"] and "max-age=0" in response["Cache-Control"]


def test_database_down_answers_503(client):
    with mock.patch.object(connection, "cursor", side_effect=OperationalError("connection refused")):
        status, body = _health(client)
    assert status == 503
    assert body["status"] == "fail"
    assert body["checks"]["database"] == {"status": "fail", "vendor": connection.vendor, "error": "OperationalError"}
    assert body["checks"]["outbox"] == {"status": "fail", "max_age_seconds": 1800, "error": "OperationalError"}
    assert body["checks"]["cache"]["status"] == body["checks"]["broker"]["status"] == "ok"


def test_cache_down_is_degraded_not_down(client, settings):
    # Redis down: the portal keeps serving (the cache answers as empty), so the load balancer keeps the instance.
    settings.CACHES = {"default": {"BACKEND": "core.cache.DegradingRedisCache", "LOCATION": DEAD_REDIS,
                                   "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1}}}
    status, body = _health(client)
    assert status == 200
    assert body["status"] == "degraded"
    assert body["checks"]["cache"] == {"status": "fail", "backend": "DegradingRedisCache", "error": "ConnectionError"}
    assert body["checks"]["database"]["status"] == "ok"


def test_broker_down_is_degraded_not_down(client, settings):
    settings.CELERY_BROKER_URL = DEAD_REDIS
    settings.CELERY_BROKER_TRANSPORT_OPTIONS = {"socket_connect_timeout": 1, "socket_timeout": 1}
    status, body = _health(client)
    assert status == 200
    assert body["status"] == "degraded"
    assert body["checks"]["broker"] == {"status": "fail", "transport": "redis", "error": "OperationalError"}


def _email(key: str, status=OutboundEmail.Status.PENDING, **fields) -> OutboundEmail:
    return OutboundEmail.objects.create(recipient=f"{key}@example.org", kind="test", idempotency_key=key,
                                        subject="Onderwerp", body_text="Tekst", status=status, **fields)


def test_outbox_reports_the_age_of_the_oldest_pending_email(client):
    start = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
    with time_machine.travel(start, tick=False) as traveller:
        _email("oldest")
        traveller.shift(timedelta(seconds=50))
        _email("newer")
        # Sent and failed emails are not waiting; they do not count, however old.
        _email("sent-long-ago", status=OutboundEmail.Status.SENT, created_at=start - timedelta(days=3),
               sent_at=start - timedelta(days=3))
        _email("failed-long-ago", status=OutboundEmail.Status.FAILED, created_at=start - timedelta(days=3))
        traveller.shift(timedelta(seconds=75))
        status, body = _health(client)
        assert (status, body["status"]) == (200, "ok")
        assert body["checks"]["outbox"] == {"status": "ok", "pending": 2, "oldest_pending_seconds": 125,
                                            "max_age_seconds": 1800}

        traveller.move_to(start + timedelta(seconds=1800))
        assert _health(client)[1]["checks"]["outbox"]["status"] == "ok"

        traveller.move_to(start + timedelta(seconds=1801))
        status, body = _health(client)
    # Email is late: worth an alert, no reason to take the web instance out of the load balancer.
    assert (status, body["status"]) == (200, "degraded")
    assert body["checks"]["outbox"] == {"status": "degraded", "pending": 2, "oldest_pending_seconds": 1801,
                                        "max_age_seconds": 1800}


def test_outbox_threshold_comes_from_settings(client, settings):
    settings.HEALTH_OUTBOX_MAX_AGE_SECONDS = 60
    start = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
    with time_machine.travel(start, tick=False) as traveller:
        _email("late")
        traveller.shift(timedelta(seconds=61))
        body = _health(client)[1]
    assert body["checks"]["outbox"] == {"status": "degraded", "pending": 1, "oldest_pending_seconds": 61,
                                        "max_age_seconds": 60}


@pytest.mark.parametrize("count", [0, 20])
def test_health_query_count(client, django_assert_num_queries, count):
    for number in range(count):
        _email(f"row-{number}")
    # SELECT 1, and one aggregate over the outbox; no session, no user.
    with django_assert_num_queries(2):
        assert client.get(reverse("health")).status_code == 200


def test_health_refuses_post(client):
    assert client.post(reverse("health")).status_code == 405
