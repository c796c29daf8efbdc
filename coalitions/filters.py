"""Filters for the coalition list, and the light coalition filter other lists use."""

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from coalitions.models import Coalition, Region
from core.filters import ListedModelChoiceFilter
from core.widgets import DatalistInput

COALITION_NAME_MAX_LENGTH = 150


def coalition_names() -> list[str]:
    """Every coalition's name, as the old coalition select offered them (in the model's order: by name)."""
    return list(Coalition.objects.values_list("name", flat=True))


class CoalitionNameField(forms.CharField):
    """A coalition typed by its name or slug, in any case; cleans to the coalition, or None when empty.

    Replaces a select of every coalition (500 options on every list page): the suggestions come from the
    cached ``coalitions:names`` endpoint into a ``<datalist>``. Unknown text is a form error that keeps what
    was typed.
    """

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", COALITION_NAME_MAX_LENGTH)
        kwargs.setdefault("widget", DatalistInput(source=reverse_lazy("coalitions:names")))
        super().__init__(**kwargs)

    def clean(self, value):
        text = super().clean(value)
        text = " ".join((text or "").split())
        if not text:
            return None
        coalition = (
            Coalition.objects.only("pk", "name", "slug", "region_id")
            .filter(Q(name__iexact=text) | Q(slug=text.lower())).order_by("pk").first()
        )
        if coalition is None:
            raise ValidationError(
                _("There is no coalition called “%(name)s”. Type its name as the list of coalitions shows it."),
                code="unknown_coalition", params={"name": text},
            )
        return coalition


class CoalitionNameFilter(django_filters.Filter):
    """Filters by a coalition typed by name or slug (``CoalitionNameField``)."""

    field_class = CoalitionNameField


class CoalitionFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Name or municipality"), method="filter_name", widget=forms.TextInput(attrs={"type": "search"})
    )
    region = ListedModelChoiceFilter(
        label=_("Region"), to_field_name="slug", queryset=Region.objects.all(), empty_label=_("All regions")
    )

    class Meta:
        model = Coalition
        fields: list[str] = []

    def filter_name(self, queryset, name, value):
        value = value.strip()[:100]
        if not value:
            return queryset
        matching_municipality = Coalition.municipalities.through.objects.filter(
            municipality__name__icontains=value
        ).values("coalition_id")
        return queryset.filter(
            Q(name__icontains=value) | Q(pk__in=matching_municipality)
        )
