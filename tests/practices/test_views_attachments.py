"""Attachments download through a view that checks the practice is visible; /media/ serves nothing."""

import importlib

import pytest
from django.core.files.base import ContentFile
from django.urls import clear_url_caches, reverse

import kennisportaal.urls
from moderation.models import ModerationState
from practices.models import PracticeAttachment
from tests import factories

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4 draaiboek ouderkamer"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def attach(practice, name="draaiboek.pdf", content=PDF):
    return PracticeAttachment.objects.create(practice=practice, title="Draaiboek",
                                             file=ContentFile(content, name=name))


def body(response) -> bytes:
    return b"".join(response.streaming_content)


def test_published_practice_attachment_downloads_for_anyone(client, coalition):
    attachment = attach(factories.PracticeFactory(slug="ouderkamer", coalition=coalition))
    assert attachment.get_absolute_url() == f"/praktijkvoorbeelden/ouderkamer/bijlagen/{attachment.pk}/draaiboek.pdf"
    response = client.get(attachment.get_absolute_url())
    assert response.status_code == 200
    assert body(response) == PDF
    assert response["Content-Disposition"] == 'attachment; filename="draaiboek.pdf"'
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Security-Policy"] == "sandbox; default-src 'none'"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "Cache-Control" not in response


@pytest.fixture
def urlconf_built_with_debug(settings):
    """The URL conf as development builds it (DEBUG is read when the module is imported)."""
    settings.DEBUG = True
    clear_url_caches()
    importlib.reload(kennisportaal.urls)
    yield
    settings.DEBUG = False
    importlib.reload(kennisportaal.urls)
    clear_url_caches()


@pytest.mark.parametrize("debug", [False, True])
def test_media_url_serves_nothing_in_either_mode(request, client, coalition, debug):
    if debug:
        request.getfixturevalue("urlconf_built_with_debug")
    attachment = attach(factories.PracticeFactory(coalition=coalition, state=ModerationState.DRAFT,
                                                  published_at=None))
    assert client.get(f"/media/{attachment.file.name}").status_code == 404
    assert client.get(attachment.get_absolute_url()).status_code == 404


@pytest.mark.parametrize(("who", "status"), [
    ("anonymous", 404), ("other member", 404), ("author", 200), ("coordinator", 200), ("other coordinator", 404),
])
def test_unpublished_practice_attachment_only_for_author_and_coordinator(client, coalition, region, who, status):
    author = factories.UserFactory()
    practice = factories.PracticeFactory(coalition=coalition, author=author, state=ModerationState.SUBMITTED,
                                         published_at=None)
    attachment = attach(practice)
    users = {
        "other member": factories.UserFactory(),
        "author": author,
        "coordinator": factories.RegionCoordinatorFactory(region=region).user,
        "other coordinator": factories.RegionCoordinatorFactory(region=factories.RegionFactory()).user,
    }
    if who in users:
        client.force_login(users[who])
    response = client.get(attachment.get_absolute_url())
    assert response.status_code == status
    if status == 200:
        assert body(response) == PDF
        assert response["Cache-Control"] == "private, no-store"


def test_attachment_of_one_practice_is_not_reachable_through_another(client, coalition):
    hidden = factories.PracticeFactory(coalition=coalition, state=ModerationState.HIDDEN)
    public = factories.PracticeFactory(slug="openbaar", coalition=coalition)
    attachment = attach(hidden)
    url = reverse("practices:attachment", kwargs={"slug": "openbaar", "pk": attachment.pk,
                                                  "filename": "draaiboek.pdf"})
    assert client.get(url).status_code == 404
    other = attach(public, name="ander.pdf")
    wrong_name = reverse("practices:attachment", kwargs={"slug": "openbaar", "pk": other.pk,
                                                         "filename": "draaiboek.pdf"})
    assert client.get(wrong_name).status_code == 404


def test_missing_file_is_a_404_not_a_500(client, coalition, media):
    attachment = attach(factories.PracticeFactory(coalition=coalition))
    (media / attachment.file.name).unlink()
    assert client.get(attachment.get_absolute_url()).status_code == 404


def test_practice_page_links_the_attachment_through_the_view(client, coalition):
    practice = factories.PracticeFactory(coalition=coalition)
    attachment = attach(practice)
    html = client.get(practice.get_absolute_url()).content.decode()
    assert f'<a href="{attachment.get_absolute_url()}" download>Draaiboek</a>' in html
    assert "/media/" not in html
