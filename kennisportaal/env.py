"""Typed helpers that read configuration from the environment and fail loudly on bad values."""

import os
from urllib.parse import parse_qs, unquote, urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_str(name: str, default: str | None = None) -> str:
    value = os.environ.get(name)
    if value is None:
        if default is None:
            raise ImproperlyConfigured(f"Environment variable {name} is required.")
        return default
    return value


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    lowered = value.strip().lower()
    if lowered in _TRUE:
        return True
    if lowered in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name}={value!r} is not a boolean (use 1/0, true/false, yes/no).")


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    try:
        return int(value)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name}={value!r} is not an integer.") from exc


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if value is None:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


# Host names a development server (DEBUG on) may answer to: debug pages show settings and source code, so
# they must never be reachable under a public name.
LOCAL_HOSTS = ("localhost", "127.0.0.1", "[::1]", "testserver")
SECRET_KEY_MIN_LENGTH = 50
SECRET_KEY_MIN_UNIQUE_CHARACTERS = 10
_GENERATE_SECRET_KEY = 'python3 -c "import secrets; print(secrets.token_urlsafe(50))"'  # noqa: S105 - a command, not a key


def check_secret_key(value: str, *, known_values: frozenset[str]) -> None:
    """Refuse a SECRET_KEY that is missing, short, low in entropy or a value published somewhere."""
    advice = f"Set SECRET_KEY to a long random value, e.g. the output of: {_GENERATE_SECRET_KEY}"
    if not value.strip():
        raise ImproperlyConfigured(f"SECRET_KEY is not set, and DJANGO_DEBUG is off. {advice}")
    if value in known_values or value.startswith("django-insecure"):
        raise ImproperlyConfigured(f"SECRET_KEY is a published example or development value. {advice}")
    if len(value) < SECRET_KEY_MIN_LENGTH:
        raise ImproperlyConfigured(
            f"SECRET_KEY is too short ({len(value)} characters, at least {SECRET_KEY_MIN_LENGTH}). {advice}"
        )
    if len(set(value)) < SECRET_KEY_MIN_UNIQUE_CHARACTERS:
        raise ImproperlyConfigured(
            f"SECRET_KEY is too predictable ({len(set(value))} different characters, at least "
            f"{SECRET_KEY_MIN_UNIQUE_CHARACTERS}). {advice}"
        )


def check_allowed_hosts(hosts: list[str], *, debug: bool) -> None:
    """Refuse an empty ALLOWED_HOSTS, and DEBUG on a site that answers to a public host name."""
    if not hosts:
        raise ImproperlyConfigured("ALLOWED_HOSTS is empty: set it to the host names the site answers to.")
    public = sorted(host for host in hosts if host not in LOCAL_HOSTS)
    if debug and public:
        raise ImproperlyConfigured(
            f"DJANGO_DEBUG is on while ALLOWED_HOSTS names public hosts ({', '.join(public)}): debug pages would "
            "show settings and source code to anyone. Turn DJANGO_DEBUG off, or allow only "
            f"{', '.join(LOCAL_HOSTS)}."
        )


def parse_database_url(url: str, **options) -> dict:
    """DATABASE_URL as Django database settings; a URL that does not parse stops the process.

    The message names the problem, never the URL itself: it holds the database password.
    """
    try:
        config = dj_database_url.parse(url, **options)
    except ValueError as exc:
        scheme = urlsplit(url).scheme if "://" in url else ""
        reason = f"unknown scheme {scheme!r}" if isinstance(exc, dj_database_url.UnknownSchemeError) else (
            "not a valid URL (check the port, and quote special characters in the password)")
        raise ImproperlyConfigured(
            f"DATABASE_URL does not parse: {reason}. Expected e.g. postgres://user:password@host:5432/name."
        ) from None
    if not config.get("NAME"):
        raise ImproperlyConfigured("DATABASE_URL does not parse: it names no database.")
    return config


def parse_email_url(url: str) -> dict:
    """Turn EMAIL_URL into Django email settings.

    Supported: ``console://``, ``file:///path/to/dir``, ``locmem://``, ``dummy://``,
    ``smtp://user:password@host:port`` (``smtp+tls://`` for STARTTLS, ``smtp+ssl://`` for implicit TLS).
    """
    try:
        return _parse_email_url(url)
    except ValueError:
        # The message leaves the URL out: it may hold the SMTP password.
        raise ImproperlyConfigured(
            "EMAIL_URL does not parse: check the port and the timeout (numbers) and quote special characters "
            "in the password, e.g. smtp+tls://user:password@smtp.example.org:587?timeout=20."
        ) from None


def _parse_email_url(url: str) -> dict:
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    backends = {
        "console": "django.core.mail.backends.console.EmailBackend",
        "file": "django.core.mail.backends.filebased.EmailBackend",
        "locmem": "django.core.mail.backends.locmem.EmailBackend",
        "dummy": "django.core.mail.backends.dummy.EmailBackend",
    }
    if scheme in backends:
        config = {"EMAIL_BACKEND": backends[scheme]}
        if scheme == "file":
            if not parts.path:
                raise ImproperlyConfigured("EMAIL_URL does not parse: file:// needs a directory, e.g. file:///tmp/mail.")
            config["EMAIL_FILE_PATH"] = unquote(parts.path)
        return config
    if scheme in {"smtp", "smtp+tls", "smtp+ssl"}:
        if not parts.hostname:
            raise ImproperlyConfigured("EMAIL_URL does not parse: smtp:// needs a host.")
        query = parse_qs(parts.query)
        return {
            "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "EMAIL_HOST": parts.hostname,
            "EMAIL_PORT": parts.port or (465 if scheme == "smtp+ssl" else 587 if scheme == "smtp+tls" else 25),
            "EMAIL_HOST_USER": unquote(parts.username or ""),
            "EMAIL_HOST_PASSWORD": unquote(parts.password or ""),
            "EMAIL_USE_TLS": scheme == "smtp+tls",
            "EMAIL_USE_SSL": scheme == "smtp+ssl",
            "EMAIL_TIMEOUT": int(query.get("timeout", ["20"])[0]),
        }
    raise ImproperlyConfigured(
        f"EMAIL_URL does not parse: scheme {scheme!r} is not supported (use console://, file:///dir, locmem://, "
        "dummy://, smtp://, smtp+tls:// or smtp+ssl://)."
    )
