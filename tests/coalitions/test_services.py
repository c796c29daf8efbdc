"""Domain functions of the coalitions app: organisations typed as new names."""

import pytest

from coalitions.models import Organisation
from coalitions.services import saved_organisation
from tests import factories

pytestmark = pytest.mark.django_db


def test_saved_organisation_creates_a_new_name_once():
    created = saved_organisation(Organisation(name=" Theater  De Klucht ", kind=Organisation.Kind.CULTURE))
    assert Organisation.objects.get().pk == created.pk
    assert (created.name, created.slug, created.kind, created.municipality) == (
        "Theater De Klucht", "theater-de-klucht", "cultuur", None)
    # Typed again before the first form was saved: the organisation created meanwhile is the one.
    again = saved_organisation(Organisation(name="theater de klucht", kind=Organisation.Kind.PROVIDER))
    assert again.pk == created.pk and Organisation.objects.count() == 1


def test_saved_organisation_keeps_a_saved_one_and_ignores_namesakes_in_a_place():
    existing = factories.OrganisationFactory(name="Yolk", slug="yolk", municipality=factories.MunicipalityFactory())
    assert saved_organisation(existing) is existing
    placeless = saved_organisation(Organisation(name="Yolk", kind=Organisation.Kind.PROVIDER))
    assert placeless.pk != existing.pk and placeless.slug.startswith("yolk-")
    assert Organisation.objects.count() == 2
