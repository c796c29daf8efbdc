"""The account part of the profile form (name, organisation, function, email preferences) and the signup form."""

from allauth.account.forms import SignupForm as AllauthSignupForm
from django.contrib.auth.hashers import make_password
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from core.forms import PortalFormMixin, PortalModelForm


class ProfileForm(PortalModelForm):
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


class SignupForm(PortalFormMixin, AllauthSignupForm):
    """allauth's signup form, answering as slowly for an address that has an account as for a new one.

    With ACCOUNT_PREVENT_ENUMERATION allauth shows the same page and sends one email in both cases, but only a
    new account hashes the password, the slow step by design: without this, the time of the answer tells who
    has an account.
    """

    def try_save(self, request):
        if self.account_already_exists and self.cleaned_data.get("password1"):
            make_password(self.cleaned_data["password1"])  # the same work as hashing a new account's password
        return super().try_save(request)
