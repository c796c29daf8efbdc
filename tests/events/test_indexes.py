"""The upcoming lists read their index without visiting events that already ended (issue 13: cost that does not
grow with the number of events)."""

import pytest
from django.db import connection
from django.utils import timezone

from events.models import Event


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's plan")
def test_upcoming_tests_the_end_in_the_index_not_on_each_ended_event():
    now = timezone.now()
    query = Event.objects.published().upcoming(now).filter(cancelled_at__isnull=True).order_by("starts_at", "pk")
    with connection.cursor() as cursor:
        # A test database is tiny: without this the planner would rather read the table.
        cursor.execute("SET LOCAL enable_seqscan = off")
        plan = query[:6].explain()
    index_line = next(line for line in plan.splitlines() if "Index" in line and "events_event" in line)
    assert "event_state_start_end_idx" in index_line
    index_cond = next(line for line in plan.splitlines() if "Index Cond" in line and "starts_at" in line)
    assert "ends_at >=" in index_cond
