"""Typed helpers that read configuration from the environment and fail loudly on bad values."""

import os
from urllib.parse import parse_qs, unquote, urlsplit

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


def parse_email_url(url: str) -> dict:
    """Turn EMAIL_URL into Django email settings.

    Supported: ``console://``, ``file:///path/to/dir``, ``locmem://``, ``dummy://``,
    ``smtp://user:password@host:port`` (``smtp+tls://`` for STARTTLS, ``smtp+ssl://`` for implicit TLS).
    """
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
                raise ImproperlyConfigured("EMAIL_URL file:// needs a directory, e.g. file:///tmp/mail.")
            config["EMAIL_FILE_PATH"] = unquote(parts.path)
        return config
    if scheme in {"smtp", "smtp+tls", "smtp+ssl"}:
        if not parts.hostname:
            raise ImproperlyConfigured("EMAIL_URL smtp:// needs a host.")
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
    raise ImproperlyConfigured(f"EMAIL_URL scheme {scheme!r} is not supported.")
