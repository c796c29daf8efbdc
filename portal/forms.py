"""The portal's own forms: confirming the deletion of one's account."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import PortalForm


class DeleteAccountForm(PortalForm):
    """The member types their own email address, so an account is never deleted by a stray click."""

    email = forms.CharField(
        label=_("Your email address"), max_length=254, strip=True,
        help_text=_("Type the email address you log in with to confirm."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_email(self):
        email = self.cleaned_data["email"]
        if email.lower() != self.user.email.lower():
            raise forms.ValidationError(_("This is not the email address of your account. Nothing has been deleted."))
        return email
