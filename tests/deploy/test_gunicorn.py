"""gunicorn.conf.py: the values, the JSON access log, and gunicorn really serving /health/ with it."""

import json
import multiprocessing
import os
import runpy
import secrets
import signal
import subprocess
import sys
import time
import urllib.request
from datetime import timedelta
from pathlib import Path
from types import SimpleNamespace

from gunicorn.config import Config

from tests.smtpserver import free_port, wait_for

ROOT = Path(__file__).resolve().parents[2]
CONFIG = ROOT / "gunicorn.conf.py"
GUNICORN = Path(sys.executable).with_name("gunicorn")
TUNABLES = ("PORT", "WEB_CONCURRENCY", "GUNICORN_THREADS", "GUNICORN_TIMEOUT", "GUNICORN_GRACEFUL_TIMEOUT",
            "GUNICORN_MAX_REQUESTS", "GUNICORN_MAX_REQUESTS_JITTER", "FORWARDED_ALLOW_IPS", "GUNICORN_LOG_LEVEL")


def load(monkeypatch, **env) -> dict:
    for name in TUNABLES:
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(str(CONFIG))


def test_defaults(monkeypatch):
    config = load(monkeypatch)
    assert {key: config[key] for key in (
        "wsgi_app", "bind", "worker_class", "threads", "timeout", "graceful_timeout", "keepalive", "max_requests",
        "max_requests_jitter", "forwarded_allow_ips", "accesslog", "errorlog", "loglevel")} == {
        "wsgi_app": "kennisportaal.wsgi:application", "bind": ["0.0.0.0:8000"], "worker_class": "gthread",
        "threads": 4, "timeout": 60, "graceful_timeout": 30, "keepalive": 5, "max_requests": 1000,
        "max_requests_jitter": 100, "forwarded_allow_ips": "127.0.0.1", "accesslog": "-", "errorlog": "-",
        "loglevel": "info",
    }
    assert config["workers"] == min(multiprocessing.cpu_count() * 2 + 1, 8)
    assert config["logger_class"].__name__ == "JsonAccessLogger"


def test_the_environment_tunes_it(monkeypatch):
    config = load(monkeypatch, PORT="9123", WEB_CONCURRENCY="3", GUNICORN_THREADS="8", GUNICORN_TIMEOUT="90",
                  GUNICORN_GRACEFUL_TIMEOUT="45", GUNICORN_MAX_REQUESTS="500", GUNICORN_MAX_REQUESTS_JITTER="50",
                  FORWARDED_ALLOW_IPS="10.0.0.2,10.0.0.3")
    assert (config["bind"], config["workers"], config["threads"], config["timeout"], config["graceful_timeout"],
            config["max_requests"], config["max_requests_jitter"], config["forwarded_allow_ips"]) == (
        ["0.0.0.0:9123"], 3, 8, 90, 45, 500, 50, "10.0.0.2,10.0.0.3")


def test_gunicorn_accepts_every_setting(monkeypatch):
    config = load(monkeypatch)
    known = Config().settings
    ours = {name for name, value in config.items()
            if not name.startswith("_") and not callable(value) and not isinstance(value, type(os))}
    assert ours - set(known) == set(), "a misspelt setting would be silently ignored"
    assert "logger_class" in known and "access_log_format" in ours


def _access_line(config: dict, path: str, query: str = "") -> dict:
    cfg = Config()
    cfg.set("accesslog", "-")
    cfg.set("access_log_format", config["access_log_format"])
    logger = config["logger_class"](cfg)
    lines = []
    logger.access_log.info = lambda fmt, atoms: lines.append(fmt % atoms)
    response = SimpleNamespace(status="404 Not Found", sent=1234, headers=[("X-Request-ID", "req-9")])
    environ = {"REQUEST_METHOD": "GET", "RAW_URI": f"{path}?{query}", "SERVER_PROTOCOL": "HTTP/1.1",
               "PATH_INFO": path, "QUERY_STRING": query, "REMOTE_ADDR": "192.0.2.7", "HTTP_USER_AGENT": "Firefox"}
    logger.access(response, SimpleNamespace(headers=[]), environ, timedelta(seconds=1, microseconds=250000))
    assert len(lines) == 1
    return json.loads(lines[0])


def test_access_log_lines_are_json_without_query_string_address_or_agent(monkeypatch):
    config = load(monkeypatch)
    line = _access_line(config, "/mijn/", query="token=geheim-123")
    assert {key: value for key, value in line.items() if key != "time"} == {
        "logger": "gunicorn.access", "method": "GET", "path": "/mijn/", "status": 404, "bytes": 1234,
        "duration_ms": 1250, "request_id": "req-9"}
    assert "geheim" not in json.dumps(line) and "192.0.2.7" not in json.dumps(line)


def test_access_log_lines_stay_json_whatever_the_path_holds(monkeypatch):
    config = load(monkeypatch)
    nasty = '/zoek/"quoted"\\back\nslash\x07'
    assert _access_line(config, nasty)["path"] == nasty


def test_gunicorn_serves_health_with_this_config(tmp_path):
    """Fast on purpose: one worker, SQLite without migrations (the database answers; the outbox table does not
    exist yet, so the outbox check fails and the answer is "degraded" with 200, as during a deploy's migrate)."""
    port = free_port()
    env = {key: value for key, value in os.environ.items() if key not in {"DATABASE_URL", "REDIS_URL", *TUNABLES}}
    env.update(PORT=str(port), WEB_CONCURRENCY="1", GUNICORN_THREADS="2", DJANGO_DEBUG="0", KP_TESTING="0",
               SECRET_KEY=secrets.token_urlsafe(50), ALLOWED_HOSTS="127.0.0.1", KP_VAR_DIR=str(tmp_path),
               DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}", PYTHONUNBUFFERED="1")
    log = tmp_path / "gunicorn.log"
    with log.open("w") as output:
        process = subprocess.Popen(  # noqa: S603 - our own gunicorn, fixed arguments
            [str(GUNICORN), "-c", str(CONFIG)], cwd=ROOT, env=env, stdout=output, stderr=subprocess.STDOUT,
            start_new_session=True)
    try:
        wait_for(lambda: "Booting worker" in log.read_text() or process.poll() is not None, timeout=60,
                 message="gunicorn to start", details=log.read_text)
        assert process.poll() is None, log.read_text()
        request = urllib.request.Request(f"http://127.0.0.1:{port}/health/", headers={"X-Request-ID": "smoke-1"})
        for _ in range(100):  # the worker imports Django before it answers
            try:
                with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 - our own server
                    status, headers, body = response.status, response.headers, json.loads(response.read())
                break
            except ConnectionError:
                time.sleep(0.1)
        # Over plain HTTP with SECURE_SSL_REDIRECT on: the health check is exempt from the redirect.
        assert (status, headers["X-Request-ID"], headers["Content-Type"]) == (200, "smoke-1", "application/json")
        assert body["status"] == "degraded"
        assert body["checks"]["database"] == {"status": "ok", "vendor": "sqlite"}
        assert body["checks"]["broker"] == {"status": "ok", "transport": "filesystem"}
        assert body["checks"]["outbox"]["error"] == "OperationalError"
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)
    lines = [json.loads(line) for line in log.read_text().splitlines() if line.startswith("{")]
    access = [line for line in lines if line["logger"] == "gunicorn.access"]
    assert [(line["method"], line["path"], line["status"], line["request_id"]) for line in access] == [
        ("GET", "/health/", 200, "smoke-1")]
    # The application's own line about the failed check is JSON and carries the same request id.
    assert {(line["logger"], line["request_id"], line["message"]) for line in lines
            if line["logger"] == "portal.health"} == {
        ("portal.health", "smoke-1", "Health check outbox failed: OperationalError")}
