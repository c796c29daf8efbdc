"""`make run`: mailed links (SITE_URL) follow HOST and PORT unless SITE_URL is set."""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

MAKE = shutil.which("make")

pytestmark = pytest.mark.skipif(MAKE is None, reason="make is not installed")


def _run_commands(**env) -> list[str]:
    """The commands `make run` would start (dry run), joined across continuation lines."""
    environment = {key: value for key, value in os.environ.items() if key not in {"SITE_URL", "HOST", "PORT"}}
    environment.update(env)
    output = subprocess.run(  # noqa: S603 - fixed arguments: a dry run of our own Makefile
        [MAKE, "-n", "run", *(f"{k}={v}" for k, v in env.items() if k != "SITE_URL")],
        cwd=ROOT, env=environment, capture_output=True, text=True, check=True,
    ).stdout
    lines = output.replace("\\\n", " ").splitlines()
    return [line for line in lines if "manage.py migrate" in line or "load_demo_data" in line
            or "runserver" in line]


def _site_urls(commands: list[str]) -> list[str]:
    return [re.search(r"SITE_URL='([^']*)'", command).group(1) for command in commands]


def test_make_run_derives_site_url_from_host_and_port():
    commands = _run_commands(PORT="8001")
    assert len(commands) == 3
    assert _site_urls(commands) == ["http://127.0.0.1:8001"] * 3
    assert "runserver 127.0.0.1:8001" in commands[-1]


def test_make_run_keeps_a_site_url_from_the_environment():
    assert _site_urls(_run_commands(PORT="8001", SITE_URL="https://kennisportaal.example.org")) == [
        "https://kennisportaal.example.org"] * 3


def test_settings_read_site_url_from_the_environment():
    script = "import django, os; django.setup(); from django.conf import settings; print(settings.SITE_URL)"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "kennisportaal.settings", "DJANGO_DEBUG": "1",
           "SITE_URL": "http://127.0.0.1:8001/"}
    result = subprocess.run(  # noqa: S603 - fixed arguments, our own interpreter
        [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, check=True,
    )
    assert result.stdout.strip() == "http://127.0.0.1:8001"
