"""WSGI entry point of the HTTP benchmark: the project's application and settings, plus the bare view.

The project's settings are used as they are (production with ``DJANGO_DEBUG=0``); only ``ROOT_URLCONF`` becomes
``bench.urls`` (the portal plus ``/bench-hello/``) and ``STATIC_ROOT`` the run's temporary folder. A settings
module importing ``kennisportaal.settings`` cannot work here: importing the ``kennisportaal`` package loads the
Celery app, which reads the settings while that module would still be half-imported.
"""

import os

from django.conf import settings
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kennisportaal.settings")
# Before the application (and WhiteNoise, which reads STATIC_ROOT when the middleware is built) exists.
settings.ROOT_URLCONF = "bench.urls"
if os.environ.get("BENCH_STATIC_ROOT"):
    settings.STATIC_ROOT = os.environ["BENCH_STATIC_ROOT"]
application = get_wsgi_application()
