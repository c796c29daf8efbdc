"""Helpers for building form posts in tests."""

from datetime import timedelta

from django.utils import timezone

from tests import factories


def formset(prefix, rows=(), total=None):
    data = {f"{prefix}-TOTAL_FORMS": str(total if total is not None else max(len(rows), 1)),
            f"{prefix}-INITIAL_FORMS": "0", f"{prefix}-MIN_NUM_FORMS": "0", f"{prefix}-MAX_NUM_FORMS": "1000"}
    for index, row in enumerate(rows):
        for key, value in row.items():
            data[f"{prefix}-{index}-{key}"] = value
    return data


def text_of(response) -> str:
    return response.content.decode()


def practice_data(coalition, theme, **overrides):
    data = {
        "title": "Oudercoördinator in de wijk", "summary": "Meer ouders in de school.", "school_type": "po",
        "coalition": coalition.pk, "approach": "We zetten een **oudercoördinator** in.", "themes": [theme.pk],
        "mechanisms": [factories.mechanism("coordinatie").pk],
        **formset("links", [{"title": "Website", "url": "https://example.org/buitenkans"}]),
        **formset("attachments", total=0),
    }
    data.update(overrides)
    return data


def event_data(coalition, **overrides):
    start = timezone.localtime() + timedelta(days=20)
    data = {
        "title": "Vervolg: school en kinderopvang", "kind": "inspiratiemiddag", "organiser": coalition.pk,
        "summary": "Samen oplossingen zoeken.", "starts_at": start.strftime("%Y-%m-%dT13:00"),
        "ends_at": start.strftime("%Y-%m-%dT17:00"), "venue_name": "Cultuurhuis", "city": "Veendam",
        "capacity": "60",
        **formset("programme", [{"starts_at": "13:00", "ends_at": "13:30", "title": "Welkom", "speaker": "Marja"}]),
        **formset("stands", total=0),
    }
    data.update(overrides)
    return data


def users(n):
    return [factories.UserFactory(email=f"deelnemer{i}@example.org", organisation_name="OBS Winsum")
            for i in range(n)]
