"""The moderation state of practices, tips and events; the log of every transition; flags (reports)."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from coalitions.models import Region
from core.models import PUBLISHED as PUBLISHED_VALUE


class ModerationState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    PUBLISHED = PUBLISHED_VALUE, _("Published")
    CHANGES_REQUESTED = "changes_requested", _("Changes requested")
    REJECTED = "rejected", _("Rejected")
    HIDDEN = "hidden", _("Hidden")


class ModerationLogQuerySet(models.QuerySet):
    def for_item(self, item: models.Model):
        """The transitions of one practice, tip or event, newest first, with who made them."""
        return self.filter(
            content_type=ContentType.objects.get_for_model(item), object_id=item.pk
        ).select_related("actor")


class FlagQuerySet(models.QuerySet):
    def open(self):
        return self.filter(resolved_at__isnull=True)

    def for_item(self, item: models.Model):
        return self.filter(content_type=ContentType.objects.get_for_model(item), object_id=item.pk)


class ModerationLogEntry(models.Model):
    """One moderation decision on a practice, tip or event: who, when, from → to, why.

    A dismissed report leaves the state as it was: its entry has the same state on both sides and names the flag.
    """

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    item = GenericForeignKey("content_type", "object_id")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("by"), null=True, blank=True, on_delete=models.SET_NULL
    )
    from_state = models.CharField(_("from"), max_length=20, choices=ModerationState.choices, blank=True)
    to_state = models.CharField(_("to"), max_length=20, choices=ModerationState.choices)
    comment = models.TextField(_("comment"), blank=True)
    dismissed_flag = models.ForeignKey("Flag", verbose_name=_("dismissed report"), null=True, blank=True,
                                       on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(_("when"), auto_now_add=True)

    objects = ModerationLogQuerySet.as_manager()

    class Meta:
        verbose_name = _("moderation log entry")
        verbose_name_plural = _("moderation log")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["content_type", "object_id", "-created_at"], name="modlog_item_idx")]

    def __str__(self) -> str:
        return f"{self.from_state or '—'} → {self.to_state}"


class Flag(models.Model):
    """A report by a logged-in user that an item needs a coordinator's attention."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    item = GenericForeignKey("content_type", "object_id")
    region = models.ForeignKey(Region, verbose_name=_("region"), on_delete=models.CASCADE, related_name="flags")
    reporter = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("reported by"), null=True,
                                 on_delete=models.SET_NULL, related_name="flags")
    reason = models.TextField(_("reason"), max_length=1000)
    created_at = models.DateTimeField(_("reported"), auto_now_add=True)
    resolved_at = models.DateTimeField(_("resolved"), null=True, blank=True)
    resolved_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("resolved by"), null=True,
                                    blank=True, on_delete=models.SET_NULL, related_name="+")
    dismissed = models.BooleanField(_("dismissed"), default=False,
                                    help_text=_("Resolved without changing the item: the report was unfounded."))
    resolution_note = models.TextField(_("note"), blank=True)

    objects = FlagQuerySet.as_manager()

    class Meta:
        verbose_name = _("flag")
        verbose_name_plural = _("flags")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["region", "resolved_at"], name="flag_region_open_idx")]

    def __str__(self) -> str:
        return self.reason[:60]
