"""From an event's report to a draft practice example."""

from datetime import time, timedelta

import pytest
from django.utils import timezone

from events.services.practices import start_practice_from_report
from moderation.models import ModerationState
from practices.models import Practice
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def reported_event(coalition, theme):
    sport = factories.ThemeFactory(name="Sport en bewegen", slug="sport")
    event = factories.EventFactory(
        title="Lunchprogramma van Winsum", organiser=coalition, themes=[theme, sport],
        summary="Een school uit Winsum vertelt over haar lunchprogramma.",
        starts_at=timezone.now() - timedelta(days=3), ends_at=timezone.now() - timedelta(days=3, hours=-3),
    )
    factories.ProgrammeItemFactory(event=event, starts_at=time(14, 0), ends_at=time(14, 45),
                                   title="Het lunchprogramma", speaker="  Anna de Vries (OBS Winsum) ",
                                   description="Hoe het begon,\nen wat het kost.")
    factories.ProgrammeItemFactory(event=event, starts_at=time(15, 0), title="Gesprek in groepjes", speaker="")
    factories.EventReportFactory(event=event, summary="Dertig deelnemers uit vier gemeenten.",
                                 insights="Begin klein, met één groep.")
    return event


def test_the_draft_is_filled_in_from_the_event_and_its_report(reported_event, leader, coalition, region, theme):
    practice, created = start_practice_from_report(reported_event, author=leader)

    practice.refresh_from_db()
    assert created is True
    assert (practice.title, practice.slug, practice.summary) == (
        "Lunchprogramma van Winsum", "lunchprogramma-van-winsum",
        "Een school uit Winsum vertelt over haar lunchprogramma.")
    assert practice.approach == (
        "Dertig deelnemers uit vier gemeenten.\n\n"
        "**Programma**\n\n"
        "- 14:00–14:45 Het lunchprogramma (Anna de Vries (OBS Winsum)): Hoe het begon, en wat het kost.\n"
        "- 15:00 Gesprek in groepjes"
    )
    assert practice.results == "Begin klein, met één groep."
    assert (practice.coalition, practice.region, practice.author) == (coalition, region, leader)
    assert (practice.state, practice.published_at) == (ModerationState.DRAFT, None)
    assert sorted(practice.themes.values_list("slug", flat=True)) == ["sport", "talentontwikkeling"]
    assert list(practice.presented_at.all()) == [reported_event]
    # Left for the author: what the event cannot know.
    assert (practice.school_type, practice.context, practice.pitfalls, practice.practical_tips) == ("", "", "", "")
    assert (practice.contact_name, practice.contact_email) == ("", "")
    assert list(practice.links.all()) == [] and list(practice.mechanisms.all()) == []


def test_without_programme_or_insights_the_approach_is_the_report(coalition, leader):
    event = factories.EventFactory(organiser=coalition)
    factories.EventReportFactory(event=event, summary="Een goed bezochte middag.", insights="")

    practice, _ = start_practice_from_report(event, author=leader)

    assert (practice.approach, practice.results) == ("Een goed bezochte middag.", "")
    assert list(practice.themes.all()) == []


def test_starting_again_reuses_the_members_draft(reported_event, leader):
    first, _ = start_practice_from_report(reported_event, author=leader)
    Practice.objects.filter(pk=first.pk).update(title="Lunchprogramma Winsum, aangevuld")

    again, created = start_practice_from_report(reported_event, author=leader)

    assert (again.pk, again.title, created) == (first.pk, "Lunchprogramma Winsum, aangevuld", False)
    assert Practice.objects.count() == 1
    assert list(reported_event.practices.all()) == [first]


def test_a_draft_sent_back_for_changes_is_reused_too(reported_event, leader):
    first, _ = start_practice_from_report(reported_event, author=leader)
    Practice.objects.filter(pk=first.pk).update(state=ModerationState.CHANGES_REQUESTED)

    assert start_practice_from_report(reported_event, author=leader) == (first, False)


def test_a_submitted_practice_or_another_members_draft_is_not_reused(reported_event, leader, coalition):
    submitted, _ = start_practice_from_report(reported_event, author=leader)
    Practice.objects.filter(pk=submitted.pk).update(state=ModerationState.SUBMITTED)
    colleague = factories.UserFactory()
    others, _ = start_practice_from_report(reported_event, author=colleague)

    second, created = start_practice_from_report(reported_event, author=leader)

    assert created is True
    assert len({submitted.pk, others.pk, second.pk}) == 3
    assert (second.author, others.author) == (leader, colleague)
    assert second.slug.startswith("lunchprogramma-van-winsum-") and second.slug != submitted.slug
    assert reported_event.practices.count() == 3
