"""Forms of the coalitions app."""

from django import forms
from django.utils.translation import gettext_lazy as _

from coalitions.models import HelpRequest


class HelpRequestForm(forms.ModelForm):
    class Meta:
        model = HelpRequest
        fields = ["region", "name", "email", "organisation", "question"]
        widgets = {"question": forms.Textarea(attrs={"rows": 5})}
        labels = {"region": _("Your region"), "question": _("Your question")}
        help_texts = {"question": _("Describe briefly what you would like to think through with the coordinator.")}
