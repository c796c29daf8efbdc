"""Queueing outbox email: idempotent on its key and part of the cause's transaction."""

import pytest
from django.db import transaction

from notifications.models import OutboundEmail
from notifications.services import queue_email


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
