"""Static files in production: collectstatic writes hashed and compressed files, pages link the hashed names
and whitenoise serves them compressed and cached for good."""

import importlib.util
import json
import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = """
import json, sys
import django
django.setup()
from django.conf import settings
settings.STATIC_ROOT = sys.argv[1]
from django.core.management import call_command
call_command("collectstatic", interactive=False, verbosity=0)
from django.test import Client
from core.errors import database_unavailable
client = Client(HTTP_HOST="localhost")
page = client.get("/bestaat-niet/", secure=True)
css = "/static/" + json.load(open(settings.STATIC_ROOT + "/staticfiles.json"))["paths"]["css/site.css"]
served = client.get(css, secure=True, HTTP_ACCEPT_ENCODING="gzip")
print(json.dumps({
    "storage": settings.STORAGES["staticfiles"]["BACKEND"],
    "page_status": page.status_code, "page": page.content.decode(),
    "page_503": database_unavailable().content.decode(),
    "css": css, "css_status": served.status_code, "css_encoding": served.get("Content-Encoding"),
    "css_cache": served.get("Cache-Control"),
}))
"""


def test_collectstatic_in_production_writes_hashed_and_compressed_files(tmp_path):
    static_root = tmp_path / "static"
    env = {key: value for key, value in os.environ.items() if key not in {"DATABASE_URL", "REDIS_URL", "DJANGO_DEBUG"}}
    env.update(DJANGO_SETTINGS_MODULE="kennisportaal.settings", DJANGO_DEBUG="0", KP_TESTING="0",
               SECRET_KEY=secrets.token_urlsafe(50), ALLOWED_HOSTS="localhost", KP_VAR_DIR=str(tmp_path / "var"),
               DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}", LOG_FORMAT="plain")
    result = subprocess.run(  # noqa: S603 - our own interpreter, fixed arguments
        [sys.executable, "-c", SCRIPT, str(static_root)], cwd=ROOT, env=env, capture_output=True, text=True,
        timeout=300, check=False)
    assert result.returncode == 0, result.stderr[-3000:]
    out = json.loads(result.stdout.strip().splitlines()[-1])

    assert out["storage"] == "whitenoise.storage.CompressedManifestStaticFilesStorage"
    hashed = sorted(path.name for path in (static_root / "css").glob("site.*.css"))
    assert len(hashed) == 1 and re.fullmatch(r"site\.[0-9a-f]{12}\.css", hashed[0]), hashed
    assert (static_root / "css" / f"{hashed[0]}.gz").is_file()
    assert (static_root / "css" / f"{hashed[0]}.br").is_file() == bool(importlib.util.find_spec("brotli"))
    assert out["css"] == f"/static/css/{hashed[0]}"

    # Pages, the static error pages included, link the hashed name (a new deploy busts every cache).
    assert out["page_status"] == 404
    assert f'href="/static/css/{hashed[0]}"' in out["page"]
    assert f'href="/static/css/{hashed[0]}"' in out["page_503"]
    assert 'href="/static/css/site.css"' not in out["page"]

    # whitenoise serves the compressed copy, cached for good since the name changes with the content.
    assert (out["css_status"], out["css_encoding"]) == (200, "gzip")
    assert out["css_cache"] == "max-age=315360000, public, immutable"
