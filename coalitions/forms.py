"""Forms of the coalitions app."""

from collections import defaultdict

from django import forms
from django.forms.utils import flatatt
from django.utils.functional import cached_property
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from coalitions.models import (
    Coalition,
    CoalitionMembership,
    HelpRequest,
    MemberProfile,
    Organisation,
    VisitProfile,
)
from core.forms import PortalForm, PortalModelForm


def normalised(text: str) -> str:
    """A typed name as compared: spaces collapsed, case folded."""
    return " ".join(text.split()).casefold()


def organisation_label(name: str, place: str | None) -> str:
    return f"{name} ({place})" if place else name


class OrganisationDirectory:
    """All organisations, read once per page: the options of the page's one datalist and the lookup of typed names.

    A typed text is an option label ("Name (Place)") or a name; a name of no organisation is a new organisation,
    returned unsaved (the domain function saves it in its transaction).
    """

    datalist_id = "organisation-options"

    def __init__(self, queryset=None):
        self.queryset = queryset if queryset is not None else Organisation.objects.all()

    @cached_property
    def entries(self) -> list[tuple[Organisation, str]]:
        organisations = self.queryset.select_related("municipality").only(
            "name", "slug", "kind", "municipality__name"
        ).order_by("name", "municipality__name", "pk")
        return [(o, organisation_label(o.name, o.municipality.name if o.municipality else None))
                for o in organisations]

    @cached_property
    def options(self) -> list[str]:
        return [label for _organisation, label in self.entries]

    @cached_property
    def _labels(self) -> dict[int, str]:
        return {organisation.pk: label for organisation, label in self.entries}

    @cached_property
    def _by_label(self) -> dict[str, list[Organisation]]:
        found = defaultdict(list)
        for organisation, label in self.entries:
            found[normalised(label)].append(organisation)
        return found

    @cached_property
    def _by_name(self) -> dict[str, list[Organisation]]:
        found = defaultdict(list)
        for organisation, _label in self.entries:
            found[normalised(organisation.name)].append(organisation)
        return found

    def label(self, pk) -> str:
        return self._labels.get(pk, "")

    def resolve(self, text: str, *, new_kind: str) -> Organisation:
        """The organisation ``text`` names, or a new unsaved one; a name shared by several is a ValidationError."""
        key = normalised(text)
        matches = self._by_label.get(key) or self._by_name.get(key) or []
        if len(matches) > 1:
            raise forms.ValidationError(
                _("There are several organisations called “%(name)s”. Choose one from the list: the place in "
                  "brackets tells them apart."),
                code="ambiguous", params={"name": " ".join(text.split())},
            )
        if matches:
            return matches[0]
        return Organisation(name=" ".join(text.split()), kind=new_kind)


class OrganisationInput(forms.TextInput):
    """A text input that suggests the organisations of the page's shared datalist."""

    def __init__(self, attrs=None):
        super().__init__({"list": OrganisationDirectory.datalist_id, "autocomplete": "off", **(attrs or {})})


class OrganisationField(forms.CharField):
    """One organisation, chosen from the datalist or typed as a new name (created when the form is saved)."""

    widget = OrganisationInput

    def __init__(self, *, directory: OrganisationDirectory | None = None,
                 new_kind: str = Organisation.Kind.PROVIDER, **kwargs):
        kwargs.setdefault("max_length", Organisation._meta.get_field("name").max_length)
        super().__init__(**kwargs)
        self.directory = directory  # The form sets the page's; see lookup().
        self.new_kind = new_kind

    def lookup(self) -> OrganisationDirectory:
        if self.directory is None:  # None given: one for this form's copy of the field, never shared by requests.
            self.directory = OrganisationDirectory()
        return self.directory

    def prepare_value(self, value):
        if isinstance(value, Organisation):
            return self.lookup().label(value.pk) if value.pk else value.name
        if isinstance(value, int):
            return self.lookup().label(value)
        return value

    def clean(self, value):
        text = super().clean(value)
        return self.lookup().resolve(text, new_kind=self.new_kind) if text else None

    def has_changed(self, initial, data) -> bool:
        return normalised(self.prepare_value(initial) or "") != normalised(data or "")


class OrganisationInputs(forms.Widget):
    """Several organisation inputs under one name: the current values and a few blank ones."""

    blank_inputs = 3

    def __init__(self, attrs=None):
        super().__init__(attrs)
        self.item_label = ""

    def format_value(self, value) -> list[str]:
        return [str(v) for v in (value or []) if v]

    def value_from_datadict(self, data, files, name):
        return data.getlist(name) if hasattr(data, "getlist") else data.get(name, [])

    def value_omitted_from_data(self, data, files, name) -> bool:
        return False  # Every input left empty means "no organisations".

    def id_for_label(self, id_):
        return f"{id_}_0" if id_ else id_

    def render(self, name, value, attrs=None, renderer=None):
        values = self.format_value(value) + [""] * self.blank_inputs
        final_attrs = self.build_attrs(self.attrs, attrs)
        base_id = final_attrs.pop("id", None)
        inputs = []
        for index, item in enumerate(values):
            input_attrs = {**final_attrs, "type": "text", "name": name,
                           "list": OrganisationDirectory.datalist_id, "autocomplete": "off"}
            if item:
                input_attrs["value"] = item
            if base_id:
                input_attrs["id"] = f"{base_id}_{index}"
            if index:
                input_attrs["aria-label"] = f"{self.item_label} {index + 1}"
            inputs.append(input_attrs)
        return format_html('<ul class="organisation-inputs">{}</ul>',
                           format_html_join("", "<li><input{}></li>", ((flatatt(a),) for a in inputs)))


class OrganisationMultipleField(forms.Field):
    """Several organisations, each chosen from the datalist or typed as a new name."""

    widget = OrganisationInputs

    def __init__(self, *, directory: OrganisationDirectory | None = None,
                 new_kind: str = Organisation.Kind.PROVIDER, item_label="", **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)
        self.directory = directory  # The form sets the page's; see lookup().
        self.new_kind = new_kind
        # The first input is named by the field's label, the others by "<item label> <n>".
        self.widget.item_label = item_label

    lookup = OrganisationField.lookup

    def prepare_value(self, value):
        one = OrganisationField(directory=self.lookup())
        return [one.prepare_value(v) for v in (value or [])]

    def clean(self, value):
        texts = [text for text in (value or []) if text and text.strip()]
        if self.required and not texts:
            raise forms.ValidationError(self.error_messages["required"], code="required")
        limit = Organisation._meta.get_field("name").max_length
        organisations, seen, errors = [], set(), []
        for text in texts:
            if len(text.strip()) > limit:
                errors.append(forms.ValidationError(
                    _("“%(name)s…” is longer than %(limit)d characters."),
                    code="max_length", params={"name": text.strip()[:40], "limit": limit}))
                continue
            try:
                organisation = self.lookup().resolve(text, new_kind=self.new_kind)
            except forms.ValidationError as error:
                errors.append(error)
                continue
            key = organisation.pk or normalised(organisation.name)
            if key not in seen:
                seen.add(key)
                organisations.append(organisation)
        if errors:
            raise forms.ValidationError(errors)
        return organisations

    def has_changed(self, initial, data) -> bool:
        before = {normalised(text) for text in self.prepare_value(initial)}
        return before != {normalised(text) for text in (data or []) if text.strip()}


class HelpRequestForm(PortalModelForm):
    class Meta:
        model = HelpRequest
        fields = ["region", "name", "email", "organisation", "question"]
        widgets = {"question": forms.Textarea(attrs={"rows": 5})}
        labels = {"region": _("Your region"), "question": _("Your question")}
        help_texts = {"question": _("Describe briefly what you would like to think through with the coordinator.")}


class CoalitionPageForm(PortalModelForm):
    partners = OrganisationMultipleField(
        label=_("Partners"), item_label=_("Partner"),
        help_text=_("One organisation per field: choose from the list or type the name of a new organisation. "
                    "Empty a field to remove that partner."),
    )
    new_partner_kind = forms.ChoiceField(
        label=_("Kind of a new partner"), choices=Organisation.Kind.choices, initial=Organisation.Kind.PROVIDER,
        required=False, help_text=_("Only used for a name that is not in the list yet."),
    )

    class Meta:
        model = Coalition
        fields = ["description", "website", "contact_email", "municipalities", "partners"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 8}),
            "municipalities": forms.SelectMultiple(attrs={"size": 8}),
        }
        help_texts = {
            "description": _("You can use Markdown: *italic*, **bold**, lists."),
        }

    def __init__(self, *args, directory: OrganisationDirectory | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.directory = directory or OrganisationDirectory()
        self.fields["partners"].directory = self.directory

    def clean(self):
        cleaned = super().clean()
        # The kind belongs to the new organisations only; the domain function gets them ready to save.
        kind = cleaned.pop("new_partner_kind", "") or Organisation.Kind.PROVIDER
        for organisation in cleaned.get("partners") or []:
            if organisation.pk is None:
                organisation.kind = kind
        return cleaned


class VisitProfileForm(PortalModelForm):
    """What a work visit to the coalition can show and what it wants to learn elsewhere."""

    class Meta:
        model = VisitProfile
        fields = ["offer", "offer_themes", "wish", "wish_themes"]
        widgets = {
            "offer": forms.Textarea(attrs={"rows": 4}),
            "offer_themes": forms.CheckboxSelectMultiple,
            "wish": forms.Textarea(attrs={"rows": 4}),
            "wish_themes": forms.CheckboxSelectMultiple,
        }
        labels = {"offer_themes": _("Themes of what we can show"),
                  "wish_themes": _("Themes of what we want to learn")}
        help_texts = {
            "offer": _("A few sentences: what can visitors see and learn from you?"),
            "wish": _("A few sentences: what would you like to see at another coalition?"),
        }


class InvitationForm(PortalForm):
    email = forms.EmailField(label=_("Email address"))
    role = forms.ChoiceField(label=_("Role"), choices=CoalitionMembership.Role.choices,
                             initial=CoalitionMembership.Role.MEMBER)


class FollowForm(PortalModelForm):
    class Meta:
        model = MemberProfile
        fields = ["region", "followed_themes", "followed_regions", "followed_coalitions", "followed_networks"]
        widgets = {
            "followed_themes": forms.CheckboxSelectMultiple,
            "followed_regions": forms.CheckboxSelectMultiple,
            "followed_coalitions": forms.SelectMultiple(attrs={"size": 8}),
            "followed_networks": forms.CheckboxSelectMultiple,
        }
        help_texts = {"followed_coalitions": _("Hold Ctrl (or Cmd) to select more than one.")}


class FollowToggleForm(PortalForm):
    """The "Volgen" / "Niet meer volgen" button of a theme, region, coalition or learning network."""

    FOLLOW = "follow"
    UNFOLLOW = "unfollow"
    action = forms.ChoiceField(choices=[(FOLLOW, _("Follow")), (UNFOLLOW, _("Unfollow"))])


class AnswerHelpRequestForm(PortalForm):
    note = forms.CharField(label=_("How was it answered?"), max_length=2000,
                           help_text=_("For example: called on 3 March, put in touch with the coalition in Emmen."),
                           widget=forms.Textarea(attrs={"rows": 2}))
