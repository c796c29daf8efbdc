"""The admin site: every model opens, search, autocomplete, closed to members."""

import pytest
from django.contrib import admin
from django.urls import reverse

from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client):
    staff = factories.UserFactory(email="beheer@example.org", is_staff=True, is_superuser=True)
    client.force_login(staff)
    return client


def _registered():
    return [(model._meta.app_label, model._meta.model_name) for model in admin.site._registry]


@pytest.mark.parametrize(("app_label", "model_name"), _registered())
def test_every_changelist_and_form_opens(staff_client, app_label, model_name):
    factories.EventFactory(title="Werkbezoek Maastricht")
    factories.PracticeFactory(title="Middagpauze Winsum")
    changelist = staff_client.get(reverse(f"admin:{app_label}_{model_name}_changelist"), {"q": "a"})
    assert changelist.status_code == 200
    model_admin = admin.site._registry[next(m for m in admin.site._registry if m._meta.model_name == model_name)]
    if model_admin.has_add_permission(changelist.wsgi_request):
        add = staff_client.get(reverse(f"admin:{app_label}_{model_name}_add"))
        assert add.status_code == 200
        assert b'name="_save"' in add.content


def test_practice_changelist_search_and_filter(staff_client):
    factories.PracticeFactory(title="Middagpauze Winsum")
    factories.PracticeFactory(title="Talentdag Haarlem")
    response = staff_client.get(reverse("admin:practices_practice_changelist"), {"q": "Winsum"})
    assert "Middagpauze Winsum" in response.content.decode()
    assert "Talentdag Haarlem" not in response.content.decode()


def test_coalition_autocomplete(staff_client):
    factories.CoalitionFactory(name="Oost-Groningen")
    factories.CoalitionFactory(name="Den Haag")
    response = staff_client.get(
        reverse("admin:autocomplete"),
        {"term": "oost", "app_label": "events", "model_name": "event", "field_name": "organiser"},
    )
    assert [r["text"] for r in response.json()["results"]] == ["Oost-Groningen"]


def test_admin_is_closed_to_members(client):
    client.force_login(factories.UserFactory())
    response = client.get(reverse("admin:events_event_changelist"))
    assert response.status_code == 302
