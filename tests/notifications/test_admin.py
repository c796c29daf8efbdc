"""The staff view of the outbox: the list, search, retrying failed emails, the summary, and who gets in."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import Permission
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from notifications.models import OutboundEmail
from tests import factories
from tests.helpers import parse_html

pytestmark = pytest.mark.django_db

S = OutboundEmail.Status
AMSTERDAM = ZoneInfo("Europe/Amsterdam")
CHANGELIST = "admin:notifications_outboundemail_changelist"
SUMMARY = "admin:notifications_outboundemail_summary"


@pytest.fixture
def staff_client(client):
    client.force_login(factories.UserFactory(email="beheer@example.org", is_staff=True, is_superuser=True))
    return client


def _email(key, *, status=S.PENDING, kind="registration", to="lid@example.org", created=None, **fields):
    if status == S.SENT:
        fields.setdefault("sent_at", timezone.now())
    return OutboundEmail.objects.create(
        recipient=to, kind=kind, idempotency_key=key, subject=f"Onderwerp {key}", body_text="Tekst",
        status=status, created_at=created or timezone.now(), **fields)


def _rows(response, table_id):
    table = parse_html(response).by_id(table_id)
    return [[cell.text for cell in row.find_all() if cell.tag in ("th", "td")]
            for row in table.find("tbody").find_all("tr")]


def test_changelist_shows_status_attempts_and_a_shortened_error(staff_client):
    _email("a", status=S.FAILED, attempts=6, to="saskia@example.org",
           last_error="ConnectionRefusedError: [Errno 111] Connection refused " + "x" * 200)
    response = staff_client.get(reverse(CHANGELIST))
    rows = _rows(response, "result_list")
    assert len(rows) == 1
    recipient, kind, subject, status, attempts, _created, sent, error = rows[0][1:]
    assert (recipient, kind, subject, status, attempts, sent) == (
        "saskia@example.org", "registration", "Onderwerp a", "Mislukt", "6", "-")
    assert error.startswith("ConnectionRefusedError: [Errno 111] Connection refused xxx")
    assert len(error) == 80 and error.endswith("…")
    headers = [th.text for th in parse_html(response).by_id("result_list").find("thead").find_all("th")][1:]
    assert headers == ["Ontvanger", "Soort", "Onderwerp", "Status", "Pogingen", "Aangemaakt", "Verstuurd op",
                       "Laatste foutmelding"]


def test_search_finds_emails_by_recipient(staff_client):
    _email("a", to="saskia@example.org")
    _email("b", to="marja@example.org")
    response = staff_client.get(reverse(CHANGELIST), {"q": "saskia"})
    assert [row[1] for row in _rows(response, "result_list")] == ["saskia@example.org"]


def test_filters_by_status_and_kind(staff_client):
    _email("a", status=S.FAILED, kind="registration")
    _email("b", status=S.FAILED, kind="event-reminder")
    _email("c", status=S.SENT, kind="registration")
    response = staff_client.get(reverse(CHANGELIST), {"status__exact": "failed", "kind__exact": "registration"})
    assert [row[3] for row in _rows(response, "result_list")] == ["Onderwerp a"]


def test_retry_action_offers_failed_emails_again_and_they_are_sent(staff_client, django_capture_on_commit_callbacks):
    failed = _email("failed", status=S.FAILED, attempts=6, last_error="SMTPServerDisconnected: weg")
    pending = _email("pending", attempts=2, send_after=timezone.now() + timedelta(minutes=8))
    sent = _email("sent", status=S.SENT, attempts=1)
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(reverse(CHANGELIST), {
            "action": "retry", "_selected_action": [failed.pk, pending.pk, sent.pk]}, follow=True)
    assert [m.message for m in response.context["messages"]] == ["1 e-mail wordt opnieuw verstuurd."]
    # After commit the outbox is delivered: the retried email goes, the pending one (not yet due) waits.
    assert [m.subject for m in mail.outbox] == ["Onderwerp failed"]
    failed.refresh_from_db()
    assert (failed.status, failed.attempts, failed.last_error) == (S.SENT, 1, "")
    assert OutboundEmail.objects.get(pk=pending.pk).attempts == 2


def test_retry_action_without_failed_emails_says_so(staff_client):
    pending = _email("pending")
    response = staff_client.post(reverse(CHANGELIST), {"action": "retry", "_selected_action": [pending.pk]},
                                 follow=True)
    assert [m.message for m in response.context["messages"]] == [
        "Geen van de gekozen e-mails was mislukt; er is niets veranderd."]
    assert OutboundEmail.objects.get().status == S.PENDING


def test_emails_are_read_only(staff_client):
    email = _email("a")
    url = reverse("admin:notifications_outboundemail_change", args=[email.pk])
    page = parse_html(staff_client.get(url))
    assert page.find("input", name="_save") is None
    assert page.find("textarea") is None
    assert staff_client.post(url, {"subject": "Anders"}).status_code == 403
    assert OutboundEmail.objects.get().subject == "Onderwerp a"


def test_summary_counts_sent_waiting_and_failed_per_day_and_kind(staff_client):
    monday = datetime(2026, 3, 2, 9, 0, tzinfo=AMSTERDAM)
    late_monday = datetime(2026, 3, 2, 23, 30, tzinfo=AMSTERDAM)  # 22:30 UTC: still Monday in Amsterdam
    tuesday = datetime(2026, 3, 3, 0, 30, tzinfo=AMSTERDAM)  # 23:30 UTC on Monday: Tuesday in Amsterdam
    for key, status, kind, created in [
        ("1", S.SENT, "registration", monday), ("2", S.SENT, "registration", late_monday),
        ("3", S.FAILED, "registration", monday), ("4", S.PENDING, "registration", monday),
        ("5", S.SENDING, "registration", monday), ("6", S.SENT, "event-reminder", monday),
        ("7", S.FAILED, "event-reminder", tuesday), ("8", S.PENDING, "event-reminder", tuesday),
    ]:
        _email(key, status=status, kind=kind, created=created)
    response = staff_client.get(reverse(SUMMARY))
    assert _rows(response, "outbox-summary") == [
        ["di 3 maart 2026", "event-reminder", "0", "1", "1"],
        ["ma 2 maart 2026", "event-reminder", "1", "0", "0"],
        ["ma 2 maart 2026", "registration", "2", "2", "1"],
    ]
    link = parse_html(response).by_id("outbox-summary").find("a")
    assert link["href"] == f"{reverse(CHANGELIST)}?status__exact=failed&kind__exact=event-reminder"


def test_changelist_links_to_the_summary(staff_client):
    page = parse_html(staff_client.get(reverse(CHANGELIST)))
    link = page.find("a", href=reverse(SUMMARY))
    assert link.text == "Per dag en soort"


@pytest.mark.parametrize("count", [1, 5])
def test_summary_query_count_is_constant(staff_client, django_assert_num_queries, count):
    for day in range(count):
        for kind in ("registration", "event-reminder"):
            _email(f"{kind}:{day}", kind=kind, created=datetime(2026, 3, 1 + day, 12, tzinfo=AMSTERDAM))
    # session, user, the count for the pages, the grouped rows
    with django_assert_num_queries(4):
        response = staff_client.get(reverse(SUMMARY))
    assert len(_rows(response, "outbox-summary")) == 2 * count


@pytest.mark.parametrize("url_name", [CHANGELIST, SUMMARY])
def test_members_do_not_get_in(client, url_name):
    _email("a")
    client.force_login(factories.UserFactory())
    response = client.get(reverse(url_name))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


def test_staff_without_the_outbox_permissions_get_a_refusal(client):
    client.force_login(factories.UserFactory(is_staff=True))
    assert client.get(reverse(SUMMARY)).status_code == 403
    assert client.get(reverse(CHANGELIST)).status_code == 403


def test_staff_who_may_only_view_see_the_emails_but_cannot_retry(client):
    viewer = factories.UserFactory(is_staff=True)
    viewer.user_permissions.add(Permission.objects.get(codename="view_outboundemail"))
    client.force_login(viewer)
    failed = _email("a", status=S.FAILED)
    assert client.get(reverse(SUMMARY)).status_code == 200
    page = parse_html(client.get(reverse(CHANGELIST)))
    assert page.find("select", name="action") is None
    client.post(reverse(CHANGELIST), {"action": "retry", "_selected_action": [failed.pk]})
    assert OutboundEmail.objects.get().status == S.FAILED
