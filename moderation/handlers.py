"""Handling of the moderation and flag forms that the pages of practices, tips and events post.

These are not views (they have no URL); each app's view checks who may post, then hands over here.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from moderation.forms import FlagForm, ModerationForm
from moderation.models import ModerationState
from moderation.services import TransitionNotAllowed, flag_item, transition


def handle_moderation(request, item, redirect_to):
    """Run a moderation form posted by a coordinator of the item's region (checked by the caller)."""
    form = ModerationForm(request.POST)
    if form.is_valid():
        try:
            transition(item, form.cleaned_data["action"], actor=request.user, comment=form.cleaned_data["comment"])
        except TransitionNotAllowed as error:
            messages.error(request, error.messages[0])
        else:
            messages.success(request, _("Done: the item is now “%(state)s”.") % {
                "state": ModerationState(item.state).label})
    else:
        messages.error(request, _("The moderation form was incomplete; nothing was changed."))
    return redirect(redirect_to)


def handle_flag(request, item, redirect_to):
    """Record a flag posted by a logged-in member."""
    form = FlagForm(request.POST)
    if form.is_valid():
        try:
            flag_item(item, reporter=request.user, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            messages.error(request, error.messages[0])
        else:
            messages.success(request, _("Thank you. The regional coordinators will look at it."))
    else:
        messages.error(request, _("Please say why this item needs attention."))
    return redirect(redirect_to)
