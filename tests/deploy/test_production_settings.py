"""Production settings: `check --deploy` is clean with .env.example's production values, and every unsafe value
stops the process with a clear ImproperlyConfigured message (each in a fresh interpreter, as a server starts)."""

import json
import re
import secrets

import pytest

from tests.deploy.test_compose import ENV_EXAMPLE, clean_env, read_dotenv, run_python

RANDOM_KEY = secrets.token_urlsafe(50)


def production_env(tmp_path, **overrides: str) -> dict[str, str]:
    """.env.example's active values with its secret filled in, as documented for production.

    The file keeps SECURE_SSL_REDIRECT=0 and SECURE_COOKIES=0 for the local compose stack (plain HTTP) and says
    to set both to 1 in production, behind the TLS proxy; DJANGO_DEBUG is 0 there (compose sets it).
    """
    values = read_dotenv(ENV_EXAMPLE)
    values.pop("POSTGRES_PASSWORD")  # read by compose only
    values.update(SECRET_KEY=RANDOM_KEY, DJANGO_DEBUG="0", SECURE_SSL_REDIRECT="1", SECURE_COOKIES="1",
                  DATABASE_URL=f"sqlite:///{tmp_path / 'production.sqlite3'}")
    values.update(overrides)
    return clean_env(tmp_path, KP_TESTING="0", **values)


def start(tmp_path, **overrides: str):
    return run_python(["-c", "import django; django.setup()"], production_env(tmp_path, **overrides))


def test_check_deploy_passes_with_the_production_settings_of_env_example(tmp_path):
    result = run_python(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], production_env(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.findall(r"\(([a-z_]+\.[EWCI]\d+)\)", result.stdout + result.stderr) == []


def test_check_deploy_fails_without_https(tmp_path):
    """The check above can fail: .env.example as it is (plain HTTP for the local stack) is not production."""
    result = run_python(["manage.py", "check", "--deploy", "--fail-level", "WARNING"],
                        production_env(tmp_path, SECURE_SSL_REDIRECT="0", SECURE_COOKIES="0"))
    assert result.returncode == 1
    assert set(re.findall(r"\((security\.W\d+)\)", result.stderr)) == {"security.W008", "security.W012",
                                                                        "security.W016"}


def test_production_settings_are_strict(tmp_path):
    script = (
        "import json, django; django.setup(); from django.conf import settings as s; "
        "print(json.dumps({name: getattr(s, name) for name in ["
        "'DEBUG', 'SESSION_COOKIE_SECURE', 'CSRF_COOKIE_SECURE', 'SESSION_COOKIE_HTTPONLY', "
        "'CSRF_COOKIE_HTTPONLY', 'SECURE_SSL_REDIRECT', 'SECURE_PROXY_SSL_HEADER', 'SECURE_HSTS_SECONDS', "
        "'SECURE_HSTS_INCLUDE_SUBDOMAINS', 'SECURE_CROSS_ORIGIN_OPENER_POLICY', 'SECURE_REFERRER_POLICY', "
        "'SECURE_CONTENT_TYPE_NOSNIFF', 'X_FRAME_OPTIONS']}))"
    )
    result = run_python(["-c", script], production_env(tmp_path))
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.strip().splitlines()[-1]) == {
        "DEBUG": False,
        "SESSION_COOKIE_SECURE": True,
        "CSRF_COOKIE_SECURE": True,
        "SESSION_COOKIE_HTTPONLY": True,
        "CSRF_COOKIE_HTTPONLY": True,
        "SECURE_SSL_REDIRECT": True,
        "SECURE_PROXY_SSL_HEADER": ["HTTP_X_FORWARDED_PROTO", "https"],
        "SECURE_HSTS_SECONDS": 31536000,
        "SECURE_HSTS_INCLUDE_SUBDOMAINS": True,
        "SECURE_CROSS_ORIGIN_OPENER_POLICY": "same-origin",
        "SECURE_REFERRER_POLICY": "same-origin",
        "SECURE_CONTENT_TYPE_NOSNIFF": True,
        "X_FRAME_OPTIONS": "DENY",
    }


def test_the_production_environment_starts(tmp_path):
    """The baseline of the refusals below: only the one value each changes makes the start fail."""
    result = start(tmp_path)
    assert result.returncode == 0, result.stderr


ADVICE = 'e.g. the output of: python3 -c "import secrets; print(secrets.token_urlsafe(50))"'


@pytest.mark.parametrize(
    "overrides, message",
    [
        ({"SECRET_KEY": ""}, f"SECRET_KEY is not set, and DJANGO_DEBUG is off. Set SECRET_KEY to a long random "
                             f"value, {ADVICE}"),
        ({"SECRET_KEY": "Kx8#mQ2!vR7$"}, "SECRET_KEY is too short (12 characters, at least 50)."),
        ({"SECRET_KEY": "abcd" * 20}, "SECRET_KEY is too predictable (4 different characters, at least 10)."),
        ({"SECRET_KEY": "changeme" * 8}, "SECRET_KEY is too predictable (7 different characters, at least 10)."),
        ({"SECRET_KEY": "django-insecure-development-only-key-do-not-use-in-production"},
         "SECRET_KEY is a published example or development value."),
        ({"SECRET_KEY": "django-insecure-" + secrets.token_urlsafe(50)},
         "SECRET_KEY is a published example or development value."),
        ({"SECRET_KEY": "build-only-dummy-secret-key-never-used-at-runtime-0123456789"},
         "SECRET_KEY is a published example or development value."),
        ({"ALLOWED_HOSTS": ""}, "ALLOWED_HOSTS is empty: set it to the host names the site answers to."),
        ({"ALLOWED_HOSTS": " , "}, "ALLOWED_HOSTS is empty: set it to the host names the site answers to."),
        ({"DJANGO_DEBUG": "1", "ALLOWED_HOSTS": "localhost,kennisportaal.nl"},
         "DJANGO_DEBUG is on while ALLOWED_HOSTS names public hosts (kennisportaal.nl): debug pages would show "
         "settings and source code to anyone. Turn DJANGO_DEBUG off, or allow only localhost, 127.0.0.1, [::1], "
         "testserver."),
        ({"DJANGO_DEBUG": "1", "ALLOWED_HOSTS": "*"}, "DJANGO_DEBUG is on while ALLOWED_HOSTS names public hosts (*)"),
        ({"DJANGO_DEBUG": "1", "ALLOWED_HOSTS": "0.0.0.0,.example.org"},
         "DJANGO_DEBUG is on while ALLOWED_HOSTS names public hosts (.example.org, 0.0.0.0)"),
        ({"DATABASE_URL": "postgress://kp:geheim-wachtwoord@db:5432/kp"},
         "DATABASE_URL does not parse: unknown scheme 'postgress'. Expected e.g. "
         "postgres://user:password@host:5432/name."),
        ({"DATABASE_URL": "postgres://kp:geheim-wachtwoord@db:54x32/kp"},
         "DATABASE_URL does not parse: not a valid URL (check the port, and quote special characters in the "
         "password)."),
        ({"DATABASE_URL": "postgres://kp:geheim-wachtwoord@db:5432/"}, "DATABASE_URL does not parse: it names no "
                                                                      "database."),
        ({"DATABASE_URL": "localhost"}, "DATABASE_URL does not parse: unknown scheme ''."),
        ({"EMAIL_URL": "smtp://user:geheim-wachtwoord@mail.example.org:25x"},
         "EMAIL_URL does not parse: check the port and the timeout (numbers) and quote special characters in the "
         "password, e.g. smtp+tls://user:password@smtp.example.org:587?timeout=20."),
        ({"EMAIL_URL": "smtp://mail.example.org:587?timeout=soon"}, "EMAIL_URL does not parse: check the port"),
        ({"EMAIL_URL": "smtps://mail.example.org"}, "EMAIL_URL does not parse: scheme 'smtps' is not supported"),
        ({"EMAIL_URL": "smtp://:587"}, "EMAIL_URL does not parse: smtp:// needs a host."),
        ({"EMAIL_URL": "mail.example.org"}, "EMAIL_URL does not parse: scheme '' is not supported"),
        ({"DJANGO_DEBUG": "maybe"}, "DJANGO_DEBUG='maybe' is not a boolean"),
    ],
    ids=["no-secret-key", "short-secret-key", "repetitive-secret-key", "changeme-secret-key", "dev-secret-key",
         "django-insecure-prefix", "former-build-key", "no-allowed-hosts", "blank-allowed-hosts",
         "debug-with-public-host", "debug-with-wildcard", "debug-with-any-address", "database-url-scheme",
         "database-url-port", "database-url-no-name", "database-url-no-scheme", "email-url-port",
         "email-url-timeout", "email-url-scheme", "email-url-no-host", "email-url-no-scheme", "debug-not-boolean"],
)
def test_unsafe_production_settings_refuse_to_start(tmp_path, overrides, message):
    result = start(tmp_path, **overrides)
    assert result.returncode == 1, "settings started with an unsafe value"
    last_line = result.stderr.strip().splitlines()[-1]
    assert last_line.startswith("django.core.exceptions.ImproperlyConfigured: " + message), result.stderr
    assert "geheim-wachtwoord" not in result.stderr, "the message must not show the password"


def test_debug_on_localhost_only_starts(tmp_path):
    result = start(tmp_path, DJANGO_DEBUG="1", ALLOWED_HOSTS="localhost,127.0.0.1,[::1]")
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(("database_url", "expected"), [
    ("postgres://kp@db.example:5432/kp", {"vendor": "postgresql", "server_side_cursors_disabled": True}),
    ("sqlite:///{tmp}/x.sqlite3", {"vendor": "sqlite", "server_side_cursors_disabled": False}),
])
def test_postgres_uses_client_side_cursors(tmp_path, database_url, expected):
    """Choice fields' .iterator() would open a server-side cursor (three round trips) on PostgreSQL."""
    script = (
        "import json, django; django.setup(); from django.db import connection; "
        "print(json.dumps({'vendor': connection.vendor, "
        "'server_side_cursors_disabled': connection.settings_dict['DISABLE_SERVER_SIDE_CURSORS']}))"
    )
    result = run_python(["-c", script], production_env(tmp_path, DATABASE_URL=database_url.format(tmp=tmp_path)))
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.strip().splitlines()[-1]) == expected


@pytest.mark.parametrize(("url", "overrides", "expected"), [
    ("postgres://kp@db.example:5432/kp", {}, {"server_side_binding": True, "prepare_threshold": 5}),
    ("postgres://kp@db.example:5432/kp", {"DATABASE_PREPARED_STATEMENTS": "0"}, {}),
    # The URL's own options stay.
    ("postgres://kp@db.example:5432/kp?sslmode=require", {},
     {"sslmode": "require", "server_side_binding": True, "prepare_threshold": 5}),
    ("postgres://kp@db.example:5432/kp?sslmode=require", {"DATABASE_PREPARED_STATEMENTS": "0"},
     {"sslmode": "require"}),
], ids=["default", "turned-off", "with-sslmode", "turned-off-with-sslmode"])
def test_postgres_prepares_statements_unless_turned_off(tmp_path, url, overrides, expected):
    script = (
        "import json, django; django.setup(); from django.db import connection; "
        "print(json.dumps(connection.settings_dict['OPTIONS']))"
    )
    env = production_env(tmp_path, DATABASE_URL=url, **overrides)
    result = run_python(["-c", script], env)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.strip().splitlines()[-1]) == expected
