"""Forms for the tools register; fields are named explicitly and the forms never save."""

from django import forms
from django.utils.translation import gettext_lazy as _

from coalitions.models import Coalition, Theme
from core.forms import PortalForm, PortalModelForm
from tools.models import Tool, web_url_validator


class ToolForm(PortalModelForm):
    themes = forms.ModelMultipleChoiceField(
        label=_("Themes"), queryset=Theme.objects.all(), widget=forms.CheckboxSelectMultiple
    )
    url = forms.CharField(label=_("Web address"), max_length=500, required=False, validators=[web_url_validator],
                          widget=forms.URLInput)

    class Meta:
        model = Tool
        fields = ["name", "description", "status", "developer", "developer_organisation", "url", "themes",
                  "contact_name", "contact_email"]
        widgets = {"description": forms.Textarea(attrs={"rows": 5})}
        help_texts = {
            "developer": _("The coalition that builds the tool. Its region's coordinators review the entry."),
            "contact_name": _("Only logged-in members see the contact details."),
        }

    # A draft needs its name, and its developer: the developer's region decides who reviews it.
    DRAFT_REQUIRED = ("name", "developer", "status")

    def __init__(self, *args, draft: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["developer"].queryset = Coalition.objects.only("name", "slug", "region_id").order_by("name")
        if draft:
            for name, field in self.fields.items():
                if name not in self.DRAFT_REQUIRED:
                    field.required = False


class UseForm(PortalForm):
    """"We use this too": which of the coalitions the project leader leads."""

    coalition = forms.ModelChoiceField(
        label=_("Our coalition"), queryset=Coalition.objects.none(), to_field_name="slug",
        error_messages={"invalid_choice": _("Choose a coalition you lead that does not use this tool yet.")},
    )

    def __init__(self, *args, coalitions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["coalition"].queryset = coalitions


class JoinForm(PortalForm):
    message = forms.CharField(
        label=_("Your message to the developers"), max_length=1000,
        help_text=_("Who you are, and what you would like to contribute. The project leaders can reply to you "
                    "by email."),
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Please write a short message to the developers.")},
    )
