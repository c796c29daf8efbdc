"""Email survives faults: real Celery worker processes, a real Redis, a real SMTP server, PostgreSQL.

Every test starts its workers as subprocesses (`celery -A kennisportaal worker --pool=solo`) on the test
database, with a Redis server of this test process's own on a free port (so stopping it touches no one
else, and parallel test processes never share a broker) and an SMTP server in the test that counts
connections and what it accepted. Nothing here sleeps for a fixed time: every wait polls with a deadline.
"""

import os
import re
import shutil
import signal
import subprocess
import sys
import time
import uuid
from contextlib import contextmanager, suppress
from datetime import timedelta
from pathlib import Path
from urllib.parse import quote

import pytest
import redis
from allauth.account.models import EmailAddress
from celery import Celery
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from coalitions.models import HelpRequest
from events.models import Registration
from kennisportaal.celery import app as project_app
from notifications.models import OutboundEmail
from practices.models import Practice
from tests import factories
from tests.helpers import practice_data
from tests.smtpserver import SMTPServer, free_port, wait_for

pytestmark = [pytest.mark.postgres, pytest.mark.redis, pytest.mark.django_db(transaction=True)]

CELERY = str(Path(sys.executable).with_name("celery"))
REDIS_SERVER = shutil.which("redis-server") or "/usr/bin/redis-server"
# Variables from the environment that would change what the workers do; each test sets its own.
INHERITED_OUT = ("DATABASE_", "REDIS_", "EMAIL_", "OUTBOX_", "CELERY_", "CACHE_", "DJANGO_")
ROOT = Path(__file__).resolve().parents[2]
S = OutboundEmail.Status


class PrivateRedis:
    """A redis-server process on a free port, which a test may stop and start again."""

    def __init__(self, folder: Path):
        self.folder, self.port, self.process = folder, free_port(), None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        self.process = subprocess.Popen(  # noqa: S603 - fixed arguments, the system's redis-server
            [REDIS_SERVER, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
             "--dir", str(self.folder), "--logfile", str(self.folder / "redis.log")],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        client = redis.Redis.from_url(self.url, socket_connect_timeout=0.5)

        def answers():
            try:
                return client.ping()
            except redis.ConnectionError:
                return False

        wait_for(answers, timeout=10, message=f"redis-server on port {self.port}")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)

    def flush(self) -> None:
        redis.Redis.from_url(self.url).flushall()


@pytest.fixture(scope="module")
def private_redis(tmp_path_factory):
    server = PrivateRedis(tmp_path_factory.mktemp("redis"))
    server.start()
    yield server
    server.stop()


@pytest.fixture
def broker(private_redis):
    """The private Redis, running and empty at the start of each test."""
    if private_redis.process.poll() is not None:
        private_redis.start()
    private_redis.flush()
    return private_redis


class Worker:
    def __init__(self, process: subprocess.Popen, log: Path):
        self.process, self.log = process, log

    def text(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def results(self, task: str) -> list[int]:
        """What each finished run of ``task`` returned, from the worker's log."""
        return [int(n) for n in re.findall(rf"Task {re.escape(task)}\[[^\]]+\] succeeded in [\d.e-]+s: (\d+)",
                                           self.text())]


@pytest.fixture
def workers(transactional_db, broker, tmp_path):
    """Start worker processes on the test database and the private Redis; all are killed afterwards."""
    started: list[Worker] = []

    def start(*, smtp_port: int, beat: bool = False, **settings) -> Worker:
        db = connection.settings_dict
        credentials = quote(db["USER"] or "", safe="") + (f":{quote(db['PASSWORD'], safe='')}" if db["PASSWORD"]
                                                           else "")
        env = {
            **{key: value for key, value in os.environ.items() if not key.startswith(INHERITED_OUT)},
            "DATABASE_URL": f"postgres://{credentials}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}",
            "REDIS_URL": broker.url,
            "CELERY_TASK_ALWAYS_EAGER": "0",
            "KP_TESTING": "1",
            "KP_VAR_DIR": str(tmp_path),
            "EMAIL_URL": f"smtp://127.0.0.1:{smtp_port}?timeout=5",
            "LOG_LEVEL": "INFO",
            "PYTHONUNBUFFERED": "1",
            **{name: str(value) for name, value in settings.items()},
        }
        name = f"w{len(started)}-{uuid.uuid4().hex[:8]}"
        log = tmp_path / f"{name}.log"
        command = [CELERY, "-A", "kennisportaal", "worker", "--pool=solo", "-Q", "celery", "-n", f"{name}@%h",
                   "--without-gossip", "--without-mingle", "--without-heartbeat", "--loglevel=INFO"]
        if beat:
            command += ["--beat", "--schedule", str(tmp_path / f"{name}-beat")]
        with log.open("w") as output:
            # A session of its own: `--beat` runs beat in a child process, which must die with the worker.
            process = subprocess.Popen(  # noqa: S603 - fixed arguments, our own celery
                command, cwd=ROOT, env=env, stdout=output, stderr=subprocess.STDOUT, start_new_session=True)
        worker = Worker(process, log)
        started.append(worker)
        wait_for(lambda: " ready." in worker.text() or process.poll() is not None, timeout=60,
                 message=f"worker {name} to be ready")
        assert process.poll() is None, worker.text()[-3000:]
        return worker

    yield start
    for worker in started:
        with suppress(ProcessLookupError):
            os.killpg(worker.process.pid, signal.SIGKILL)  # the worker and its beat, if any
        worker.process.wait(timeout=10)


@pytest.fixture
def sender(broker):
    """Sends tasks by name to the private Redis, as beat or another process would."""
    app = Celery("sender", broker=broker.url, set_as_current=False)
    yield lambda task: app.send_task(task, queue="celery")
    app.close()


def _rows(n: int, prefix: str = "rel") -> list[int]:
    OutboundEmail.objects.bulk_create(
        OutboundEmail(recipient=f"lid{i}@example.org", kind="test", idempotency_key=f"{prefix}:{i}",
                      subject=f"Onderwerp {i}", body_text="Tekst")
        for i in range(n)
    )
    return list(OutboundEmail.objects.order_by("pk").values_list("pk", flat=True))


def _statuses() -> dict[str, int]:
    counts: dict[str, int] = {}
    for status in OutboundEmail.objects.values_list("status", flat=True):
        counts[status] = counts.get(status, 0) + 1
    return counts


def _all_sent(total: int):
    return lambda: _statuses() == {S.SENT: total}


def _logs(*workers: Worker) -> str:
    return "\n".join(worker.text()[-4000:] for worker in workers)


def test_the_reminder_job_run_twice_at_once_sends_each_email_once(workers, sender):
    event = factories.EventFactory(starts_at=timezone.now() + timedelta(hours=20))
    for i in range(25):
        factories.RegistrationFactory(event=event, user=factories.UserFactory(email=f"deelnemer{i}@example.org"))
    with SMTPServer() as smtp:
        first, second = workers(smtp_port=smtp.port), workers(smtp_port=smtp.port)
        sender("events.tasks.send_event_reminders")
        sender("events.tasks.send_event_reminders")
        runs = lambda: first.results("events.tasks.send_event_reminders") + second.results(  # noqa: E731
            "events.tasks.send_event_reminders")
        logs = lambda: _logs(first, second)  # noqa: E731
        wait_for(lambda: len(runs()) == 2, timeout=30, message="both job runs to finish", details=logs)
        wait_for(_all_sent(25), timeout=30, message="the reminders to be sent", details=logs)
        assert sorted(runs()) == [0, 25]
        received = smtp.message_ids()
    assert len(received) == 25 and set(received.values()) == {1}, _logs(first, second)
    recipients = sorted(message["To"] for message in smtp.accepted)
    assert recipients == sorted(f"deelnemer{i}@example.org" for i in range(25))


def test_a_worker_killed_mid_batch_leaves_nothing_unsent_and_nothing_twice(workers, sender):
    ids = _rows(40)
    # The 16th message is held at the SMTP server until the worker sending it has been killed.
    with SMTPServer(hold_after=15) as smtp:
        doomed = workers(smtp_port=smtp.port, OUTBOX_BATCH_SIZE=10, OUTBOX_STALE_CLAIM_SECONDS=3)
        sender("notifications.tasks.deliver_outbox")
        wait_for(smtp.holding.is_set, timeout=30, message="the SMTP server to hold a message",
                 details=lambda: _logs(doomed))
        doomed.process.send_signal(signal.SIGKILL)
        doomed.process.wait(timeout=10)
        smtp.release()
        # 15 sent and recorded; the rest of the second batch is stuck in "sending" with the dead worker.
        assert _statuses() == {S.SENT: 15, S.SENDING: 5, S.PENDING: 20}
        # A new worker with beat's sweep: the pending rows go at once, the stale claim after 3 seconds.
        survivor = workers(smtp_port=smtp.port, beat=True, OUTBOX_BATCH_SIZE=10, OUTBOX_STALE_CLAIM_SECONDS=3,
                           OUTBOX_SWEEP_SECONDS=1)
        wait_for(_all_sent(40), timeout=45, message="every email to be sent",
                 details=lambda: f"{_statuses()}\n{_logs(survivor)}")
        received = smtp.message_ids()
    assert len(smtp.accepted) == 40 and set(received.values()) == {1}, _logs(doomed, survivor)
    sent_ids = {int(message_id.split(".")[1]) for message_id in received}
    assert sent_ids == set(ids)


@contextmanager
def _this_process_on(private_redis: PrivateRedis, settings):
    """Point this process's cache and Celery app at the private Redis, as the web process would be."""
    settings.CACHES = {"default": {
        "BACKEND": "core.cache.DegradingRedisCache", "LOCATION": private_redis.url,
        "KEY_PREFIX": f"reliab-{uuid.uuid4().hex[:8]}",
        "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
    }}
    conf = project_app.conf
    saved = {key: conf[key] for key in ("broker_url", "task_always_eager")}
    conf.broker_url, conf.task_always_eager = private_redis.url, False
    project_app._pool, project_app.amqp._producer_pool = None, None
    try:
        yield
    finally:
        if project_app._pool is not None:
            project_app._pool.force_close_all()
        conf.broker_url, conf.task_always_eager = saved["broker_url"], saved["task_always_eager"]
        project_app._pool, project_app.amqp._producer_pool = None, None


def _timed(call):
    started = time.monotonic()
    response = call()
    return response, time.monotonic() - started


def test_with_redis_stopped_requests_succeed_and_their_emails_go_out_once_redis_is_back(
        workers, broker, client, settings):
    region = factories.RegionFactory(name="Noord", slug="noord")
    coalition = factories.CoalitionFactory(name="Oost-Groningen", region=region)
    factories.RegionCoordinatorFactory(region=region, user=factories.UserFactory(email="coord@example.org"))
    theme = factories.ThemeFactory(name="Talentontwikkeling")
    member = factories.UserFactory(email="lid@example.org")
    EmailAddress.objects.create(user=member, email=member.email, verified=True, primary=True)
    factories.MembershipFactory(coalition=coalition, user=member)
    event = factories.EventFactory(title="Inspiratiemiddag Veendam", organiser=coalition)
    with SMTPServer() as smtp, _this_process_on(broker, settings):
        worker = workers(smtp_port=smtp.port, beat=True, OUTBOX_SWEEP_SECONDS=1)
        broker.stop()

        timings = {}
        page, timings["home"] = _timed(lambda: client.get(reverse("home")))
        assert page.status_code == 200
        # Logging in goes through allauth's rate limits, which live in the cache.
        login, timings["login"] = _timed(lambda: client.post(
            reverse("account_login"), {"login": "lid@example.org", "password": "geheim-wachtwoord-123"}))
        assert (login.status_code, login["Location"]) == (302, reverse("home"))
        page, timings["event"] = _timed(lambda: client.get(event.get_absolute_url()))
        assert page.status_code == 200
        registered, timings["register"] = _timed(lambda: client.post(
            reverse("events:register", args=[event.slug]), {"remark": "Vegetarisch"}))
        assert (registered.status_code, registered["Location"]) == (302, event.get_absolute_url())
        submitted, timings["practice"] = _timed(lambda: client.post(
            reverse("practices:create"), {**practice_data(coalition, theme), "action": "submit"}))
        practice = Practice.objects.get()
        assert (submitted.status_code, submitted["Location"]) == (302, practice.get_absolute_url())
        client.logout()
        # The question form's own rate limit fails open.
        asked, timings["help"] = _timed(lambda: client.post(reverse("about"), {
            "region": region.pk, "name": "Anna", "email": "anna@example.org", "organisation": "OBS Winsum",
            "question": "Hoe begin je een coalitie?"}))
        assert (asked.status_code, asked["Location"]) == (302, reverse("about"))

        assert Registration.objects.get().remark == "Vegetarisch"
        assert HelpRequest.objects.get().name == "Anna"
        queued = dict(OutboundEmail.objects.values_list("kind", "status"))
        assert set(queued.values()) == {S.PENDING}, queued
        # No request waits long on the dead broker (each asks it at most once, with short timeouts).
        assert max(timings.values()) < 5, timings

        broker.start()
        wait_for(_all_sent(len(queued)), timeout=60, message="the emails queued during the outage to be sent",
                 details=lambda: f"{_statuses()}\n{_logs(worker)}")
        received = smtp.message_ids()
    assert len(received) == len(queued) and set(received.values()) == {1}, _logs(worker)
    assert sorted({message["X-Test-Envelope-To"] for message in smtp.accepted}) == sorted(
        set(OutboundEmail.objects.values_list("recipient", flat=True)))


def test_smtp_refusing_connections_backs_off_shows_the_error_and_resumes(workers, client):
    _rows(5)
    port = free_port()  # nothing listens here until the SMTP server comes back
    worker = workers(smtp_port=port, beat=True, OUTBOX_SWEEP_SECONDS=1, OUTBOX_RETRY_BASE_SECONDS=1)
    wait_for(lambda: set(OutboundEmail.objects.values_list("attempts", flat=True)) - {0} and
             not OutboundEmail.objects.filter(attempts=0).exists(), timeout=30, message="a failed attempt",
             details=lambda: _logs(worker))
    for row in OutboundEmail.objects.all():
        assert row.status in (S.PENDING, S.SENDING) and row.attempts >= 1, _logs(worker)
        assert row.last_error.startswith("ConnectionRefusedError: [Errno 111]")
        assert row.send_after > row.created_at
    # Staff see why the emails wait.
    client.force_login(factories.UserFactory(is_staff=True, is_superuser=True))
    changelist = client.get(reverse("admin:notifications_outboundemail_changelist"))
    assert changelist.content.decode().count("ConnectionRefusedError: [Errno 111] Connection refused") == 5
    with SMTPServer(port=port) as smtp:
        wait_for(_all_sent(5), timeout=30, message="delivery to resume",
                 details=lambda: f"{_statuses()}\n{_logs(worker)}")
        received = smtp.message_ids()
    assert len(received) == 5 and set(received.values()) == {1}
    assert all(row.attempts >= 2 and row.last_error == "" for row in OutboundEmail.objects.all())


def test_two_workers_delivering_at_once_never_send_a_row_twice(workers, sender):
    _rows(300)
    with SMTPServer(delay=0.002) as smtp:
        pair = [workers(smtp_port=smtp.port, OUTBOX_BATCH_SIZE=10) for _ in range(2)]
        # One run sends at most 20 batches (200 emails): both workers have to take part.
        for _ in range(6):
            sender("notifications.tasks.deliver_outbox")
        logs = lambda: f"{_statuses()}\n{_logs(*pair)}"  # noqa: E731
        wait_for(_all_sent(300), timeout=60, message="300 emails to be sent", details=logs)
        wait_for(lambda: sum(len(w.results("notifications.tasks.deliver_outbox")) for w in pair) == 6,
                 timeout=30, message="all six runs to finish", details=logs)
        received = smtp.message_ids()
    assert len(smtp.accepted) == 300 and len(received) == 300 and set(received.values()) == {1}
    per_worker = [sum(w.results("notifications.tasks.deliver_outbox")) for w in pair]
    assert sum(per_worker) == 300 and all(per_worker), per_worker


def test_a_thousand_emails_go_over_one_smtp_connection_per_batch(workers, sender):
    _rows(1000)
    with SMTPServer() as smtp:
        worker = workers(smtp_port=smtp.port, OUTBOX_BATCH_SIZE=250)
        sender("notifications.tasks.deliver_outbox")
        wait_for(_all_sent(1000), timeout=60, message="1000 emails to be sent",
                 details=lambda: f"{_statuses()}\n{_logs(worker)}")
        received = smtp.message_ids()
    assert worker.results("notifications.tasks.deliver_outbox") == [1000]
    assert smtp.connections == 4  # ceil(1000 / OUTBOX_BATCH_SIZE)
    assert len(received) == 1000 and set(received.values()) == {1}
