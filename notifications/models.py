"""The outbox: one row per email, written in the same transaction as its cause."""

from django.conf import settings
from django.db import models
from django.db.models import Count, Q
from django.db.models.functions import TruncDate
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class OutboundEmailQuerySet(models.QuerySet):
    def due(self, now=None):
        return self.filter(status=OutboundEmail.Status.PENDING, send_after__lte=now or timezone.now())

    def summary_per_day_and_kind(self):
        """One row per day (in the portal's time zone) and kind: how many were sent, wait and failed."""
        status = OutboundEmail.Status
        return (
            self.annotate(day=TruncDate("created_at"))
            .values("day", "kind")
            .annotate(
                sent=Count("pk", filter=Q(status=status.SENT)),
                waiting=Count("pk", filter=Q(status__in=[status.PENDING, status.SENDING])),
                failed=Count("pk", filter=Q(status=status.FAILED)),
            )
            .order_by("-day", "kind")
        )


class OutboundEmail(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        SENDING = "sending", _("Sending")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")

    recipient = models.EmailField(_("recipient"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), null=True, blank=True, on_delete=models.SET_NULL
    )
    kind = models.CharField(_("kind"), max_length=64)
    idempotency_key = models.CharField(_("idempotency key"), max_length=200, unique=True)
    subject = models.CharField(_("subject"), max_length=255)
    body_text = models.TextField(_("text"))
    body_html = models.TextField(_("HTML"), blank=True)
    headers = models.JSONField(_("headers"), default=dict, blank=True)
    # Small text files sent along, e.g. an event's .ics: [{"filename", "content", "mimetype"}].
    attachments = models.JSONField(_("attachments"), default=list, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    send_after = models.DateTimeField(_("send after"), default=timezone.now)
    claimed_at = models.DateTimeField(_("claimed at"), null=True, blank=True)
    claim_token = models.UUIDField(null=True, blank=True, editable=False)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    objects = OutboundEmailQuerySet.as_manager()

    class Meta:
        verbose_name = _("outgoing email")
        verbose_name_plural = _("outgoing emails")
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["status", "send_after"], name="outbox_status_due_idx"),
            models.Index(fields=["status", "claimed_at"], name="outbox_status_claimed_idx"),
            models.Index(fields=["recipient", "-created_at"], name="outbox_recipient_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status="sent") | models.Q(sent_at__isnull=False),
                name="outbox_sent_has_time",
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind} → {self.recipient}"
