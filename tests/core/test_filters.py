"""A filter's choice of a small table, read once per form (core.filters)."""

import copy

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from coalitions.models import Region, Theme
from core import filters
from core.filters import ListedChoicesFilterSet, ListedModelChoiceField, ListedModelChoiceFilter
from practices.filters import PracticeFilter
from practices.models import Mechanism, Practice
from tests import factories
from tools.filters import ToolFilter
from tools.models import Tool

pytestmark = pytest.mark.django_db


@pytest.fixture
def regions():
    return [factories.RegionFactory(name="Noord", slug="noord"), factories.RegionFactory(name="Zuid", slug="zuid")]


def _field(**kwargs):
    return ListedModelChoiceField(queryset=Region.objects.order_by("name"), to_field_name="slug",
                                  empty_label="Alle regio's", **kwargs)


def test_options_and_the_chosen_value_come_from_one_read(regions, django_assert_num_queries):
    field = copy.deepcopy(_field())
    with django_assert_num_queries(1):
        options = [(str(value), str(label)) for value, label in field.choices]
        chosen = field.clean("zuid")
        assert field.clean(regions[0]) == regions[0]
    assert options == [("", "Alle regio's"), ("noord", "Noord"), ("zuid", "Zuid")]
    assert chosen == regions[1]
    assert len(field.choices) == 3


def test_an_empty_value_is_no_choice_and_reads_nothing(regions, django_assert_num_queries):
    field = copy.deepcopy(_field(required=False))
    with django_assert_num_queries(0):
        assert field.clean("") is None
        assert field.clean(None) is None


def test_an_unknown_value_is_the_dutch_invalid_choice_error(regions):
    field = copy.deepcopy(_field())
    with translation.override("nl"), pytest.raises(ValidationError) as raised:
        field.clean("oost")
    assert raised.value.messages == ["Selecteer een geldige keuze. Deze keuze is niet beschikbaar."]
    assert raised.value.error_list[0].code == "invalid_choice"
    assert raised.value.error_list[0].params == {"value": "oost"}


def test_a_copy_reads_its_own_rows(regions, django_assert_num_queries):
    field = _field()
    first = copy.deepcopy(field)
    assert [row.slug for row in first.rows] == ["noord", "zuid"]
    factories.RegionFactory(name="Oost", slug="oost")
    second = copy.deepcopy(first)  # as the next request's form copies the field
    with django_assert_num_queries(1):
        assert second.clean("oost").slug == "oost"
    assert [row.slug for row in first.rows] == ["noord", "zuid"]


def test_without_options_the_choices_are_only_the_empty_label():
    field = copy.deepcopy(_field())
    assert list(field.choices) == [("", "Alle regio's")]
    assert bool(field.choices) is True
    field.empty_label = None
    assert bool(field.choices) is False
    assert len(field.choices) == 0


def test_the_practice_filter_reads_its_three_tables_in_one_query(django_assert_num_queries):
    theme = factories.ThemeFactory(name="Taal", slug="taal")
    region = factories.RegionFactory(name="Zuid", slug="zuid")
    practice_filter = PracticeFilter({"theme": "taal", "region": "zuid"}, queryset=Practice.objects.none())
    with django_assert_num_queries(1):  # themes, regions and mechanisms together
        assert practice_filter.form.is_valid(), practice_filter.form.errors
        html = str(practice_filter.form["theme"]) + str(practice_filter.form["region"])
        str(practice_filter.form["mechanism"])
    assert practice_filter.form.cleaned_data["theme"] == theme
    assert practice_filter.form.cleaned_data["region"] == region
    assert '<option value="taal" selected>Taal</option>' in html
    assert '<option value="zuid" selected>Zuid</option>' in html


def test_rows_read_together_keep_each_querysets_order_and_load_the_rest_on_demand():
    for name, position in [("Water", 2), ("Bos", 2), ("Zand", 1)]:
        factories.ThemeFactory(name=name, position=position, description=f"Over {name}")
    for name in ["Zuid", "Noord", "Midden"]:
        factories.RegionFactory(name=name)
    form = PracticeFilter({}, queryset=Practice.objects.none()).form
    themes, regions = form.fields["theme"].rows, form.fields["region"].rows
    assert [theme.name for theme in themes] == [theme.name for theme in Theme.objects.all()] == ["Zand", "Bos", "Water"]
    assert [region.slug for region in regions] == [region.slug for region in Region.objects.all()]
    assert [region.name for region in regions] == ["Midden", "Noord", "Zuid"]
    assert form.fields["mechanism"].rows == list(Mechanism.objects.all())
    assert themes[0].get_deferred_fields() == {"description", "position"}
    assert themes[0].description == "Over Zand"  # read when asked


class _Uneven(ListedChoicesFilterSet):
    region = ListedModelChoiceFilter(queryset=Region.objects.all(), to_field_name="slug", columns=("name", "slug"))
    theme = ListedModelChoiceFilter(queryset=Theme.objects.all(), columns=("name",))

    class Meta:
        model = Practice
        fields: list[str] = []


def test_choices_with_fewer_columns_are_padded_and_the_statement_is_compiled_once(monkeypatch,
                                                                                  django_assert_num_queries):
    region = factories.RegionFactory(name="Oost")
    theme = factories.ThemeFactory(name="Sport")
    compiled = []
    original = filters._rows_statement
    monkeypatch.setattr(filters, "_STATEMENTS", {})
    monkeypatch.setattr(filters, "_rows_statement", lambda fields: compiled.append(1) or original(fields))
    for _ in range(2):
        uneven = _Uneven({"region": region.slug, "theme": str(theme.pk)}, queryset=Practice.objects.none())
        with django_assert_num_queries(1):
            assert uneven.form.is_valid(), uneven.form.errors
        assert uneven.form.cleaned_data == {"region": region, "theme": theme}
        assert uneven.form.cleaned_data["theme"].get_deferred_fields() == {"slug", "description", "position"}
    assert compiled == [1]


def test_a_choice_without_columns_reads_its_own_rows(django_assert_num_queries):
    factories.ThemeFactory(name="Sport")
    tool_filter = ToolFilter({}, queryset=Tool.objects.none())
    with django_assert_num_queries(1):
        assert [str(label) for _value, label in tool_filter.form.fields["theme"].choices][1:] == ["Sport"]


def test_the_form_class_is_built_once_and_each_form_reads_its_own_rows_and_data():
    factories.RegionFactory(name="Noord", slug="noord")
    first = PracticeFilter({"region": "noord", "q": "ouders"}, queryset=Practice.objects.none())
    assert first.form.is_valid(), first.form.errors
    factories.RegionFactory(name="Oost", slug="oost")
    second = PracticeFilter({"region": "oost"}, queryset=Practice.objects.none())
    assert second.get_form_class() is first.get_form_class()
    assert second.form.is_valid(), second.form.errors
    assert second.form.cleaned_data["region"].slug == "oost"
    assert second.form.cleaned_data["q"] == ""
    assert [str(label) for _value, label in second.form.fields["region"].choices][1:] == ["Noord", "Oost"]
    assert [str(label) for _value, label in first.form.fields["region"].choices][1:] == ["Noord"]
    assert first.form.cleaned_data["q"] == "ouders"
    # Another filter set class has a form class of its own.
    assert _Uneven(queryset=Practice.objects.none()).get_form_class() is not first.get_form_class()
    assert list(_Uneven(queryset=Practice.objects.none()).get_form_class().base_fields) == ["region", "theme"]
