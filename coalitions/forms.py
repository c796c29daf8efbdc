"""Forms of the coalitions app."""

from django import forms
from django.utils.translation import gettext_lazy as _

from coalitions.models import Coalition, CoalitionMembership, HelpRequest, MemberProfile


class HelpRequestForm(forms.ModelForm):
    class Meta:
        model = HelpRequest
        fields = ["region", "name", "email", "organisation", "question"]
        widgets = {"question": forms.Textarea(attrs={"rows": 5})}
        labels = {"region": _("Your region"), "question": _("Your question")}
        help_texts = {"question": _("Describe briefly what you would like to think through with the coordinator.")}


class CoalitionPageForm(forms.ModelForm):
    class Meta:
        model = Coalition
        fields = ["description", "website", "contact_email", "municipalities", "partners"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 8}),
            "municipalities": forms.SelectMultiple(attrs={"size": 8}),
            "partners": forms.SelectMultiple(attrs={"size": 10}),
        }
        help_texts = {
            "description": _("You can use Markdown: *italic*, **bold**, lists."),
            "partners": _("Hold Ctrl (or Cmd) to select more than one."),
        }


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("Email address"))
    role = forms.ChoiceField(label=_("Role"), choices=CoalitionMembership.Role.choices,
                             initial=CoalitionMembership.Role.MEMBER)


class FollowForm(forms.ModelForm):
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


class FollowToggleForm(forms.Form):
    """The "Volgen" / "Niet meer volgen" button of a region, coalition or learning network."""

    FOLLOW = "follow"
    UNFOLLOW = "unfollow"
    action = forms.ChoiceField(choices=[(FOLLOW, _("Follow")), (UNFOLLOW, _("Unfollow"))])
