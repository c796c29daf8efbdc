"""Queueing outbox email: idempotent on its key and part of the cause's transaction."""

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from coalitions.models import HelpRequest
from notifications.models import OutboundEmail
from notifications.services import queue_email, queue_templated_email, queue_templated_emails
from tests import factories


@pytest.mark.django_db
def test_queue_is_idempotent_on_key():
    first = queue_email(to="a@example.org", kind="test", key="k:1", subject="Eén", text="x")
    second = queue_email(to="a@example.org", kind="test", key="k:1", subject="Twee", text="y")
    assert first.pk == second.pk
    assert OutboundEmail.objects.get().subject == "Eén"


@pytest.mark.django_db
def test_nothing_is_queued_when_the_cause_rolls_back():
    with pytest.raises(RuntimeError), transaction.atomic():
        queue_email(to="a@example.org", kind="test", key="k:rollback", subject="x", text="y")
        raise RuntimeError("the cause failed")
    assert not OutboundEmail.objects.exists()


@pytest.mark.django_db
def test_without_a_key_the_same_message_is_queued_once_and_another_one_again():
    first = queue_email(to="a@example.org", kind="test", subject="Hallo", text="x")
    again = queue_email(to="a@example.org", kind="test", subject="Hallo", text="x")
    other = queue_email(to="a@example.org", kind="test", subject="Hallo", text="y")
    assert first.pk == again.pk != other.pk
    assert first.idempotency_key.startswith("test:") and len(first.idempotency_key) == len("test:") + 40
    assert first.body_html == ""


@pytest.mark.django_db
def test_templated_email_renders_all_three_parts_with_the_site_url(settings):
    settings.SITE_URL = "https://kennisportaal.example.nl"
    user = factories.UserFactory(email="lid@example.org")
    region = factories.RegionFactory(name="Noord")
    help_request = HelpRequest.objects.create(region=region, name="Irma", email="lid@example.org",
                                              question="Hoe begin ik?")
    row = queue_templated_email(to="lid@example.org", user=user, kind="help-request-receipt", key="k:help",
                                template="emails/help_request_receipt",
                                context={"help_request": help_request, "region": region},
                                headers={"Reply-To": "noord@example.org"})
    assert (row.recipient, row.user, row.kind, row.idempotency_key, row.headers) == (
        "lid@example.org", user, "help-request-receipt", "k:help", {"Reply-To": "noord@example.org"})
    assert "\n" not in row.subject and row.subject
    assert "https://kennisportaal.example.nl" in row.body_text and "https://kennisportaal.example.nl" in row.body_html


@pytest.mark.django_db
def test_subject_is_plain_text_and_the_html_body_still_escapes(coalition):
    event = factories.EventFactory(title="Ouders & school <samen>", organiser=coalition)
    recipient = factories.UserFactory(email="lid@example.org", full_name="Saskia")
    row = queue_templated_email(to=recipient.email, user=recipient, kind="event-cancelled", key="k:cancel",
                                template="emails/event_cancelled",
                                context={"event": event, "reason": "Zie\nhieronder", "recipient": recipient})
    assert row.subject == "Geannuleerd: Ouders & school <samen>"
    assert "“Ouders & school <samen>”" in row.body_text
    assert "“Ouders &amp; school &lt;samen&gt;”" in row.body_html
    assert "<samen>" not in row.body_html


@pytest.mark.django_db
def test_a_subject_loses_its_newlines(coalition):
    event = factories.EventFactory(title="Ouders\nen\r\nschool", organiser=coalition)
    recipient = factories.UserFactory()
    row = queue_templated_email(to=recipient.email, kind="event-cancelled", key="k:nl",
                                template="emails/event_cancelled",
                                context={"event": event, "reason": "x", "recipient": recipient})
    assert row.subject == "Geannuleerd: Ouders en school"


@pytest.mark.django_db
def test_bulk_templated_emails_match_the_single_form_and_a_second_run_adds_nothing(coalition):
    event = factories.EventFactory(title="Ouders & school <samen>", organiser=coalition)
    people = [factories.UserFactory(email=f"lid{n}@example.org", full_name=f"Lid {n}") for n in range(3)]
    single = queue_templated_email(to="los@example.org", kind="event-cancelled", key="k:single",
                                   template="emails/event_cancelled",
                                   context={"event": event, "reason": "Ziek", "recipient": people[0]})

    def messages():
        return [{"to": user.email, "user": user, "key": f"k:bulk:{user.pk}", "headers": {"X-Test": "1"},
                 "context": {"event": event, "reason": "Ziek", "recipient": user}} for user in people]

    with CaptureQueriesContext(connection) as queries:
        assert queue_templated_emails(kind="event-cancelled", template="emails/event_cancelled",
                                      messages=messages()) == 3
    assert len(queries) == 1  # one INSERT for the whole batch
    assert OutboundEmail.objects.count() == 4
    first = OutboundEmail.objects.get(idempotency_key=f"k:bulk:{people[0].pk}")
    assert (first.recipient, first.user, first.kind, first.headers, first.status) == (
        "lid0@example.org", people[0], "event-cancelled", {"X-Test": "1"}, OutboundEmail.Status.PENDING)
    assert (first.subject, first.body_text, first.body_html) == (single.subject, single.body_text, single.body_html)
    # Run again: every key exists, so nothing is added and nothing changes.
    queue_templated_emails(kind="event-cancelled", template="emails/event_cancelled", messages=messages())
    assert OutboundEmail.objects.count() == 4
    assert sorted(OutboundEmail.objects.values_list("idempotency_key", flat=True)) == sorted(
        ["k:single"] + [f"k:bulk:{user.pk}" for user in people])
