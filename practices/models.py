"""Practice examples with their links and attachments, and tips."""

import json
import math
import time
from pathlib import PurePosixPath

from django.conf import settings
from django.contrib.postgres.expressions import ArraySubquery
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVectorField
from django.db import connections, models
from django.db.models import OuterRef, Prefetch, Subquery
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from coalitions.models import Coalition, Organisation, Region, Theme
from core.db import UnpreparedQuerySetMixin, unprepared
from core.models import ModeratedQuerySet
from moderation.models import ModerationLogEntry, ModerationState
from practices.search import match_expression, search_terms


class RegionallyModerated:
    """What moderation.services asks of a practice or tip: its region's coordinators decide, its author hears."""

    @property
    def moderation_region(self):
        return self.region

    @property
    def moderation_region_id(self):
        return self.region_id

    @property
    def moderation_author(self):
        return self.author


class Mechanism(models.Model):
    """A boundary-crossing learning mechanism (identificatie, coördinatie, reflectie, transformatie)."""

    name = models.CharField(_("name"), max_length=40, unique=True)
    slug = models.SlugField(_("slug"), max_length=40, unique=True)
    description = models.TextField(_("description"))
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("boundary-crossing mechanism")
        verbose_name_plural = _("boundary-crossing mechanisms")
        ordering = ["position"]

    def __str__(self) -> str:
        return self.name


# A search ranks only its newest matches (all of them for a rarer term): ranking reads each match's text, so
# this bounds a search's cost whatever the size of the portal. The list counts them as far as this ("100+",
# five pages). 100 rather than 200 (issue 13): finding and ranking the matches was a third of a search.
SEARCH_RESULT_LIMIT = 100
# How a search on PostgreSQL finds a term's newest matches (``PracticeQuerySet.search``): walking the list's index
# newest first, testing each practice's text, reads about (SEARCH_RESULT_LIMIT + 1) x practices / matches rows;
# reading the matches through the GIN index reads every match, and on a small table PostgreSQL scans every row.
# Measured at 1k and 100k practices (issue 13), a row of the walk costs about three rows of the GIN read: the
# walk is the cheaper once matches^2 >= 3 x (limit + 1) x practices, and always once a term is in one practice
# in twenty (it then reads at most ~2,000 rows). ``is_common_term`` applies this to PostgreSQL's estimates.
SEARCH_WALK_ROW_COST = 3
SEARCH_COMMON_SHARE = 0.05
# How long the process keeps how a query's matches are found (``_is_common``).
SEARCH_ESTIMATE_SECONDS = 300
SEARCH_ESTIMATES_KEPT = 10_000
# Query text -> (expiry on the monotonic clock, common?); per process, bounded by SEARCH_ESTIMATES_KEPT.
_search_estimates: dict[str, tuple[float, bool]] = {}
# The Dutch text search configuration with accent folding, created by migration 0005.
POSTGRES_SEARCH_CONFIG = "kennisportaal_dutch"


class RegionalModeratedQuerySet(ModeratedQuerySet):
    """Practices and tips are moderated by the coordinators of their own region."""

    def awaiting_review(self, region_ids):
        return self.filter(state=ModerationState.SUBMITTED, region_id__in=region_ids)

    def with_submitted_at(self):
        """Annotate ``submitted_at``: the time of the latest transition to "submitted" in the moderation log
        (an item without one counts from its creation)."""
        meta = self.model._meta
        latest = (
            ModerationLogEntry.objects.filter(
                content_type__app_label=meta.app_label, content_type__model=meta.model_name,
                object_id=OuterRef("pk"), to_state=ModerationState.SUBMITTED,
            ).order_by("-created_at", "-pk").values("created_at")[:1]
        )
        return self.annotate(submitted_at=Coalesce(Subquery(latest), "created_at"))

    def waiting_since(self, before, region_ids):
        """Submitted items of these regions that have waited for a decision since before ``before``."""
        return self.awaiting_review(region_ids).with_submitted_at().filter(submitted_at__lt=before)


# What a practice card (core/templatetags/cards.py) shows: the long texts stay in the database.
PRACTICE_CARD_FIELDS = (
    "title", "slug", "summary", "school_type", "state", "published_at",
    "region__name", "region__slug", "coalition__name", "coalition__slug",
)


class _JSONGroupArray(models.Aggregate):
    """SQLite's ``json_group_array``: the values of a group as JSON text."""

    function = "JSON_GROUP_ARRAY"
    output_field = models.TextField()


class _ThemeNamesField(models.TextField):
    """SQLite's ``[[position, name], ...]`` as the names in the themes' order (position, then name). Plain text
    parsed here, not a JSONField: that one makes Django ask SQLite first whether it supports JSON."""

    def from_db_value(self, value, expression, connection):
        return [name for _position, name in sorted(json.loads(value or "[]"))]


def is_common_term(matches: int, practices: int) -> bool:
    """Whether a term in about ``matches`` of ``practices`` practices is found more cheaply by walking the list's
    index newest first than through the GIN index (see SEARCH_WALK_ROW_COST)."""
    walk_cheaper_from = math.sqrt(SEARCH_WALK_ROW_COST * (SEARCH_RESULT_LIMIT + 1) * practices)
    return matches >= min(SEARCH_COMMON_SHARE * practices, walk_cheaper_from)


def union_estimates(plan: list) -> tuple[int, int] | None:
    """The estimated rows of the two parts of a ``UNION ALL`` in its ``EXPLAIN (FORMAT JSON)``: the children of
    its Append, below any node with one child (a parallel plan's Gather, whose parts then count per worker,
    both alike). None for any other shape."""
    node = plan[0]["Plan"]
    while len(node.get("Plans", ())) == 1:
        node = node["Plans"][0]
    parts = node.get("Plans", ())
    if len(parts) != 2:
        return None
    return int(parts[0]["Plan Rows"]), int(parts[1]["Plan Rows"])


class PracticeQuerySet(UnpreparedQuerySetMixin, RegionalModeratedQuerySet):
    def for_list(self):
        """The practices as cards: only the card's columns, their region and coalition joined, and their themes'
        names as ``theme_names`` (``with_theme_names``)."""
        return self.select_related("region", "coalition").only(*PRACTICE_CARD_FIELDS).with_theme_names()

    def with_theme_names(self):
        """Annotate ``theme_names``: the names of a practice's themes in the themes' order, a list.

        Read in the practices' own query (a correlated subquery per row), not prefetched: a card shows only the
        names, and prefetching built a related manager and a theme per card: about a sixth of a list page's CPU
        (issue 13). PostgreSQL keeps the order inside ``ARRAY(...)``; SQLite's ``json_group_array`` promises no
        order, so it returns the themes' positions with their names and ``_ThemeNamesField`` sorts them.
        """
        themes = Theme.objects.filter(practices=OuterRef("pk"))
        if connections[self.db].vendor == "postgresql":
            return self.annotate(theme_names=ArraySubquery(themes.order_by("position", "name").values("name")))
        pairs = (
            Practice.themes.through.objects.filter(practice=OuterRef("pk")).order_by().values("practice")
            .annotate(pairs=_JSONGroupArray(models.Func(
                "theme__position", "theme__name", function="JSON_ARRAY", output_field=models.TextField()
            ))).values("pairs")
        )
        return self.annotate(theme_names=Subquery(pairs, output_field=_ThemeNamesField()))

    def with_adoption_count(self):
        """Annotate ``adoption_count``: how many published adoptions, in the list's own query.

        A correlated subquery rather than a joined Count: a GROUP BY would take in the search's bm25() rank,
        which SQLite's FTS5 refuses there, and would multiply with the theme joins.
        """
        published = Adoption.objects.filter(practice=OuterRef("pk"), state=ModerationState.PUBLISHED)
        count = published.order_by().values("practice").annotate(n=models.Count("pk")).values("n")
        return self.annotate(
            adoption_count=Coalesce(Subquery(count, output_field=models.IntegerField()), 0)
        )

    def for_detail(self):
        return self.select_related("region", "coalition", "organisation").prefetch_related(
            "themes", "mechanisms", "links", "attachments"
        )

    def search(self, text: str):
        """Dutch full-text search: every word must occur (stemmed, accents folded); best ranked first.

        Titles weigh most, then summaries, then the rest. The query is plain words on both databases:
        quotes, operators and punctuation only separate words. Words that are all stop words or punctuation
        find nothing, as on PostgreSQL. See ``practices.search`` for the SQLite index.
        """
        text = " ".join(text.split())[:200]
        if not text:
            return self
        if not search_terms(text):
            return self.none()
        if connections[self.db].vendor == "postgresql":
            query = SearchQuery(text, config=POSTGRES_SEARCH_CONFIG, search_type="plain")
            # The stored generated column from migration 0005, indexed with GIN.
            vector = RawSQL("practices_practice.search_vector", [], output_field=SearchVectorField())
            matches = self.annotate(search_vector=vector).filter(search_vector=query)
            if not self._is_common(text):
                # An order the list's btree index cannot give, so that PostgreSQL reads a rarer term's
                # matches through the GIN index (a bitmap scan) and sorts them, rather than walking the btree newest
                # first and testing every practice's text until enough match. Equal to published_at here:
                # a published practice has its date (constraint practice_published_has_date).
                matches = matches.annotate(newest=Coalesce("published_at", "created_at"))
                newest_first = ("-newest", "-pk")
            else:
                newest_first = ("-published_at", "-pk")
            # Planned for the term each time: how to find its newest matches depends on how common it is, and
            # a prepared statement's generic plan, one for every term, could be the wrong one for most.
            return self._among_newest(matches, newest_first).annotate(
                search_rank=SearchRank(vector, query)
            ).order_by("-search_rank", "-published_at", "-pk").unprepared()
        expression = match_expression(text)
        matches = self.filter(pk__in=RawSQL(
            "SELECT rowid FROM practices_practice_fts WHERE practices_practice_fts MATCH %s", [expression]
        ))
        # Joined, so that FTS5 runs the query once for all rows; bm25() weighs title, summary and the rest
        # 1.0, 0.4 and 0.2, as ts_rank weighs A, B and C. It is lower for a better match: negated, it sorts
        # like PostgreSQL's rank.
        return self._among_newest(matches).extra(
            tables=["practices_practice_fts"],
            where=["practices_practice_fts.rowid = practices_practice.id", "practices_practice_fts MATCH %s"],
            params=[expression],
            select={"search_rank": "-bm25(practices_practice_fts, 1.0, 0.4, 0.2)"},
        ).order_by("-search_rank", "-published_at", "-pk")

    def _is_common(self, text: str) -> bool:
        """Whether walking the list's index finds the query's newest matches more cheaply than the GIN index
        (``is_common_term``, from PostgreSQL's estimates), kept a few minutes per query in the process (like the
        stems): a word's frequency changes slowly, and this only chooses how to find the same matches. In the
        process rather than the cache: no round trip, and it works without a cache."""
        now = time.monotonic()
        known = _search_estimates.get(text)
        if known is not None and known[0] > now:
            return known[1]
        if len(_search_estimates) >= SEARCH_ESTIMATES_KEPT:
            _search_estimates.clear()
        estimates = self._planned_matches(text)
        # A plan of another shape than expected: the walk's query, where PostgreSQL chooses its own plan.
        common = estimates is None or is_common_term(*estimates)
        _search_estimates[text] = (now + SEARCH_ESTIMATE_SECONDS, common)
        return common

    def _planned_matches(self, text: str) -> tuple[int, int] | None:
        """PostgreSQL's estimates of the practices whose text matches and of all practices: planned, not run
        (about a millisecond), in one statement whose two parts the plan gives apart (``union_estimates``)."""
        with unprepared(self.db), connections[self.db].cursor() as cursor:
            cursor.execute(
                "EXPLAIN (FORMAT JSON) SELECT 1 FROM practices_practice"
                " WHERE search_vector @@ plainto_tsquery(%s::regconfig, %s)"
                " UNION ALL SELECT 1 FROM practices_practice",
                [POSTGRES_SEARCH_CONFIG, text],
            )
            plan = cursor.fetchone()[0]
        if isinstance(plan, str):
            plan = json.loads(plan)
        return union_estimates(plan)

    def _among_newest(self, matches, newest_first=("-published_at", "-pk")):
        """The practices to rank: a common word can match most practices, so only the newest matches, chosen by
        a subquery of the same query (one more than the limit, so that the list's capped count can tell "100+"
        from exactly 100). Every row carries how many there are as ``search_match_count`` (a window count over
        the result), so the list need not count them apart (``core.pagination.RowCountPaginator``). SQLite
        refuses FTS5's bm25() in a query with a window function: there the rows carry the number of the newest
        matches (the subquery counted, once per query), which is the same while no filter follows the search
        (``PracticeFilter`` searches last).

        The subquery is compiled on its own rather than passed as a queryset: Django would give the table an
        alias inside it, and the raw references to its columns (the search vector, the FTS5 join) name the
        table itself. Inside it, that name is the subquery's own table.
        """
        newest = matches.order_by(*newest_first).values("pk")[:SEARCH_RESULT_LIMIT + 1]
        sql, params = newest.query.get_compiler(self.db).as_sql()
        # ``sql`` is Django's own compilation; whatever the user typed is in ``params``, never in the text.
        params = list(params)
        if connections[self.db].vendor == "postgresql":
            count = models.Window(models.Count("*"))
        else:
            count = RawSQL(f"SELECT COUNT(*) FROM ({sql})", params,  # noqa: S608, S611 - see above
                           output_field=models.IntegerField())
        return self.extra(where=[f"practices_practice.id IN ({sql})"], params=params).annotate(  # noqa: S610
            search_match_count=count
        )


class Practice(RegionallyModerated, models.Model):
    class SchoolType(models.TextChoices):
        PO = "po", _("Primary education")
        VO = "vo", _("Secondary education")
        SO = "so", _("Special education")
        IKC = "ikc", _("Integral child centre")
        CHILDCARE = "kinderopvang", _("Childcare")
        OTHER = "anders", _("Other")

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=220, unique=True)
    summary = models.TextField(_("summary"), max_length=600)
    school_type = models.CharField(_("school type"), max_length=20, choices=SchoolType.choices)
    setting = models.CharField(
        _("setting"), max_length=200, blank=True, help_text=_("For example: city district, village, pupils.")
    )
    context = models.TextField(_("context"), blank=True)
    approach = models.TextField(_("approach"))
    results = models.TextField(_("results"), blank=True)
    pitfalls = models.TextField(_("pitfalls"), blank=True)
    practical_tips = models.TextField(_("practical tips"), blank=True)
    themes = models.ManyToManyField(Theme, verbose_name=_("themes"), related_name="practices")
    mechanisms = models.ManyToManyField(
        Mechanism, verbose_name=_("boundary-crossing mechanisms"), related_name="practices", blank=True
    )
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="practices",
    )
    coalition = models.ForeignKey(
        Coalition, verbose_name=_("coalition"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="practices",
    )
    region = models.ForeignKey(
        Region, verbose_name=_("region"), on_delete=models.PROTECT, related_name="practices"
    )
    contact_name = models.CharField(_("contact person"), max_length=150, blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("author"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="practices",
    )
    state = models.CharField(
        _("state"), max_length=20, choices=ModerationState.choices, default=ModerationState.DRAFT
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = PracticeQuerySet.as_manager()

    class Meta:
        verbose_name = _("practice example")
        verbose_name_plural = _("practice examples")
        ordering = ["-published_at", "-pk"]
        indexes = [
            # The list's order, newest first, with the id as tie-breaker so no sort step is needed.
            models.Index(fields=["state", "-published_at", "-id"], name="practice_published_list_idx"),
            models.Index(fields=["region", "state", "-published_at", "-id"], name="practice_region_list_idx"),
            # The capped count of a region filtered by theme and more (school type, ...): a merge join on the id
            # with the theme index (migration 0008) stops at the cap instead of hashing the whole region. Theme
            # and region alone are counted from the theme's rows (``practices.theme_rows``).
            models.Index(fields=["region", "state", "id"], name="practice_region_id_idx"),
            models.Index(fields=["state", "id"], name="practice_state_id_idx"),  # the same, by theme alone
            # A coalition's newest practices (its page shows six): read in order, no sort of all its practices.
            models.Index(fields=["coalition", "state", "-published_at", "-id"], name="practice_coalition_list_idx"),
            models.Index(fields=["school_type", "state"], name="practice_schooltype_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(state="published") | models.Q(published_at__isnull=False),
                name="practice_published_has_date",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("practices:detail", kwargs={"slug": self.slug})


class PracticeThemeRow(models.Model):
    """A row of ``Practice.themes``' table as the lists count it: with its practice's region, state and date, copied
    there by database triggers (``practices.theme_rows``). Read only; Django writes the rows through
    ``Practice.themes`` and the triggers fill the copy."""

    practice = models.ForeignKey(Practice, on_delete=models.DO_NOTHING, related_name="+")
    theme = models.ForeignKey(Theme, on_delete=models.DO_NOTHING, related_name="+")
    region = models.ForeignKey(Region, on_delete=models.DO_NOTHING, null=True, related_name="+")
    state = models.CharField(max_length=20, null=True)
    published_at = models.DateTimeField(null=True)

    class Meta:
        managed = False
        db_table = "practices_practice_themes"

    def __str__(self) -> str:
        return f"{self.practice_id}:{self.theme_id}"


class PracticeLink(models.Model):
    practice = models.ForeignKey(Practice, on_delete=models.CASCADE, related_name="links")
    title = models.CharField(_("title"), max_length=200)
    url = models.URLField(_("URL"), max_length=500)

    class Meta:
        verbose_name = _("link")
        verbose_name_plural = _("links")
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.title


class PracticeAttachment(models.Model):
    practice = models.ForeignKey(Practice, on_delete=models.CASCADE, related_name="attachments")
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(_("file"), upload_to="practices/%Y/%m/")
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        """Through a view that checks the practice is visible to the requester; /media/ is not served."""
        return reverse("practices:attachment", kwargs={
            "slug": self.practice.slug, "pk": self.pk, "filename": self.filename})

    @property
    def filename(self) -> str:
        return PurePosixPath(self.file.name).name


class TipQuerySet(RegionalModeratedQuerySet):
    def for_list(self):
        """Tips with their themes and the practice example and events they came from, to link to them: only
        the columns the list shows."""
        # The events app sits a floor above: its model is reached through the relation, not imported.
        event_model = self.model._meta.get_field("events").related_model
        return (
            self.select_related("practice")
            .only("title", "body", "source", "region_id", "state", "published_at",
                  "practice__title", "practice__slug", "practice__state")
            .prefetch_related(
                Prefetch("themes", queryset=Theme.objects.only("name", "slug", "position")),
                Prefetch("events", queryset=event_model.objects.only("title", "slug", "state")),
            )
        )


class Tip(RegionallyModerated, models.Model):
    class Source(models.TextChoices):
        EDITORS = "redactie", _("Editors")
        PRACTICE = "praktijk", _("Practice example")
        EVENT = "bijeenkomst", _("Event")
        MEMBER = "lid", _("Member")

    title = models.CharField(_("title"), max_length=120)
    body = models.TextField(_("text"), max_length=1500)
    themes = models.ManyToManyField(Theme, verbose_name=_("themes"), related_name="tips", blank=True)
    source = models.CharField(_("source"), max_length=20, choices=Source.choices, default=Source.EDITORS)
    practice = models.ForeignKey(
        Practice, verbose_name=_("practice example"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="tips",
    )
    region = models.ForeignKey(
        Region, verbose_name=_("region"), null=True, blank=True, on_delete=models.SET_NULL, related_name="tips"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("author"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="tips",
    )
    state = models.CharField(
        _("state"), max_length=20, choices=ModerationState.choices, default=ModerationState.DRAFT
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = TipQuerySet.as_manager()

    class Meta:
        verbose_name = _("tip")
        verbose_name_plural = _("tips")
        ordering = ["-published_at", "-pk"]
        indexes = [models.Index(fields=["state", "-published_at", "-id"], name="tip_published_list_idx")]

    def __str__(self) -> str:
        return self.title

    @property
    def source_practice(self) -> Practice | None:
        """The practice example the tip came from, if the public may see it."""
        practice = self.practice
        return practice if practice is not None and practice.state == ModerationState.PUBLISHED else None

    @property
    def source_events(self) -> list:
        """The events the tip came from that the public may see (prefetch "events" in lists)."""
        return [event for event in self.events.all() if event.state == ModerationState.PUBLISHED]


class AdoptionQuerySet(RegionalModeratedQuerySet):
    def for_practice_page(self):
        return self.select_related("region", "coalition").order_by("-tried_on", "-pk")

    def results_summary(self) -> dict[str, int]:
        """In one query: ``total`` and the number per result value (``werkte``, ``deels``, ``werkte_niet``)."""
        return self.aggregate(
            total=models.Count("pk"),
            **{value: models.Count("pk", filter=models.Q(result=value)) for value in Adoption.Result.values},
        )


class Adoption(RegionallyModerated, models.Model):
    """"Wij doen dit ook": a member's school, organisation or coalition tried a practice example, and how it went."""

    class Result(models.TextChoices):
        WORKED = "werkte", _("Worked")
        PARTLY = "deels", _("Partly worked")
        DID_NOT_WORK = "werkte_niet", _("Did not work")

    # Short and written once: a coordinator publishes or rejects it; there is no edit page to send it back to.
    MODERATION_ACTIONS = ("submit", "publish", "reject", "hide", "unhide")

    practice = models.ForeignKey(
        Practice, verbose_name=_("practice example"), on_delete=models.CASCADE, related_name="adoptions"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("author"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="adoptions",
    )
    organisation_name = models.CharField(_("school or organisation"), max_length=200)
    coalition = models.ForeignKey(
        Coalition, verbose_name=_("coalition"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="adoptions",
    )
    # The month is what matters; a date entered as a month is stored as its first day.
    tried_on = models.DateField(_("tried in"))
    school_type = models.CharField(_("school type"), max_length=20, choices=Practice.SchoolType.choices)
    setting = models.CharField(
        _("setting"), max_length=200, blank=True, help_text=_("For example: city district, village, pupils.")
    )
    region = models.ForeignKey(
        Region, verbose_name=_("region"), on_delete=models.PROTECT, related_name="adoptions"
    )
    changes = models.TextField(_("what you changed"), max_length=2000)
    result = models.CharField(_("result"), max_length=20, choices=Result.choices)
    lesson = models.TextField(_("lesson"), max_length=600)
    state = models.CharField(
        _("state"), max_length=20, choices=ModerationState.choices, default=ModerationState.DRAFT
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = AdoptionQuerySet.as_manager()

    class Meta:
        verbose_name = _("adoption")
        verbose_name_plural = _("adoptions")
        ordering = ["-tried_on", "-pk"]
        indexes = [
            models.Index(fields=["practice", "state"], name="adoption_practice_state_idx"),
            models.Index(fields=["region", "state"], name="adoption_region_state_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(state="published") | models.Q(published_at__isnull=False),
                name="adoption_published_has_date",
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation_name} — {self.practice}"

    def get_absolute_url(self) -> str:
        return f"{self.practice.get_absolute_url()}#uitgeprobeerd-{self.pk}"
