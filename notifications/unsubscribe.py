"""One-click unsubscribe per kind of email: signed links, the RFC 8058 headers and the preference each kind turns off.

A link carries a signed token of the user's pk, the kind and a fingerprint of the email address it was sent
to, so it works without logging in, for as long as mail clients keep it (no expiry), and stops working once
the address changes. The write itself is ``notifications.services.unsubscribe``.
"""

import hashlib

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from accounts.models import User

KINDS = ("digest", "event-reminders", "agreement-reminders")

# The user's field each kind is governed by, and its value once unsubscribed.
PREFERENCE_OFF = {
    "digest": ("digest_frequency", User.DigestFrequency.NEVER),
    "event-reminders": ("event_reminders_enabled", False),
    "agreement-reminders": ("agreement_reminders_enabled", False),
}

KIND_LABELS = {
    "digest": _("the news digest by email"),
    "event-reminders": _("reminders before events you registered for"),
    "agreement-reminders": _("reminders about your follow-up agreements"),
}

UNSUBSCRIBE_SALT = "kennisportaal.unsubscribe"


def _email_fingerprint(email: str) -> str:
    # Not a secret (the signature is): only tells that the address is still the one the link was sent to.
    return hashlib.sha256(email.strip().lower().encode()).hexdigest()[:16]


def _check_kind(kind: str) -> None:
    if kind not in KINDS:
        raise ValueError(f"Unknown kind of email to unsubscribe from: {kind!r}")


def unsubscribe_token(user: User, kind: str) -> str:
    _check_kind(kind)
    return signing.Signer(salt=UNSUBSCRIBE_SALT).sign_object(
        {"u": user.pk, "k": kind, "e": _email_fingerprint(user.email)}
    )


def read_unsubscribe_token(token: str) -> tuple[User, str] | None:
    """The user and kind a token is for, or None when it is forged, for an unknown kind or an old address."""
    try:
        data = signing.Signer(salt=UNSUBSCRIBE_SALT).unsign_object(token)
    except (signing.BadSignature, ValueError):
        return None
    if not isinstance(data, dict) or data.get("k") not in KINDS:
        return None
    user = User.objects.filter(pk=data.get("u")).first()
    if user is None or _email_fingerprint(user.email) != data.get("e"):
        return None
    return user, data["k"]


def unsubscribe_url(user: User, kind: str) -> str:
    """The absolute URL of the unsubscribe page for this user and kind of email."""
    return settings.SITE_URL + reverse("notifications:unsubscribe", args=[unsubscribe_token(user, kind)])


def unsubscribe_headers(user: User, kind: str) -> dict[str, str]:
    """``List-Unsubscribe`` with one-click ``List-Unsubscribe-Post`` (RFC 8058) for a bulk email of this kind."""
    return {
        "List-Unsubscribe": f"<{unsubscribe_url(user, kind)}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


def unsubscribe_context(user: User, kind: str) -> dict[str, str]:
    """What an email's footer needs (``emails/base.html`` and ``emails/_unsubscribe_footer.txt``)."""
    return {"unsubscribe_url": unsubscribe_url(user, kind), "preferences_url": settings.SITE_URL + reverse("profile")}


def is_subscribed(user: User, kind: str) -> bool:
    field, off = PREFERENCE_OFF[kind]
    return getattr(user, field) != off


class UnsubscribeLinks:
    """The unsubscribe links of many users for one kind of email (a bulk job): one signer and one URL reversal for
    all, each user's token signed once for both the headers and the footer. Same URLs as ``unsubscribe_url``."""

    def __init__(self, kind: str):
        _check_kind(kind)
        self.kind = kind
        self.signer = signing.Signer(salt=UNSUBSCRIBE_SALT)
        # A token holds only URL-safe characters (base64url and ":"), which reverse() leaves as they are.
        head, tail = reverse("notifications:unsubscribe", args=["TOKEN"]).split("TOKEN")
        self.prefix, self.suffix = settings.SITE_URL + head, tail
        self.preferences_url = settings.SITE_URL + reverse("profile")

    def url(self, user: User) -> str:
        token = self.signer.sign_object({"u": user.pk, "k": self.kind, "e": _email_fingerprint(user.email)})
        return f"{self.prefix}{token}{self.suffix}"

    def headers_and_context(self, user: User) -> tuple[dict[str, str], dict[str, str]]:
        """What ``unsubscribe_headers`` and ``unsubscribe_context`` return for the user, signed once."""
        url = self.url(user)
        return ({"List-Unsubscribe": f"<{url}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"},
                {"unsubscribe_url": url, "preferences_url": self.preferences_url})
