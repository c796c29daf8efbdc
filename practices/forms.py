"""Forms for submitting practice examples and tips; fields are named explicitly."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.forms import inlineformset_factory
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from coalitions.models import Coalition, Region, Theme
from core.forms import PortalModelForm
from practices.models import Adoption, Mechanism, Practice, PracticeAttachment, PracticeLink, Tip

MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024
# Extension → the first bytes such a file must start with.
ATTACHMENT_SIGNATURES = {
    "pdf": [b"%PDF-"],
    "png": [b"\x89PNG\r\n\x1a\n"],
    "jpg": [b"\xff\xd8\xff"],
    "jpeg": [b"\xff\xd8\xff"],
    "docx": [b"PK\x03\x04"],
    "xlsx": [b"PK\x03\x04"],
    "pptx": [b"PK\x03\x04"],
    "odt": [b"PK\x03\x04"],
}
web_url_validator = URLValidator(schemes=["http", "https"], message=_("Enter a web address starting with https://."))


def make_optional(form: forms.Form, *, keep: tuple[str, ...]) -> None:
    """Saving a draft: only the fields in ``keep`` stay required; submitting for review uses the full form.

    The text columns are NOT NULL but may hold an empty string, so an empty draft field saves as "".
    """
    for name, field in form.fields.items():
        if name not in keep:
            field.required = False


class PracticeForm(PortalModelForm):
    themes = forms.ModelMultipleChoiceField(
        label=_("Themes"), queryset=Theme.objects.all(), widget=forms.CheckboxSelectMultiple
    )
    mechanisms = forms.ModelMultipleChoiceField(
        label=_("Boundary-crossing mechanisms"), queryset=Mechanism.objects.all(), required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Which learning mechanisms helped the partners work together?"),
    )

    class Meta:
        model = Practice
        fields = [
            "title", "summary", "school_type", "setting", "coalition", "region", "context", "approach", "results",
            "pitfalls", "practical_tips", "themes", "mechanisms", "contact_name", "contact_email",
        ]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 3}),
            "context": forms.Textarea(attrs={"rows": 4}),
            "approach": forms.Textarea(attrs={"rows": 8}),
            "results": forms.Textarea(attrs={"rows": 4}),
            "pitfalls": forms.Textarea(attrs={"rows": 4}),
            "practical_tips": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {
            "approach": _("What did you do, with whom, and how? You can use Markdown: *italic*, **bold**, lists."),
            "coalition": _("Leave empty if the example does not belong to a coalition."),
            "region": _("Filled in from the coalition when you choose one."),
            "contact_name": _("Only logged-in members see the contact details."),
        }

    # What a draft needs: its title, and a region (or a coalition, which has one) because the column is
    # required and the region's coordinators are who the draft will go to.
    DRAFT_REQUIRED = ("title",)

    def __init__(self, *args, user=None, draft: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["coalition"].queryset = Coalition.objects.only("name", "slug").order_by("name")
        self.fields["region"].queryset = Region.objects.all()
        self.fields["region"].required = False
        self.fields["summary"].max_length = 600
        if draft:
            make_optional(self, keep=self.DRAFT_REQUIRED)

    def clean(self):
        cleaned = super().clean()
        coalition = cleaned.get("coalition")
        if coalition is not None:
            cleaned["region"] = coalition.region
        elif not cleaned.get("region") and "region" not in self.errors:
            self.add_error("region", _("Choose a region, or a coalition."))
        return cleaned


class LinkForm(PortalModelForm):
    url = forms.CharField(label=_("Web address"), max_length=500, validators=[web_url_validator])

    class Meta:
        model = PracticeLink
        fields = ["title", "url"]


class AttachmentForm(PortalModelForm):
    class Meta:
        model = PracticeAttachment
        fields = ["title", "file"]
        help_texts = {"file": _("PDF, Word, Excel, PowerPoint, PNG or JPG; at most 10 MB.")}

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload is None or not hasattr(upload, "content_type"):
            return upload  # unchanged existing file
        extension = upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
        if extension not in ATTACHMENT_SIGNATURES:
            raise ValidationError(_("This file type is not allowed. Use PDF, Word, Excel, PowerPoint, PNG or JPG."))
        if upload.size > MAX_ATTACHMENT_BYTES:
            raise ValidationError(
                _("This file is %(size)s; the maximum is 10 MB.") % {"size": filesizeformat(upload.size)}
            )
        head = upload.read(16)
        upload.seek(0)
        if not any(head.startswith(signature) for signature in ATTACHMENT_SIGNATURES[extension]):
            raise ValidationError(_("The content of this file does not match its extension."))
        return upload


LinkFormSet = inlineformset_factory(Practice, PracticeLink, form=LinkForm, extra=2, max_num=10, can_delete=True)
AttachmentFormSet = inlineformset_factory(
    Practice, PracticeAttachment, form=AttachmentForm, extra=1, max_num=5, can_delete=True
)


class TipForm(PortalModelForm):
    themes = forms.ModelMultipleChoiceField(
        label=_("Themes"), queryset=Theme.objects.all(), widget=forms.CheckboxSelectMultiple, required=False
    )

    class Meta:
        model = Tip
        fields = ["title", "body", "region", "themes"]
        widgets = {"body": forms.Textarea(attrs={"rows": 4})}
        help_texts = {"region": _("The coordinators of this region review your tip.")}

    def __init__(self, *args, draft: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].required = True
        if draft:
            make_optional(self, keep=("title",))


class MonthField(forms.DateField):
    """A month ("2025-03") or a day; stored as a date, shown as a month."""

    input_formats = ["%Y-%m", "%m-%Y", "%Y-%m-%d", "%d-%m-%Y"]
    widget = forms.DateInput(attrs={"type": "month", "placeholder": "2025-03"}, format="%Y-%m")
    default_error_messages = {"invalid": _("Enter a month like 2025-03.")}


class AdoptionForm(PortalModelForm):
    tried_on = MonthField(label=_("When did you try it?"), help_text=_("The month, for example 2025-03."))

    class Meta:
        model = Adoption
        fields = ["organisation_name", "coalition", "tried_on", "school_type", "setting", "region", "changes",
                  "result", "lesson"]
        widgets = {
            "changes": forms.Textarea(attrs={"rows": 4}),
            "lesson": forms.Textarea(attrs={"rows": 3}),
            "result": forms.RadioSelect,
        }
        labels = {"changes": _("What did you change?"), "lesson": _("Your lesson, in short")}
        help_texts = {
            "organisation_name": _("The school or organisation that tried it."),
            "coalition": _("Optional: the coalition you tried it with."),
            "region": _("Where you tried it. The coordinators of this region review your contribution."),
            "changes": _("What you did differently from the practice example, for your situation."),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["coalition"].queryset = Coalition.objects.filter(memberships__user=user).order_by("name")
        self.fields["region"].queryset = Region.objects.order_by("name")
        self.fields["region"].to_field_name = "slug"
        self.fields["result"].choices = Adoption.Result.choices

    def clean_tried_on(self):
        tried_on = self.cleaned_data["tried_on"].replace(day=1)
        if tried_on > timezone.localdate():
            raise ValidationError(_("Fill in a month that has begun: record what you have already tried."))
        return tried_on
