"""Tools and apps that coalitions build or use, who uses them, and requests to join their development."""

from django.conf import settings
from django.core.validators import URLValidator
from django.db import models
from django.db.models import Count
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from coalitions.models import Coalition, Theme
from core.models import ModeratedQuerySet
from moderation.models import ModerationState

web_url_validator = URLValidator(schemes=["http", "https"], message=_("Enter a web address starting with https://."))


class ToolQuerySet(ModeratedQuerySet):
    def awaiting_review(self, region_ids):
        """Submitted tools whose developing coalition lies in one of these regions."""
        return self.filter(state=ModerationState.SUBMITTED, developer__region_id__in=region_ids)

    def for_list(self):
        """What a card in the list shows; how many coalitions use each tool comes from ``attach_user_counts``."""
        return self.select_related("developer").defer("developer__description").prefetch_related("themes")

    def for_detail(self):
        return self.select_related("developer__region", "author").prefetch_related("themes", "users")


def attach_user_counts(tools) -> None:
    """Set ``user_count`` on a page of tools in one grouped query, without loading the coalitions."""
    tools = list(tools)
    counts = dict(
        Tool.users.through.objects.filter(tool__in=tools).values("tool").annotate(n=Count("pk"))
        .values_list("tool", "n")
    )
    for tool in tools:
        tool.user_count = counts.get(tool.pk, 0)


class Tool(models.Model):
    """A tool or app in the shared register; moderated by the coordinators of its developer's region."""

    class Status(models.TextChoices):
        IDEA = "idee", _("Idea")
        IN_DEVELOPMENT = "in-ontwikkeling", _("In development")
        IN_USE = "in-gebruik", _("In use")
        STOPPED = "gestopt", _("Stopped")

    name = models.CharField(_("name"), max_length=150)
    slug = models.SlugField(_("slug"), max_length=160, unique=True)
    description = models.TextField(_("what it does"), max_length=2000)
    developer = models.ForeignKey(
        Coalition, verbose_name=_("developing coalition"), on_delete=models.PROTECT, related_name="developed_tools"
    )
    developer_organisation = models.CharField(
        _("developing organisation"), max_length=200, blank=True,
        help_text=_("For example the software company or school board that builds it."),
    )
    users = models.ManyToManyField(
        Coalition, verbose_name=_("coalitions that use it"), related_name="used_tools", blank=True
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.IDEA)
    url = models.URLField(_("web address"), max_length=500, blank=True, validators=[web_url_validator])
    contact_name = models.CharField(_("contact person"), max_length=150, blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    themes = models.ManyToManyField(Theme, verbose_name=_("themes"), related_name="tools")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("author"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="tools",
    )
    state = models.CharField(
        _("state"), max_length=20, choices=ModerationState.choices, default=ModerationState.DRAFT
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = ToolQuerySet.as_manager()

    class Meta:
        verbose_name = _("tool")
        verbose_name_plural = _("tools")
        ordering = ["name", "pk"]
        indexes = [
            models.Index(fields=["state", "name"], name="tool_state_name_idx"),
            models.Index(fields=["status", "state"], name="tool_status_state_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(state="published") | models.Q(published_at__isnull=False),
                name="tool_published_has_date",
            )
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("tools:detail", kwargs={"slug": self.slug})

    # What moderation.services asks of a moderated item: the developer's region decides, the author hears.
    @property
    def moderation_region(self):
        return self.developer.region

    @property
    def moderation_region_id(self):
        return self.developer.region_id

    @property
    def moderation_author(self):
        return self.author


class JoinRequest(models.Model):
    """A member's wish to help develop a tool ("wij willen meedoen"); one per member and tool."""

    tool = models.ForeignKey(Tool, verbose_name=_("tool"), on_delete=models.CASCADE, related_name="join_requests")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("member"), on_delete=models.CASCADE,
                             related_name="tool_join_requests")
    message = models.TextField(_("message"), max_length=1000)
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)

    class Meta:
        verbose_name = _("request to join")
        verbose_name_plural = _("requests to join")
        ordering = ["-created_at"]
        constraints = [models.UniqueConstraint(fields=["tool", "user"], name="tool_join_request_once")]

    def __str__(self) -> str:
        return f"{self.user} → {self.tool}"
