"""Configure Django for a benchmark process: settings module, database and development-safe defaults.

``DJANGO_DEBUG=1`` is set only so the settings accept the development SECRET_KEY and ALLOWED_HOSTS and use plain
static files storage (the manifest storage needs ``collectstatic``); ``bench.run`` then switches ``DEBUG`` off with
``override_settings``, so no query log, no debug templates and no WhiteNoise autorefresh.
"""

import os


def default_database_url(scale: float) -> str:
    """A SQLite file in /tmp per scale; never the development database in var/."""
    return f"sqlite:////tmp/kp_bench_s{scale:g}.sqlite3"


def configure(scale: float = 1.0) -> str:
    """Set the environment and call ``django.setup()``; returns the database URL in use."""
    os.environ["DJANGO_SETTINGS_MODULE"] = "kennisportaal.settings"
    os.environ["DJANGO_DEBUG"] = "1"
    os.environ.pop("KP_TESTING", None)
    database_url = os.environ.setdefault("DATABASE_URL", default_database_url(scale))

    import django

    django.setup()
    return database_url
