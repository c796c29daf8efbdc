"""Registration pages: registering, the waiting list, the organisers' list, attendance and CSV."""

import csv
import io
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from events.models import Registration
from events.services.registrations import register_for_event
from tests import factories
from tests.helpers import users

R = Registration.Status


@pytest.mark.django_db
def test_register_in_the_browser_flow(client, event):
    user = factories.UserFactory(full_name="Britt", organisation_name="De Vuurvogel")
    client.force_login(user)
    page = client.get(event.get_absolute_url()).content.decode()
    assert "Je meldt je aan als Britt (De Vuurvogel)" in page
    response = client.post(reverse("events:register", args=[event.slug]), {"remark": "Vegetarisch"}, follow=True)
    assert "Je bent aangemeld" in response.content.decode()
    assert Registration.objects.get().remark == "Vegetarisch"
    response = client.post(reverse("events:unregister", args=[event.slug]), follow=True)
    assert Registration.objects.get().status == R.CANCELLED


@pytest.mark.django_db
def test_waiting_list_position_is_shown(client, event):
    for user in users(2):
        register_for_event(event, user=user)
    late = factories.UserFactory()
    client.force_login(late)
    response = client.post(reverse("events:register", args=[event.slug]), follow=True)
    html = response.content.decode()
    assert "nummer 1 op de wachtlijst" in html
    assert "op de wachtlijst, op plaats 1" in html


@pytest.mark.django_db
def test_csv_export_is_safe_against_formula_injection(client, event, leader):
    evil = factories.UserFactory(full_name="=HYPERLINK(\"https://evil.example\")", organisation_name="+SUM(A1)")
    register_for_event(event, user=evil, remark="@cmd")
    client.force_login(leader)
    response = client.get(reverse("events:registrations_csv", args=[event.slug]))
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][0] == "Naam"
    assert rows[1][0] == "'=HYPERLINK(\"https://evil.example\")"
    assert rows[1][2] == "'+SUM(A1)" and rows[1][6] == "'@cmd"
    assert response["Content-Disposition"].startswith("attachment;")


@pytest.mark.django_db
def test_attendance_marking(client, event, leader):
    a, b = users(2)
    ra, rb = register_for_event(event, user=a), register_for_event(event, user=b)
    client.force_login(leader)
    client.post(reverse("events:registrations", args=[event.slug]),
                {"shown": [ra.pk, rb.pk], "attended": [ra.pk]})
    ra.refresh_from_db(), rb.refresh_from_db()
    assert (ra.status, rb.status) == (R.ATTENDED, R.CONFIRMED)


@pytest.mark.django_db
@pytest.mark.parametrize("count", [1, 20])
def test_new_pages_query_counts(client, coalition, leader, region, count, django_assert_num_queries):
    now = timezone.now()
    event = factories.EventFactory(organiser=coalition, starts_at=now - timedelta(days=1),
                                   ends_at=now - timedelta(days=1, hours=-2))
    for _ in range(count):
        registration = factories.RegistrationFactory(event=event)
        factories.AgreementFactory(event=event, owner=registration.user)
        factories.CoalitionFactory(region=region)
        factories.PracticeFactory(coalition=coalition)
    client.force_login(leader)
    # session, user, event, permission, status counts (which the pagination adds up), page, moderator check.
    with django_assert_num_queries(7):
        assert client.get(reverse("events:registrations", args=[event.slug])).status_code == 200
    # session, user, event, permission, report, participants, coalitions, practices to try (the choices of
    # every agreement row, built once), open agreements, attended count, related practices, moderator check.
    with django_assert_num_queries(12):
        assert client.get(reverse("events:report", args=[event.slug])).status_code == 200
    # event (+counts), themes, programme, stands, stand themes, followed by, practices, report, plus for a
    # logged-in organiser: session, user, permission, own registration, agreements, moderator check.
    with django_assert_num_queries(13):
        assert client.get(event.get_absolute_url()).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("count", [3, 30, 60])
def test_registrations_page_query_count_does_not_grow(client, coalition, leader, count, django_assert_num_queries):
    event = factories.EventFactory(organiser=coalition)
    factories.RegistrationFactory(event=event, user=factories.UserFactory(full_name="Anna", email="anna@example.org"))
    for _ in range(count - 1):
        factories.RegistrationFactory(event=event)
    client.force_login(leader)
    # session, user, event, permission, status counts, page (users joined), moderator check.
    with django_assert_num_queries(7):
        response = client.get(reverse("events:registrations", args=[event.slug]))
    page = response.context["page"]
    assert (page.paginator.count, page.paginator.num_pages, len(page.object_list)) == (
        count, 2 if count > 50 else 1, min(count, 50))
    assert 'Anna<br><span class="muted">anna@example.org</span>' in response.content.decode()
