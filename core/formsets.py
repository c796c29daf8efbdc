"""Formsets that grow without JavaScript: a submit button asks for more blank rows and nothing is saved."""

from django.forms.utils import ErrorDict, ErrorList
from django.http import QueryDict

ADD_ROWS = "add_rows"  # The name of the submit button; its value is the prefix of the formset to grow.
ADD_ROWS_COUNT = 10


def with_blank_rows(data: QueryDict, *, prefix: str, max_num: int, count: int = ADD_ROWS_COUNT) -> QueryDict:
    """A copy of the posted data that counts ``count`` more forms for the formset ``prefix`` (at most max_num)."""
    key = f"{prefix}-TOTAL_FORMS"
    try:
        total = int(data.get(key, ""))
    except ValueError:
        return data  # A broken management form: the formset reports it as usual.
    data = data.copy()
    data[key] = str(max(total, min(total + count, max_num)))
    return data


def without_errors(*forms) -> None:
    """Show bound forms and formsets with what was typed but not validated: they were not submitted to be saved."""
    for form in forms:
        if hasattr(form, "management_form"):
            form._errors, form._non_form_errors = [], ErrorList()
            without_errors(*form.forms)
        else:
            form._errors = ErrorDict()
