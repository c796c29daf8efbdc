"""The staff view of the outbox: every email with its status and error, retrying failed ones, a summary."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.text import Truncator
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from core.pagination import paginate
from notifications.models import OutboundEmail
from notifications.services import retry_failed_emails


@admin.register(OutboundEmail)
class OutboundEmailAdmin(admin.ModelAdmin):
    list_display = ["recipient", "kind", "subject", "status", "attempts", "created_at", "sent_at", "short_error"]
    list_filter = ["status", "kind"]
    search_fields = ["recipient"]
    date_hierarchy = "created_at"
    readonly_fields = [f.name for f in OutboundEmail._meta.fields]
    actions = ["retry"]

    def get_urls(self):
        summary = path("samenvatting/", self.admin_site.admin_view(self.summary_view),
                       name="notifications_outboundemail_summary")
        return [summary, *super().get_urls()]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        """Emails are a record of what was sent: staff look at them and may retry, never edit."""
        return False

    def has_retry_permission(self, request):
        return request.user.has_perm("notifications.change_outboundemail")

    @admin.display(description=_("last error"))
    def short_error(self, obj):
        return Truncator(obj.last_error).chars(80)

    @admin.action(description=_("Send failed emails again"), permissions=["retry"])
    def retry(self, request, queryset):
        count = retry_failed_emails(ids=list(queryset.values_list("pk", flat=True)))
        if count:
            self.message_user(
                request,
                ngettext("%d email will be sent again.", "%d emails will be sent again.", count) % count,
                messages.SUCCESS,
            )
        else:
            self.message_user(request, gettext("None of the selected emails had failed; nothing changed."),
                              messages.WARNING)

    def summary_view(self, request):
        """Sent, waiting and failed emails per day and kind: one grouped query, whatever the number of emails."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        page = paginate(request, OutboundEmail.objects.summary_per_day_and_kind(), per_page=50)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Outgoing emails per day and kind"),
            "page": page,
        }
        return TemplateResponse(request, "admin/notifications/outboundemail/summary.html", context)
