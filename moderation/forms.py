"""The forms a coordinator posts to moderate an item, and a member to flag one."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import PortalForm


class ModerationForm(PortalForm):
    action = forms.CharField(widget=forms.HiddenInput)
    comment = forms.CharField(label=_("Comment to the author"), required=False, max_length=2000,
                              widget=forms.Textarea(attrs={"rows": 3}))


class FlagForm(PortalForm):
    reason = forms.CharField(label=_("What is wrong with it?"), max_length=1000,
                             widget=forms.Textarea(attrs={"rows": 3}))


class DismissFlagForm(PortalForm):
    note = forms.CharField(label=_("Why is the report unfounded?"), max_length=2000,
                           help_text=_("The reporter receives this note by email."),
                           widget=forms.Textarea(attrs={"rows": 2}))
