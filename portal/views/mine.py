"""A member's own pages: my portal (registrations, contributions, agreements) and the profile."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.forms import ProfileForm
from coalitions.forms import FollowForm
from coalitions.models import MemberProfile
from coalitions.permissions import memberships_of
from core.pagination import paginate
from events.models import FollowUpAgreement, Registration
from events.permissions import answerable_host_requests
from portal.digests import preview_digest
from portal.services import save_profile
from practices.models import Practice, Tip

# What the portal's lists show, and nothing more (issue 13: less to read, to build per row and to compile):
# an event's title, link and start; a practice's title, link, region, state and date; a tip's title and state;
# an agreement's text, event, due date and status.
REGISTRATION_FIELDS = ("status", "event__title", "event__slug", "event__starts_at")
PRACTICE_FIELDS = ("title", "slug", "state", "updated_at", "region__name")
TIP_FIELDS = ("title", "state")
AGREEMENT_FIELDS = ("description", "due_date", "status", "event__title", "event__slug")
HOST_REQUEST_FIELDS = ("title", "slug", "kind", "starts_at", "organiser__name", "host__name")


@login_required
def my_portal(request):
    user = request.user
    now = timezone.now()
    registrations = (
        Registration.objects.filter(user=user, event__ends_at__gte=now).exclude(status=Registration.Status.CANCELLED)
        .select_related("event").only(*REGISTRATION_FIELDS).order_by("-event__starts_at")
    )
    agreements = (
        FollowUpAgreement.objects.owned_by(user).select_related("event").only(*AGREEMENT_FIELDS)
        .order_by("status", "due_date")
    )
    memberships = memberships_of(user)  # also the coalitions they lead, for the requests to host
    # A member's lists are mostly shorter than a page: read without a count then (``short``).
    upcoming = paginate(request, registrations, param="bijeenkomsten", short=True)
    upcoming.object_list = Registration.objects.attach_waiting_positions(list(upcoming.object_list))
    return render(request, "pages/my_portal.html", {
        "upcoming": upcoming,
        "practices": paginate(request, Practice.objects.filter(author=user).select_related("region")
                              .only(*PRACTICE_FIELDS).order_by("-updated_at"), param="voorbeelden", short=True),
        "tips": paginate(request, Tip.objects.filter(author=user).only(*TIP_FIELDS).order_by("-created_at"),
                         param="tips", short=True),
        "agreements": paginate(request, agreements, param="afspraken", short=True),
        "memberships": memberships,
        "host_requests": paginate(request, answerable_host_requests(user).select_related("organiser", "host")
                                  .only(*HOST_REQUEST_FIELDS).order_by("starts_at", "pk"), param="gastheer",
                                  short=True),
        "today": timezone.localdate(),
    })


@login_required
def profile(request):
    """The account (accounts) and what the member follows (coalitions) on one page."""
    follows, _created = MemberProfile.objects.get_or_create(user=request.user)
    if request.method == "POST":
        profile_form = ProfileForm(request.POST, instance=request.user)
        follow_form = FollowForm(request.POST, instance=follows)
        if profile_form.is_valid() and follow_form.is_valid():
            save_profile(request.user, account=profile_form.cleaned_data, follows=follow_form.cleaned_data)
            messages.success(request, _("Your profile has been saved."))
            return redirect("profile")
        messages.error(request, _("Your profile has not been saved yet: please correct the fields marked below."))
    else:
        profile_form = ProfileForm(instance=request.user)
        follow_form = FollowForm(instance=follows)
    return render(request, "coalitions/profile.html", {
        "profile_form": profile_form, "follow_form": follow_form,
        "digest": preview_digest(request.user, timezone.now()), "site_url": settings.SITE_URL,
    })
