"""The base of every form of the portal: what it does to submitted data before any field sees it.

Every form class derives from ``PortalForm`` or ``PortalModelForm`` (tests/core/test_forms.py walks them all):

- C0 control characters (all but tab, line feed and carriage return) are taken out of every submitted value
  except passwords: no one means to type them, and a stored one breaks the XML of the feeds.
- A model multiple choice answers an id that no database integer holds (above 2**63) with the form's
  invalid-choice error; Django's own field lets SQLite's driver raise OverflowError on it, a 500.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import connections, models

from core.text import strip_control_characters


def _strip(value):
    if isinstance(value, str):
        return strip_control_characters(value)
    if isinstance(value, list | tuple):
        return [_strip(item) for item in value]
    return value


class ModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    """Checks that integer keys fit the column before the database is asked for them."""

    def _check_values(self, value):
        if isinstance(value, list | tuple):
            key = self.to_field_name or "pk"
            opts = self.queryset.model._meta
            key_field = opts.pk if key == "pk" else opts.get_field(key)
            if isinstance(key_field, models.IntegerField):
                low, high = connections[self.queryset.db].ops.integer_field_range(key_field.get_internal_type())
                for item in value:
                    try:
                        number = int(str(item).strip())
                    except ValueError:
                        continue  # not a number: Django's own check says so
                    if (low is not None and number < low) or (high is not None and number > high):
                        raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice",
                                              params={"value": item})
        return super()._check_values(value)


class PortalFormMixin:
    """The data handling every form of the portal shares; see the module's docstring."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # ModelForms make their model choice fields themselves (and formset factories make them again), so the
        # safe field is put in here rather than declared: one place that covers every form.
        for field in self.fields.values():
            if type(field) is forms.ModelMultipleChoiceField:
                field.__class__ = ModelMultipleChoiceField

    def full_clean(self):
        if self.is_bound:
            self.data = self._without_control_characters(self.data)
        super().full_clean()

    def _without_control_characters(self, data):
        passwords = {self.add_prefix(name) for name, field in self.fields.items()
                     if isinstance(field.widget, forms.PasswordInput)}
        if hasattr(data, "lists"):  # a QueryDict: every value of every key
            cleaned = data.copy()
            for key, values in data.lists():
                if key not in passwords:
                    cleaned.setlist(key, _strip(values))
            return cleaned
        return {key: value if key in passwords else _strip(value) for key, value in data.items()}


class PortalForm(PortalFormMixin, forms.Form):
    pass


class PortalModelForm(PortalFormMixin, forms.ModelForm):
    pass
