"""Pages for practice examples: public reading, member contributions, moderation actions."""

import functools

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.pagination import paginate
from core.permissions import require
from core.redirects import safe_next
from core.rows import rows_from_formset
from moderation.forms import FlagForm
from moderation.handlers import handle_flag, handle_moderation
from moderation.models import ModerationLogEntry, ModerationState
from moderation.permissions import can_moderate
from moderation.services import TransitionNotAllowed, available_actions
from practices.filters import PracticeFilter
from practices.forms import AttachmentFormSet, LinkFormSet, PracticeForm
from practices.models import SEARCH_RESULT_LIMIT, Adoption, Practice, PracticeAttachment, PracticeThemeRow
from practices.permissions import (
    can_edit,
    can_record_adoption,
    can_see_moderation_log,
    can_view_practice,
    is_author,
)
from practices.services import IncompletePractice, save_practice, submit_practice

# The detail page ranks "related" among the practices of this many of the newest published rows of its themes
# (a practice sharing two themes has two): they are the last entries of one index of the theme rows
# (``practices.theme_rows``), so finding them reads no more than that at any size (issue 13: walking the
# published list and probing each practice's themes read ~600 rows at national scale with 200 candidates, and
# PostgreSQL planned the walk anew for every page).
RELATED_CANDIDATES = 50


@functools.cache
def _listed_practices():
    """The published practices as the list's cards, built once per process: building it (two correlated
    subqueries, the joined region and coalition, the card's columns) cost about a twelfth of a list page's CPU
    (issue 13). Never evaluated itself: every request chains a new queryset from it (``practice_list``)."""
    return Practice.objects.published().for_list().with_adoption_count()


def practice_list(request):
    practices = _listed_practices().all()
    practice_filter = PracticeFilter(request.GET, queryset=practices)
    practices = practice_filter.qs  # validates the form: cleaned_data holds the valid filters
    # A search ranks only its newest SEARCH_RESULT_LIMIT matches: it counts and pages as far as those, and
    # its rows carry their number (no count apart).
    searching = bool((practice_filter.form.cleaned_data.get("q") or "").strip())
    page = paginate(request, practices, capped=True, cap=SEARCH_RESULT_LIMIT if searching else None,
                    counted_by="search_match_count" if searching else None,
                    count_from=practice_filter.count_rows(), keys=practice_filter.listed_keys())
    # Filtered by one theme, the list is that theme's page: it offers to follow the theme.
    theme = practice_filter.form.cleaned_data.get("theme")
    following = bool(theme) and request.user.is_authenticated and theme.followers.filter(user=request.user).exists()
    return render(request, "practices/practice_list.html",
                  {"filter": practice_filter, "page": page, "theme": theme, "following": following})


def practice_detail(request, slug):
    practice = get_object_or_404(Practice.objects.for_detail(), slug=slug)
    require(can_view_practice(request.user, practice))
    theme_ids = [theme.pk for theme in practice.themes.all()]
    # Rank only the newest practices that share a theme: ranking every match is slow on a large portal.
    candidates = (
        PracticeThemeRow.objects.filter(theme_id__in=theme_ids, state=ModerationState.PUBLISHED)
        .exclude(practice_id=practice.pk)
        .order_by("-published_at", "-practice_id").values("practice_id")[:RELATED_CANDIDATES]
    )
    related = (
        Practice.objects.filter(pk__in=candidates, themes__in=theme_ids)
        .annotate(shared_themes=Count("themes"))
        .select_related("region").only("title", "slug", "summary", "region__name")
        .order_by("-shared_themes", "-published_at")[:3]
    )
    presented_at = (
        practice.presented_at.published().select_related("organiser")
        .only("title", "slug", "starts_at", "organiser__name").order_by("-starts_at")[:10]
    )
    context = {"practice": practice, "related": related, "presented_at": presented_at}
    if practice.state == ModerationState.PUBLISHED:
        context.update(_adoptions_context(request, practice))
    user = request.user
    if user.is_authenticated:
        moderator = can_moderate(user, practice)
        context.update(
            can_record_adoption=can_record_adoption(user, practice),
            is_author=is_author(user, practice),
            can_edit=can_edit(user, practice),
            moderator=moderator,
            moderation_actions=available_actions(practice, moderator=True) if moderator else [],
            moderation_log=ModerationLogEntry.objects.for_item(practice)
            if can_see_moderation_log(user, practice) else [],
            flag_form=FlagForm(),
        )
    return render(request, "practices/practice_detail.html", context)


def _adoptions_context(request, practice) -> dict:
    """The published adoptions of a practice: "tried in 4 places: 3 worked, 1 partly", and the list."""
    adoptions = Adoption.objects.published().filter(practice=practice)
    summary = adoptions.results_summary()
    labels = {
        Adoption.Result.WORKED: _("%(count)s worked"),
        Adoption.Result.PARTLY: _("%(count)s partly"),
        Adoption.Result.DID_NOT_WORK: _("%(count)s did not work"),
    }
    parts = [label % {"count": summary[value]} for value, label in labels.items() if summary[value]]
    page = paginate(request, adoptions.for_practice_page(), param="uitgeprobeerd") if summary["total"] else None
    return {"adoption_total": summary["total"], "adoption_parts": ", ".join(parts), "adoptions": page}


def _practice_form_page(request, practice=None):
    instance = practice or Practice()
    if request.method == "POST":
        submit = request.POST.get("action") == "submit"
        form = PracticeForm(request.POST, instance=instance, user=request.user, draft=not submit)
        links = LinkFormSet(request.POST, instance=instance, prefix="links")
        attachments = AttachmentFormSet(request.POST, request.FILES, instance=instance, prefix="attachments")
        if form.is_valid() and links.is_valid() and attachments.is_valid():
            practice = save_practice(
                form.save(commit=False), author=request.user, themes=form.cleaned_data["themes"],
                mechanisms=form.cleaned_data["mechanisms"], links=rows_from_formset(links),
                attachments=rows_from_formset(attachments), submit=submit,
            )
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
    if not can_edit(request.user, practice):
        messages.error(request, _("This practice example is being reviewed or has been decided on, so it can no "
                                  "longer be edited."))
        return redirect(practice)
    return _practice_form_page(request, practice)


@login_required
@require_POST
def practice_submit(request, slug):
    practice = get_object_or_404(Practice, slug=slug, author=request.user)
    try:
        submit_practice(practice, actor=request.user)
    except IncompletePractice as error:
        messages.error(request, str(error))
        return redirect("practices:edit", slug=practice.slug)
    except TransitionNotAllowed as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, _("Your practice example has been sent to the regional coordinators."))
    return redirect(practice)


@login_required
@require_POST
def practice_moderate(request, slug):
    practice = get_object_or_404(Practice, slug=slug)
    require(can_moderate(request.user, practice))
    return handle_moderation(request, practice, safe_next(request, practice.get_absolute_url()))


@login_required
@require_POST
def practice_flag(request, slug):
    practice = get_object_or_404(Practice.objects.published(), slug=slug)
    return handle_flag(request, practice, practice.get_absolute_url())


def practice_attachment(request, slug, pk, filename):
    """Download an attachment, for whoever may see its practice; uploads are never served as plain files."""
    attachment = get_object_or_404(
        PracticeAttachment.objects.select_related("practice__coalition"), pk=pk, practice__slug=slug
    )
    require(can_view_practice(request.user, attachment.practice) and filename == attachment.filename)
    try:
        handle = attachment.file.open("rb")
    except (FileNotFoundError, ValueError) as missing:
        raise Http404 from missing
    response = FileResponse(handle, as_attachment=True, filename=attachment.filename)
    # An uploaded file must never run as a page of ours, whatever a browser guesses its type to be.
    response["Content-Security-Policy"] = "sandbox; default-src 'none'"
    if attachment.practice.state != ModerationState.PUBLISHED:
        patch_cache_control(response, private=True, no_store=True)
    return response
