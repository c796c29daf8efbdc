"""Filters that know no app: a choice of a small table's rows, read once per filter form, and the rows of all
such choices of a filter set read in one query."""

import django_filters
from django.core.exceptions import ValidationError
from django.db import connections, models
from django.db.models.functions import RowNumber
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

    def __init__(self, *, columns=(), **kwargs):
        self.columns = tuple(columns)
        super().__init__(**kwargs)

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
    """``ModelChoiceFilter`` over a small table whose rows its form reads once (``ListedModelChoiceField``).

    ``columns``: the fields the options and the page use besides the primary key (what ``__str__`` shows, the
    ``to_field_name``); plain columns, not relations, as the rows are built with ``Model.from_db`` from a raw
    cursor. Given, a ``ListedChoicesFilterSet`` reads these rows with its other choices' in one query; the other
    fields of a row are deferred (read if something asks for them).
    """

    field_class = ListedModelChoiceField


# (filter set class, filter names, database alias) -> the SQL and parameters of their rows' query.
_STATEMENTS: dict[tuple, tuple[str, tuple]] = {}


class ListedChoicesFilterSet(django_filters.FilterSet):
    """A filter set whose ``ListedModelChoiceFilter``s with ``columns`` read their rows together: one query
    (UNION ALL) instead of one per table, its SQL compiled once per process. The querysets are the class's own
    (declared, not callables): only their rows change, and those are read on every request."""

    def get_form_class(self):
        """The form class, built once per filter set class: django-filter builds a class and a field per filter
        on every request, a few per cent of a list page's CPU (issue 13). Sharing it is safe because nothing in
        it depends on the request (the querysets are declared) and a form works on deep copies of its class's
        fields (``ListedModelChoiceField`` copies without rows)."""
        cls = type(self)
        form_class = cls.__dict__.get("_form_class")
        if form_class is None:
            form_class = super().get_form_class()
            cls._form_class = form_class
        return form_class

    @property
    def form(self):
        form = super().form
        if not getattr(self, "_choices_read", False):
            self._choices_read = True
            _read_together(type(self), form, self.base_filters)
        return form


def _read_together(filterset_class, form, base_filters) -> None:
    names = [
        name for name, declared in base_filters.items()
        if isinstance(declared, ListedModelChoiceFilter) and declared.extra.get("columns")
        and isinstance(declared.extra.get("queryset"), models.QuerySet) and name in form.fields
    ]
    if len(names) < 2:
        return  # a single choice reads its own rows
    fields = [form.fields[name] for name in names]
    alias = fields[0].queryset.db
    key = (filterset_class, tuple(names), alias)
    statement = _STATEMENTS.get(key)
    if statement is None:
        statement = _STATEMENTS[key] = _rows_statement(fields)
    with connections[alias].cursor() as cursor:
        cursor.execute(*statement)
        rows = cursor.fetchall()
    read = [[] for _ in fields]
    for part, _position, pk, *values in sorted(rows, key=lambda row: (row[0], row[1])):
        field = fields[part]
        model = field.queryset.model
        read[part].append(model.from_db(alias, [model._meta.pk.attname, *field.columns],
                                        (pk, *values[: len(field.columns)])))
    for field, field_rows in zip(fields, read, strict=True):
        field._rows = field_rows


def _rows_statement(fields) -> tuple[str, tuple]:
    """Each field's rows as (part, position in its queryset's order, pk, columns..., padding)."""
    width = max(len(field.columns) for field in fields)
    parts = []
    for part, field in enumerate(fields):
        queryset = field.queryset
        order = list(queryset.query.order_by or queryset.model._meta.ordering or ["pk"])
        padding = {f"_pad{i}": models.Value(None, output_field=models.TextField())
                   for i in range(len(field.columns), width)}
        parts.append(
            queryset.order_by().annotate(
                _part=models.Value(part, output_field=models.IntegerField()),
                _position=models.Window(RowNumber(), order_by=order), **padding,
            ).values_list("_part", "_position", "pk", *field.columns, *padding)
        )
    return parts[0].union(*parts[1:], all=True).query.sql_with_params()
