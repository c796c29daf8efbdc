"""The unsubscribe page: a link from an email, or a mail client's one-click POST (RFC 8058), without logging in."""

from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from notifications.services import unsubscribe
from notifications.unsubscribe import KIND_LABELS, is_subscribed, read_unsubscribe_token


# The signed token is what authorises the POST: a mail client's one-click request carries neither a CSRF
# token nor cookies (RFC 8058), and a forged request without the token cannot unsubscribe anyone.
@csrf_exempt
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe_page(request, token):
    """GET asks to confirm (link scanners follow links, so it changes nothing); POST unsubscribes."""
    found = read_unsubscribe_token(token)
    if found is None:
        return render(request, "notifications/unsubscribe_invalid.html", status=404)
    user, kind = found
    context = {"recipient": user, "kind": kind, "kind_label": KIND_LABELS[kind]}
    if request.method == "POST":
        unsubscribe(user, kind)
        # Answered here, not redirected: a mail client's one-click POST expects a 2xx and follows no redirect.
        return render(request, "notifications/unsubscribe_done.html", context)
    return render(request, "notifications/unsubscribe.html", {**context, "subscribed": is_subscribed(user, kind)})
