"""Filters for the public practice list."""

import django_filters
from django import forms
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from coalitions.filters import CoalitionNameFilter
from coalitions.models import Region, Theme
from core.filters import ListedChoicesFilterSet, ListedModelChoiceFilter
from moderation.models import ModerationState
from practices.models import Mechanism, Practice, PracticeThemeRow

MOST_ADOPTIONS = "uitgeprobeerd"


class PracticeFilter(ListedChoicesFilterSet):
    """Filters the published practices annotated by ``PracticeQuerySet.with_adoption_count``."""

    theme = ListedModelChoiceFilter(
        label=_("Theme"), field_name="themes", to_field_name="slug",
        columns=("name", "slug"), queryset=Theme.objects.all(),
        empty_label=_("All themes"),
    )
    region = ListedModelChoiceFilter(
        label=_("Region"), to_field_name="slug",
        columns=("name", "slug"), queryset=Region.objects.all(), empty_label=_("All regions")
    )
    # Typed, not chosen from 500 options: the suggestions come from the cached names endpoint.
    coalition = CoalitionNameFilter(label=_("Coalition"))
    school_type = django_filters.ChoiceFilter(
        label=_("School type"), choices=Practice.SchoolType.choices, empty_label=_("All school types")
    )
    mechanism = ListedModelChoiceFilter(
        label=_("Boundary-crossing mechanism"), field_name="mechanisms", to_field_name="slug",
        columns=("name", "slug"), queryset=Mechanism.objects.all(), empty_label=_("All mechanisms"),
    )

    tried_elsewhere = django_filters.BooleanFilter(
        label=_("Tried elsewhere"), method="filter_tried_elsewhere",
        widget=forms.CheckboxInput,
    )

    # Declared after the others so that it searches within them (search keeps only the newest matches).
    q = django_filters.CharFilter(
        label=_("Search"), method="filter_search", widget=forms.TextInput(attrs={"type": "search"})
    )
    # Last: a chosen order replaces the search's ranking.
    sort = django_filters.ChoiceFilter(
        label=_("Order"), choices=[(MOST_ADOPTIONS, _("Most often tried elsewhere"))], method="filter_sort",
        empty_label=_("Best match or newest first"),
    )

    class Meta:
        model = Practice
        fields: list[str] = []

    @property
    def form(self):
        form = super().form
        form.order_fields(["q"])  # the search box comes first on the page
        return form

    def filter_queryset(self, queryset):
        """Apply the filters in their declared order, not the form's: the form shows the search box first,
        but the search keeps only its newest matches, so it must come after the filters it searches within
        (before them, a search for a common word within a region found only the region's share of the
        country's newest matches)."""
        cleaned = self.form.cleaned_data
        for name, declared in self.filters.items():
            if name in cleaned:
                queryset = declared.filter(queryset, cleaned[name])
        return queryset

    def count_rows(self):
        """The theme's rows of the published list (in the chosen region), one per practice, to count instead of
        the list when theme and region are all it is filtered by: one index holds them (``practices.theme_rows``).
        None for any other filter."""
        return self._theme_rows

    @cached_property
    def _theme_rows(self):
        cleaned = self.form.cleaned_data
        active = {name for name, value in cleaned.items() if value and name != "sort"}
        theme = cleaned.get("theme")
        if not theme or not active <= {"theme", "region"}:
            return None
        region = cleaned.get("region")
        rows = {"region_id": region.pk} if region else {}
        return PracticeThemeRow.objects.filter(theme_id=theme.pk, state=ModerationState.PUBLISHED, **rows)

    def listed_keys(self):
        """The list's practices' keys in the list's order (newest first), from the theme's rows in the chosen
        region, when theme and region are all it is filtered by and no other order is chosen: they stand in that
        order at the end of one index, so a page's keys are read there and its rows by key, instead of walking
        the country's newest practices for the region's (``practices.theme_rows``). None otherwise."""
        rows = self.count_rows()
        cleaned = self.form.cleaned_data
        if rows is None or not cleaned.get("region") or cleaned.get("sort"):
            return None
        return rows.order_by("-published_at", "-practice_id").values_list("practice_id", flat=True)

    def filter_search(self, queryset, name, value):
        return queryset.search(value)

    def filter_tried_elsewhere(self, queryset, name, value):
        return queryset.filter(adoption_count__gt=0) if value else queryset

    def filter_sort(self, queryset, name, value):
        if value == MOST_ADOPTIONS:
            return queryset.order_by("-adoption_count", "-published_at", "-pk")
        return queryset
