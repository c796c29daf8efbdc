"""scripts/backup.sh and scripts/restore.sh on this machine's PostgreSQL: a full round trip.

A database of its own (kp_backup_test) is migrated and filled with the demo data; after backup, drop,
recreate and restore it holds the same rows, its sequences go on where they were, and pages render.
"""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

import pytest
from django.db import connection

pytestmark = pytest.mark.postgres

ROOT = Path(__file__).resolve().parents[2]
DATABASE = "kp_backup_test"
TABLES = ["accounts_user", "coalitions_coalition", "coalitions_region", "events_event", "events_registration",
          "practices_practice", "practices_tip", "notifications_outboundemail", "django_migrations"]

PAGE = """
import json, django
django.setup()
from django.test import Client
client = Client(HTTP_HOST="localhost")
pages = {path: client.get(path) for path in ("/praktijkvoorbeelden/", "/praktijkvoorbeelden/?q=scholen", "/health/")}
print(json.dumps({path: [response.status_code, response.content.decode()] for path, response in pages.items()}))
"""


@pytest.fixture
def server():
    """The test run's PostgreSQL server: its URL for DATABASE and the environment for the client tools."""
    db = connection.settings_dict
    user, password = db["USER"] or "postgres", db["PASSWORD"] or ""
    host, port = db["HOST"] or "127.0.0.1", str(db["PORT"] or 5432)
    env = {**os.environ, "PGHOST": host, "PGPORT": port, "PGUSER": user}
    if password:
        env["PGPASSWORD"] = password
    credentials = quote(user, safe="") + (f":{quote(password, safe='')}" if password else "")
    url = f"postgres://{credentials}@{host}:{port}/{DATABASE}"
    for tool in ("pg_dump", "pg_restore", "psql", "createdb", "dropdb"):
        assert shutil.which(tool), f"{tool} is missing: install postgresql-client (the server's major version)"
    yield url, env
    subprocess.run(["dropdb", "--if-exists", "--force", DATABASE], env=env, check=False)  # noqa: S603, S607


def run(args: list[str], env: dict, **extra) -> subprocess.CompletedProcess:
    result = subprocess.run(args, cwd=ROOT, env={**env, **extra}, capture_output=True, text=True,  # noqa: S603
                            timeout=600, check=False)
    assert result.returncode == 0, f"{args}\n{result.stdout[-2000:]}\n{result.stderr[-3000:]}"
    return result


def recreate(env: dict) -> None:
    run(["dropdb", "--if-exists", "--force", DATABASE], env)
    run(["createdb", DATABASE], env)


def sql(env: dict, query: str) -> str:
    return run(["psql", "-X", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-d", DATABASE, "-c", query], env).stdout.strip()


def snapshot(env: dict) -> dict:
    counts = {table: int(sql(env, f"SELECT count(*) FROM {table}")) for table in TABLES}  # noqa: S608 - fixed names
    counts["accounts_user_id_seq"] = int(sql(env, "SELECT last_value FROM accounts_user_id_seq"))
    return counts


def django_env(env: dict, url: str, tmp_path: Path) -> dict:
    clean = {key: value for key, value in env.items() if key not in {"REDIS_URL", "KP_TESTING", "LOG_FORMAT"}}
    return {**clean, "DATABASE_URL": url, "DJANGO_DEBUG": "1", "KP_VAR_DIR": str(tmp_path / "var"),
            "CELERY_TASK_ALWAYS_EAGER": "1", "DJANGO_SETTINGS_MODULE": "kennisportaal.settings"}


def test_backup_drop_restore_keeps_every_row_and_the_site_works(server, tmp_path):
    url, env = server
    recreate(env)
    app_env = django_env(env, url, tmp_path)
    run([sys.executable, "manage.py", "migrate", "--noinput", "-v0"], app_env)
    run([sys.executable, "manage.py", "load_demo_data"], app_env)
    before = snapshot(env)
    assert before["accounts_user"] > 10 and before["practices_practice"] > 3 and before["events_event"] > 3
    title = sql(env, "SELECT title FROM practices_practice WHERE state = 'published' ORDER BY id LIMIT 1")

    media = tmp_path / "media"
    (media / "practices").mkdir(parents=True)
    (media / "practices" / "verslag.pdf").write_bytes(b"%PDF-1.4 verslag")
    out = run(["scripts/backup.sh", "--media", str(media), str(tmp_path / "backups")], env, DATABASE_URL=url)
    dump, archive = (Path(line) for line in out.stdout.split())
    assert dump.name.endswith(".dump") and dump.stat().st_size > 10_000
    assert archive.name.endswith("-media.tar.gz")
    assert not list((tmp_path / "backups").glob("*.partial"))

    # Disaster: the database and the uploads are gone.
    recreate(env)
    shutil.rmtree(media)
    assert sql(env, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'") == "0"

    refused = subprocess.run(  # noqa: S603 - our own script
        [str(ROOT / "scripts" / "restore.sh"), str(dump)], cwd=ROOT, env={**env, "DATABASE_URL": url},
        capture_output=True, text=True, check=False)
    assert refused.returncode == 2 and "--yes" in refused.stderr
    run(["scripts/restore.sh", "--yes", str(dump), "--media-archive", str(archive), "--media", str(media)], env,
        DATABASE_URL=url)
    assert snapshot(env) == before
    assert (media / "practices" / "verslag.pdf").read_bytes() == b"%PDF-1.4 verslag"

    # Restoring over a database that has data (--clean --if-exists) gives the same state again.
    sql(env, "DELETE FROM notifications_outboundemail; UPDATE practices_practice SET title = 'weg'")
    run(["scripts/restore.sh", "--yes", str(dump)], env, DATABASE_URL=url)
    assert snapshot(env) == before
    assert sql(env, "SELECT count(*) FROM practices_practice WHERE title = 'weg'") == "0"

    # The restored site: pages render, Dutch search works (text search configuration, generated column).
    pages = json.loads(run([sys.executable, "-c", PAGE], app_env).stdout.strip().splitlines()[-1])
    assert pages["/praktijkvoorbeelden/"][0] == 200 and title in pages["/praktijkvoorbeelden/"][1]
    assert pages["/praktijkvoorbeelden/?q=scholen"][0] == 200
    assert pages["/health/"][0] == 200
    assert json.loads(pages["/health/"][1])["checks"]["database"] == {"status": "ok", "vendor": "postgresql"}
    # Sequences go on after the restored rows: a new user gets the next id, not a clash.
    run([sys.executable, "manage.py", "shell", "-c",
         "from accounts.models import User; User.objects.create_user(email='nieuw@example.org', password='x' * 12)"],
        app_env)
    assert int(sql(env, "SELECT max(id) FROM accounts_user")) == before["accounts_user_id_seq"] + 1


def test_backup_refuses_a_database_that_is_not_postgresql(tmp_path):
    result = subprocess.run(  # noqa: S603 - our own script
        [str(ROOT / "scripts" / "backup.sh"), str(tmp_path)], cwd=ROOT,
        env={**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path}/db.sqlite3"}, capture_output=True, text=True,
        check=False)
    assert result.returncode == 2
    assert "not a PostgreSQL URL" in result.stderr
    assert list(tmp_path.iterdir()) == []
