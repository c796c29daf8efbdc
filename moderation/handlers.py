"""Handling of the moderation and flag forms that the pages of practices, tips and events post.

These are not views (they have no URL); each app's view checks who may post, then hands over here.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from moderation.forms import DismissFlagForm, FlagForm, ModerationForm
from moderation.models import ModerationState
from moderation.services import DismissalNotAllowed, TransitionNotAllowed, dismiss_flag, flag_item, transition


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


def handle_flag_dismissal(request, flag, redirect_to):
    """Dismiss a report as unfounded, posted by a coordinator of the item's region (checked by the caller)."""
    form = DismissFlagForm(request.POST)
    if form.is_valid():
        try:
            dismiss_flag(flag, actor=request.user, note=form.cleaned_data["note"])
        except DismissalNotAllowed as error:
            messages.error(request, error.messages[0])
        else:
            messages.success(request, _("The report has been dismissed; the reporter receives your note by email."))
    else:
        messages.error(request, _("Please explain to the reporter why the report is dismissed."))
    return redirect(redirect_to)
