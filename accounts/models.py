"""The user of the portal: a person identified by an email address."""

from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    class Function(models.TextChoices):
        SCHOOL_LEADER = "schoolleider", _("School leader")
        TEACHER = "leerkracht", _("Teacher")
        INTERNAL_SUPERVISOR = "intern_begeleider", _("Internal supervisor (IB)")
        PROJECT_LEADER = "projectleider", _("Project leader")
        POLICY_MAKER = "beleidsmaker", _("Policy maker")
        ALDERMAN = "wethouder", _("Alderman")
        CHILDCARE = "pedagogisch_medewerker", _("Childcare worker")
        YOUTH_WORKER = "jeugdwerker", _("Youth worker")
        PROVIDER = "aanbieder", _("Provider")
        OTHER = "anders", _("Other")

    class DigestFrequency(models.TextChoices):
        NEVER = "never", _("Never")
        DAILY = "daily", _("Daily")
        WEEKLY = "weekly", _("Weekly")

    username = None
    first_name = None
    last_name = None
    email = models.EmailField(_("email address"), unique=True)
    full_name = models.CharField(_("name"), max_length=150, blank=True)
    organisation_name = models.CharField(_("organisation"), max_length=200, blank=True)
    job_function = models.CharField(_("function"), max_length=32, choices=Function.choices, blank=True)
    digest_frequency = models.CharField(
        _("digest"), max_length=10, choices=DigestFrequency.choices, default=DigestFrequency.WEEKLY
    )
    event_reminders_enabled = models.BooleanField(_("event reminders"), default=True)
    agreement_reminders_enabled = models.BooleanField(_("agreement reminders"), default=True)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    objects = UserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["email"]
        constraints = [models.UniqueConstraint(Lower("email"), name="accounts_user_email_ci_unique")]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        return self.full_name or self.email.split("@")[0]

    def get_full_name(self) -> str:
        return self.full_name

    def get_short_name(self) -> str:
        return self.display_name
