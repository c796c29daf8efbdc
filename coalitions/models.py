"""The network: regions, coalitions, organisations, themes and learning networks."""

from django.conf import settings
from django.db import models
from django.db.models.functions import Coalesce, Lower
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _


class Province(models.Model):
    name = models.CharField(_("name"), max_length=60, unique=True)

    class Meta:
        verbose_name = _("province")
        verbose_name_plural = _("provinces")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Region(models.Model):
    name = models.CharField(_("name"), max_length=80, unique=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    description = models.TextField(_("description"), blank=True)
    provinces = models.ManyToManyField(Province, verbose_name=_("provinces"), related_name="regions", blank=True)
    coordinators = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        through="RegionCoordinator",
        verbose_name=_("regional coordinators"),
        related_name="coordinated_regions",
        blank=True,
    )

    class Meta:
        verbose_name = _("region")
        verbose_name_plural = _("regions")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("region_detail", kwargs={"slug": self.slug})


class RegionCoordinator(models.Model):
    region = models.ForeignKey(Region, verbose_name=_("region"), on_delete=models.CASCADE)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE)
    public_email = models.EmailField(
        _("public email"), blank=True, help_text=_("Shown on the site; leave empty to hide the address.")
    )

    class Meta:
        verbose_name = _("regional coordinator")
        verbose_name_plural = _("regional coordinators")
        constraints = [models.UniqueConstraint(fields=["region", "user"], name="unique_region_coordinator")]

    def __str__(self) -> str:
        return f"{self.user} ({self.region})"


class Municipality(models.Model):
    name = models.CharField(_("name"), max_length=80, unique=True)
    province = models.ForeignKey(
        Province, verbose_name=_("province"), null=True, blank=True, on_delete=models.SET_NULL
    )

    class Meta:
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Theme(models.Model):
    name = models.CharField(_("name"), max_length=80, unique=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    description = models.TextField(_("description"), blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["position", "name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        """A theme's page is the list of practice examples filtered by it."""
        return reverse("practices:list") + "?" + urlencode({"theme": self.slug})


class Organisation(models.Model):
    class Kind(models.TextChoices):
        SCHOOL_PO = "school_po", _("Primary school (PO)")
        SCHOOL_VO = "school_vo", _("Secondary school (VO)")
        SCHOOL_SO = "school_so", _("Special education (SO)")
        IKC = "ikc", _("Integral child centre (IKC)")
        CHILDCARE = "kinderopvang", _("Childcare")
        AFTER_SCHOOL = "bso", _("After-school care (BSO)")
        YOUTH_CARE = "jeugdhulp", _("Youth care")
        MUNICIPALITY = "gemeente", _("Municipality")
        PROVIDER = "aanbieder", _("Provider")
        UNIVERSITY = "hogeschool", _("University of applied sciences")
        WELFARE = "welzijn", _("Welfare")
        SPORT = "sport", _("Sport")
        CULTURE = "cultuur", _("Culture")

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    municipality = models.ForeignKey(
        Municipality, verbose_name=_("municipality"), null=True, blank=True, on_delete=models.SET_NULL
    )
    website = models.URLField(_("website"), blank=True)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        indexes = [models.Index(fields=["kind", "name"], name="organisation_kind_idx")]
        constraints = [
            # One organisation per name and place, whatever the case; "no place" counts as one place (0), so two
            # organisations with the same name and no municipality are duplicates too.
            models.UniqueConstraint(
                Lower("name"), Coalesce("municipality", models.Value(0)), name="unique_organisation_name_place",
                violation_error_message=_("An organisation with this name already exists in this municipality."),
            ),
        ]

    def __str__(self) -> str:
        return self.name


class CoalitionQuerySet(models.QuerySet):
    def with_region(self):
        return self.select_related("region")


class Coalition(models.Model):
    name = models.CharField(_("name"), max_length=150, unique=True)
    slug = models.SlugField(_("slug"), max_length=150, unique=True)
    region = models.ForeignKey(Region, verbose_name=_("region"), on_delete=models.PROTECT, related_name="coalitions")
    municipalities = models.ManyToManyField(
        Municipality, verbose_name=_("municipalities"), related_name="coalitions", blank=True
    )
    description = models.TextField(_("description"), blank=True)
    website = models.URLField(_("website"), blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    partners = models.ManyToManyField(
        Organisation, verbose_name=_("partners"), related_name="coalitions", blank=True
    )
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        through="CoalitionMembership",
        verbose_name=_("members"),
        related_name="coalitions",
        blank=True,
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = CoalitionQuerySet.as_manager()

    class Meta:
        verbose_name = _("coalition")
        verbose_name_plural = _("coalitions")
        ordering = ["name"]
        indexes = [models.Index(fields=["region", "name"], name="coalition_region_name_idx")]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("coalition_detail", kwargs={"slug": self.slug})


class VisitProfile(models.Model):
    """What a work visit to a coalition can show, and what the coalition wants to learn on a visit elsewhere.

    The suggested matches (portal/matches.py) pair one coalition's wish with the others' offers. A row of its
    own, created when the project leaders first fill it in: most coalitions have none.
    """

    coalition = models.OneToOneField(Coalition, verbose_name=_("coalition"), on_delete=models.CASCADE,
                                     related_name="visit_profile")
    offer = models.TextField(_("what we can show"), max_length=1000, blank=True)
    offer_themes = models.ManyToManyField(
        Theme, verbose_name=_("themes of what we can show"), related_name="offered_by", blank=True
    )
    wish = models.TextField(_("what we want to learn"), max_length=1000, blank=True)
    wish_themes = models.ManyToManyField(
        Theme, verbose_name=_("themes of what we want to learn"), related_name="wished_by", blank=True
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("work visit profile")
        verbose_name_plural = _("work visit profiles")

    def __str__(self) -> str:
        return str(self.coalition)


class CoalitionMembershipQuerySet(models.QuerySet):
    def project_leaders_of(self, coalition):
        return self.filter(coalition=coalition, role=CoalitionMembership.Role.PROJECT_LEADER)


class CoalitionMembership(models.Model):
    class Role(models.TextChoices):
        PROJECT_LEADER = "projectleider", _("Project leader")
        MEMBER = "lid", _("Member")

    coalition = models.ForeignKey(Coalition, verbose_name=_("coalition"), on_delete=models.CASCADE,
                                  related_name="memberships")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE,
                             related_name="memberships")
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    joined_at = models.DateTimeField(_("joined"), auto_now_add=True)

    objects = CoalitionMembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("coalition membership")
        verbose_name_plural = _("coalition memberships")
        constraints = [models.UniqueConstraint(fields=["coalition", "user"], name="unique_coalition_member")]
        indexes = [models.Index(fields=["user", "role"], name="membership_user_role_idx")]

    def __str__(self) -> str:
        return f"{self.user} — {self.coalition} ({self.get_role_display()})"


class LearningNetwork(models.Model):
    class Audience(models.TextChoices):
        ALDERMEN = "wethouders", _("Aldermen")
        SCHOOL_LEADERS = "schoolleiders", _("School leaders")
        TEACHERS = "leraren", _("Teachers")
        MIXED = "gemengd", _("Mixed")

    name = models.CharField(_("name"), max_length=150, unique=True)
    slug = models.SlugField(_("slug"), max_length=150, unique=True)
    audience = models.CharField(_("audience"), max_length=20, choices=Audience.choices)
    description = models.TextField(_("description"), blank=True)
    started_on = models.DateField(_("started on"), null=True, blank=True)
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("members"), related_name="learning_networks", blank=True
    )

    class Meta:
        verbose_name = _("learning network")
        verbose_name_plural = _("learning networks")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("network_detail", kwargs={"slug": self.slug})


class HelpRequestQuerySet(models.QuerySet):
    def open(self):
        """Questions no coordinator has marked answered yet."""
        return self.filter(answered_at__isnull=True)


class HelpRequest(models.Model):
    """A "vraag hulp" question to the coordinators of a region."""

    region = models.ForeignKey(Region, verbose_name=_("region"), on_delete=models.CASCADE,
                               related_name="help_requests")
    name = models.CharField(_("name"), max_length=150)
    email = models.EmailField(_("email address"))
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    question = models.TextField(_("question"), max_length=4000)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    answered_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("answered by"), null=True,
                                    blank=True, on_delete=models.SET_NULL, related_name="+")
    answer_note = models.TextField(_("how it was answered"), max_length=2000, blank=True)

    objects = HelpRequestQuerySet.as_manager()

    class Meta:
        verbose_name = _("help request")
        verbose_name_plural = _("help requests")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["region", "-created_at"], name="helprequest_region_idx")]

    def __str__(self) -> str:
        return f"{self.name} ({self.region})"


class MemberProfile(models.Model):
    """What a member follows and where they work; the account itself lives in accounts.User."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="profile"
    )
    region = models.ForeignKey(
        Region, verbose_name=_("my region"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    followed_themes = models.ManyToManyField(Theme, verbose_name=_("followed themes"), blank=True,
                                             related_name="followers")
    followed_regions = models.ManyToManyField(Region, verbose_name=_("followed regions"), blank=True,
                                              related_name="followers")
    followed_coalitions = models.ManyToManyField(Coalition, verbose_name=_("followed coalitions"), blank=True,
                                                 related_name="followers")
    followed_networks = models.ManyToManyField(LearningNetwork, verbose_name=_("followed learning networks"),
                                               blank=True, related_name="followers")

    class Meta:
        verbose_name = _("member profile")
        verbose_name_plural = _("member profiles")

    def __str__(self) -> str:
        return str(self.user)


class Invitation(models.Model):
    """An invitation by a project leader to join a coalition; works for people without an account."""

    coalition = models.ForeignKey(Coalition, verbose_name=_("coalition"), on_delete=models.CASCADE,
                                  related_name="invitations")
    email = models.EmailField(_("email address"))
    role = models.CharField(_("role"), max_length=20, choices=CoalitionMembership.Role.choices,
                            default=CoalitionMembership.Role.MEMBER)
    token = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("invited by"), null=True,
                                   on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expires"))
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    accepted_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("accepted by"), null=True,
                                    blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["coalition", "accepted_at"], name="invitation_coalition_idx")]

    def __str__(self) -> str:
        return f"{self.email} → {self.coalition}"
