"""Sessions: read from the shared cache when there is one (no session query per logged-in request), from the
database otherwise; a logout anywhere ends the session everywhere."""

import json

import pytest
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests import factories
from tests.deploy.test_compose import clean_env, run_python

CACHED_DB = "django.contrib.sessions.backends.cached_db"
DB = "django.contrib.sessions.backends.db"


def _engine(tmp_path, **env: str) -> str:
    script = "import django; django.setup(); from django.conf import settings; print(settings.SESSION_ENGINE)"
    result = run_python(["-c", script], clean_env(tmp_path, KP_TESTING="0", DJANGO_DEBUG="1", **env))
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]


def test_the_session_engine_follows_the_shared_cache(tmp_path):
    assert json.dumps([_engine(tmp_path, REDIS_URL="redis://127.0.0.1:6379/0"), _engine(tmp_path)]) == json.dumps(
        [CACHED_DB, DB])


@pytest.mark.django_db
@pytest.mark.parametrize(("engine", "session_queries"), [(DB, 1), (CACHED_DB, 0)])
def test_a_cached_session_costs_no_query(engine, session_queries):
    user = factories.UserFactory(email="lid@example.org")
    with override_settings(SESSION_ENGINE=engine):
        client = Client()
        client.force_login(user)
        with CaptureQueriesContext(connection) as captured:
            response = client.get(reverse("my_portal"))
    assert response.status_code == 200
    assert len([query for query in captured.captured_queries if "django_session" in query["sql"]]) == session_queries


@pytest.mark.django_db
def test_a_logout_ends_the_cached_session_for_every_client():
    user = factories.UserFactory(email="lid@example.org")
    with override_settings(SESSION_ENGINE=CACHED_DB):
        first = Client()
        first.force_login(user)
        second = Client()
        second.cookies = first.cookies
        assert second.get(reverse("my_portal")).status_code == 200
        first.post(reverse("account_logout"))
        assert second.get(reverse("my_portal")).status_code == 302
