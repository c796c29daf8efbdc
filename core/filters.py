"""Filters that know no app: a choice of a small table's rows, read once per filter form."""

import django_filters
from django.core.exceptions import ValidationError
from django.forms.models import ModelChoiceIterator
from django_filters.fields import ModelChoiceField


class _RowsIterator(ModelChoiceIterator):
    """The options from the rows the field read (``ListedModelChoiceField.rows``), not from a query of their own."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for obj in self.field.rows:
            yield self.choice(obj)

    def __len__(self):
        return len(self.field.rows) + (self.field.empty_label is not None)

    def __bool__(self):
        return self.field.empty_label is not None or bool(self.field.rows)


class ListedModelChoiceField(ModelChoiceField):
    """A choice of a small table's rows (themes, regions), read once per form: the options and the check of the
    chosen value use the same rows. Django's field reads the table for the options and again (``get``) to
    check a chosen value: two queries and two compiled statements where one list does (issue 13)."""

    iterator = _RowsIterator

    def __deepcopy__(self, memo):
        result = super().__deepcopy__(memo)
        result._rows = None  # every form reads its own rows: a copy never sees another request's
        return result

    @property
    def rows(self) -> list:
        if getattr(self, "_rows", None) is None:
            self._rows = list(self.queryset)
        return self._rows

    def to_python(self, value):
        if value in self.empty_values:
            return None
        key = self.to_field_name or "pk"
        if isinstance(value, self.queryset.model):
            value = getattr(value, key)
        for row in self.rows:
            if str(getattr(row, key)) == str(value):
                return row
        raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice", params={"value": value})


class ListedModelChoiceFilter(django_filters.ModelChoiceFilter):
    """``ModelChoiceFilter`` over a small table whose rows its form reads once (``ListedModelChoiceField``)."""

    field_class = ListedModelChoiceField
