"""Django settings for Kennisportaal, driven entirely by environment variables.

Development defaults are safe and need no servers (SQLite, a filesystem Celery broker, email to the
console). With DEBUG off, unsafe values stop the process instead of starting a weak site.
"""

import os
import sys
from pathlib import Path

from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from kennisportaal.env import (
    check_allowed_hosts,
    check_secret_key,
    env_bool,
    env_int,
    env_list,
    env_str,
    parse_database_url,
    parse_email_url,
)

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env_str("KP_VAR_DIR", str(BASE_DIR / "var")))

DEBUG = env_bool("DJANGO_DEBUG", False)
TESTING = env_bool("KP_TESTING", "pytest" in sys.modules)

_DEV_SECRET = "django-insecure-development-only-key-do-not-use-in-production"  # noqa: S105
# Keys that were ever written in this repository: the development key and the Dockerfile's former build key.
_PUBLISHED_SECRETS = frozenset({_DEV_SECRET, "build-only-dummy-secret-key-never-used-at-runtime-0123456789"})
SECRET_KEY = env_str("SECRET_KEY", _DEV_SECRET if (DEBUG or TESTING) else "")
if not (DEBUG or TESTING):
    check_secret_key(SECRET_KEY, known_values=_PUBLISHED_SECRETS)

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"] if (DEBUG or TESTING) else [])
check_allowed_hosts(ALLOWED_HOSTS, debug=DEBUG)
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django.contrib.humanize",
    "allauth",
    "allauth.account",
    "django_filters",
    "csp",
    "core",
    "accounts",
    "notifications",
    "coalitions",
    "moderation",
    "practices",
    "tools",
    "events",
    "portal",
    "demo",
]

MIDDLEWARE = [
    # First, so every log line of the request (and the response, redirects included) carries its id.
    "core.middleware.RequestIdMiddleware",
    # Next, so every response gets the Content-Security-Policy header: static files (WhiteNoise) and the
    # redirect to HTTPS (SecurityMiddleware) too.
    "csp.middleware.CSPMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # A view that cannot reach the database answers the static 503 page (core/errors.py).
    "core.middleware.DatabaseUnavailableMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before sessions: a cached page for an anonymous visitor skips sessions, auth, messages and CSRF
    # (core/pagecache.py); the middleware above still adds the request id and the security headers.
    "core.pagecache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "core.middleware.RejectNulBytesMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
]

ROOT_URLCONF = "kennisportaal.urls"
WSGI_APPLICATION = "kennisportaal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "portal.context_processors.site",
            ],
        },
    },
]

# Database: SQLite in var/ unless DATABASE_URL points elsewhere (PostgreSQL in production).
DATABASES = {
    "default": parse_database_url(
        env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'kennisportaal.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    # WAL lets the web process read while the worker writes; the timeout absorbs short write locks.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
USING_POSTGRES = DATABASES["default"]["ENGINE"].startswith("django.db.backends.postgresql")
if USING_POSTGRES:
    # Model choice fields and .iterator() would open a server-side cursor (DECLARE, FETCH, CLOSE: three round
    # trips) for lists of a few rows; the pages read bounded slices, so client-side cursors are cheaper. It is
    # also what a transaction-pooling PgBouncer in front of PostgreSQL requires.
    DATABASES["default"]["DISABLE_SERVER_SIDE_CURSORS"] = True
    # Prepared statements: parameters go apart from the SQL text (psycopg 3's server-side binding), so the same
    # query has the same text whatever its values, and psycopg prepares a statement a connection has run 5
    # times. PostgreSQL then parses it once per connection, and plans it once where a generic plan is as cheap
    # as its custom ones: measured in process at national scale (issue 13), half of PostgreSQL's CPU for the
    # logged-in portal and the lists. The search is never prepared (``core.db.unprepared``): one generic plan
    # for every term could be the wrong one for most and stay on the connection. A migration that changes a
    # column's type makes a statement prepared before it fail on that connection: processes start again after
    # migrating (compose recreates web, worker and beat with the new image; web migrates before it serves).
    # DATABASE_PREPARED_STATEMENTS=0 turns both off, e.g. behind a PgBouncer in transaction mode older than
    # 1.22 or without max_prepared_statements. Added to the options DATABASE_URL gives (sslmode, ...).
    if env_bool("DATABASE_PREPARED_STATEMENTS", True):
        DATABASES["default"].setdefault("OPTIONS", {}).update(server_side_binding=True, prepare_threshold=5)

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

REDIS_URL = env_str("REDIS_URL", "")
# CACHE_DISABLED=1: no cache at all (DummyCache) and no page cache, e.g. to measure pages cold.
CACHE_DISABLED = env_bool("CACHE_DISABLED", False)
if CACHE_DISABLED:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
elif REDIS_URL:
    CACHES = {
        "default": {
            # Answers as an empty cache while Redis is down, so no request fails on it (rate limits fail open).
            "BACKEND": "core.cache.DegradingRedisCache",
            "LOCATION": REDIS_URL,
            # A dead or unreachable Redis costs a request at most this long per cache call.
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
            # Parallel test processes share one Redis; each gets its own keys.
            "KEY_PREFIX": env_str("CACHE_KEY_PREFIX", "kp") + (
                f"-test-{os.environ.get('PYTEST_XDIST_WORKER', 'main')}" if TESTING else ""
            ),
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# The page cache (core/pagecache.py): public pages for anonymous visitors, kept this many seconds at most and
# outdated by every content write. On by default only with Redis: the local memory cache is per process, so
# the worker (and the other web processes) could not outdate a process's copy. Off under tests unless a test
# turns it on (a test's transaction never commits, so its writes would not outdate pages).
PAGE_CACHE_SECONDS = 0 if CACHE_DISABLED else env_int("PAGE_CACHE_SECONDS", 120 if REDIS_URL and not TESTING else 0)
# Fragments of logged-in pages shared by everyone who may see them (the live lists of the cockpit): kept this
# many seconds at most and outdated by every content write through the page cache's content generation. On
# and off as the page cache, for the same reasons.
LIVE_FRAGMENT_SECONDS = 0 if CACHE_DISABLED else env_int(
    "LIVE_FRAGMENT_SECONDS", 60 if REDIS_URL and not TESTING else 0)
# The URL names whose pages may be cached (only the anonymous GET answers without cookie or CSRF token).
PAGE_CACHE_URL_NAMES = frozenset({
    "home", "about",
    "practices:list", "practices:detail", "practices:tips",
    "events:list", "events:detail",
    "coalitions:list", "coalition_detail", "region_detail",
    "coalitions:network_list", "network_detail",
    "visit_chains", "region_visit_chains",
    "tools:list", "tools:detail",
})
# Sessions live in the database. With Redis, a cache every worker shares, they are read from it first
# ("cached_db": a logged-in request costs no session query; a cache miss or Redis being down falls back to the
# table). Without Redis the cache is per process, where a copy could outlive a logout in another worker: the
# database alone then. Tests keep "db" so the pinned query counts are the same with and without Redis.
SESSION_ENGINE = "django.contrib.sessions.backends." + ("cached_db" if REDIS_URL and not TESTING else "db")

AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
if TESTING:
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# django-allauth (65.x setting names).
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_LOGIN_BY_CODE_ENABLED = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Kennisportaal] "
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https" if not (DEBUG or TESTING) else "http"
ACCOUNT_ADAPTER = "notifications.account_adapter.AccountAdapter"
ACCOUNT_FORMS = {"signup": "accounts.forms.SignupForm"}
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "home"
ACCOUNT_LOGOUT_REDIRECT_URL = "home"

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if (DEBUG or TESTING)
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# Email: every message is first a row in the outbox (notifications app); this is how rows leave.
_email = parse_email_url(env_str("EMAIL_URL", "console://" if (DEBUG or TESTING) else "smtp://localhost:25"))
EMAIL_BACKEND = _email.pop("EMAIL_BACKEND")
globals().update(_email)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Kennisportaal <noreply@kennisportaal.nl>")
SERVER_EMAIL = env_str("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
# Delivery claims this many due rows at a time and sends them over one SMTP connection.
OUTBOX_BATCH_SIZE = env_int("OUTBOX_BATCH_SIZE", 50)
OUTBOX_MAX_ATTEMPTS = env_int("OUTBOX_MAX_ATTEMPTS", 6)
# A failed attempt waits base x 2^attempts seconds (2, 4, 8 … minutes), at most the maximum.
OUTBOX_RETRY_BASE_SECONDS = env_int("OUTBOX_RETRY_BASE_SECONDS", 60)
OUTBOX_RETRY_MAX_SECONDS = env_int("OUTBOX_RETRY_MAX_SECONDS", 4 * 3600)
# A row claimed longer ago than this belongs to a worker that died and is offered again; it must exceed
# the time one batch can take (OUTBOX_BATCH_SIZE x the SMTP timeout).
OUTBOX_STALE_CLAIM_SECONDS = env_int("OUTBOX_STALE_CLAIM_SECONDS", 15 * 60)
# How often beat's deliver-outbox sweep runs: it sends what a lost broker message, an outage of the
# broker or a dead worker left behind, and the retries that have become due.
OUTBOX_SWEEP_SECONDS = env_int("OUTBOX_SWEEP_SECONDS", 60)

# Celery: Redis in production; without REDIS_URL a filesystem broker so `make run` needs no server.
if REDIS_URL:
    CELERY_BROKER_URL = REDIS_URL
    CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 3600, "socket_connect_timeout": 2, "socket_timeout": 5}
    # A request that queues email asks the broker once after commit; with the broker down that ask must give
    # up quickly (the outbox row is saved, and beat's deliver-outbox sweep sends it once Redis is back).
    CELERY_BROKER_CONNECTION_TIMEOUT = 2
    CELERY_TASK_PUBLISH_RETRY_POLICY = {"max_retries": 2, "interval_start": 0, "interval_step": 0.2,
                                        "interval_max": 0.5}
else:
    _broker_dir = VAR_DIR / "celery-broker"
    CELERY_BROKER_URL = "filesystem://"
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(_broker_dir / "queue"),
        "data_folder_out": str(_broker_dir / "queue"),
        "processed_folder": str(_broker_dir / "processed"),
        "control_folder": str(_broker_dir / "control"),
        "store_processed": False,
    }
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ALWAYS_EAGER = env_bool("CELERY_TASK_ALWAYS_EAGER", TESTING)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULE_FILENAME = str(VAR_DIR / "celerybeat-schedule")

# Security: strict by default outside development. Behind the TLS-terminating proxy, X-Forwarded-Proto tells
# Django the request came over HTTPS (the proxy must set it, and strip it from what clients send).
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", not (DEBUG or TESTING))
SESSION_COOKIE_HTTPONLY = CSRF_COOKIE_HTTPONLY = True  # no script of ours reads either cookie
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not (DEBUG or TESTING))
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if (DEBUG or TESTING) else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE_HSTS_SECONDS > 0
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
# security.W021 says SECURE_HSTS_PRELOAD is off. Preloading is the domain owner's opt-in (submitting the domain
# to the browsers' preload lists, hard to undo), so it stays SECURE_HSTS_PRELOAD=1 in the environment.
SILENCED_SYSTEM_CHECKS = ["security.W021"]
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Content-Security-Policy (django-csp 4) on every response: only our own files, no inline script or style
# (pages load static/js/*.js and static/css/*.css), no plugins, no <base>, no framing, forms post only to us.
# A view may send its own header instead (the attachment download sends `sandbox`); the middleware keeps it.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    },
}

# Logging: JSON lines in production (one object per line, for the log collector), plain text with
# DJANGO_DEBUG=1 or under tests; LOG_FORMAT=json|plain overrides. Every record carries the id of the request
# or Celery task that wrote it (core/logging.py, core/middleware.py). The Celery worker and beat use this
# configuration too (kennisportaal/celery.py), instead of their own.
LOG_FORMAT = env_str("LOG_FORMAT", "plain" if (DEBUG or TESTING) else "json")
if LOG_FORMAT not in {"json", "plain"}:
    raise ImproperlyConfigured(f"LOG_FORMAT={LOG_FORMAT!r} must be json or plain.")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "core.logging.RequestIdFilter"}},
    "formatters": {
        "plain": {"()": "core.logging.PlainFormatter"},
        "json": {"()": "core.logging.JsonFormatter"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": LOG_FORMAT, "filters": ["request_id"]},
    },
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "INFO"}},
}

# Health (/health/, portal/health.py): the oldest pending outbox email may wait this long before the check
# says "degraded" (HTTP 200 still: email being late is no reason to take the web instance out of rotation).
HEALTH_OUTBOX_MAX_AGE_SECONDS = env_int("HEALTH_OUTBOX_MAX_AGE_SECONDS", 30 * 60)
# Load balancers probe the instance over plain HTTP: no redirect to HTTPS for the health checks.
SECURE_REDIRECT_EXEMPT = [r"^health/$", r"^healthz$"]

PAGE_SIZE = 20
# Lists that grow with the country count at most this many rows and show "1.000+" beyond (core.pagination).
PAGINATION_COUNT_CAP = env_int("PAGINATION_COUNT_CAP", 1000)
