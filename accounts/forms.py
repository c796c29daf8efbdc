"""The account part of the profile form: name, organisation, function and email preferences."""

from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.models import User


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["full_name", "organisation_name", "job_function", "digest_frequency", "event_reminders_enabled",
                  "agreement_reminders_enabled"]
        labels = {
            "event_reminders_enabled": _("Reminders for events"),
            "agreement_reminders_enabled": _("Reminders for my follow-up agreements"),
        }
        help_texts = {
            "digest_frequency": _("An overview by email of new events and practice examples for what you follow."),
            "event_reminders_enabled": _("An email the day before an event you registered for."),
            "agreement_reminders_enabled": _(
                "An email before, on and after the due date of a follow-up agreement that is yours. When you are "
                "given an agreement you always hear of it."
            ),
        }
