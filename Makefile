# Kennisportaal: `make run` serves the portal with demo data; `make test` runs the tests.
# Both work on a fresh machine with only Python 3.11; DATABASE_URL / REDIS_URL switch to the
# production track (PostgreSQL, Redis).

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
HOST ?= 127.0.0.1
PORT ?= 8000
# Links in emails point here; follows HOST and PORT unless SITE_URL is set in the environment.
SITE_URL ?= http://$(HOST):$(PORT)
PYTEST_ARGS ?=

.PHONY: install run test lint mutate messages compilemessages demo worker clean bench

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

compilemessages: install
	@if command -v msgfmt >/dev/null; then \
		DJANGO_DEBUG=1 $(BIN)/python manage.py compilemessages --ignore=.venv -v0; \
	else echo "gettext not found: using the compiled translations from the repository"; fi

messages: install
	DJANGO_DEBUG=1 $(BIN)/python manage.py makemessages -l nl --no-obsolete \
		--ignore=.venv --ignore=var --ignore=staticfiles --ignore=tests --ignore=bench

run: compilemessages
	DJANGO_DEBUG=1 SITE_URL='$(SITE_URL)' $(BIN)/python manage.py migrate --noinput
	DJANGO_DEBUG=1 SITE_URL='$(SITE_URL)' $(BIN)/python manage.py load_demo_data
	@# Catch up on the digests due since 07:00 (the hourly job would, at the next full hour); the worker sends them.
	DJANGO_DEBUG=1 SITE_URL='$(SITE_URL)' $(BIN)/python manage.py send_digests
	@echo ""
	@echo "Kennisportaal draait op http://$(HOST):$(PORT)/  (e-mail verschijnt hier in de console; stoppen met Ctrl+C)"
	@echo ""
	@DJANGO_DEBUG=1 SITE_URL='$(SITE_URL)' bash -c 'trap "kill 0" EXIT; \
		$(BIN)/celery -A kennisportaal worker --beat --pool=solo --loglevel=INFO & \
		$(BIN)/python manage.py runserver $(HOST):$(PORT)'

worker: install
	DJANGO_DEBUG=1 $(BIN)/celery -A kennisportaal worker --beat --pool=solo --loglevel=INFO

test: compilemessages
	$(BIN)/pytest $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/lint-imports --no-cache

# Mutation testing of the rules (permissions, services, the moderation state machine); slow, not part of
# `make test`. The configuration is [tool.mutmut] in pyproject.toml; `.venv/bin/mutmut browse` shows survivors.
mutate: compilemessages
	rm -rf mutants
	$(BIN)/mutmut run --max-children $${MUTATE_JOBS:-2} || true
	$(BIN)/mutmut export-cicd-stats >/dev/null 2>&1 || true
	$(BIN)/mutmut results

# The HTTP benchmark (bench/README.md): PostgreSQL and Redis on this machine, Debian's wrk; builds the data set
# at scales 0.01 and 1.0 when missing, serves the portal with gunicorn and loads it with wrk (< 30 minutes).
# BENCH_PG_URL (default postgres://postgres@127.0.0.1:5432/kp_bench), BENCH_REDIS_URL (default Redis DB 14),
# BENCH_ARGS (e.g. "--scales 0.01 --seconds 3").
BENCH_ARGS ?=
bench: compilemessages
	$(BIN)/python -m bench.http $(BENCH_ARGS)

clean:
	rm -rf var staticfiles mutants
