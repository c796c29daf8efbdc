# syntax=docker/dockerfile:1
# One image for every process of the production stack: web (gunicorn), Celery worker and Celery beat.
# docker-compose.yml picks the command; the default is the web server.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

# gettext provides msgfmt for `manage.py compilemessages`.
RUN apt-get update \
    && apt-get install -y --no-install-recommends gettext \
    && rm -rf /var/lib/apt/lists/*

RUN groupadd --system --gid 1000 app \
    && useradd --system --uid 1000 --gid app --home-dir /app --no-create-home --shell /usr/sbin/nologin app

WORKDIR /app

# Dependencies first, so editing the source does not reinstall them. pyproject.toml declares
# `packages = []`: `pip install .` installs the dependencies and an empty distribution, nothing else.
COPY pyproject.toml ./
RUN pip install . \
    && rm -rf build ./*.egg-info

# The source stays owned by root: the app user can read it but not change it.
COPY . .

# Build-time only: DJANGO_DEBUG=0 refuses to start without a long random SECRET_KEY and ALLOWED_HOSTS, so these
# RUN lines pass throw-away values (a fresh random key, never written down). They are not baked into the image's
# environment; the real values come from the container environment at run time. KP_VAR_DIR keeps the build from
# creating /app/var (SQLite file) as root. `mkdir -p locale` keeps compilemessages working before any .po file
# exists.
RUN mkdir -p locale \
    && export DJANGO_DEBUG=0 KP_TESTING=0 KP_VAR_DIR=/tmp/build-var ALLOWED_HOSTS=build.invalid \
       SECRET_KEY="$(python -c 'import secrets; print(secrets.token_urlsafe(50))')" \
    && python manage.py compilemessages \
    && python manage.py collectstatic --noinput \
    && rm -rf /tmp/build-var

# The only writable place: var/ (media uploads; mount a volume here). Created owned by the app user so a
# fresh named volume mounted on /app/var/media inherits that ownership.
RUN mkdir -p /app/var/media && chown -R app:app /app/var

USER app

EXPOSE 8000

# gunicorn's settings live in gunicorn.conf.py (bind from PORT, workers from WEB_CONCURRENCY or the CPUs,
# gthread threads, timeouts, worker recycling, JSON access log to stdout); the environment tunes them.
CMD ["gunicorn", "-c", "gunicorn.conf.py", "kennisportaal.wsgi:application"]
