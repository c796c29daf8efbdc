"""Filters for the coalition list."""

import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from coalitions.models import Coalition, Region


class CoalitionFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Name or municipality"), method="filter_name", widget=forms.TextInput(attrs={"type": "search"})
    )
    region = django_filters.ModelChoiceFilter(
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
