"""Log lines: JSON in production with the request id, plain in development, no email addresses."""

import io
import json
import logging
import os
import string
import subprocess
import sys
from pathlib import Path
from unittest import mock

import pytest
from django.db import OperationalError, connection
from django.urls import reverse

from core.logging import JsonFormatter, PlainFormatter, RequestIdFilter, redact, request_id_var

ROOT = Path(__file__).resolve().parents[2]


def _record(msg="Sending %d email(s) failed", args=(2,), exc_info=None, name="notifications.delivery"):
    record = logging.LogRecord(name, logging.WARNING, __file__, 10, msg, args, exc_info)
    record.created = 1772442000.25  # 2026-03-02 09:00:00.250 UTC
    return record


def test_json_formatter_writes_one_object_with_exact_keys():
    token = request_id_var.set("req-42")
    try:
        record = _record()
        RequestIdFilter().filter(record)
    finally:
        request_id_var.reset(token)
    line = JsonFormatter().format(record)
    assert "\n" not in line
    assert json.loads(line) == {
        "time": "2026-03-02T09:00:00.250+00:00",
        "level": "WARNING",
        "logger": "notifications.delivery",
        "message": "Sending 2 email(s) failed",
        "request_id": "req-42",
    }


def test_json_formatter_adds_the_traceback_and_outside_a_request_the_id_is_a_dash():
    try:
        raise ValueError("kapot")
    except ValueError:
        record = _record(msg="failed", args=(), exc_info=sys.exc_info())
    RequestIdFilter().filter(record)
    payload = json.loads(JsonFormatter().format(record))
    assert set(payload) == {"time", "level", "logger", "message", "request_id", "exception"}
    assert payload["request_id"] == "-"
    assert payload["exception"].startswith("Traceback (most recent call last):")
    assert payload["exception"].endswith("ValueError: kapot")


def test_formatters_replace_email_addresses():
    record = _record(msg="refused %s and %s", args=("lid@example.org", "Jan.de-Vries+x@school.nl"))
    assert json.loads(JsonFormatter().format(record))["message"] == "refused [email] and [email]"
    assert PlainFormatter().format(record).endswith("WARNING notifications.delivery [-] refused [email] and [email]")
    assert redact("postgres://user:secret@db:5432/kp and ids 3,4") == "postgres://user:secret@db:5432/kp and ids 3,4"


def test_request_id_from_the_proxy_is_echoed(client):
    response = client.get(reverse("healthz"), HTTP_X_REQUEST_ID="lb-7f3a.91_x")
    assert response["X-Request-ID"] == "lb-7f3a.91_x"


@pytest.mark.parametrize("sent", ["", "a b", "x" * 65, "<script>", "id\r\nSet-Cookie: x=1", "ïd"])
def test_an_invalid_request_id_is_replaced_by_a_fresh_one(client, sent):
    response = client.get(reverse("healthz"), HTTP_X_REQUEST_ID=sent)
    assert response["X-Request-ID"] != sent
    assert len(response["X-Request-ID"]) == 32 and int(response["X-Request-ID"], 16) >= 0


def test_each_request_gets_its_own_id(client):
    first, second = (client.get(reverse("healthz"))["X-Request-ID"] for _ in range(2))
    assert first != second
    assert request_id_var.get() == "-", "the id must not leak out of the request"


@pytest.mark.django_db
def test_a_log_line_written_during_a_request_carries_its_id(client):
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    handler.addFilter(RequestIdFilter())
    logger = logging.getLogger("core.middleware")
    logger.addHandler(handler)
    try:
        with mock.patch.object(connection, "cursor", side_effect=OperationalError("connection refused")):
            response = client.get(reverse("practices:list"), HTTP_X_REQUEST_ID="trace-123")
    finally:
        logger.removeHandler(handler)
    assert (response.status_code, response["X-Request-ID"]) == (503, "trace-123")
    lines = [json.loads(line) for line in stream.getvalue().splitlines()]
    assert [(line["level"], line["logger"], line["request_id"], line["message"]) for line in lines] == [
        ("ERROR", "core.middleware", "trace-123", "Database unavailable, answering 503: OperationalError: "
                                                  "connection refused"),
    ]


def _settings_log(tmp_path, **env) -> subprocess.CompletedProcess:
    base = {key: value for key, value in os.environ.items()
            if key not in {"DJANGO_DEBUG", "LOG_FORMAT", "KP_TESTING", "DATABASE_URL", "REDIS_URL"}}
    script = ("import django, logging; django.setup(); "
              "logging.getLogger('kennisportaal.test').warning('hallo %s', 'lid@example.org')")
    return subprocess.run(  # noqa: S603 - our own interpreter, fixed arguments
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=60, check=False,
        env={**base, "DJANGO_SETTINGS_MODULE": "kennisportaal.settings", "KP_VAR_DIR": str(tmp_path),
             "SECRET_KEY": "tests-only-" + string.ascii_letters, "ALLOWED_HOSTS": "localhost", **env},
    )


def test_production_logs_json_lines(tmp_path):
    result = _settings_log(tmp_path, DJANGO_DEBUG="0", KP_TESTING="0")
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stderr.strip().splitlines()[-1])
    assert {key: payload[key] for key in ("level", "logger", "message", "request_id")} == {
        "level": "WARNING", "logger": "kennisportaal.test", "message": "hallo [email]", "request_id": "-"}


@pytest.mark.parametrize("env", [{"DJANGO_DEBUG": "1", "KP_TESTING": "0"},
                                 {"DJANGO_DEBUG": "0", "KP_TESTING": "0", "LOG_FORMAT": "plain"}],
                         ids=["debug", "override"])
def test_development_or_override_logs_plain_lines(tmp_path, env):
    result = _settings_log(tmp_path, **env)
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip().splitlines()[-1].endswith(" WARNING kennisportaal.test [-] hallo [email]")


def test_an_unknown_log_format_stops_the_process(tmp_path):
    result = _settings_log(tmp_path, DJANGO_DEBUG="0", KP_TESTING="0", LOG_FORMAT="xml")
    assert result.returncode != 0
    assert "LOG_FORMAT='xml' must be json or plain." in result.stderr
