"""Filters for the public list of tools."""

import django_filters
from django.utils.translation import gettext_lazy as _

from coalitions.models import Theme
from core.filters import ListedModelChoiceFilter
from tools.models import Tool


class ToolFilter(django_filters.FilterSet):
    theme = ListedModelChoiceFilter(
        label=_("Theme"), field_name="themes", to_field_name="slug", queryset=Theme.objects.all(),
        empty_label=_("All themes"),
    )
    status = django_filters.ChoiceFilter(label=_("Status"), choices=Tool.Status.choices, empty_label=_("All statuses"))

    class Meta:
        model = Tool
        fields: list[str] = []
