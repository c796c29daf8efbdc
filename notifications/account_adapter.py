"""allauth adapter: account emails leave through the outbox like every other email."""

from types import SimpleNamespace
from urllib.parse import urlsplit

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings

from notifications.services import queue_email


class AccountAdapter(DefaultAccountAdapter):
    def is_safe_url(self, url):
        # allauth's check parses the URL before Django's does and answers an unparsable ``next``
        # ("http://[::1") with a 500; such a URL is simply not a safe redirect.
        try:
            return super().is_safe_url(url)
        except ValueError:
            return False

    def send_mail(self, template_prefix, email, context):
        # Without django.contrib.sites allauth has no site name to greet with.
        if not getattr(context.get("current_site"), "name", ""):
            context["current_site"] = SimpleNamespace(name="Kennisportaal", domain=urlsplit(settings.SITE_URL).netloc)
        message = self.render_mail(template_prefix, email, context)
        html = ""
        for content, mimetype in getattr(message, "alternatives", []):
            if mimetype == "text/html":
                html = content
        # allauth's codes and keys make every message unique; the key only has to prevent doubles
        # when the same request is retried.
        queue_email(
            to=email,
            kind=f"account:{template_prefix.rsplit('/', 1)[-1]}",
            subject=message.subject,
            text=message.body,
            html=html,
        )
