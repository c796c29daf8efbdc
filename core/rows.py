"""Child rows (a practice's links, an event's programme) as values, so domain functions never see a formset."""

from dataclasses import dataclass, field

from django.db import models


@dataclass(frozen=True)
class Row:
    """One unsaved or changed child row, with the many-to-many values to set once it is saved."""

    instance: models.Model
    m2m: dict[str, list] = field(default_factory=dict)


@dataclass(frozen=True)
class RowChanges:
    save: list[Row] = field(default_factory=list)
    delete: list[models.Model] = field(default_factory=list)


def rows_from_formset(formset) -> RowChanges:
    """Read a valid inline formset as values: the rows to save (with their many-to-many values) and to delete."""
    instances = formset.save(commit=False)
    m2m_names = [f.name for f in formset.model._meta.many_to_many]
    forms_by_instance = {id(form.instance): form for form in formset.forms}
    rows = []
    for instance in instances:
        cleaned = forms_by_instance[id(instance)].cleaned_data
        rows.append(Row(instance, {name: list(cleaned[name]) for name in m2m_names if name in cleaned}))
    return RowChanges(save=rows, delete=list(formset.deleted_objects))


def save_rows(changes: RowChanges, *, parent_field: str, parent: models.Model) -> list[models.Model]:
    """Write child rows under ``parent`` (call inside the caller's transaction); returns the saved rows."""
    for instance in changes.delete:
        instance.delete()
    saved = []
    for row in changes.save:
        setattr(row.instance, parent_field, parent)
        row.instance.save()
        for name, values in row.m2m.items():
            getattr(row.instance, name).set(values)
        saved.append(row.instance)
    return saved
