"""Every form of the portal: submitted text loses its control characters, and no id is too large to answer."""

import pytest
from django import forms
from django.http import QueryDict

import kennisportaal.urls  # noqa: F401 - imports every view, and with them every form of the portal
from accounts.forms import SignupForm
from coalitions.forms import FollowForm, OrganisationField
from coalitions.models import Coalition, Organisation
from core.forms import PortalFormMixin
from events.forms import AgreementForm, EventForm, ReportForm
from portal.forms import DeleteAccountForm
from practices.forms import AdoptionForm
from tests import factories
from tools.forms import UseForm

APPS = {"accounts", "coalitions", "core", "demo", "events", "moderation", "notifications", "portal", "practices",
        "tools", "kennisportaal"}
TOO_LARGE = "99999999999999999999"  # above 2**63: no database integer holds it


def _subclasses(cls):
    for sub in cls.__subclasses__():
        yield sub
        yield from _subclasses(sub)


def portal_forms() -> list[type[forms.BaseForm]]:
    """The form classes written in the portal's own modules (not the ones factories generate from them)."""
    found = {cls for cls in _subclasses(forms.BaseForm)
             if cls.__module__.split(".")[0] in APPS and cls.__module__ != "core.forms"}
    return sorted(found, key=lambda cls: f"{cls.__module__}.{cls.__qualname__}")


def _kwargs(form_class, *, user, event) -> dict:
    """What a form needs besides its data; a new form that needs more fails the tests below until it is here."""
    special = {
        AdoptionForm: {"user": user},
        UseForm: {"coalitions": Coalition.objects.all()},
        ReportForm: {"event": event},
        AgreementForm: {"event": event},
        EventForm: {"organisers": Coalition.objects.all()},
        DeleteAccountForm: {"user": user},
    }
    return special.get(form_class, {})


def _bind(form_class, data: dict, *, user, event):
    query = QueryDict(mutable=True)
    for key, value in data.items():
        query.setlist(key, value if isinstance(value, list) else [value])
    return form_class(query, **_kwargs(form_class, user=user, event=event))


def _form_ids():
    return [f"{cls.__module__}.{cls.__qualname__}" for cls in portal_forms()]


def test_the_walk_finds_the_forms_of_every_app():
    modules = {cls.__module__ for cls in portal_forms()}
    assert modules == {"accounts.forms", "coalitions.forms", "events.forms", "moderation.forms", "portal.forms",
                       "practices.forms", "tools.forms"}
    names = {cls.__name__ for cls in portal_forms()}
    assert {"ProfileForm", "SignupForm", "HelpRequestForm", "FollowForm", "EventForm", "AgreementForm",
            "ModerationForm", "PracticeForm", "AdoptionForm", "ToolForm", "UseForm"} <= names


@pytest.mark.parametrize("form_class", portal_forms(), ids=_form_ids())
def test_every_form_derives_from_the_portal_form(form_class):
    assert issubclass(form_class, PortalFormMixin)


@pytest.mark.django_db
@pytest.mark.parametrize("form_class", portal_forms(), ids=_form_ids())
def test_an_id_beyond_64_bits_in_any_model_choice_is_an_invalid_choice(form_class, coalition, theme):
    user, event = factories.UserFactory(), factories.EventFactory(organiser=coalition)
    empty = _bind(form_class, {}, user=user, event=event)
    choice_fields = {name: field for name, field in empty.fields.items()
                     if isinstance(field, forms.ModelChoiceField)}
    data = {name: [TOO_LARGE] if isinstance(field, forms.ModelMultipleChoiceField) else TOO_LARGE
            for name, field in choice_fields.items()}
    form = _bind(form_class, data, user=user, event=event)
    assert not form.is_valid() or not choice_fields
    for name, field in choice_fields.items():
        assert form.errors[name] == [str(field.error_messages["invalid_choice"]) % {"value": TOO_LARGE}], name


def test_the_invalid_choice_error_is_dutch(coalition, theme):
    form = _bind(FollowForm, {"region": TOO_LARGE, "followed_themes": [TOO_LARGE, str(theme.pk)]}, user=None,
                 event=None)
    assert form.errors == {
        "region": ["Selecteer een geldige keuze. Deze keuze is niet beschikbaar."],
        "followed_themes": [f"Selecteer een geldige keuze. {TOO_LARGE} is geen beschikbare keuze."],
    }


def test_the_model_choice_walk_covers_the_multi_selects_of_the_issue():
    """follows, themes, mechanisms, partners' municipalities, related practices: each is a model choice above."""
    names = {(cls.__name__, name) for cls in portal_forms() for name, field in cls.base_fields.items()
             if isinstance(field, forms.ModelMultipleChoiceField)}
    assert {("FollowForm", "followed_themes"), ("FollowForm", "followed_coalitions"), ("PracticeForm", "themes"),
            ("PracticeForm", "mechanisms"), ("CoalitionPageForm", "municipalities"),
            ("ReportForm", "related_practices"), ("EventForm", "themes"), ("ToolForm", "themes")} <= names


def _typed_and_kept(field) -> tuple[str, str]:
    """A value with control characters for the field, and what the form should keep of it."""
    if isinstance(field, forms.EmailField):
        return "sas\x01kia@example.org", "saskia@example.org"
    if isinstance(field, forms.URLField) or any("https" in str(getattr(v, "message", "")) for v in field.validators):
        return "https://example.org/\x01pad", "https://example.org/pad"
    if isinstance(field, OrganisationField):  # a name: its spaces are collapsed as well
        return "Oud\x01ers\x08 en\x1b school\x7f\tsamen", "Ouders en school\x7f samen"
    return "Oud\x01ers\x08 en\x1b school\x7f\tsamen", "Ouders en school\x7f\tsamen"


@pytest.mark.django_db
@pytest.mark.parametrize("form_class", portal_forms(), ids=_form_ids())
def test_every_text_field_keeps_what_was_typed_without_control_characters(form_class, coalition, theme, rf):
    # The address is the one DeleteAccountForm asks to be typed (as a plain text field).
    user, event = factories.UserFactory(email="saskia@example.org"), factories.EventFactory(organiser=coalition)
    empty = _bind(form_class, {}, user=user, event=event)
    text_fields = {name: field for name, field in empty.fields.items()
                   if isinstance(field, forms.CharField | OrganisationField)
                   and not isinstance(field.widget, forms.PasswordInput)}
    typed = {name: (("sas\x01kia@example.org", "saskia@example.org") if form_class is DeleteAccountForm
                    else _typed_and_kept(field)) for name, field in text_fields.items()}
    form = _bind(form_class, {name: value for name, (value, _kept) in typed.items()}, user=user, event=event)
    form.is_valid()
    for name, (_value, kept) in typed.items():
        assert name in form.cleaned_data, (name, form.errors.get(name))
        cleaned = form.cleaned_data[name]
        assert (cleaned.name if isinstance(cleaned, Organisation) else cleaned) == kept, name


def test_the_signup_form_keeps_the_password_as_typed():
    form = SignupForm({"email": "sas\x01kia@example.org", "password1": "geheim\x01-wachtwoord-2026",
                       "password2": "geheim\x01-wachtwoord-2026"})
    form.fields.pop("email")  # the address check needs the database; the password is what this is about
    form.is_valid()
    assert form.cleaned_data["password1"] == "geheim\x01-wachtwoord-2026"
