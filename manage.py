#!/usr/bin/env python
"""Django's command-line utility for administrative tasks."""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kennisportaal.settings")
    # manage.py is the developer's tool: development defaults unless DJANGO_DEBUG says otherwise.
    # Production processes (gunicorn, Celery, the compose services) set DJANGO_DEBUG=0 explicitly.
    os.environ.setdefault("DJANGO_DEBUG", "1")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
