"""Fixtures of the moderation tests."""

import pytest

from moderation.models import ModerationState
from tests import factories

S = ModerationState


@pytest.fixture
def setup(region, coalition):
    author = factories.UserFactory(email="auteur@example.org", full_name="Irma")
    coordinator = factories.UserFactory(email="coordinator@example.org", full_name="Coördinator Noord")
    factories.RegionCoordinatorFactory(region=region, user=coordinator)
    practice = factories.PracticeFactory(title="De Wijde Wereld", coalition=coalition, author=author,
                                         state=S.DRAFT, published_at=None)
    return author, coordinator, practice
