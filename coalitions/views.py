"""Lists of coalitions and learning networks, a coalition's management page and invitations.

The detail pages of a coalition and a learning network show events and practices: they live in portal/.
"""

import hashlib
import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from coalitions.filters import CoalitionFilter, coalition_names
from coalitions.forms import CoalitionPageForm, FollowToggleForm, InvitationForm, VisitProfileForm
from coalitions.models import (
    Coalition,
    CoalitionMembership,
    Invitation,
    LearningNetwork,
    Region,
    Theme,
    VisitProfile,
)
from coalitions.permissions import manageable_coalitions
from coalitions.services import (
    InvitationError,
    accept_invitation,
    invite_member,
    remove_member,
    set_following,
    update_coalition_page,
    update_visit_profile,
)
from core.pagination import paginate
from core.redirects import safe_next


def coalition_list(request):
    coalition_filter = CoalitionFilter(
        request.GET, queryset=Coalition.objects.with_region().prefetch_related("municipalities")
    )
    page = paginate(request, coalition_filter.qs)
    return render(request, "coalitions/coalition_list.html", {"filter": coalition_filter, "page": page})


# Browsers and proxies keep the names this long; a new or renamed coalition shows in the suggestions after it.
COALITION_NAMES_MAX_AGE = 600


@require_GET
def coalition_names_json(request):
    """Every coalition's name as JSON (``{"names": [...]}``), the suggestions of the coalition filter's
    ``<datalist>`` (``static/js/datalist.js``): one small query, cached by the browser, revalidated by ETag."""
    body = json.dumps({"names": coalition_names()}, ensure_ascii=False, separators=(",", ":")).encode()
    etag = f'"{hashlib.sha256(body).hexdigest()[:32]}"'
    response = get_conditional_response(request, etag=etag)
    if response is None:
        response = HttpResponse(body, content_type="application/json")
    response["ETag"] = etag
    patch_cache_control(response, public=True, max_age=COALITION_NAMES_MAX_AGE)
    return response


def network_list(request):
    page = paginate(request, LearningNetwork.objects.all())
    return render(request, "coalitions/network_list.html", {"page": page})


def _managed_coalition(request, slug) -> Coalition:
    return get_object_or_404(manageable_coalitions(request.user), slug=slug)


@login_required
def coalition_manage(request, slug):
    coalition = _managed_coalition(request, slug)
    page_form = CoalitionPageForm(instance=coalition)
    invite_form = InvitationForm()
    visit_profile = VisitProfile.objects.filter(coalition=coalition).first() or VisitProfile(coalition=coalition)
    visit_form = VisitProfileForm(instance=visit_profile)
    if request.method == "POST" and request.POST.get("form") == "visits":
        visit_form = VisitProfileForm(request.POST, instance=visit_profile)
        if visit_form.is_valid():
            update_visit_profile(coalition, **visit_form.cleaned_data)
            messages.success(request, _("What you can show and want to learn has been saved."))
            return redirect("coalitions:manage", slug=coalition.slug)
        messages.error(request, _("This has not been saved yet: please correct the fields marked below."))
    elif request.method == "POST" and request.POST.get("form") == "page":
        page_form = CoalitionPageForm(request.POST, instance=coalition)
        if page_form.is_valid():
            update_coalition_page(coalition, **page_form.cleaned_data)
            messages.success(request, _("The coalition page has been updated."))
            return redirect("coalitions:manage", slug=coalition.slug)
        messages.error(request, _("The page has not been saved yet: please correct the fields marked below."))
    elif request.method == "POST" and request.POST.get("form") == "invite":
        invite_form = InvitationForm(request.POST)
        if invite_form.is_valid():
            try:
                invite_member(coalition=coalition, email=invite_form.cleaned_data["email"],
                              role=invite_form.cleaned_data["role"], invited_by=request.user)
            except InvitationError as error:
                invite_form.add_error("email", str(error))
            else:
                messages.success(request, _("An invitation has been sent to %(email)s.")
                                 % {"email": invite_form.cleaned_data["email"]})
                return redirect("coalitions:manage", slug=coalition.slug)
        messages.error(request, _("The invitation has not been sent: please correct the email address."))
    memberships = coalition.memberships.select_related("user").order_by("role", "user__full_name", "user__email")
    invitations = coalition.invitations.filter(accepted_at__isnull=True, expires_at__gt=timezone.now())
    return render(request, "coalitions/coalition_manage.html", {
        "coalition": coalition, "page_form": page_form, "invite_form": invite_form, "visit_form": visit_form,
        "memberships": memberships, "invitations": invitations,
    })


@login_required
@require_POST
def member_remove(request, slug, pk):
    coalition = _managed_coalition(request, slug)
    membership = get_object_or_404(CoalitionMembership.objects.select_related("user"), coalition=coalition, pk=pk)
    if membership.user_id == request.user.pk:
        messages.error(request, _("You cannot remove yourself; ask another project leader or the administrators."))
    else:
        remove_member(membership)
        messages.success(request, _("%(name)s is no longer a member of %(coalition)s.")
                         % {"name": membership.user.display_name, "coalition": coalition.name})
    return redirect("coalitions:manage", slug=coalition.slug)


def invitation(request, token):
    invitation = get_object_or_404(Invitation.objects.select_related("coalition"), token=token)
    if not request.user.is_authenticated:
        return render(request, "coalitions/invitation.html", {"invitation": invitation, "login_needed": True})
    if request.method == "POST":
        try:
            accept_invitation(invitation, user=request.user)
        except InvitationError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Welcome to %(coalition)s!") % {"coalition": invitation.coalition.name})
            return redirect(invitation.coalition)
    return render(request, "coalitions/invitation.html", {"invitation": invitation})


FOLLOWABLE = {"theme": Theme, "region": Region, "coalition": Coalition, "network": LearningNetwork}


@login_required
@require_POST
def follow(request, kind, slug):
    """The "Volgen" / "Niet meer volgen" button of a theme (the filtered practice list), region, coalition or
    learning network page."""
    target = get_object_or_404(FOLLOWABLE[kind], slug=slug)
    form = FollowToggleForm(request.POST)
    if form.is_valid():
        following = form.cleaned_data["action"] == FollowToggleForm.FOLLOW
        set_following(request.user, target, following=following)
        if following:
            messages.success(request, _("You now follow %(name)s.") % {"name": target.name})
        else:
            messages.success(request, _("You no longer follow %(name)s.") % {"name": target.name})
    else:
        messages.error(request, _("Choose whether to follow or to stop following; nothing was changed."))
    return redirect(safe_next(request, target.get_absolute_url()))
