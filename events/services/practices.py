"""From an event's report to a practice example: a draft that the member completes and submits for review."""

from django.db import transaction
from django.utils.translation import gettext as _

from core.rows import RowChanges
from events.models import Event, EventReport
from practices.models import Practice
from practices.permissions import EDITABLE_STATES
from practices.services import save_practice


def practice_approach(event: Event, report: EventReport) -> str:
    """The approach as Markdown: what the report says happened, then the programme item by item."""
    parts = [report.summary.strip()]
    items = []
    for item in event.programme.all():
        time = f"{item.starts_at:%H:%M}" + (f"–{item.ends_at:%H:%M}" if item.ends_at else "")
        line = f"- {time} {' '.join(item.title.split())}"
        if item.speaker.strip():
            line += f" ({' '.join(item.speaker.split())})"
        if item.description.strip():
            line += f": {' '.join(item.description.split())}"
        items.append(line)
    if items:
        parts.append(f"**{_('Programme')}**\n\n" + "\n".join(items))
    return "\n\n".join(part for part in parts if part)


def start_practice_from_report(event: Event, *, author) -> tuple[Practice, bool]:
    """A draft practice example by ``author``, filled in from the event and its report and presented at it.

    Returns the practice and whether it is new: the member's own draft (or one sent back for changes) from
    this event is reused, so starting twice never leaves a second copy. The event row is locked so that two
    quick clicks make one draft.
    """
    with transaction.atomic():
        event = Event.objects.select_for_update().select_related("organiser").get(pk=event.pk)
        existing = (
            Practice.objects.filter(presented_at=event, author=author, state__in=EDITABLE_STATES)
            .order_by("-pk").first()
        )
        if existing is not None:
            return existing, False
        report = EventReport.objects.get(event=event)
        practice = Practice(
            title=event.title,
            summary=event.summary,
            approach=practice_approach(event, report),
            results=report.insights.strip(),
            coalition=event.organiser,
            region_id=event.organiser.region_id,
        )
        save_practice(practice, author=author, themes=list(event.themes.all()), mechanisms=[],
                      links=RowChanges(), attachments=RowChanges(), submit=False)
        event.practices.add(practice)
        return practice, True
