"""Pages for tips: the themed list, member contributions, moderation and flags."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from coalitions.models import Theme
from core.pagination import paginate
from core.permissions import require
from core.redirects import safe_next
from moderation.handlers import handle_flag, handle_moderation
from moderation.permissions import can_moderate
from practices.forms import TipForm
from practices.models import Tip
from practices.permissions import can_edit
from practices.services import save_tip


def tip_list(request):
    themes = Theme.objects.all()
    tips = Tip.objects.published().for_list()
    theme = None
    if slug := request.GET.get("thema"):
        theme = get_object_or_404(Theme, slug=slug)
        tips = tips.filter(themes=theme)
    page = paginate(request, tips, capped=True)
    return render(request, "practices/tip_list.html", {"page": page, "themes": themes, "theme": theme})


def _tip_form_page(request, tip=None):
    if request.method == "POST":
        submit = request.POST.get("action") == "submit"
        form = TipForm(request.POST, instance=tip or Tip(), draft=not submit)
        if form.is_valid():
            save_tip(form.save(commit=False), author=request.user, themes=form.cleaned_data["themes"],
                     submit=submit)
            messages.success(request, _("Thank you! Your tip has been sent to the regional coordinators for review.")
                             if submit else _("Your tip has been saved as a draft."))
            return redirect("my_portal")
        messages.error(request, _("Your tip has not been saved yet: please correct the fields marked below."))
    else:
        form = TipForm(instance=tip)
    return render(request, "practices/tip_form.html", {"form": form, "tip": tip})


@login_required
def tip_create(request):
    return _tip_form_page(request)


@login_required
def tip_edit(request, pk):
    tip = get_object_or_404(Tip, pk=pk, author=request.user)
    if not can_edit(request.user, tip):
        messages.error(request, _("This tip is being reviewed or has been decided on, so it can no longer be edited."))
        return redirect("my_portal")
    return _tip_form_page(request, tip)


@login_required
@require_POST
def tip_moderate(request, pk):
    tip = get_object_or_404(Tip.objects.filter(region__isnull=False), pk=pk)
    require(can_moderate(request.user, tip))
    return handle_moderation(request, tip, safe_next(request, reverse("moderation_queue")))


@login_required
@require_POST
def tip_flag(request, pk):
    tip = get_object_or_404(Tip.objects.published().filter(region__isnull=False), pk=pk)
    return handle_flag(request, tip, "practices:tips")
