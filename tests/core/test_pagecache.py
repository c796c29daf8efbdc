"""The page cache's rules: what is stored, what is served from it, what always goes to the view, and which
writes outdate it. Invalidation through the real services is in tests/kennisportaal/test_page_cache_invalidation.py.

Some tests use this module as the URLconf: small views whose answers break one storing rule each.
"""

import json

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.cache.backends.locmem import LocMemCache
from django.db import connection, connections, transaction
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.template import engines
from django.test import Client
from django.urls import path, reverse

from core import pagecache
from core.pagecache import GENERATION_KEY, content_changed, is_content_write
from practices.models import Practice
from tests import factories
from tests.deploy.test_compose import clean_env, run_python
from tests.smtpserver import free_port

pytestmark = pytest.mark.django_db

CALLS: list[str] = []


def _counted(name, make):
    def view(request):
        CALLS.append(name)
        return make(request)
    return view


def _with_cookie(request):
    response = HttpResponse("koekje")
    response.set_cookie("gezien", "1")
    return response


def _with_token(request):
    template = engines["django"].from_string('<form method="post">{% csrf_token %}</form>')
    return HttpResponse(template.render({}, request))


def _with_get_token(request):
    get_token(request)
    return HttpResponse("token opgevraagd")


urlpatterns = [
    path("gewoon/", _counted("plain", lambda request: HttpResponse(f"gewoon {request.GET.get('p', '')}")),
         name="plain"),
    path("koekje/", _counted("cookie", _with_cookie), name="cookie"),
    path("prive/", _counted("private", lambda r: HttpResponse("prive", headers={"Cache-Control": "private"})),
         name="private"),
    path("niet-bewaren/", _counted("no-store", lambda r: HttpResponse("x", headers={"Cache-Control": "no-store"})),
         name="no_store"),
    path("formulier/", _counted("form", _with_token), name="form"),
    path("token/", _counted("get-token", _with_get_token), name="get_token"),
    path("tekst-met-token/", _counted("body", lambda r: HttpResponse('name="csrfmiddlewaretoken"')), name="body"),
    path("fout/", _counted("error", lambda r: HttpResponse("weg", status=404)), name="error"),
    path("niet-op-de-lijst/", _counted("unlisted", lambda r: HttpResponse("x")), name="unlisted"),
]
TEST_URL_NAMES = frozenset({"plain", "cookie", "private", "no_store", "form", "get_token", "body", "error"})


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 120
    return settings


@pytest.fixture
def test_views(page_cache):
    page_cache.ROOT_URLCONF = __name__
    page_cache.PAGE_CACHE_URL_NAMES = TEST_URL_NAMES
    CALLS.clear()
    return CALLS


def get_twice(client, url, **extra):
    return client.get(url, **extra), client.get(url, **extra)


# --- hits ------------------------------------------------------------------------------------------------


def test_an_anonymous_page_is_stored_and_then_served_without_a_query(client, page_cache, django_assert_num_queries):
    factories.PracticeFactory(title="Moestuin op het schoolplein")
    first = client.get("/")
    assert first.status_code == 200
    assert first["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        second = client.get("/")
    assert second.status_code == 200
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert "Moestuin op het schoolplein" in second.content.decode()


def test_a_hit_carries_the_same_headers_as_the_view_with_its_own_request_id(client, page_cache):
    first, second = get_twice(client, "/praktijkvoorbeelden/")
    assert second["X-Page-Cache"] == "hit"
    names = {name.lower() for name in first.headers} - {"x-page-cache"}
    assert names == {name.lower() for name in second.headers} - {"x-page-cache"}
    for name in ("Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy", "X-Frame-Options",
                 "Cross-Origin-Opener-Policy", "Content-Type", "Content-Language", "Vary"):
        assert second[name] == first[name], name
    assert set(second["Content-Security-Policy"].split("; ")) == {
        "default-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "form-action 'self'"}
    assert second["X-Frame-Options"] == "DENY"
    assert second["Content-Type"] == "text/html; charset=utf-8"
    assert len(second["X-Request-ID"]) == 32
    assert second["X-Request-ID"] != first["X-Request-ID"]
    assert client.get("/praktijkvoorbeelden/", headers={"X-Request-ID": "proxy-42"})["X-Request-ID"] == "proxy-42"


def test_head_is_served_from_a_stored_get_but_stores_nothing(client, test_views):
    assert client.head("/gewoon/").get("X-Page-Cache") is None
    assert client.head("/gewoon/").get("X-Page-Cache") is None
    assert client.get("/gewoon/")["X-Page-Cache"] == "miss"
    head = client.head("/gewoon/")
    assert head["X-Page-Cache"] == "hit"
    assert head.content == b""
    assert CALLS == ["plain", "plain", "plain"]


def test_query_string_variants_are_distinct_pages(client, test_views):
    assert client.get("/gewoon/?p=1").content == b"gewoon 1"
    assert client.get("/gewoon/?p=2").content == b"gewoon 2"
    assert client.get("/gewoon/").content == b"gewoon "
    again = [client.get(url) for url in ("/gewoon/?p=1", "/gewoon/?p=2", "/gewoon/")]
    assert [(r["X-Page-Cache"], r.content) for r in again] == [
        ("hit", b"gewoon 1"), ("hit", b"gewoon 2"), ("hit", b"gewoon ")]
    assert CALLS == ["plain"] * 3


def test_search_terms_are_distinct_pages(client, page_cache):
    factories.PracticeFactory(title="Techniekclub na school")
    factories.PracticeFactory(title="Moestuin op het schoolplein")
    for _ in range(2):
        club = client.get("/praktijkvoorbeelden/?q=techniekclub").content.decode()
        tuin = client.get("/praktijkvoorbeelden/?q=moestuin").content.decode()
        assert ("Techniekclub na school" in club, "Moestuin op het schoolplein" in club) == (True, False)
        assert ("Techniekclub na school" in tuin, "Moestuin op het schoolplein" in tuin) == (False, True)
    assert client.get("/praktijkvoorbeelden/?q=moestuin")["X-Page-Cache"] == "hit"


def test_a_long_query_string_goes_to_the_view(client, test_views):
    url = "/gewoon/?p=" + "x" * pagecache.MAX_QUERY_STRING
    get_twice(client, url)
    assert CALLS == ["plain", "plain"]


def test_the_host_is_part_of_the_key(client, test_views):
    client.get("/gewoon/", HTTP_HOST="localhost")
    assert client.get("/gewoon/", HTTP_HOST="127.0.0.1")["X-Page-Cache"] == "miss"
    assert client.get("/gewoon/", HTTP_HOST="localhost")["X-Page-Cache"] == "hit"


def test_every_allowlisted_page_but_about_is_served_from_the_cache(client, page_cache, coalition, event):
    """An anonymous visitor's public pages carry no CSRF token, so each is stored; a page that gains a form
    with a token silently stops being cached, which this test reports. About has the help form: never cached."""
    practice = factories.PracticeFactory(coalition=coalition)
    network = factories.LearningNetworkFactory()
    tool = factories.ToolFactory(developer=coalition)
    urls = {
        "home": reverse("home"), "about": reverse("about"),
        "practices:list": reverse("practices:list"), "practices:detail": practice.get_absolute_url(),
        "practices:tips": reverse("practices:tips"),
        "events:list": reverse("events:list"), "events:detail": event.get_absolute_url(),
        "coalitions:list": reverse("coalitions:list"),
        "coalition_detail": reverse("coalition_detail", args=[coalition.slug]),
        "region_detail": reverse("region_detail", args=[coalition.region.slug]),
        "coalitions:network_list": reverse("coalitions:network_list"),
        "network_detail": reverse("network_detail", args=[network.slug]),
        "visit_chains": reverse("visit_chains"),
        "region_visit_chains": reverse("region_visit_chains", args=[coalition.region.slug]),
        "tools:list": reverse("tools:list"), "tools:detail": reverse("tools:detail", args=[tool.slug]),
    }
    assert set(urls) == settings.PAGE_CACHE_URL_NAMES
    answers = {}
    for name, url in urls.items():
        first, second = get_twice(client, url)
        answers[name] = (first.status_code, second.status_code, second.get("X-Page-Cache"))
    assert answers == {name: (200, 200, None if name == "about" else "hit") for name in urls}


# --- requests that always go to the view ---------------------------------------------------------------


def test_a_request_with_a_session_cookie_bypasses_the_cache(client, test_views):
    client.get("/gewoon/")
    client.cookies[settings.SESSION_COOKIE_NAME] = "iets"
    response = client.get("/gewoon/")
    assert "X-Page-Cache" not in response
    assert CALLS == ["plain", "plain"]


def test_a_request_with_a_messages_cookie_bypasses_the_cache(client, test_views):
    client.get("/gewoon/")
    client.cookies["messages"] = "iets"
    response = client.get("/gewoon/")
    assert "X-Page-Cache" not in response
    assert CALLS == ["plain", "plain"]


def test_a_logged_in_member_never_sees_the_anonymous_copy(client, page_cache, member):
    anonymous = Client()
    assert anonymous.get("/")["X-Page-Cache"] == "miss"
    assert anonymous.get("/")["X-Page-Cache"] == "hit"
    response = client.get("/")
    assert "X-Page-Cache" not in response
    assert 'href="/mijn/"' in response.content.decode()
    assert 'href="/mijn/"' not in anonymous.get("/").content.decode()


def test_a_flash_message_reaches_the_visitor_instead_of_a_cached_page(client, page_cache):
    """The help form answers with a message in the messages cookie; the next page must show it."""
    region = factories.RegionFactory(name="Noord")
    factories.RegionCoordinatorFactory(region=region)
    assert client.get("/")["X-Page-Cache"] == "miss"
    assert client.get("/")["X-Page-Cache"] == "hit"
    client.post(reverse("about"), {"name": "Piet", "email": "piet@example.org", "organisation": "School",
                                   "region": region.pk, "question": "Hoe begin ik een coalitie?"})
    assert "messages" in client.cookies
    response = client.get("/")
    assert "X-Page-Cache" not in response
    assert "Bedankt! Je vraag is verstuurd naar de regiocoördinatoren van regio Noord." in response.content.decode()


def test_post_is_never_answered_from_the_cache(client, test_views):
    client.get("/gewoon/")
    response = client.post("/gewoon/")
    assert "X-Page-Cache" not in response
    assert CALLS == ["plain", "plain"]


def test_a_url_name_outside_the_allowlist_is_not_cached(client, test_views, page_cache):
    get_twice(client, "/niet-op-de-lijst/")
    assert CALLS == ["unlisted", "unlisted"]


def test_pages_outside_the_allowlist_such_as_the_privacy_statement_are_not_cached(client, page_cache):
    first, second = get_twice(client, reverse("privacy"))
    assert (first.status_code, "X-Page-Cache" in first, "X-Page-Cache" in second) == (200, False, False)


# --- answers that are never stored ---------------------------------------------------------------------


@pytest.mark.parametrize(("url", "name"), [
    ("/fout/", "error"),
    ("/koekje/", "cookie"),
    ("/prive/", "private"),
    ("/niet-bewaren/", "no-store"),
    ("/formulier/", "form"),
    ("/token/", "get-token"),
    ("/tekst-met-token/", "body"),
])
def test_answers_that_break_a_rule_are_not_stored(client, test_views, url, name):
    first, second = get_twice(client, url)
    assert "X-Page-Cache" not in first
    assert "X-Page-Cache" not in second
    assert [name, name] == CALLS


def test_the_about_page_has_a_form_with_a_csrf_token_and_is_never_shared(client, page_cache):
    first, second = get_twice(client, reverse("about"))
    assert "csrfmiddlewaretoken" in second.content.decode()
    assert ("X-Page-Cache" in first, "X-Page-Cache" in second) == (False, False)


def test_an_unknown_practice_is_a_404_every_time(client, page_cache, django_assert_num_queries):
    client.get("/praktijkvoorbeelden/bestaat-niet/")
    with django_assert_num_queries(1):
        assert client.get("/praktijkvoorbeelden/bestaat-niet/").status_code == 404


def test_the_page_cache_is_off_by_default_under_tests_and_with_zero_seconds(client, settings, test_views):
    settings.PAGE_CACHE_SECONDS = 0
    get_twice(client, "/gewoon/")
    assert CALLS == ["plain", "plain"]


# --- the cache failing ---------------------------------------------------------------------------------


class BrokenCache(LocMemCache):
    def get_many(self, keys, version=None):
        raise RuntimeError("kapot")

    def set(self, *args, **kwargs):
        raise RuntimeError("kapot")


def test_an_unreachable_redis_leaves_every_page_to_its_view(client, test_views, settings):
    settings.CACHES = {"default": {
        "BACKEND": "core.cache.DegradingRedisCache", "LOCATION": f"redis://127.0.0.1:{free_port()}/0",
        "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
    }}
    first, second = get_twice(client, "/gewoon/")
    assert [first.status_code, second.status_code] == [200, 200]
    assert ("X-Page-Cache" in first, "X-Page-Cache" in second) == (False, False)
    assert CALLS == ["plain", "plain"]


def test_an_error_of_the_cache_falls_through_to_the_view(client, test_views, settings, caplog):
    settings.CACHES = {"default": {"BACKEND": f"{__name__}.BrokenCache"}}
    first, second = get_twice(client, "/gewoon/")
    assert [first.status_code, second.status_code] == [200, 200]
    assert CALLS == ["plain", "plain"]
    assert [r.getMessage() for r in caplog.records if r.name == "core.pagecache"] == [
        "Page cache lookup failed; answering without the cache"] * 2


# --- which writes outdate the pages --------------------------------------------------------------------


@pytest.mark.parametrize(("sql", "expected"), [
    ('INSERT INTO "practices_practice" ("title") VALUES (%s)', True),
    ('UPDATE "events_event" SET "cancelled_at" = %s WHERE "events_event"."id" = %s', True),
    ('DELETE FROM "practices_tip" WHERE "practices_tip"."id" IN (%s)', True),
    ("  update practices_practice set title = 'x'", True),
    ('UPDATE "accounts_user" SET "full_name" = %s WHERE "accounts_user"."id" = %s', True),
    ('UPDATE "accounts_user" SET "last_login" = %s WHERE "accounts_user"."id" = %s', False),
    ('INSERT INTO "django_session" ("session_key") VALUES (%s)', False),
    ('UPDATE "django_session" SET "expire_date" = %s WHERE "django_session"."session_key" = %s', False),
    ('UPDATE "notifications_outboundemail" SET "status" = %s WHERE "id" = %s', False),
    ('INSERT INTO "portal_digeststate" ("id") VALUES (%s)', False),
    ('DELETE FROM "account_emailconfirmation" WHERE "id" = %s', False),
    ('SELECT "practices_practice"."id" FROM "practices_practice" FOR UPDATE', False),
    ('SELECT 1 WHERE \'UPDATE "x"\' = %s', False),
])
def test_content_writes_are_told_from_bookkeeping(sql, expected):
    assert is_content_write(sql) is expected


def generation():
    return cache.get(GENERATION_KEY)


def test_a_content_write_bumps_the_generation_after_commit(django_capture_on_commit_callbacks):
    practice = factories.PracticeFactory()
    tip = factories.TipFactory()
    cache.set(GENERATION_KEY, 10)
    with django_capture_on_commit_callbacks(execute=True) as callbacks, transaction.atomic():
        practice.title = "Nieuw"
        practice.save()
        tip.save()
        Practice.objects.filter(pk=practice.pk).update(summary="Anders")
        assert generation() == 10  # not before the commit
    assert callbacks == [pagecache.bump_generation]  # one bump for the whole transaction
    assert generation() == 11


def test_a_rolled_back_write_does_not_bump(django_capture_on_commit_callbacks):
    practice = factories.PracticeFactory()
    cache.set(GENERATION_KEY, 10)
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError), transaction.atomic():
        practice.save()
        raise RuntimeError("terug")
    assert generation() == 10


def test_a_write_after_a_rolled_back_savepoint_still_bumps(django_capture_on_commit_callbacks):
    practice = factories.PracticeFactory()
    cache.set(GENERATION_KEY, 10)
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        with pytest.raises(RuntimeError), transaction.atomic():
            practice.save()
            raise RuntimeError("terug")
        practice.save()
    assert generation() == 11


def test_reads_and_bookkeeping_writes_do_not_bump(client, django_capture_on_commit_callbacks):
    user = factories.UserFactory(email="lid@example.org", password="een-lang-wachtwoord")  # noqa: S106
    cache.set(GENERATION_KEY, 10)
    with django_capture_on_commit_callbacks(execute=True):
        list(get_user_model().objects.all())
        assert client.login(email=user.email, password="een-lang-wachtwoord")  # session + last_login
        client.get("/mijn/")
    assert generation() == 10


def test_content_changed_bumps_on_commit(django_capture_on_commit_callbacks):
    cache.set(GENERATION_KEY, 10)
    with django_capture_on_commit_callbacks(execute=True):
        content_changed()
        content_changed()
        assert generation() == 10
    assert generation() == 11


def test_a_lost_generation_starts_again_at_a_value_no_page_carries():
    cache.delete(GENERATION_KEY)
    pagecache.bump_generation()
    assert generation() > 1_700_000_000 * 10**9  # nanoseconds since the epoch, not 1


def test_the_current_generation_is_read_or_started(monkeypatch):
    cache.set(GENERATION_KEY, 10)
    assert pagecache.current_generation() == 10
    cache.delete(GENERATION_KEY)
    started = pagecache.current_generation()
    assert started > 1_700_000_000 * 10**9 and generation() == started

    def broken(*args, **kwargs):
        raise RuntimeError("cache broken")

    monkeypatch.setattr(cache, "get", broken)
    assert pagecache.current_generation() is None


def test_every_connection_watches_its_writes():
    assert sum(isinstance(w, pagecache._WriteWatcher) for w in connection.execute_wrappers) == 1
    pagecache.watch_writes(sender=None, connection=connection)
    assert sum(isinstance(w, pagecache._WriteWatcher) for w in connection.execute_wrappers) == 1


def test_a_new_connection_watches_its_writes_once_it_connects():
    """A worker's or a thread's connection is new: connection_created installs the watcher."""
    other = connections.create_connection("default")
    try:
        assert [w for w in other.execute_wrappers if isinstance(w, pagecache._WriteWatcher)] == []
        other.ensure_connection()
        assert [w.connection for w in other.execute_wrappers if isinstance(w, pagecache._WriteWatcher)] == [other]
    finally:
        other.close()


@pytest.mark.django_db(transaction=True)
def test_outside_a_test_transaction_the_commit_itself_bumps():
    cache.set(GENERATION_KEY, 10)
    factories.PracticeFactory()  # autocommit: several statements, each its own commit
    assert generation() > 10
    before = generation()
    with transaction.atomic():
        factories.TipFactory()
        assert generation() == before
    assert generation() == before + 1


# --- settings ------------------------------------------------------------------------------------------


def read_settings(tmp_path, **env):
    script = ("import json, django; django.setup(); from django.conf import settings as s; "
              "print(json.dumps([s.PAGE_CACHE_SECONDS, s.CACHES['default']['BACKEND']]))")
    result = run_python(["-c", script], clean_env(tmp_path, DJANGO_DEBUG="1", KP_TESTING="0", **env))
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_page_cache_defaults(tmp_path):
    redis = "redis://127.0.0.1:6379/11"
    assert read_settings(tmp_path) == [0, "django.core.cache.backends.locmem.LocMemCache"]
    assert read_settings(tmp_path, REDIS_URL=redis) == [120, "core.cache.DegradingRedisCache"]
    assert read_settings(tmp_path, REDIS_URL=redis, PAGE_CACHE_SECONDS="30") == [30, "core.cache.DegradingRedisCache"]
    assert read_settings(tmp_path, REDIS_URL=redis, CACHE_DISABLED="1") == [
        0, "django.core.cache.backends.dummy.DummyCache"]


def test_a_bump_while_redis_is_unreachable_asks_redis_once(settings, caplog):
    settings.CACHES = {"default": {
        "BACKEND": "core.cache.DegradingRedisCache", "LOCATION": f"redis://127.0.0.1:{free_port()}/0",
        "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
    }}
    pagecache.bump_generation()
    assert [r.getMessage().split(":")[0] for r in caplog.records] == [
        "Redis cache unreachable during incr; answering as an empty cache"]
