"""The rules of practices/permissions.py, one by one."""

import pytest
from django.contrib.auth.models import AnonymousUser

from moderation.models import ModerationState
from practices.permissions import can_edit, can_see_moderation_log, can_view_practice, is_author
from tests import factories

pytestmark = pytest.mark.django_db


def test_nobody_is_the_author_of_a_practice_without_one_and_anonymous_never(region):
    orphan = factories.PracticeFactory(author=None, state=ModerationState.DRAFT, published_at=None)
    member = factories.UserFactory()
    own = factories.PracticeFactory(author=member, state=ModerationState.DRAFT, published_at=None)
    assert (is_author(AnonymousUser(), orphan), is_author(member, orphan), is_author(member, own)) == (
        False, False, True)
    assert (can_edit(AnonymousUser(), orphan), can_view_practice(AnonymousUser(), orphan)) == (False, False)


@pytest.mark.parametrize(("state", "editable"), [
    (ModerationState.DRAFT, True), (ModerationState.CHANGES_REQUESTED, True), (ModerationState.SUBMITTED, False),
    (ModerationState.PUBLISHED, False), (ModerationState.REJECTED, False), (ModerationState.HIDDEN, False),
])
def test_authors_edit_drafts_and_requested_changes_only(state, editable):
    member = factories.UserFactory()
    practice = factories.PracticeFactory(author=member, state=state)
    assert can_edit(member, practice) is editable
    assert can_edit(factories.UserFactory(), practice) is False


def test_the_moderation_log_is_for_the_author_and_the_regions_coordinators(region, coalition):
    author, coordinator, stranger = factories.UserFactory(), factories.UserFactory(), factories.UserFactory()
    factories.RegionCoordinatorFactory(region=region, user=coordinator)
    factories.RegionCoordinatorFactory(region=factories.RegionFactory(name="Zuid", slug="zuid"), user=stranger)
    practice = factories.PracticeFactory(coalition=coalition, author=author, state=ModerationState.SUBMITTED,
                                         published_at=None)
    assert [can_see_moderation_log(u, practice) for u in (author, coordinator, stranger)] == [True, True, False]
    assert [can_view_practice(u, practice) for u in (author, coordinator, stranger)] == [True, True, False]
