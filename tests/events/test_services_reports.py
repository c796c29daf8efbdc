"""Domain functions after an event: the report with its agreements, closing an agreement, telling the owner."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from core.rows import Row, RowChanges
from events.models import EventReport, FollowUpAgreement
from events.services.reports import AgreementError, close_agreement, email_agreement_owner, save_report
from notifications.models import OutboundEmail
from tests import factories

pytestmark = pytest.mark.django_db


def test_report_keeps_its_first_author_and_agreements_hang_under_the_event(coalition):
    event = factories.EventFactory(organiser=coalition)
    first, second = factories.UserFactory(), factories.UserFactory()
    other_event = factories.EventFactory(organiser=coalition)
    agreement = FollowUpAgreement(description="Terugbezoek plannen", owner_email="x@example.org",
                                  due_date=timezone.localdate() + timedelta(days=20), event=other_event)
    report = save_report(EventReport(summary="Eerste versie"), event=event, related_practices=[],
                         agreements=RowChanges(save=[Row(agreement, {})]), author=first)
    report.summary = "Tweede versie"
    save_report(report, event=event, related_practices=[], agreements=RowChanges(), author=second)
    report.refresh_from_db()
    assert (report.summary, report.author) == ("Tweede versie", first)
    assert list(FollowUpAgreement.objects.values_list("event", flat=True)) == [event.pk]


def test_an_owner_chosen_from_the_participants_gets_their_address_recorded(coalition):
    event = factories.EventFactory(organiser=coalition)
    owner = factories.UserFactory(email="deelnemer@example.org")
    typed = factories.UserFactory(email="ander@example.org")
    rows = [
        Row(FollowUpAgreement(description="A", owner=owner, due_date=date(2099, 1, 1)), {}),
        Row(FollowUpAgreement(description="B", owner=typed, owner_email="eigen@example.org",
                              due_date=date(2099, 1, 1)), {}),
        Row(FollowUpAgreement(description="C", owner_email="extern@example.org", due_date=date(2099, 1, 1)), {}),
    ]
    save_report(EventReport(summary="Verslag"), event=event, related_practices=[],
                agreements=RowChanges(save=rows), author=None)
    assert dict(FollowUpAgreement.objects.values_list("description", "owner_email")) == {
        "A": "deelnemer@example.org", "B": "eigen@example.org", "C": "extern@example.org"}


def test_closing_twice_is_refused_in_dutch_and_keeps_the_first_note(coalition):
    agreement = factories.AgreementFactory(event=factories.EventFactory(organiser=coalition))
    close_agreement(agreement, status="done", note="  Gelukt  ")
    assert (agreement.status, agreement.done_note) == ("done", "Gelukt")
    with pytest.raises(AgreementError) as refused:
        close_agreement(agreement, status="dropped", note="Toch niet")
    assert str(refused.value) == "Deze afspraak was al afgesloten."
    agreement.refresh_from_db()
    assert (agreement.status, agreement.done_note) == ("done", "Gelukt")


def test_closing_needs_done_or_dropped(coalition):
    agreement = factories.AgreementFactory(event=factories.EventFactory(organiser=coalition))
    with pytest.raises(AgreementError) as refused:
        close_agreement(agreement, status="open", note="")
    assert str(refused.value) == "Kies afgerond of vervallen."
    agreement.refresh_from_db()
    assert (agreement.status, agreement.closed_at) == ("open", None)


def test_telling_the_owner_records_what_was_sent(coalition):
    owner = factories.UserFactory(email="Eigenaar@Example.org")
    agreement = factories.AgreementFactory(event=factories.EventFactory(organiser=coalition), owner=owner,
                                           owner_email="", due_date=date(2027, 4, 30))
    assert email_agreement_owner(agreement, today=date(2027, 3, 1)) == "assigned"
    assert email_agreement_owner(agreement, today=date(2027, 3, 1)) is None
    agreement.refresh_from_db()
    assert (agreement.notified_email, agreement.last_reminder_on) == ("eigenaar@example.org", date(2027, 3, 1))
    row = OutboundEmail.objects.get()
    assert (row.recipient, row.user, row.kind, row.idempotency_key) == (
        "Eigenaar@Example.org", owner, "agreement-assigned",
        f"agreement-assigned:{agreement.pk}:eigenaar@example.org:2027-03-01")
    assert email_agreement_owner(agreement, today=date(2027, 4, 23)) == "before"
    assert list(OutboundEmail.objects.order_by("pk").values_list("kind", flat=True)) == [
        "agreement-assigned", "agreement-reminder"]
