"""Events with their programme and stands, registrations, reports and follow-up agreements."""

from datetime import date, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, Count, ExpressionWrapper, F, IntegerField, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Coalesce, Lower, Upper
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from coalitions.models import Coalition, LearningNetwork, Organisation, Theme
from core.models import ModeratedQuerySet
from moderation.models import ModerationState
from practices.models import Practice, Tip

# The longest an event may last (validated in ``Event.clean``). It makes "upcoming" a range on ``starts_at``:
# an event that has not ended started at most this long ago, so the lists read an index on the start in order
# and stop after one page instead of sorting every future event.
MAX_EVENT_DURATION = timedelta(days=14)


class EventQuerySet(ModeratedQuerySet):
    def upcoming(self, now=None):
        now = now or timezone.now()
        return self.filter(starts_at__gte=now - MAX_EVENT_DURATION, ends_at__gte=now)

    def past(self, now=None):
        now = now or timezone.now()
        return self.filter(starts_at__lt=now, ends_at__lt=now)

    # A coalition hosts an event only once it accepted: until then the event is its organiser's alone, so
    # nobody can put an event on another coalition's page, calendar or region by naming it as the host.
    def of_coalition(self, coalition):
        """Events the coalition organises or hosts (accepted)."""
        return self.filter(Q(organiser=coalition) | Q(host=coalition, host_status=Event.HostStatus.ACCEPTED))

    def of_coalitions(self, coalitions):
        """Events that one of these coalitions organises or hosts (accepted)."""
        return self.filter(Q(organiser__in=coalitions)
                           | Q(host__in=coalitions, host_status=Event.HostStatus.ACCEPTED))

    def in_region(self, region):
        """Events organised or hosted (accepted) by a coalition of the region.

        The region's coalitions as a subquery, not a join: PostgreSQL then reads the events in order of an index
        and stops after a page, where the join with its OR sorted every matching event first."""
        return self.of_coalitions(Coalition.objects.filter(region=region).values("pk"))

    def hosted(self):
        """Events with a host coalition that accepted."""
        return self.filter(accepted_host())

    def awaiting_host(self, coalitions):
        """Requests to host an event that one of these coalitions has not answered yet."""
        return self.filter(host__in=coalitions, host_status=Event.HostStatus.PENDING)

    def held(self, now=None):
        """Published events that took place: ended, and not cancelled."""
        return self.published().filter(cancelled_at__isnull=True, ends_at__lt=now or timezone.now())

    def missing_report(self, now=None):
        """Held events that ended more than ``REPORT_GRACE`` ago and still have no report."""
        return self.held((now or timezone.now()) - REPORT_GRACE).filter(report__isnull=True)

    def for_list(self):
        """What an event card shows; the long texts (the event's, its coalitions' and region's) stay unread. The
        card shows no themes: they are not read (a query per list)."""
        return (
            self.select_related("organiser__region", "host")
            .defer("description", "host_answer_reason", "organiser__description", "organiser__region__description",
                   "host__description")
        )

    def with_confirmed_count(self):
        """Annotate ``confirmed_count`` (seats taken) with a subquery that counts in ``registration_queue_idx``:
        no join with the registrations and no GROUP BY over every selected column."""
        taken = (
            Registration.objects.filter(event=OuterRef("pk"), status__in=Registration.SEAT_STATUSES)
            .order_by().values("event").annotate(n=Count("pk")).values("n")
        )
        return self.annotate(confirmed_count=Coalesce(Subquery(taken, output_field=IntegerField()), Value(0)))


def accepted_host(prefix: str = "") -> Q:
    """The condition "has a host that accepted", for events or, with ``prefix`` ("event__"), rows of an event."""
    return Q(**{f"{prefix}host__isnull": False, f"{prefix}host_status": Event.HostStatus.ACCEPTED})


# How long the organisers have to write the report of an event before a coordinator is told to act.
REPORT_GRACE = timedelta(days=14)


def attach_confirmed_counts(events) -> None:
    """Set ``confirmed_count`` on a page of events with one query (counting for a whole list is slow)."""
    events = list(events)
    counts = dict(
        Registration.objects.filter(event__in=events, status__in=Registration.SEAT_STATUSES)
        .values("event").annotate(n=Count("pk")).values_list("event", "n")
    )
    for event in events:
        event.confirmed_count = counts.get(event.pk, 0)


class Event(models.Model):
    class Kind(models.TextChoices):
        INSPIRATION = "inspiratiemiddag", _("Inspiration afternoon")
        WORK_VISIT = "werkbezoek", _("Work visit")
        PROVIDER_MARKET = "aanbiedersmarkt", _("Provider market")
        TRAINING = "training", _("Training")
        INTERVISION = "intervisie", _("Peer consultation")
        WORKSHOP = "workshop", _("Workshop")
        MASTERCLASS = "masterclass", _("Masterclass")
        WEBINAR = "webinar", _("Livecast / webinar")
        FESTIVAL = "kennisfestival", _("Knowledge festival")
        NETWORK_MEETING = "leernetwerk", _("Learning network meeting")

    class HostStatus(models.TextChoices):
        PENDING = "pending", _("Waiting for the host's answer")
        ACCEPTED = "accepted", _("Accepted by the host")
        DECLINED = "declined", _("Declined by the host")
        WITHDRAWN = "withdrawn", _("No longer hosted")

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=220, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    summary = models.CharField(_("summary"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    organiser = models.ForeignKey(
        Coalition, verbose_name=_("organising coalition"), on_delete=models.PROTECT, related_name="organised_events"
    )
    host = models.ForeignKey(
        Coalition, verbose_name=_("host coalition"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="hosted_events", help_text=_("For a work visit: the coalition that is visited."),
    )
    # The host answers the request to host: the event counts as the host's only once accepted. Another host
    # chosen asks anew.
    host_status = models.CharField(
        _("host's answer"), max_length=10, choices=HostStatus.choices, default=HostStatus.PENDING
    )
    host_requested_at = models.DateTimeField(_("host asked"), null=True, blank=True, editable=False)
    host_answered_at = models.DateTimeField(_("host answered"), null=True, blank=True, editable=False)
    host_answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("host answered by"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+", editable=False,
    )
    host_answer_reason = models.TextField(_("host's reason"), max_length=1000, blank=True)
    learning_network = models.ForeignKey(
        LearningNetwork, verbose_name=_("learning network"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="events",
    )
    follows_on = models.ForeignKey(
        "self", verbose_name=_("follow-up of"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="followed_by",
    )
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    venue_name = models.CharField(_("venue"), max_length=200, blank=True)
    address = models.CharField(_("address"), max_length=250, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    online_url = models.URLField(_("online link"), blank=True)
    capacity = models.PositiveIntegerField(
        _("capacity"), null=True, blank=True, help_text=_("Leave empty for no limit.")
    )
    registration_opens_at = models.DateTimeField(_("registration opens"), null=True, blank=True)
    registration_closes_at = models.DateTimeField(_("registration closes"), null=True, blank=True)
    audience = models.CharField(_("audience"), max_length=250, blank=True)
    themes = models.ManyToManyField(Theme, verbose_name=_("themes"), related_name="events", blank=True)
    practices = models.ManyToManyField(
        Practice, verbose_name=_("practice examples presented"), related_name="presented_at", blank=True
    )
    tips = models.ManyToManyField(Tip, verbose_name=_("tips from this event"), related_name="events", blank=True)
    state = models.CharField(
        _("state"), max_length=20, choices=ModerationState.choices, default=ModerationState.PUBLISHED
    )
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("created by"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="created_events",
    )
    # Progress of the background jobs, so each scan finds due work with an indexed query.
    reminders_sent_at = models.DateTimeField(_("reminders sent"), null=True, blank=True, editable=False)
    report_requests_sent = models.PositiveSmallIntegerField(_("report requests sent"), default=0, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = EventQuerySet.as_manager()

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["starts_at", "pk"]
        indexes = [
            models.Index(fields=["state", "ends_at", "starts_at"], name="event_state_time_idx"),
            # "Upcoming" reads starts_at from two weeks ago in order (MAX_EVENT_DURATION) and keeps what has not
            # ended: with ends_at in the index that test costs no visit to the events that ended (hundreds
            # in a fortnight at national scale, a handful on a small portal).
            models.Index(fields=["state", "starts_at", "ends_at"], name="event_state_start_end_idx"),
            models.Index(fields=["organiser", "starts_at"], name="event_organiser_idx"),
            models.Index(fields=["host", "host_status", "starts_at"], name="event_host_status_idx"),
            # The events of a region's coalitions as index-only scans (the cockpit's semi-joins).
            models.Index(fields=["organiser", "id"], name="event_organiser_pk_idx"),
            models.Index(fields=["host", "host_status", "id"], name="event_host_pk_idx"),
            models.Index(fields=["kind", "starts_at"], name="event_kind_idx"),
            models.Index(fields=["reminders_sent_at", "starts_at"], name="event_reminder_due_idx"),
            models.Index(fields=["report_requests_sent", "ends_at"], name="event_report_request_idx"),
            # A learning network's page lists its events newest first.
            models.Index(fields=["learning_network", "state", "starts_at", "id"], name="event_network_start_idx"),
            # The visit chains read every public work visit: this partial index holds all they read, so the scan
            # is index-only and touches no other event.
            models.Index(
                fields=["starts_at", "id", "follows_on", "organiser", "host"], name="event_visit_chain_idx",
                condition=Q(kind="werkbezoek", host_status="accepted", state="published", cancelled_at__isnull=True),
            ),
            # Completing a chain looks up the visits that follow on a batch of visits: the same rows keyed by
            # "vervolg op" (only the visits that follow on another), so the lookup is index-only and does not scan
            # every visit of the country.
            models.Index(
                fields=["follows_on", "id", "starts_at", "organiser", "host"], name="event_visit_follows_idx",
                condition=Q(kind="werkbezoek", host_status="accepted", state="published", cancelled_at__isnull=True,
                            follows_on__isnull=False),
            ),
            # The digest's "coming up near you": events announced in a period.
            models.Index(fields=["state", "created_at"], name="event_announced_idx"),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(ends_at__gte=models.F("starts_at")), name="event_ends_after_start"),
            models.CheckConstraint(
                condition=Q(registration_closes_at__isnull=True)
                | Q(registration_opens_at__isnull=True)
                | Q(registration_closes_at__gte=models.F("registration_opens_at")),
                name="event_registration_window_order",
            ),
            models.CheckConstraint(
                condition=Q(host__isnull=True) | ~Q(host=models.F("organiser")), name="event_host_not_organiser"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("events:detail", kwargs={"slug": self.slug})

    def clean(self):
        super().clean()
        if self.starts_at and self.ends_at and self.ends_at - self.starts_at > MAX_EVENT_DURATION:
            raise ValidationError({"ends_at": _("An event lasts at most %(days)s days; for a longer series, "
                                                "create an event per meeting.") % {"days": MAX_EVENT_DURATION.days}})

    # Project leaders publish their events at once; coordinators can only hide and show them again.
    MODERATION_ACTIONS = frozenset({"hide", "unhide"})

    @property
    def moderation_region(self):
        return self.organiser.region

    @property
    def moderation_region_id(self):
        return self.organiser.region_id

    @property
    def moderation_author(self):
        return self.created_by

    @property
    def has_accepted_host(self) -> bool:
        return self.host_id is not None and self.host_status == self.HostStatus.ACCEPTED

    @property
    def awaits_host(self) -> bool:
        """The host coalition has not answered the request yet."""
        return self.host_id is not None and self.host_status == self.HostStatus.PENDING

    @property
    def host_refused(self) -> bool:
        """The host coalition declined, or stopped hosting: the event shows no host."""
        return self.host_id is not None and self.host_status in (self.HostStatus.DECLINED, self.HostStatus.WITHDRAWN)

    @property
    def coalition_ids(self) -> list[int]:
        """The organising coalition and, for a work visit, the host (once it accepted)."""
        return [self.organiser_id] + ([self.host_id] if self.has_accepted_host else [])

    @property
    def is_cancelled(self) -> bool:
        return self.cancelled_at is not None

    @property
    def is_past(self) -> bool:
        return self.ends_at < timezone.now()

    @property
    def seats_left(self) -> int | None:
        """Free seats; uses the ``confirmed_count`` annotation when the queryset provided it."""
        if self.capacity is None:
            return None
        confirmed = getattr(self, "confirmed_count", None)
        if confirmed is None:
            confirmed = self.registrations.filter(status__in=Registration.SEAT_STATUSES).count()
        return max(self.capacity - confirmed, 0)


class ProgrammeItem(models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="programme")
    starts_at = models.TimeField(_("time"))
    ends_at = models.TimeField(_("until"), null=True, blank=True)
    title = models.CharField(_("title"), max_length=200)
    speaker = models.CharField(_("speaker"), max_length=200, blank=True)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        verbose_name = _("programme item")
        verbose_name_plural = _("programme")
        ordering = ["starts_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__isnull=True) | Q(ends_at__gte=models.F("starts_at")),
                name="programme_item_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        return f"{self.starts_at:%H:%M} {self.title}"


class Stand(models.Model):
    """A provider's stand at an aanbiedersmarkt."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="stands")
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("provider"), on_delete=models.PROTECT, related_name="stands"
    )
    offer = models.TextField(_("offer"))
    themes = models.ManyToManyField(Theme, verbose_name=_("themes"), related_name="stands", blank=True)
    number = models.PositiveSmallIntegerField(_("stand number"), null=True, blank=True)

    class Meta:
        verbose_name = _("stand")
        verbose_name_plural = _("stands")
        ordering = ["number", "organisation__name"]
        constraints = [models.UniqueConstraint(fields=["event", "organisation"], name="unique_stand_per_provider")]

    def __str__(self) -> str:
        return str(self.organisation)


class RegistrationQuerySet(models.QuerySet):
    def with_waiting_position(self):
        """Annotate ``waiting_position`` (1 = next in line) on waitlisted rows, None on others, in the same query."""
        waitlisted = Registration.Status.WAITLISTED
        ahead = (
            Registration.objects.filter(event_id=OuterRef("event_id"), status=waitlisted)
            .filter(Q(created_at__lt=OuterRef("created_at"))
                    | Q(created_at=OuterRef("created_at"), pk__lt=OuterRef("pk")))
            .order_by().values("event_id").annotate(n=Count("pk")).values("n")
        )
        return self.annotate(waiting_position=Case(
            When(status=waitlisted, then=Coalesce(Subquery(ahead, output_field=IntegerField()), Value(0)) + 1),
            default=None, output_field=IntegerField(),
        ))

    def attach_waiting_positions(self, registrations: list) -> list:
        """Set ``waiting_position`` on registrations already read, as ``with_waiting_position`` annotates it:
        in one more query, and only when one of them is waitlisted (a member's list rarely has one; the
        annotation costs every read of it more than this query costs the few that need it)."""
        waiting = [r.pk for r in registrations if r.status == Registration.Status.WAITLISTED]
        positions = dict(
            self.filter(pk__in=waiting).with_waiting_position().values_list("pk", "waiting_position")
        ) if waiting else {}
        for registration in registrations:
            registration.waiting_position = positions.get(registration.pk)
        return registrations


class Registration(models.Model):
    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("Confirmed")
        WAITLISTED = "waitlisted", _("Waiting list")
        CANCELLED = "cancelled", _("Cancelled")
        ATTENDED = "attended", _("Attended")

    # The statuses that occupy a seat.
    SEAT_STATUSES = (Status.CONFIRMED, Status.ATTENDED)
    # The statuses of someone still expecting to come: told of changes and cancellation.
    ACTIVE_STATUSES = (Status.CONFIRMED, Status.WAITLISTED)

    event = models.ForeignKey(Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="registrations")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("participant"), on_delete=models.CASCADE,
        related_name="registrations",
    )
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.CONFIRMED)
    organisation_name = models.CharField(_("organisation"), max_length=200, blank=True)
    job_function = models.CharField(_("function"), max_length=100, blank=True)
    remark = models.TextField(_("remark"), max_length=1000, blank=True)
    created_at = models.DateTimeField(_("registered"), default=timezone.now)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["created_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["event", "user"], name="unique_registration")]
        indexes = [
            models.Index(fields=["event", "status", "created_at"], name="registration_queue_idx"),
            models.Index(fields=["user", "status"], name="registration_user_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.user} @ {self.event}"


class EventReport(models.Model):
    event = models.OneToOneField(Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="report")
    summary = models.TextField(_("summary"))
    insights = models.TextField(_("insights"), blank=True)
    participant_count = models.PositiveIntegerField(_("number of participants"), null=True, blank=True)
    related_practices = models.ManyToManyField(
        Practice, verbose_name=_("related practice examples"), related_name="reports", blank=True
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("author"), null=True, blank=True, on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("event report")
        verbose_name_plural = _("event reports")
        # The digest's reports of a period.
        indexes = [models.Index(fields=["created_at"], name="report_created_idx")]

    def __str__(self) -> str:
        return str(self.event)


class FollowUpAgreementQuerySet(models.QuerySet):
    def overdue(self, today: date):
        """Open agreements whose due date has passed (due today is not overdue yet)."""
        return self.filter(status=FollowUpAgreement.Status.OPEN, due_date__lt=today)

    def of_events(self, events):
        return self.filter(event__in=events)

    def with_responsible(self):
        """Annotate who answers for each agreement: ``recipient`` (the owner's address, lower case) and
        ``responsible_*`` (the agreement's coalition, else the event's organiser), to group and filter by."""
        return self.annotate(
            recipient=Lower(Case(When(owner__isnull=False, then=F("owner__email")), default=F("owner_email"))),
            responsible_id=Coalesce("coalition_id", "event__organiser_id"),
            responsible_name=Coalesce("coalition__name", "event__organiser__name"),
            responsible_slug=Coalesce("coalition__slug", "event__organiser__slug"),
        )

    def owned_by(self, user):
        """Agreements of this member: assigned to the account, or to its email address."""
        return self.filter(Q(owner=user) | Q(owner_email__iexact=user.email))

    def needing_email(self, today: date):
        """Open agreements whose owner is due an email today (see ``FollowUpAgreement.email_due``).

        Derived from the due date and what was already sent, so agreements from any source (the report
        form, the admin, demo data, a reopened one, a moved due date) are reminded alike.
        """
        recipient = Lower(Case(When(owner__isnull=False, then=F("owner__email")), default=F("owner_email")))
        first_reminder = ExpressionWrapper(F("due_date") - REMINDER_LEAD_DAYS, output_field=models.DateField())
        reminder_due = Q(due_date__lte=today + REMINDER_LEAD_DAYS) & (
            Q(last_reminder_on__isnull=True)
            | Q(last_reminder_on__lt=first_reminder)
            | Q(due_date__lte=today)
            & (Q(last_reminder_on__lt=F("due_date")) | Q(last_reminder_on__lte=today - REMINDER_INTERVAL))
        )
        return self.filter(status=FollowUpAgreement.Status.OPEN).alias(recipient=recipient).filter(
            ~Q(notified_email=F("recipient")) | reminder_due
        )


# An agreement's owner hears of it when it is assigned, a week before the due date, on the due date, and
# weekly while it is overdue.
REMINDER_LEAD_DAYS = timedelta(days=7)
REMINDER_INTERVAL = timedelta(days=7)


class FollowUpAgreement(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        DONE = "done", _("Done")
        DROPPED = "dropped", _("Dropped")

    event = models.ForeignKey(Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="agreements")
    description = models.TextField(_("what"), max_length=1000)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("owner"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="agreements",
    )
    owner_name = models.CharField(_("owner name"), max_length=150, blank=True)
    owner_email = models.EmailField(_("owner email"), blank=True)
    coalition = models.ForeignKey(
        Coalition, verbose_name=_("coalition"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="agreements",
    )
    # "We will try X": the practice example the agreement is about; once done, its owner may record an adoption.
    practice = models.ForeignKey(
        Practice, verbose_name=_("practice example to try"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="agreements",
    )
    due_date = models.DateField(_("due date"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN)
    done_note = models.TextField(_("note"), max_length=1000, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    # What the owner was already sent: the address told of the assignment (another address means the
    # agreement was assigned anew) and the day of the last email about it.
    notified_email = models.EmailField(_("owner notified at"), blank=True, editable=False)
    last_reminder_on = models.DateField(_("last reminded"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = FollowUpAgreementQuerySet.as_manager()

    class Meta:
        verbose_name = _("follow-up agreement")
        verbose_name_plural = _("follow-up agreements")
        ordering = ["due_date", "pk"]
        indexes = [
            models.Index(fields=["status", "due_date"], name="agreement_status_due_idx"),
            models.Index(fields=["coalition", "status"], name="agreement_coalition_idx"),
            # The region cockpit's overdue agreements (count and first page): an index-only scan of the open ones
            # by due date, their event checked against the region's events, without reading the rows (issue 13).
            models.Index(fields=["due_date", "event"], name="agreement_open_due_event_idx",
                         condition=Q(status="open")),
            # ``owned_by``: an agreement given to an address without an account (``owner_email__iexact``).
            models.Index(Upper("owner_email"), name="agreement_owner_email_idx"),
            # The digest finds an agreement by its owner or, without an account, by the owner's address.
            models.Index(Lower("owner_email"), name="agreement_owner_lower_idx", condition=Q(owner__isnull=True)),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(owner__isnull=False) | ~Q(owner_email=""), name="agreement_has_owner"
            ),
            models.CheckConstraint(
                condition=Q(status="open") | Q(closed_at__isnull=False), name="agreement_closed_has_time"
            ),
        ]

    def __str__(self) -> str:
        return self.description[:80]

    @property
    def owner_display(self) -> str:
        if self.owner_id:
            return self.owner.display_name
        return self.owner_name or self.owner_email

    @property
    def recipient_email(self) -> str:
        """Where the owner's emails go: the member's current address, or the address given."""
        return self.owner.email if self.owner_id else self.owner_email

    def email_due(self, today: date) -> str | None:
        """Which email the owner is due today: "assigned", "before", "due", "overdue", or None."""
        if self.status != self.Status.OPEN:
            return None
        if self.notified_email != self.recipient_email.lower():
            return "assigned"
        due, last = self.due_date, self.last_reminder_on
        if today < due - REMINDER_LEAD_DAYS:
            return None
        if last is None or last < due - REMINDER_LEAD_DAYS or (
            today >= due and (last < due or last <= today - REMINDER_INTERVAL)
        ):
            if today < due:
                return "before"
            return "due" if today == due else "overdue"
        return None


class CalendarToken(models.Model):
    """The secret in the URL of a member's personal calendar feed; replacing it revokes the old URL."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_token")
    token = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("calendar link")
        verbose_name_plural = _("calendar links")

    def __str__(self) -> str:
        return str(self.user)
