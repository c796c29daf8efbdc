"""Filters for the public event list."""

import django_filters
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from coalitions.filters import CoalitionNameFilter
from coalitions.models import Region, Theme
from core.filters import ListedChoicesFilterSet, ListedModelChoiceFilter
from events.models import Event


class EventFilter(ListedChoicesFilterSet):
    UPCOMING = "komend"
    PAST = "afgelopen"
    MISSING_REPORT = "ontbreekt"

    when = django_filters.ChoiceFilter(
        label=_("When"), choices=[(UPCOMING, _("Upcoming")), (PAST, _("Past"))], method="filter_when",
        empty_label=None,
    )
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=Event.Kind.choices, empty_label=_("All kinds"))
    region = ListedModelChoiceFilter(
        label=_("Region"), to_field_name="slug",
        columns=("name", "slug"), queryset=Region.objects.all(), method="filter_region",
        empty_label=_("All regions"),
    )
    theme = ListedModelChoiceFilter(
        label=_("Theme"), field_name="themes", to_field_name="slug",
        columns=("name", "slug"), queryset=Theme.objects.all(),
        empty_label=_("All themes"),
    )
    report = django_filters.ChoiceFilter(
        label=_("Report"), choices=[(MISSING_REPORT, _("Missing, ended more than 14 days ago"))],
        method="filter_report", empty_label=_("With or without"),
    )
    # Typed, not chosen from 500 options: the suggestions come from the cached names endpoint.
    coalition = CoalitionNameFilter(label=_("Coalition"), method="filter_coalition")

    class Meta:
        model = Event
        fields: list[str] = []

    def __init__(self, data=None, *args, **kwargs):
        data = data.copy() if data is not None else {}
        if not data.get("when"):
            data["when"] = self.UPCOMING
        super().__init__(data, *args, **kwargs)

    @property
    def showing_past(self) -> bool:
        return self.form.is_valid() and self.form.cleaned_data.get("when") == self.PAST

    def filter_when(self, queryset, name, value):
        now = timezone.now()
        if value == self.PAST:
            return queryset.past(now).order_by("-starts_at", "-pk")
        return queryset.upcoming(now).order_by("starts_at", "pk")

    def filter_report(self, queryset, name, value):
        return queryset.missing_report(timezone.now())

    def filter_region(self, queryset, name, value):
        return queryset.in_region(value)

    def filter_coalition(self, queryset, name, value):
        return queryset.of_coalition(value)
