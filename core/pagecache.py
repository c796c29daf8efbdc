"""The page cache: whole responses of public pages for anonymous visitors, invalidated by every content write.

A hit costs one cache round trip (``get_many`` of the page and the content generation) and no database query,
template, session or user: ``PageCacheMiddleware`` sits before ``SessionMiddleware``, so the middleware after
it never runs for a hit. The middleware before it (request id, CSP, security headers) runs as for any page.

Only these are stored: a ``GET`` of a URL whose name is in ``settings.PAGE_CACHE_URL_NAMES``, from a request
with no session cookie and no messages cookie (a visitor who is logged in or has a flash message waiting always
gets the view), answered with status 200, no cookie, no ``Cache-Control: private/no-store/no-cache`` and no
CSRF token (a page with a form that carries one is never shared). ``HEAD`` is served from a stored ``GET`` but
stores nothing.

Invalidation is a global content generation number kept in the cache next to the pages. Each stored page
carries the generation read before its view ran, and a page of an older generation is a miss. Every
connection gets an execute wrapper (installed on ``connection_created``, in web and worker processes alike)
that notices an INSERT, UPDATE or DELETE of a content table and bumps the generation after the transaction
commits (at once outside a transaction). Bookkeeping tables (sessions, the outbox, the digest watermark, the
admin log, allauth's addresses and confirmations, calendar tokens, invitations) and a login's ``last_login``
do not count, so logging in flushes nothing. ``content_changed()`` bumps explicitly.

Reading the generation before the view and bumping after commit makes a stale page impossible to store as
fresh: a view that read the old rows stored its page under the old generation, which the bump outdates.
While the cache is unreachable every read misses and every write is dropped (``core.cache``); any other error
of the page cache is logged and the view answers as if there were no cache. A bump lost while Redis was
unreachable (a network fault that left its data in place) leaves pages stored before it at most
``PAGE_CACHE_SECONDS`` old.
"""

import hashlib
import logging
import re
import time
from functools import lru_cache

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.db import connections
from django.http import HttpResponse
from django.urls import Resolver404, get_urlconf, resolve
from django.utils.translation import get_language_from_request

from core.cache import UNREACHABLE

logger = logging.getLogger(__name__)

GENERATION_KEY = "pagecache:generation"
_PAGE_KEY_PREFIX = "pagecache:page:"
# Query strings longer than this are served by the view but not stored (no cache filling with junk).
MAX_QUERY_STRING = 512

# Tables whose writes never change what a public page shows.
BOOKKEEPING_TABLES = frozenset({
    "django_session",
    "django_admin_log",
    "notifications_outboundemail",
    "portal_digeststate",
    "account_emailaddress",
    "account_emailconfirmation",
    "events_calendartoken",
    "coalitions_invitation",
})

_WRITE = re.compile(r'\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+[`"\[]?(\w+)', re.IGNORECASE)
# Django's update of the login time (django.contrib.auth's update_last_login): a login is no content change.
_LAST_LOGIN_ONLY = re.compile(r'\s*UPDATE\s+"?accounts_user"?\s+SET\s+"?last_login"?\s*=\s*\S+\s+WHERE', re.IGNORECASE)


# --- the generation ---------------------------------------------------------------------------------------


def _new_generation() -> int:
    """A starting value no earlier generation had, so a generation key lost from the cache (evicted, flushed)
    cannot come back with a number that old pages still carry."""
    return time.time_ns()


def bump_generation() -> None:
    """Every stored page is outdated from now on."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError as exc:
        if isinstance(exc.__cause__, UNREACHABLE):
            return  # Redis is down (core.cache logged it): no second wait for a set that would be dropped
        cache.set(GENERATION_KEY, _new_generation(), timeout=None)  # no generation yet: start a new one
    except Exception:
        logger.exception("Page cache: could not bump the content generation")


def current_generation() -> int | None:
    """The content generation now (started if there is none yet), or None while the cache cannot be read: a
    part of the key of a cached fragment that must change with every content write. Read it before the data
    the fragment shows, like the middleware, so a fragment is never stored as newer than its rows."""
    try:
        generation = cache.get(GENERATION_KEY)
        if generation is None:
            cache.add(GENERATION_KEY, _new_generation(), timeout=None)
            generation = cache.get(GENERATION_KEY)
    except Exception:
        logger.exception("Page cache: could not read the content generation")
        return None
    return generation


def content_changed(using: str = "default") -> None:
    """Outdate every cached page once the current transaction commits (at once outside a transaction).

    Writes through the ORM or a cursor do this by themselves; call it for a change the database does not see.
    """
    _schedule_bump(connections[using])


def _schedule_bump(connection) -> None:
    if connection.in_atomic_block:
        # One bump per transaction (and savepoint level), however many rows it writes. A bump scheduled at
        # this same level is dropped only together with this write (rolling back that savepoint), so it can
        # stand for it; one scheduled in a savepoint that may still roll back cannot.
        savepoints = set(connection.savepoint_ids)
        if not any(func is bump_generation and sids == savepoints for sids, func, _ in connection.run_on_commit):
            connection.on_commit(bump_generation)
    else:
        bump_generation()


def is_content_write(sql: str) -> bool:
    match = _WRITE.match(sql)
    if match is None:
        return False
    table = match.group(1).lower()
    if table in BOOKKEEPING_TABLES:
        return False
    return not (table == "accounts_user" and _LAST_LOGIN_ONLY.match(sql))


class _WriteWatcher:
    """The execute wrapper of one connection: after a content write succeeds, schedule a bump."""

    def __init__(self, connection):
        self.connection = connection

    def __call__(self, execute, sql, params, many, context):
        result = execute(sql, params, many, context)
        if isinstance(sql, str) and is_content_write(sql):
            _schedule_bump(self.connection)
        return result


def watch_writes(sender, connection, **kwargs) -> None:
    """``connection_created`` receiver: install the write watcher once per connection object."""
    if not any(isinstance(wrapper, _WriteWatcher) for wrapper in connection.execute_wrappers):
        connection.execute_wrappers.append(_WriteWatcher(connection))


# --- the middleware ---------------------------------------------------------------------------------------


@lru_cache(maxsize=4096)
def _url_name(urlconf: str, path_info: str) -> str | None:
    try:
        return resolve(path_info, urlconf).view_name
    except Resolver404:
        return None


def page_key(request) -> str:
    """Method-independent: scheme, host, full path with query string, and language."""
    raw = "\n".join((
        request.scheme, request.get_host(), request.get_full_path(),
        get_language_from_request(request) or settings.LANGUAGE_CODE,
    ))
    return _PAGE_KEY_PREFIX + hashlib.sha256(raw.encode("utf-8", "surrogateescape")).hexdigest()


def _cacheable_request(request) -> bool:
    if request.method not in ("GET", "HEAD") or settings.PAGE_CACHE_SECONDS <= 0:
        return False
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies or CookieStorage.cookie_name in cookies:
        return False
    if len(request.META.get("QUERY_STRING", "")) > MAX_QUERY_STRING:
        return False
    urlconf = getattr(request, "urlconf", None) or get_urlconf() or settings.ROOT_URLCONF
    return _url_name(urlconf, request.path_info) in settings.PAGE_CACHE_URL_NAMES


def _storable(request, response) -> bool:
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    cache_control = response.get("Cache-Control", "").lower()
    if any(word in cache_control for word in ("private", "no-store", "no-cache")):
        return False
    # A page with a CSRF token is someone's own: get_token() flags the request, and the body is checked too.
    return not (request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or b"csrfmiddlewaretoken" in response.content)


class PageCacheMiddleware:
    """Serves stored pages to anonymous visitors; see the module docstring for what is stored."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            key = page_key(request) if _cacheable_request(request) else None
            if key is not None:
                found = cache.get_many([GENERATION_KEY, key])
        except DisallowedHost:
            key = None  # CommonMiddleware answers 400
        except Exception:
            logger.exception("Page cache lookup failed; answering without the cache")
            key = None
        if key is None:
            return self.get_response(request)

        generation = found.get(GENERATION_KEY)
        page = found.get(key)
        if page is not None and generation is not None and page[0] == generation:
            _, headers, content = page
            response = HttpResponse(content, headers=headers)
            response["X-Page-Cache"] = "hit"
            return response

        if generation is None:
            generation = self._start_generation()
        response = self.get_response(request)
        if request.method == "GET" and generation is not None:
            self._store(request, response, key, generation)
        return response

    @staticmethod
    def _start_generation():
        try:
            cache.add(GENERATION_KEY, _new_generation(), timeout=None)
            return cache.get(GENERATION_KEY)
        except Exception:
            logger.exception("Page cache: could not read the content generation")
            return None

    @staticmethod
    def _store(request, response, key, generation) -> None:
        try:
            if not _storable(request, response):
                return
            headers = [(name, value) for name, value in response.items() if name.lower() != "x-page-cache"]
            cache.set(key, (generation, headers, response.content), timeout=settings.PAGE_CACHE_SECONDS)
            response["X-Page-Cache"] = "miss"
        except Exception:
            logger.exception("Page cache: could not store the page")
