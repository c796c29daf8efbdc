"""Privacy: a member downloads their data or deletes their account; the privacy and accessibility statements."""

import json

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.forms import DeleteAccountForm
from portal.privacy import member_data
from portal.services import delete_account


@login_required
def my_data(request):
    """All the member's data as a readable page. A document of one person's own data, so not paginated."""
    return render(request, "pages/my_data.html", {"data": member_data(request.user)})


@login_required
def my_data_json(request):
    data = {"exported_at": timezone.now().isoformat(), **member_data(request.user)}
    response = HttpResponse(json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
                            content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="kennisportaal-mijn-gegevens-{timezone.localdate().isoformat()}.json"'
    )
    response["Cache-Control"] = "no-store"
    return response


@login_required
def account_delete(request):
    form = DeleteAccountForm(request.POST if request.method == "POST" else None, user=request.user)
    if request.method == "POST":
        if form.is_valid():
            delete_account(request.user)
            logout(request)
            messages.success(request, _("Your account and your personal data have been deleted. Goodbye!"))
            return redirect("home")
        messages.error(request, _("Your account has not been deleted: please correct the field marked below."))
    return render(request, "pages/account_delete.html", {"form": form})


def privacy_statement(request):
    return render(request, "pages/privacy.html")


def accessibility_statement(request):
    return render(request, "pages/accessibility.html")
