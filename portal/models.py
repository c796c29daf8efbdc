"""What the portal itself keeps: how far each member's digest has covered."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class DigestState(models.Model):
    """The end of the last period a member's digest covered; the next digest starts exactly there.

    Advanced in the same transaction that queues the digest (or finds it empty), so an item published in a
    period is in one digest: a repeated run finds nothing due, a late one still ends at the scheduled moment.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, primary_key=True,
        related_name="digest_state",
    )
    covered_until = models.DateTimeField(_("covered until"))

    class Meta:
        verbose_name = _("digest state")
        verbose_name_plural = _("digest states")
        indexes = [models.Index(fields=["covered_until"], name="digest_covered_idx")]

    def __str__(self) -> str:
        return f"{self.user} → {self.covered_until:%Y-%m-%d %H:%M}"
