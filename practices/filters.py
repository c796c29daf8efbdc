"""Filters for the public practice list."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from coalitions.models import Coalition, Region, Theme
from practices.models import Mechanism, Practice


class PracticeFilter(django_filters.FilterSet):
    theme = django_filters.ModelChoiceFilter(
        label=_("Theme"), field_name="themes", to_field_name="slug", queryset=Theme.objects.all(),
        empty_label=_("All themes"),
    )
    region = django_filters.ModelChoiceFilter(
        label=_("Region"), to_field_name="slug", queryset=Region.objects.all(), empty_label=_("All regions")
    )
    coalition = django_filters.ModelChoiceFilter(
        label=_("Coalition"), to_field_name="slug", queryset=Coalition.objects.only("name", "slug"),
        empty_label=_("All coalitions"),
    )
    school_type = django_filters.ChoiceFilter(
        label=_("School type"), choices=Practice.SchoolType.choices, empty_label=_("All school types")
    )
    mechanism = django_filters.ModelChoiceFilter(
        label=_("Boundary-crossing mechanism"), field_name="mechanisms", to_field_name="slug",
        queryset=Mechanism.objects.all(), empty_label=_("All mechanisms"),
    )

    # Declared last so that it searches within the other filters (search keeps only the newest matches).
    q = django_filters.CharFilter(
        label=_("Search"), method="filter_search", widget=forms.TextInput(attrs={"type": "search"})
    )

    class Meta:
        model = Practice
        fields: list[str] = []

    @property
    def form(self):
        form = super().form
        form.order_fields(["q"])  # the search box comes first on the page
        return form

    def filter_search(self, queryset, name, value):
        return queryset.search(value)
