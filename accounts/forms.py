"""The account part of the profile form: name, organisation, function and email preferences."""

from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.models import User


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["full_name", "organisation_name", "job_function", "digest_frequency", "reminders_enabled"]
        help_texts = {
            "digest_frequency": _("An overview by email of new events and practice examples for what you follow."),
            "reminders_enabled": _("Reminders before events you registered for and about your follow-up agreements."),
        }
