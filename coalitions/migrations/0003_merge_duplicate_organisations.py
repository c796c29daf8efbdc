"""Merge organisations that share a name and a place into one, then forbid such duplicates.

Every reference to an organisation moves to the one kept (the oldest): stands (an event with a stand of both
keeps one stand, with both offers and all themes), practices and coalition partners.
"""

from collections import defaultdict

import django.db.models.functions.comparison
import django.db.models.functions.text
from django.db import migrations, models

# Every relation to an organisation in the state this migration runs in; the merge refuses to run if there are
# others, so a reference can never be left pointing at a deleted row.
REFERENCES = {("events", "Stand", "organisation"), ("practices", "Practice", "organisation"),
              ("coalitions", "Coalition", "partners")}


def duplicate_key(name: str, municipality_id) -> tuple[str, int]:
    """What the unique constraint compares (lower-cased name, place or 0), spaces also collapsed."""
    return " ".join(name.split()).casefold(), municipality_id or 0


def merge_duplicate_organisations(apps, schema_editor=None) -> int:
    """Merge every group of organisations with the same name and place; returns how many rows were removed."""
    Organisation = apps.get_model("coalitions", "Organisation")
    found = {(r.related_model._meta.app_label, r.related_model._meta.object_name, r.field.name)
             for r in Organisation._meta.related_objects}
    if found != REFERENCES:
        raise RuntimeError(f"Organisations are referenced by {sorted(found)}, the merge knows {sorted(REFERENCES)}.")
    groups = defaultdict(list)
    for organisation in Organisation.objects.order_by("pk"):
        groups[duplicate_key(organisation.name, organisation.municipality_id)].append(organisation)
    removed = 0
    for keeper, *duplicates in groups.values():
        if duplicates:
            _merge(apps, keeper, duplicates)
            removed += len(duplicates)
    return removed


def _merge(apps, keeper, duplicates) -> None:
    Organisation = apps.get_model("coalitions", "Organisation")
    Stand = apps.get_model("events", "Stand")
    Practice = apps.get_model("practices", "Practice")
    Partner = apps.get_model("coalitions", "Coalition").partners.through
    ids = [duplicate.pk for duplicate in duplicates]

    Practice.objects.filter(organisation_id__in=ids).update(organisation_id=keeper.pk)

    kept_stands = {stand.event_id: stand for stand in Stand.objects.filter(organisation_id=keeper.pk)}
    for stand in Stand.objects.filter(organisation_id__in=ids).order_by("pk"):
        kept = kept_stands.get(stand.event_id)
        if kept is None:  # One stand per provider and event: the first moves, later ones are folded into it.
            stand.organisation_id = keeper.pk
            stand.save(update_fields=["organisation"])
            kept_stands[stand.event_id] = stand
            continue
        if stand.offer.strip() and stand.offer.strip() not in kept.offer:
            kept.offer = f"{kept.offer.rstrip()}\n\n{stand.offer.strip()}"
        if kept.number is None:
            kept.number = stand.number
        kept.save(update_fields=["offer", "number"])
        kept.themes.add(*stand.themes.all())
        stand.delete()

    partnered = set(Partner.objects.filter(organisation_id=keeper.pk).values_list("coalition_id", flat=True))
    for link in Partner.objects.filter(organisation_id__in=ids).order_by("pk"):
        if link.coalition_id in partnered:
            link.delete()
        else:
            link.organisation_id = keeper.pk
            link.save(update_fields=["organisation"])
            partnered.add(link.coalition_id)

    changed = []
    for field in ("website", "description"):
        if not getattr(keeper, field):
            value = next((getattr(d, field) for d in duplicates if getattr(d, field)), "")
            if value:
                setattr(keeper, field, value)
                changed.append(field)
    if changed:
        keeper.save(update_fields=changed)
    Organisation.objects.filter(pk__in=ids).delete()


class Migration(migrations.Migration):
    # The merge commits on its own before the unique index is built: PostgreSQL refuses to index a table
    # with pending (deferred) foreign-key checks from the deletes in the same transaction.
    atomic = False

    dependencies = [
        ('coalitions', '0002_contributions'),
        ('events', '0004_event_start_index'),
        ('practices', '0004_move_moderation_to_its_app'),
    ]

    operations = [
        migrations.RunPython(merge_duplicate_organisations, migrations.RunPython.noop, atomic=True),
        migrations.AddConstraint(
            model_name='organisation',
            constraint=models.UniqueConstraint(django.db.models.functions.text.Lower('name'), django.db.models.functions.comparison.Coalesce('municipality', models.Value(0)), name='unique_organisation_name_place', violation_error_message='An organisation with this name already exists in this municipality.'),
        ),
    ]
