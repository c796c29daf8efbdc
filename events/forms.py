"""Forms for project leaders managing their coalition's events; fields are named explicitly."""

from django import forms
from django.core.validators import MaxValueValidator
from django.db.models import Q
from django.forms import inlineformset_factory
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from coalitions.forms import OrganisationDirectory, OrganisationField, normalised
from coalitions.models import Coalition, Organisation, Theme
from core.forms import PortalForm, PortalModelForm
from events.models import Event, EventReport, FollowUpAgreement, ProgrammeItem, Registration, Stand
from practices.forms import web_url_validator
from practices.models import Practice

DATETIME_WIDGET = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
TIME_WIDGET = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
MAX_PEOPLE = 10_000
MAX_STAND_NUMBER = 999


def limit_number(field: forms.IntegerField, maximum: int, message: str) -> None:
    """Give a number field a real maximum: without one the database's range (up to 9223372036854775807) is
    the only limit, and that number is what the error message showed."""
    field.max_value = maximum
    field.validators.append(MaxValueValidator(maximum, message=message))
    field.widget.attrs["max"] = maximum


class EventForm(PortalModelForm):
    themes = forms.ModelMultipleChoiceField(
        label=_("Themes"), queryset=Theme.objects.all(), widget=forms.CheckboxSelectMultiple, required=False
    )
    online_url = forms.CharField(label=_("Online link"), required=False, max_length=200,
                                 validators=[web_url_validator])

    class Meta:
        model = Event
        fields = [
            "title", "kind", "organiser", "host", "summary", "description", "starts_at", "ends_at", "venue_name",
            "address", "city", "online_url", "capacity", "registration_opens_at", "registration_closes_at",
            "audience", "themes", "learning_network", "follows_on",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 6}),
            "starts_at": DATETIME_WIDGET,
            "ends_at": DATETIME_WIDGET,
            "registration_opens_at": DATETIME_WIDGET,
            "registration_closes_at": DATETIME_WIDGET,
        }
        help_texts = {
            "description": _("You can use Markdown: *italic*, **bold**, lists."),
            "follows_on": _("Is this a follow-up of an earlier event of your coalition?"),
        }

    def __init__(self, *args, organisers=None, **kwargs):
        super().__init__(*args, **kwargs)
        organisers = organisers if organisers is not None else Coalition.objects.none()
        self.fields["organiser"].queryset = organisers
        self.fields["host"].queryset = Coalition.objects.only("name", "slug").order_by("name")
        self.fields["host"].help_text = _("Only for a work visit: the coalition you visit. It is asked to accept; "
                                          "only then is the event shown on its page and in its calendar.")
        limit_number(self.fields["capacity"], MAX_PEOPLE,
                     _("An event has at most %(limit_value)s places; leave the field empty for no limit."))
        # Earlier events the coalition organised or hosted (a return visit follows on from a visit it hosted).
        self.fields["follows_on"].queryset = (
            Event.objects.of_coalitions(organisers)
            .exclude(pk=self.instance.pk).order_by("-starts_at")
        )

    def clean(self):
        cleaned = super().clean()
        starts, ends = cleaned.get("starts_at"), cleaned.get("ends_at")
        if starts and ends and ends < starts:
            self.add_error("ends_at", _("The end must be after the start."))
        if self.instance.pk is None and starts and starts < timezone.now():
            self.add_error("starts_at", _("The start lies in the past."))
        opens, closes = cleaned.get("registration_opens_at"), cleaned.get("registration_closes_at")
        if opens and closes and closes < opens:
            self.add_error("registration_closes_at", _("Registration must close after it opens."))
        if closes and ends and closes > ends:
            self.add_error("registration_closes_at", _("Registration must close before the event ends."))
        host, organiser = cleaned.get("host"), cleaned.get("organiser")
        if host and organiser and host == organiser:
            self.add_error("host", _("The host must be another coalition than the organiser."))
        if cleaned.get("kind") == Event.Kind.WORK_VISIT and not host:
            self.add_error("host", _("A work visit needs the coalition that is visited."))
        if not cleaned.get("venue_name") and not cleaned.get("online_url"):
            self.add_error("venue_name", _("Give a venue, an online link, or both."))
        return cleaned


class ProgrammeItemForm(PortalModelForm):
    class Meta:
        model = ProgrammeItem
        fields = ["starts_at", "ends_at", "title", "speaker"]
        widgets = {"starts_at": TIME_WIDGET, "ends_at": TIME_WIDGET}

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("starts_at") and cleaned.get("ends_at") and cleaned["ends_at"] < cleaned["starts_at"]:
            self.add_error("ends_at", _("The end must be after the start."))
        return cleaned


class StandForm(PortalModelForm):
    # Not a model field of the form: typed text resolved through the page's directory, maybe a new provider.
    organisation = OrganisationField(
        label=_("Provider"), new_kind=Organisation.Kind.PROVIDER,
        help_text=_("Choose from the list, or type the name of a new provider: it is added when you save."),
    )

    class Meta:
        model = Stand
        fields = ["number", "offer", "themes"]
        widgets = {"offer": forms.Textarea(attrs={"rows": 2}), "themes": forms.CheckboxSelectMultiple}

    field_order = ["number", "organisation", "offer", "themes"]

    def __init__(self, *args, directory=None, theme_choices=None, **kwargs):
        super().__init__(*args, **kwargs)
        limit_number(self.fields["number"], MAX_STAND_NUMBER, _("A stand number is at most %(limit_value)s."))
        self.fields["organisation"].directory = directory  # The formset's: one per page.
        if self.instance.organisation_id:
            self.initial.setdefault("organisation", self.instance.organisation_id)
        if theme_choices is not None:
            # Rendered from the list the formset read once, instead of one query per row.
            self.fields["themes"].choices = theme_choices

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("organisation") is not None:
            self.instance.organisation = cleaned["organisation"]
        return cleaned


class BaseStandFormSet(forms.BaseInlineFormSet):
    def __init__(self, *args, directory: OrganisationDirectory | None = None, **kwargs):
        self.directory = directory or OrganisationDirectory()
        kwargs.setdefault("queryset", Stand.objects.prefetch_related("themes"))  # Each row's initial themes.
        super().__init__(*args, **kwargs)

    @cached_property
    def theme_choices(self) -> list[tuple[int, str]]:
        return [(theme.pk, theme.name) for theme in Theme.objects.only("name")]

    def get_form_kwargs(self, index):
        return {**super().get_form_kwargs(index), "directory": self.directory, "theme_choices": self.theme_choices}

    def clean(self):
        super().clean()
        seen = set()
        for form in self.forms:
            if not hasattr(form, "cleaned_data") or (self.can_delete and self._should_delete_form(form)):
                continue
            organisation = form.cleaned_data.get("organisation")
            if organisation is None:
                continue
            key = organisation.pk or normalised(organisation.name)
            if key in seen:
                form.add_error("organisation", _("This provider already has a stand at this event."))
            seen.add(key)


ProgrammeFormSet = inlineformset_factory(
    Event, ProgrammeItem, form=ProgrammeItemForm, extra=3, max_num=30, validate_max=True, can_delete=True
)
StandFormSet = inlineformset_factory(
    Event, Stand, form=StandForm, formset=BaseStandFormSet, extra=2, max_num=80, validate_max=True,
    can_delete=True,
)


class CancelEventForm(PortalForm):
    reason = forms.CharField(label=_("Message to the participants"), max_length=1000,
                             widget=forms.Textarea(attrs={"rows": 3}))


class HostAnswerForm(PortalForm):
    """The host's reason for declining a request to host, or for no longer hosting; told to the organisers."""

    reason = forms.CharField(label=_("Reason for the organisers (optional)"), required=False, max_length=1000,
                             widget=forms.Textarea(attrs={"rows": 2}))


class RegistrationForm(PortalForm):
    remark = forms.CharField(label=_("Remark (optional)"), required=False, max_length=1000,
                             widget=forms.Textarea(attrs={"rows": 2}),
                             help_text=_("For example a dietary requirement or a question for the organiser."))


class ReportForm(PortalModelForm):
    class Meta:
        model = EventReport
        fields = ["summary", "insights", "participant_count", "related_practices"]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 6}),
            "insights": forms.Textarea(attrs={"rows": 4}),
            "related_practices": forms.CheckboxSelectMultiple,
        }
        help_texts = {"summary": _("What happened? You can use Markdown."),
                      "insights": _("What did the participants learn? What will they do differently?")}

    def __init__(self, *args, event=None, **kwargs):
        super().__init__(*args, **kwargs)
        limit_number(self.fields["participant_count"], MAX_PEOPLE,
                     _("The number of participants is at most %(limit_value)s."))
        self.fields["related_practices"].queryset = event_practice_queryset(event)


def event_practice_queryset(event):
    """Only the practices presented at this event or from its coalitions: a bounded list."""
    return Practice.objects.published().filter(
        Q(coalition_id__in=event.coalition_ids) | Q(presented_at=event)
    ).distinct().order_by("title")


def agreement_owner_queryset(event):
    return User.objects.filter(
        registrations__event=event,
        registrations__status__in=Registration.SEAT_STATUSES,
    ).order_by("full_name", "email")


def agreement_coalition_queryset(event):
    return Coalition.objects.filter(pk__in=event.coalition_ids)


class NewAgreementDueDateMixin:
    """A new agreement's due date lies ahead: one in the past would be overdue before anyone heard of it."""

    def clean_due_date(self):
        due_date = self.cleaned_data["due_date"]
        if self.instance.pk is None and due_date < timezone.localdate():
            raise forms.ValidationError(_("The due date of a new agreement cannot lie in the past."))
        return due_date


class AgreementAdminForm(NewAgreementDueDateMixin, PortalModelForm):
    class Meta:
        model = FollowUpAgreement
        fields = ["event", "description", "owner", "owner_name", "owner_email", "coalition", "due_date", "status",
                  "done_note", "closed_at"]


class AgreementForm(NewAgreementDueDateMixin, PortalModelForm):
    class Meta:
        model = FollowUpAgreement
        fields = ["description", "owner", "owner_name", "owner_email", "due_date", "coalition", "practice"]
        widgets = {"description": forms.Textarea(attrs={"rows": 2}),
                   "due_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}
        labels = {"owner": _("Owner (participant)"), "owner_email": _("or owner's email address"),
                  "owner_name": _("Owner's name")}
        help_texts = {"practice": _("Optional: the practice example you agreed to try.")}

    def __init__(self, *args, event=None, choices=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = agreement_owner_queryset(event)
        self.fields["owner"].required = False
        self.fields["coalition"].queryset = agreement_coalition_queryset(event)
        self.fields["practice"].queryset = event_practice_queryset(event)
        if choices is not None:
            # Rendered from lists the formset built once, instead of three queries per form.
            self.fields["owner"].choices = choices["owner"]
            self.fields["coalition"].choices = choices["coalition"]
            self.fields["practice"].choices = choices["practice"]

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("owner") and not cleaned.get("owner_email") and cleaned.get("description"):
            self.add_error("owner_email", _("Choose a participant or give an email address."))
        return cleaned


class BaseAgreementFormSet(forms.BaseInlineFormSet):
    def __init__(self, *args, event=None, **kwargs):
        self.event = event
        blank = [("", "---------")]
        self.choices = {
            "owner": blank + [(u.pk, f"{u.display_name} ({u.email})") for u in agreement_owner_queryset(event)],
            "coalition": blank + [(c.pk, c.name) for c in agreement_coalition_queryset(event)],
            "practice": blank + [(p.pk, p.title) for p in event_practice_queryset(event).only("pk", "title")],
        }
        super().__init__(*args, **kwargs)

    def get_form_kwargs(self, index):
        return {**super().get_form_kwargs(index), "event": self.event, "choices": self.choices}

    @property
    def empty_form(self):
        form = self.form(auto_id=self.auto_id, prefix=self.add_prefix("__prefix__"), empty_permitted=True,
                         use_required_attribute=False, event=self.event, choices=self.choices,
                         renderer=self.renderer)
        self.add_fields(form, None)
        return form


AgreementFormSet = inlineformset_factory(
    Event, FollowUpAgreement, form=AgreementForm, formset=BaseAgreementFormSet, extra=3, max_num=40,
    can_delete=True,
)


class CloseAgreementForm(PortalForm):
    status = forms.ChoiceField(
        label=_("Status"), widget=forms.RadioSelect,
        choices=[(FollowUpAgreement.Status.DONE, _("Done")), (FollowUpAgreement.Status.DROPPED, _("Dropped"))],
    )
    note = forms.CharField(label=_("Short note"), required=False, max_length=1000,
                           widget=forms.Textarea(attrs={"rows": 2}),
                           help_text=_("What came of it, or why it was dropped."))
