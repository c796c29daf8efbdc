"""Pages for practice examples and tips: public reading, member contributions, moderation actions."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from coalitions.models import Theme
from coalitions.permissions import is_coordinator
from kennisportaal.pagination import paginate
from kennisportaal.redirects import safe_next
from practices.filters import PracticeFilter
from practices.forms import AttachmentFormSet, FlagForm, LinkFormSet, ModerationForm, PracticeForm, TipForm
from practices.models import ModerationState, Practice, Tip
from practices.moderation import TransitionNotAllowed, available_actions, flag_item, log_for, transition
from practices.services import save_practice, save_tip

EDITABLE_STATES = {ModerationState.DRAFT, ModerationState.CHANGES_REQUESTED}
RELATED_CANDIDATES = 200


def practice_list(request):
    practice_filter = PracticeFilter(request.GET, queryset=Practice.objects.published().for_list())
    page = paginate(request, practice_filter.qs)
    return render(request, "practices/practice_list.html", {"filter": practice_filter, "page": page})


def _visible_practice(request, slug) -> Practice:
    """A published practice for everyone; an unpublished one only for its author and moderators."""
    practice = get_object_or_404(
        Practice.objects.select_related("region", "coalition", "organisation").prefetch_related(
            "themes", "mechanisms", "links", "attachments"
        ),
        slug=slug,
    )
    if practice.state != ModerationState.PUBLISHED:
        user = request.user
        if not (user.is_authenticated and (practice.author_id == user.pk or is_coordinator(user, practice.region_id))):
            raise Http404
    return practice


def practice_detail(request, slug):
    practice = _visible_practice(request, slug)
    theme_ids = [theme.pk for theme in practice.themes.all()]
    # Rank only the newest practices that share a theme: ranking every match is slow on a large portal.
    candidates = (
        Practice.objects.published().filter(themes__in=theme_ids).exclude(pk=practice.pk)
        .order_by("-published_at", "-pk").values("pk")[:RELATED_CANDIDATES]
    )
    related = (
        Practice.objects.filter(pk__in=candidates, themes__in=theme_ids)
        .annotate(shared_themes=Count("themes"))
        .select_related("region")
        .order_by("-shared_themes", "-published_at")[:3]
    )
    presented_at = practice.presented_at.published().select_related("organiser").order_by("-starts_at")[:10]
    context = {"practice": practice, "related": related, "presented_at": presented_at}
    user = request.user
    if user.is_authenticated:
        moderator = is_coordinator(user, practice.region_id)
        context.update(
            is_author=practice.author_id == user.pk,
            can_edit=practice.author_id == user.pk and practice.state in EDITABLE_STATES,
            moderator=moderator,
            moderation_actions=available_actions(practice, moderator=True) if moderator else [],
            moderation_log=log_for(practice) if moderator or practice.author_id == user.pk else [],
            flag_form=FlagForm(),
        )
    return render(request, "practices/practice_detail.html", context)


def _practice_form_page(request, practice=None):
    instance = practice or Practice()
    if request.method == "POST":
        form = PracticeForm(request.POST, instance=instance, user=request.user)
        links = LinkFormSet(request.POST, instance=instance, prefix="links")
        attachments = AttachmentFormSet(request.POST, request.FILES, instance=instance, prefix="attachments")
        if form.is_valid() and links.is_valid() and attachments.is_valid():
            submit = request.POST.get("action") == "submit"
            practice = save_practice(form=form, link_formset=links, attachment_formset=attachments,
                                     author=request.user, submit=submit)
            if submit:
                messages.success(request, _("Thank you! Your practice example has been sent to the regional "
                                            "coordinators for review."))
            else:
                messages.success(request, _("Your draft has been saved. Submit it when it is ready."))
            return redirect(practice)
        messages.error(request, _("Your practice example has not been saved yet: please correct the fields "
                                  "marked below."))
    else:
        form = PracticeForm(instance=instance, user=request.user)
        links = LinkFormSet(instance=instance, prefix="links")
        attachments = AttachmentFormSet(instance=instance, prefix="attachments")
    return render(request, "practices/practice_form.html",
                  {"form": form, "links": links, "attachments": attachments, "practice": practice})


@login_required
def practice_create(request):
    return _practice_form_page(request)


@login_required
def practice_edit(request, slug):
    practice = get_object_or_404(Practice, slug=slug, author=request.user)
    if practice.state not in EDITABLE_STATES:
        messages.error(request, _("This practice example is being reviewed or has been decided on, so it can no "
                                  "longer be edited."))
        return redirect(practice)
    return _practice_form_page(request, practice)


@login_required
@require_POST
def practice_submit(request, slug):
    practice = get_object_or_404(Practice, slug=slug, author=request.user)
    try:
        transition(practice, "submit", actor=request.user)
    except TransitionNotAllowed as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, _("Your practice example has been sent to the regional coordinators."))
    return redirect(practice)


def moderate(request, item, redirect_to):
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


@login_required
@require_POST
def practice_moderate(request, slug):
    practice = get_object_or_404(Practice, slug=slug)
    if not is_coordinator(request.user, practice.region_id):
        raise Http404
    return moderate(request, practice, safe_next(request, practice.get_absolute_url()))


def flag(request, item, redirect_to):
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


@login_required
@require_POST
def practice_flag(request, slug):
    practice = get_object_or_404(Practice.objects.published(), slug=slug)
    return flag(request, practice, practice.get_absolute_url())


def tip_list(request):
    themes = Theme.objects.all()
    tips = Tip.objects.published().prefetch_related("themes")
    theme = None
    if slug := request.GET.get("thema"):
        theme = get_object_or_404(Theme, slug=slug)
        tips = tips.filter(themes=theme)
    page = paginate(request, tips)
    return render(request, "practices/tip_list.html", {"page": page, "themes": themes, "theme": theme})


def _tip_form_page(request, tip=None):
    if request.method == "POST":
        form = TipForm(request.POST, instance=tip or Tip())
        if form.is_valid():
            submit = request.POST.get("action") == "submit"
            save_tip(form=form, author=request.user, submit=submit)
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
    if tip.state not in EDITABLE_STATES:
        messages.error(request, _("This tip is being reviewed or has been decided on, so it can no longer be edited."))
        return redirect("my_portal")
    return _tip_form_page(request, tip)


@login_required
@require_POST
def tip_moderate(request, pk):
    tip = get_object_or_404(Tip.objects.filter(Q(region__isnull=False)), pk=pk)
    if not is_coordinator(request.user, tip.region_id):
        raise Http404
    return moderate(request, tip, safe_next(request, reverse("moderation_queue")))


@login_required
@require_POST
def tip_flag(request, pk):
    tip = get_object_or_404(Tip.objects.published().filter(region__isnull=False), pk=pk)
    return flag(request, tip, "tips")
