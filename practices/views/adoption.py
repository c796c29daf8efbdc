"""Pages for adoptions ("wij doen dit ook"): recording one from a practice example, and its moderation."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.permissions import require
from core.redirects import safe_next
from moderation.forms import ModerationForm
from moderation.models import ModerationState
from moderation.permissions import can_moderate
from moderation.services import TransitionNotAllowed
from practices.forms import AdoptionForm
from practices.models import Adoption, Practice
from practices.permissions import can_record_adoption
from practices.services import moderate_adoption, record_adoption

# What a link may fill in beforehand, such as the one offered when a follow-up agreement is done.
PREFILL_FIELDS = ("coalition", "tried_on", "changes")


@login_required
def adoption_create(request, slug):
    practice = get_object_or_404(Practice.objects.published(), slug=slug)
    require(can_record_adoption(request.user, practice))
    if request.method == "POST":
        form = AdoptionForm(request.POST, instance=Adoption(practice=practice), user=request.user)
        if form.is_valid():
            record_adoption(form.save(commit=False), practice=practice, author=request.user)
            messages.success(request, _("Thank you! Your experience has been sent to the regional coordinators "
                                        "for review; once published it shows on this practice example."))
            return redirect(practice)
        messages.error(request, _("Your experience has not been saved yet: please correct the fields marked "
                                  "below."))
    else:
        initial = {"organisation_name": request.user.organisation_name}
        initial.update({name: request.GET[name] for name in PREFILL_FIELDS if request.GET.get(name)})
        # A coalition that is not the member's is simply not among the choices, so it stays unselected.
        form = AdoptionForm(initial=initial, user=request.user)
    return render(request, "practices/adoption_form.html", {"form": form, "practice": practice})


@login_required
@require_POST
def adoption_moderate(request, pk):
    adoption = get_object_or_404(Adoption.objects.select_related("practice__author", "region"), pk=pk)
    require(can_moderate(request.user, adoption))
    redirect_to = safe_next(request, reverse("moderation_queue"))
    form = ModerationForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("The moderation form was incomplete; nothing was changed."))
        return redirect(redirect_to)
    try:
        moderate_adoption(adoption, form.cleaned_data["action"], actor=request.user,
                          comment=form.cleaned_data["comment"])
    except TransitionNotAllowed as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, _("Done: the item is now “%(state)s”.") % {
            "state": ModerationState(adoption.state).label})
    return redirect(redirect_to)
