"""The merge of duplicate organisations (migration 0003) and the unique name per place it makes room for."""

import importlib

import pytest
from django.db import IntegrityError, connection, transaction
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from coalitions.models import Coalition, Organisation
from events.models import Event, Stand
from practices.models import Practice
from tests import factories

MIGRATION = ("coalitions", "0003_merge_duplicate_organisations")
merge = importlib.import_module("coalitions.migrations.0003_merge_duplicate_organisations")


@pytest.fixture
def without_unique_constraint(transactional_db):
    """The database as before the migration (duplicates allowed); migrated to the end again afterwards."""
    executor = MigrationExecutor(connection)
    executor.migrate([("coalitions", "0002_contributions")])
    yield MigrationExecutor(connection).loader.project_state(MIGRATION, at_end=False).apps
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


def _event(slug: str) -> Event:
    """An event written with the models of the migrations the database holds now: a current ``Event`` would
    also write the columns of later events migrations, which went with the migration back to coalitions 0002.
    Returned as a current ``Event`` with only its pk loaded, for the factories' foreign keys."""
    loader = MigrationExecutor(connection).loader
    applied = [key for key in loader.applied_migrations if key in loader.graph.nodes]
    historical = loader.project_state(applied).apps.get_model("events", "Event")
    now = timezone.now()
    row = historical.objects.create(title=slug, slug=slug, kind="aanbiedersmarkt", summary="", starts_at=now,
                                    ends_at=now, organiser_id=factories.CoalitionFactory().pk)
    return Event.objects.only("pk").get(pk=row.pk)


def test_merge_repoints_every_reference_and_removes_the_duplicates(without_unique_constraint):
    place, elsewhere = factories.MunicipalityFactory(name="Veendam"), factories.MunicipalityFactory(name="Assen")
    keeper = factories.OrganisationFactory(name="BSO De Speeltuin", slug="a", municipality=place)
    duplicate = factories.OrganisationFactory(name="bso  de speeltuin ", slug="b", municipality=place,
                                              website="https://speeltuin.example.org", description="Opvang.")
    placeless = factories.OrganisationFactory(name="BSO De Speeltuin", slug="c")
    placeless_duplicate = factories.OrganisationFactory(name="BSO DE SPEELTUIN", slug="d")
    other_place = factories.OrganisationFactory(name="BSO De Speeltuin", slug="e", municipality=elsewhere)
    first, second = factories.ThemeFactory(), factories.ThemeFactory()
    market = _event("markt")
    kept_stand = factories.StandFactory(event=market, organisation=keeper, offer="Buitenspelen")
    kept_stand.themes.add(first)
    folded = factories.StandFactory(event=market, organisation=duplicate, offer="Knutselen", number=7)
    folded.themes.add(second)
    moved = factories.StandFactory(event=_event("sportmarkt"), organisation=duplicate, offer="Sport")
    practice = factories.PracticeFactory(organisation=duplicate)
    both = factories.CoalitionFactory()
    both.partners.add(keeper, duplicate)
    one = factories.CoalitionFactory()
    one.partners.add(duplicate, placeless_duplicate)

    assert merge.merge_duplicate_organisations(without_unique_constraint) == 2

    assert sorted(Organisation.objects.values_list("pk", flat=True)) == sorted(
        [keeper.pk, placeless.pk, other_place.pk])
    keeper.refresh_from_db()
    assert (keeper.name, keeper.website, keeper.description) == (
        "BSO De Speeltuin", "https://speeltuin.example.org", "Opvang.")
    assert list(market.stands.values_list("pk", "organisation", "offer", "number")) == [
        (kept_stand.pk, keeper.pk, "Buitenspelen\n\nKnutselen", 7)]
    assert set(kept_stand.themes.all()) == {first, second}
    assert Stand.objects.get(pk=moved.pk).organisation_id == keeper.pk
    assert Practice.objects.get(pk=practice.pk).organisation_id == keeper.pk
    assert list(both.partners.all()) == [keeper]
    assert sorted(one.partners.values_list("pk", flat=True)) == sorted([keeper.pk, placeless.pk])
    assert Coalition.partners.through.objects.count() == 3


def test_migration_runs_over_duplicates(without_unique_constraint):
    """The merge and the new unique index in one run (PostgreSQL refuses this in a single transaction)."""
    place = factories.MunicipalityFactory()
    keeper = factories.OrganisationFactory(name="Yolk", slug="a", municipality=place)
    duplicate = factories.OrganisationFactory(name="Yolk", slug="b", municipality=place)
    stand = factories.StandFactory(event=_event("markt"), organisation=duplicate)
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
    assert list(Organisation.objects.filter(name="Yolk").values_list("pk", flat=True)) == [keeper.pk]
    assert Stand.objects.get(pk=stand.pk).organisation_id == keeper.pk
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.OrganisationFactory(name="yolk", slug="c", municipality=place)


def test_merge_knows_every_reference_to_an_organisation():
    """A new foreign key to organisations must be added to the merge, or it would point at deleted rows."""
    found = {(r.related_model._meta.app_label, r.related_model._meta.object_name, r.field.name)
             for r in Organisation._meta.related_objects}
    assert found == merge.REFERENCES


@pytest.mark.django_db
@pytest.mark.parametrize(("first", "second"), [
    ({"name": "Yolk"}, {"name": "Yolk"}),
    ({"name": "Yolk"}, {"name": "YOLK"}),
    ({"name": "Yolk", "municipality": "same"}, {"name": "yolk", "municipality": "same"}),
])
def test_one_organisation_per_name_and_place(first, second):
    place = factories.MunicipalityFactory()
    for index, values in enumerate([first, second]):
        values = {**values, "municipality": place if values.get("municipality") else None}
        if index:
            with pytest.raises(IntegrityError), transaction.atomic():
                factories.OrganisationFactory(slug="tweede", **values)
        else:
            factories.OrganisationFactory(**values)


@pytest.mark.django_db
def test_same_name_in_another_place_is_allowed():
    factories.OrganisationFactory(name="Yolk", slug="yolk-1", municipality=factories.MunicipalityFactory())
    factories.OrganisationFactory(name="Yolk", slug="yolk-2", municipality=factories.MunicipalityFactory())
    factories.OrganisationFactory(name="Yolk", slug="yolk-3")
    assert Organisation.objects.filter(name="Yolk").count() == 3
