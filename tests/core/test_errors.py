"""Failure pages: a friendly Dutch 503 while the database is unreachable, Dutch 404 and 500 pages."""

import re
from unittest import mock

import pytest
from django.conf import settings
from django.db import InterfaceError, OperationalError, connection
from django.test import Client
from django.urls import reverse

from core.errors import database_unavailable
from tests import factories
from tests.helpers import text_of

pytestmark = pytest.mark.django_db

UNAVAILABLE = "Kennisportaal is tijdelijk niet bereikbaar"
TRY_AGAIN = "We kunnen onze database nu niet bereiken, daarom kan deze pagina niet worden getoond."


def heading(html: str) -> str:
    return re.search(r"<h1>(.*?)</h1>", html, re.S).group(1).strip()


def _assert_unavailable_page(response):
    assert response.status_code == 503
    assert response["Retry-After"] == "60"
    assert response["Cache-Control"] == "no-store"
    html = text_of(response)
    assert heading(html) == UNAVAILABLE
    assert TRY_AGAIN in html
    assert 'class="site-header"' in html and "/static/css/site.css" in html
    assert "Traceback" not in html and "OperationalError" not in html


@pytest.mark.parametrize("error", [OperationalError, InterfaceError])
def test_a_page_answers_503_while_the_database_is_unreachable(client, error):
    with mock.patch.object(connection, "cursor", side_effect=error("could not connect to server")):
        response = client.get(reverse("practices:list"))
    _assert_unavailable_page(response)


def test_a_logged_in_member_gets_the_503_page_too(client):
    # Loading the session (and the user) is the first query; it fails inside the view's rendering.
    client.force_login(factories.UserFactory())
    with mock.patch.object(connection, "cursor", side_effect=OperationalError("the database system is shutting down")):
        response = client.get(reverse("home"))
    _assert_unavailable_page(response)


def test_the_503_page_renders_without_touching_the_database(django_assert_num_queries):
    with django_assert_num_queries(0):
        response = database_unavailable()
    assert heading(response.content.decode()) == UNAVAILABLE


@pytest.mark.urls("tests.core.urls_failing")
def test_a_database_error_outside_a_view_answers_503_through_the_500_handler():
    # The 404 page of a logged-in member loads the session: with the database gone that fails inside the
    # 404 handler, outside any view, and the 500 handler turns it into the 503 page.
    client = Client(raise_request_exception=False)
    client.force_login(factories.UserFactory())
    with mock.patch.object(connection, "cursor", side_effect=OperationalError("connection refused")):
        response = client.get("/bestaat-niet/")
    _assert_unavailable_page(response)


@pytest.mark.urls("tests.core.urls_failing")
def test_a_view_that_raises_a_database_error_answers_503():
    response = Client(raise_request_exception=False).get("/test-database-gone/")
    _assert_unavailable_page(response)


@pytest.mark.urls("tests.core.urls_failing")
def test_a_bug_answers_the_dutch_500_page():
    response = Client(raise_request_exception=False).get("/test-boom/")
    assert response.status_code == 500
    html = text_of(response)
    assert heading(html) == "Er ging iets mis"
    assert ("Door een fout aan onze kant kon deze pagina niet worden getoond. Er is niets verloren gegaan van wat "
            "je eerder hebt opgeslagen. Probeer het over een paar minuten opnieuw.") in html
    assert 'class="site-header"' in html and 'href="/"' in html
    assert "RuntimeError" not in html and "a bug in a view" not in html


def test_404_is_dutch_in_the_site_look(client):
    response = client.get("/bestaat-echt-niet/")
    assert response.status_code == 404
    html = text_of(response)
    assert heading(html) == "Deze pagina is niet gevonden"
    assert 'class="site-header"' in html and 'class="site-footer"' in html


@pytest.mark.parametrize("template", ["500.html", "503.html", "error_base.html"])
def test_error_pages_have_no_inline_style_or_script(template):
    text = (settings.BASE_DIR / "templates" / template).read_text(encoding="utf-8")
    assert "<style" not in text and "style=" not in text and "<script" not in text
