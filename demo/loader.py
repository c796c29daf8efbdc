"""Writes the demo plan to the database, idempotently: only what is missing is added."""

from __future__ import annotations

import time as clock
from datetime import date, datetime, timedelta
from typing import Any, TextIO

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password
from django.db import models, transaction
from django.utils import timezone

from accounts.models import User
from coalitions.models import (
    Coalition,
    CoalitionMembership,
    HelpRequest,
    LearningNetwork,
    MemberProfile,
    Municipality,
    Organisation,
    Province,
    Region,
    RegionCoordinator,
    Theme,
)
from demo.data import AMS
from demo.data.events import curated_events, network_year
from demo.data.people import (
    COORDINATORS,
    DEMO_FOLLOWS,
    DEMO_MEMBER_SINCE_DAYS,
    DEMO_MEMBERSHIPS,
    DEMO_PASSWORD,
    DEMO_USERS,
    DOMAIN,
    MEMBER_EMAIL,
    STAFF_EMAIL,
)
from demo.data.practices import CURATED_PRACTICES
from demo.data.taxonomy import MUNICIPALITIES, REGIONS, THEMES
from demo.data.tips import TIPS
from demo.plan import Plan, build_plan, clock_time, local_datetime, workday
from demo.stories import LaterStories
from events.models import Event, EventReport, FollowUpAgreement, ProgrammeItem, Registration, Stand
from moderation.models import ModerationLogEntry, ModerationState
from practices.models import Mechanism, Practice, PracticeLink, Tip

COUNT_KEYS = (
    "provinces",
    "regions",
    "themes",
    "municipalities",
    "users",
    "email_addresses",
    "region_coordinators",
    "organisations",
    "coalitions",
    "memberships",
    "member_profiles",
    "learning_networks",
    "practices",
    "practice_links",
    "moderation_log_entries",
    "tips",
    "events",
    "programme_items",
    "stands",
    "registrations",
    "event_reports",
    "agreements",
    "help_requests",
    "visit_profiles",
    "adoptions",
    "tools",
)


def load_demo_data(
    *, now: datetime | None = None, verbosity: int = 1, stdout: TextIO | None = None
) -> dict[str, int]:
    """Create the demo world and return how many objects of each kind were created.

    Safe to run again: existing rows (found by slug, email or another natural key) are left exactly as
    they are and only what is missing is added, so a second run creates nothing. Dates are relative to
    `now` (default: the current time) at the first load.
    """
    now = now or timezone.now()
    if timezone.is_naive(now):
        now = timezone.make_aware(now, AMS)
    loader = _Loader(now=now, verbosity=verbosity, stdout=stdout)
    with transaction.atomic():
        loader.run()
    return dict(loader.counts)


class _Loader(LaterStories):
    def __init__(self, *, now: datetime, verbosity: int, stdout: TextIO | None):
        self.now = timezone.localtime(now, AMS)
        self.today = self.now.date()
        self.verbosity = verbosity
        self.stdout = stdout
        self.counts: dict[str, int] = dict.fromkeys(COUNT_KEYS, 0)

    # -- plumbing -----------------------------------------------------------------------------------

    def log(self, message: str) -> None:
        if self.stdout is not None and self.verbosity >= 2:
            self.stdout.write(message + "\n")

    def ensure(self, key: str, model: type[models.Model], field: str, rows: list[dict[str, Any]]):
        """Insert the rows whose natural key is missing; return ({key: object}, {keys created})."""
        values = [row[field] for row in rows]
        found = {getattr(obj, field): obj for obj in model.objects.filter(**{f"{field}__in": values})}
        new = [model(**row) for row in rows if row[field] not in found]
        if new:
            model.objects.bulk_create(new)
            self.counts[key] += len(new)
        created = set()
        for obj in new:
            found[getattr(obj, field)] = obj
            created.add(getattr(obj, field))
        return found, created

    @staticmethod
    def link(descriptor, pairs) -> None:
        """Bulk-insert many-to-many rows (only ever for objects created in this run)."""
        through = descriptor.through
        source = descriptor.field.m2m_field_name()
        target = descriptor.field.m2m_reverse_field_name()
        unique_pairs = list(dict.fromkeys(pairs))
        through.objects.bulk_create(
            [through(**{f"{source}_id": a, f"{target}_id": b}) for a, b in unique_pairs]
        )

    def run(self) -> None:
        plan = build_plan()
        for label, step in [
            ("taxonomieën", self.load_taxonomy),
            ("gebruikers", self.load_users),
            ("organisaties en coalities", self.load_network),
            ("leernetwerken", self.load_learning_networks),
            ("praktijkvoorbeelden", self.load_practices),
            ("tips", self.load_tips),
            ("bijeenkomsten", self.load_events),
            ("hulpvragen", self.load_help_requests),
            ("werkbezoekprofielen", self.load_visit_profiles),
            ("cockpit", self.load_cockpit),
            ("verzoeken om gastheer te zijn", self.load_host_requests),
            ("gedeelde tools", self.load_tools),
            ("wij doen dit ook", self.load_adoptions),
        ]:
            started = clock.monotonic()
            step(plan)
            self.log(f"  {label}: {clock.monotonic() - started:.2f} s")

    # -- taxonomy -----------------------------------------------------------------------------------

    def load_taxonomy(self, plan: Plan) -> None:
        self.provinces, _ = self.ensure("provinces", Province, "name",
                                        [{"name": province} for province, _ in MUNICIPALITIES])
        self.regions, new_regions = self.ensure(
            "regions", Region, "slug",
            [{"slug": slug, "name": name, "description": description} for slug, name, description, _ in REGIONS],
        )
        self.link(Region.provinces, [
            (self.regions[slug].pk, self.provinces[province].pk)
            for slug, _, _, provinces in REGIONS if slug in new_regions for province in provinces
        ])
        self.themes, _ = self.ensure("themes", Theme, "slug", [
            {"slug": slug, "name": name, "description": description, "position": position}
            for position, (slug, name, description) in enumerate(THEMES)
        ])
        self.municipalities, _ = self.ensure("municipalities", Municipality, "name", [
            {"name": place, "province": self.provinces[province]}
            for province, places in MUNICIPALITIES for place in places
        ])
        self.mechanisms = {m.slug: m for m in Mechanism.objects.all()}

    # -- users --------------------------------------------------------------------------------------

    def load_users(self, plan: Plan) -> None:
        frequencies = {email: frequency for email, frequency, *_rest in DEMO_FOLLOWS}
        joined = self.now - timedelta(days=DEMO_MEMBER_SINCE_DAYS)
        rows = [
            {"email": user.email, "full_name": user.full_name, "job_function": user.job_function,
             "organisation_name": user.organisation_name, "is_staff": user.email == STAFF_EMAIL,
             "is_superuser": user.email == STAFF_EMAIL, "date_joined": joined,
             "digest_frequency": frequencies.get(user.email, User.DigestFrequency.WEEKLY)}
            for user in DEMO_USERS
        ]
        rows += [
            {"email": p["email"], "full_name": p["full_name"], "job_function": p["job_function"],
             "digest_frequency": User.DigestFrequency.NEVER}
            for p in plan.participants
        ]
        existing = set(User.objects.filter(email__in=[r["email"] for r in rows]).values_list("email", flat=True))
        if len(existing) < len(rows):
            # Hashing is slow on purpose; one hash serves every new demo account.
            password = make_password(DEMO_PASSWORD)
            for row in rows:
                row["password"] = password
        self.users, _ = self.ensure("users", User, "email", rows)

        user_ids = [user.pk for user in self.users.values()]
        addresses = set(EmailAddress.objects.filter(user_id__in=user_ids).values_list("user_id", "email"))
        with_primary = set(
            EmailAddress.objects.filter(user_id__in=user_ids, primary=True).values_list("user_id", flat=True)
        )
        new_addresses = [
            EmailAddress(user=user, email=user.email, verified=True, primary=user.pk not in with_primary)
            for user in self.users.values() if (user.pk, user.email) not in addresses
        ]
        EmailAddress.objects.bulk_create(new_addresses)
        self.counts["email_addresses"] += len(new_addresses)

        self.load_taxonomy_people()

    def load_taxonomy_people(self) -> None:
        wanted = [(self.regions[slug], self.users[email]) for slug, email in COORDINATORS]
        existing = set(RegionCoordinator.objects.filter(user__in=[u for _, u in wanted])
                       .values_list("region_id", "user_id"))
        new = [RegionCoordinator(region=region, user=user, public_email=user.email)
               for region, user in wanted if (region.pk, user.pk) not in existing]
        RegionCoordinator.objects.bulk_create(new)
        self.counts["region_coordinators"] += len(new)

    # -- organisations and coalitions -------------------------------------------------------------

    def load_network(self, plan: Plan) -> None:
        self.organisations, _ = self.ensure("organisations", Organisation, "slug", [
            {"slug": o["slug"], "name": o["name"], "kind": o["kind"],
             "municipality": self.municipalities[o["municipality"]], "description": o["description"],
             "website": o["website"]}
            for o in plan.organisations
        ])
        self.coalitions, new_coalitions = self.ensure("coalitions", Coalition, "slug", [
            {"slug": c["slug"], "name": c["name"], "region": self.regions[c["region"]],
             "description": c["description"], "contact_email": c["contact_email"]}
            for c in plan.coalitions
        ])
        fresh = [c for c in plan.coalitions if c["slug"] in new_coalitions]
        self.link(Coalition.municipalities, [
            (self.coalitions[c["slug"]].pk, self.municipalities[place].pk)
            for c in fresh for place in c["municipalities"]
        ])
        self.link(Coalition.partners, [
            (self.coalitions[c["slug"]].pk, self.organisations[slug].pk) for c in fresh for slug in c["partners"]
        ])

        wanted = [(email, slug, role) for email, slug, role in DEMO_MEMBERSHIPS]
        wanted += [(p["email"], p["coalition"], CoalitionMembership.Role.MEMBER) for p in plan.participants]
        users = [self.users[email] for email, _, _ in wanted]
        existing = set(CoalitionMembership.objects.filter(user__in=users).values_list("coalition_id", "user_id"))
        new = []
        for email, slug, role in wanted:
            coalition, user = self.coalitions[slug], self.users[email]
            if (coalition.pk, user.pk) not in existing:
                existing.add((coalition.pk, user.pk))
                new.append(CoalitionMembership(coalition=coalition, user=user, role=role))
        CoalitionMembership.objects.bulk_create(new)
        self.counts["memberships"] += len(new)
        self.load_follows()

    def load_follows(self) -> None:
        """What the demo members follow; a member who already has a profile keeps it as it is."""
        themes = {t.slug: t for t in Theme.objects.all()}
        for email, _frequency, region, theme_slugs, region_slugs, coalition_slugs in DEMO_FOLLOWS:
            profile, created = MemberProfile.objects.get_or_create(
                user=self.users[email], defaults={"region": self.regions[region]})
            if not created:
                continue
            profile.followed_themes.set([themes[slug] for slug in theme_slugs])
            profile.followed_regions.set([self.regions[slug] for slug in region_slugs])
            profile.followed_coalitions.set([self.coalitions[slug] for slug in coalition_slugs])
            self.counts["member_profiles"] += 1

    # -- learning networks ----------------------------------------------------------------------------

    def load_learning_networks(self, plan: Plan) -> None:
        year = network_year(self.today, self.now)
        january = date(year, 1, 1)
        started = january + timedelta(days=(3 - january.weekday()) % 7 + 7)  # second Thursday
        audiences = LearningNetwork.Audience
        self.networks, new = self.ensure("learning_networks", LearningNetwork, "slug", [
            {"slug": "leernetwerk-wethouders", "name": "Leernetwerk wethouders", "audience": audiences.ALDERMEN,
             "started_on": started,
             "description": "Wethouders uit alle windstreken wisselen uit hoe zij cultuur, sport, zorg en het "
                            "ruimtelijk domein betrekken bij de opgave om alle kinderen veilig, gezond en "
                            "kansrijk te laten opgroeien."},
            {"slug": "leernetwerk-schoolleiders", "name": "Leernetwerk schoolleiders",
             "audience": audiences.SCHOOL_LEADERS, "started_on": started,
             "description": "Schoolleiders uit het hele land delen goede voorbeelden, uitdagingen en "
                            "leerprocessen rond kansengelijkheid, van speciaal onderwijs tot dorpsschool."},
            {"slug": "leernetwerk-leraren", "name": "Leernetwerk leraren", "audience": audiences.TEACHERS,
             "started_on": started,
             "description": "Leraren spreken collega's uit andere contexten, horen sprekers en brengen wat "
                            "ze leren terug naar hun eigen school, bijvoorbeeld over cultureel responsief "
                            "lesgeven."},
        ])
        by_function = {
            User.Function.ALDERMAN: "leernetwerk-wethouders",
            User.Function.SCHOOL_LEADER: "leernetwerk-schoolleiders",
            User.Function.TEACHER: "leernetwerk-leraren",
        }
        pairs = []
        for user in self.users.values():
            slug = by_function.get(user.job_function)
            if slug in new:
                pairs.append((self.networks[slug].pk, user.pk))
        self.link(LearningNetwork.members, pairs)

    # -- practices ------------------------------------------------------------------------------------

    def load_practices(self, plan: Plan) -> None:
        rows = []
        for spec in CURATED_PRACTICES + plan.practices:
            state = spec.get("state", ModerationState.PUBLISHED)
            published_at = None
            if state == ModerationState.PUBLISHED:
                published_at = local_datetime(self.today - timedelta(days=spec["days_ago"]), (spec.get("hour", 10), 0))
            rows.append({
                "slug": spec["slug"], "title": spec["title"], "summary": spec["summary"],
                "school_type": spec["school_type"], "setting": spec["setting"], "context": spec["context"],
                "approach": spec["approach"], "results": spec["results"], "pitfalls": spec["pitfalls"],
                "practical_tips": spec["practical_tips"],
                "organisation": self.organisations[spec["organisation"]] if spec["organisation"] else None,
                "coalition": self.coalitions[spec["coalition"]] if spec["coalition"] else None,
                "region": self.regions[spec["region"]], "contact_name": spec["contact_name"],
                "author": self.users[spec["author"]] if spec.get("author") else None,
                "state": state, "published_at": published_at,
            })
        self.practices, new = self.ensure("practices", Practice, "slug", rows)
        fresh = [spec for spec in CURATED_PRACTICES + plan.practices if spec["slug"] in new]
        self.link(Practice.themes, [
            (self.practices[s["slug"]].pk, self.themes[t].pk) for s in fresh for t in s["themes"]
        ])
        self.link(Practice.mechanisms, [
            (self.practices[s["slug"]].pk, self.mechanisms[m].pk) for s in fresh for m in s["mechanisms"]
            if m in self.mechanisms
        ])
        links = [PracticeLink(practice=self.practices[s["slug"]], title=title, url=url)
                 for s in fresh for title, url in s["links"]]
        PracticeLink.objects.bulk_create(links)
        self.counts["practice_links"] += len(links)

        # Submitted examples wait in the coordinator's queue; their submission is logged like any other.
        log = [
            ModerationLogEntry(item=self.practices[s["slug"]], actor=self.users[s["author"]],
                               from_state=ModerationState.DRAFT, to_state=ModerationState.SUBMITTED,
                               comment="Ingediend vanuit het formulier ‘Deel je praktijkvoorbeeld’.")
            for s in fresh if s.get("state") == ModerationState.SUBMITTED
        ]
        ModerationLogEntry.objects.bulk_create(log)
        self.counts["moderation_log_entries"] += len(log)

    # -- tips -------------------------------------------------------------------------------------------

    def load_tips(self, plan: Plan) -> None:
        rows = [
            {"title": title, "body": body, "source": source,
             "practice": self.practices[practice] if practice else None,
             "region": self.regions[region] if region else None,
             "state": ModerationState.PUBLISHED,
             "published_at": local_datetime(self.today - timedelta(days=3 + 4 * position), "09:00")}
            for position, (title, body, _, source, practice, region) in enumerate(TIPS)
        ]
        self.tips, new = self.ensure("tips", Tip, "title", rows)
        self.link(Tip.themes, [
            (self.tips[title].pk, self.themes[theme].pk)
            for title, _, themes, *_ in TIPS if title in new for theme in themes
        ])

    # -- events -----------------------------------------------------------------------------------------

    def load_events(self, plan: Plan) -> None:
        specs = curated_events(self.today, self.now) + [self.generated_event(g) for g in plan.events]
        # Follow-ups point at earlier events, so those go in first.
        self.events: dict[str, Event] = {}
        created: set[str] = set()
        for batch in ([s for s in specs if not s.get("follows_on")], [s for s in specs if s.get("follows_on")]):
            found, new = self.ensure("events", Event, "slug", [self.event_row(s) for s in batch])
            self.events.update(found)
            created |= new
        fresh = [s for s in specs if s["slug"] in created]
        event = self.events
        self.link(Event.themes, [(event[s["slug"]].pk, self.themes[t].pk) for s in fresh for t in s["themes"]])
        self.link(Event.practices, [
            (event[s["slug"]].pk, self.practices[p].pk) for s in fresh for p in s.get("practices", [])
        ])
        self.link(Event.tips, [(event[s["slug"]].pk, self.tips[t].pk) for s in fresh for t in s.get("tips", [])])

        items = [
            ProgrammeItem(event=event[s["slug"]], starts_at=clock_time(start), ends_at=clock_time(end) if end else None,
                          title=title, speaker=speaker, description=description)
            for s in fresh for start, end, title, speaker, description in s["programme"]
        ]
        ProgrammeItem.objects.bulk_create(items)
        self.counts["programme_items"] += len(items)

        stands = []
        stand_themes = []
        for s in fresh:
            for number, (organisation, offer, themes) in enumerate(s.get("stands", []), start=1):
                stands.append(Stand(event=event[s["slug"]], organisation=self.organisations[organisation],
                                    offer=offer, number=number))
                stand_themes.append(themes)
        Stand.objects.bulk_create(stands)
        self.counts["stands"] += len(stands)
        self.link(Stand.themes, [
            (stand.pk, self.themes[t].pk) for stand, themes in zip(stands, stand_themes, strict=True) for t in themes
        ])

        self.load_registrations(fresh)
        self.load_reports(fresh)

    def event_row(self, s: dict[str, Any]) -> dict[str, Any]:
        opens, closes = s.get("window") or (s["starts_at"] - timedelta(days=42), s["starts_at"] - timedelta(days=1))
        return {
            "slug": s["slug"], "title": s["title"], "kind": s["kind"], "summary": s["summary"],
            "description": s["description"], "organiser": self.coalitions[s["organiser"]],
            "host": self.coalitions[s["host"]] if s.get("host") else None,
            # The demo's hosts agreed to their visits, but for the one request still waiting (demo/data/visits.py).
            "host_status": s.get("host_status", Event.HostStatus.ACCEPTED) if s.get("host")
            else Event.HostStatus.PENDING,
            "learning_network": self.networks[s["network"]] if s.get("network") else None,
            "follows_on": self.events[s["follows_on"]] if s.get("follows_on") else None,
            "starts_at": s["starts_at"], "ends_at": s["ends_at"], "venue_name": s.get("venue_name", ""),
            "address": s.get("address", ""), "city": s.get("city", ""), "online_url": s.get("online_url", ""),
            "capacity": s.get("capacity"), "registration_opens_at": opens, "registration_closes_at": closes,
            "audience": s.get("audience", ""), "state": ModerationState.PUBLISHED,
            "cancelled_at": s.get("cancelled_at"),
            "created_by": self.users[s["created_by"]] if s.get("created_by") else None,
        }

    def load_registrations(self, fresh: list[dict[str, Any]]) -> None:
        registrations = []
        for s in fresh:
            wanted = s.get("registrations", [])
            if not wanted:
                continue
            event = self.events[s["slug"]]
            first = event.registration_opens_at
            last = min(event.registration_closes_at, self.now)
            step = (last - first) / (len(wanted) + 1)
            for position, (email, status) in enumerate(wanted, start=1):
                created_at = first + step * position
                user = self.users[email]
                registrations.append(Registration(
                    event=event, user=user, status=status, created_at=created_at,
                    organisation_name=user.organisation_name,
                    job_function=user.get_job_function_display() if user.job_function else "",
                    cancelled_at=min(created_at + timedelta(days=1), last)
                    if status == Registration.Status.CANCELLED else None,
                ))
        Registration.objects.bulk_create(registrations)
        self.counts["registrations"] += len(registrations)

    def load_reports(self, fresh: list[dict[str, Any]]) -> None:
        with_report = [s for s in fresh if s.get("report")]
        reports = [
            EventReport(event=self.events[s["slug"]], summary=s["report"]["summary"],
                        insights=s["report"]["insights"], participant_count=s["report"].get("participants"),
                        author=self.users[s["report"]["author"]])
            for s in with_report
        ]
        EventReport.objects.bulk_create(reports)
        self.counts["event_reports"] += len(reports)
        self.link(EventReport.related_practices, [
            (report.pk, self.practices[p].pk)
            for report, s in zip(reports, with_report, strict=True) for p in s["report"].get("practices", [])
        ])
        agreements = []
        for s in with_report:
            for a in s["report"].get("agreements", []):
                status = a.get("status", FollowUpAgreement.Status.OPEN)
                agreements.append(FollowUpAgreement(
                    event=self.events[s["slug"]], description=a["what"],
                    owner=self.users[a["owner"]] if a.get("owner") else None,
                    owner_name=a.get("owner_name", ""), owner_email=a.get("owner_email", ""),
                    coalition=self.coalitions[a["coalition"]], due_date=a["due"], status=status,
                    done_note=a.get("note", ""), closed_at=a.get("closed_at"),
                ))
        FollowUpAgreement.objects.bulk_create(agreements)
        self.counts["agreements"] += len(agreements)

    # -- help requests ----------------------------------------------------------------------------------

    def load_help_requests(self, plan: Plan) -> None:
        requests = [
            ("noord", "Sanne Mulder", MEMBER_EMAIL, "IKC De Boomgaard, Veendam",
             "Wij willen samen met de bso een doorgaande lijn opzetten, maar de roosters sluiten niet op "
             "elkaar aan. Kennen jullie een school in de regio die dit al goed geregeld heeft?",
             self.users[MEMBER_EMAIL]),
            ("noord", "Pieter Postma", f"p.postma@basisschool-emmen.{DOMAIN}", "Basisschool in Emmen",
             "Onze coalitie wil een werkbezoek organiseren aan een andere regio. Kunnen jullie helpen een "
             "coalitie te vinden die met vergelijkbare vraagstukken werkt, zoals krimp en armoede?", None),
            ("zuidwest", "Hatice Yilmaz", f"h.yilmaz@schiedam.{DOMAIN}", "Gemeente Schiedam",
             "Hoe pakken andere gemeenten de aanwezigheidsaanpak aan samen met jeugdhulp?", None),
        ]
        for region, name, email, organisation, question, user in requests:
            _, created = HelpRequest.objects.get_or_create(
                region=self.regions[region], email=email,
                defaults={"name": name, "organisation": organisation, "question": question, "user": user},
            )
            self.counts["help_requests"] += int(created)

    def generated_event(self, g: dict[str, Any]) -> dict[str, Any]:
        day = workday(self.today + timedelta(days=g["offset"]))
        starts_at, ends_at = local_datetime(day, g["start"]), local_datetime(day, g["end"])
        spec = {key: g[key] for key in ("slug", "title", "kind", "summary", "description", "organiser", "host",
                                         "venue_name", "address", "city", "online_url", "capacity", "audience",
                                         "themes", "practices")}
        spec.update(starts_at=starts_at, ends_at=ends_at,
                    programme=_generated_programme(g, starts_at, ends_at))
        if g["cancelled"]:
            spec["cancelled_at"] = min(self.now - timedelta(days=2), starts_at - timedelta(days=1))
        return spec


def _generated_programme(g: dict[str, Any], starts_at: datetime, ends_at: datetime) -> list[tuple]:
    def hhmm(moment: datetime) -> str:
        return moment.strftime("%H:%M")

    if g["kind"] == Event.Kind.WEBINAR:
        return [(hhmm(starts_at), hhmm(ends_at), f"Livecast: {g['topic']} in de praktijk", g["speaker"], "")]
    welcome_end = starts_at + timedelta(minutes=30)
    closing_start = ends_at - timedelta(minutes=30)
    middle = welcome_end + min((closing_start - welcome_end) / 2, timedelta(minutes=75))
    middle = middle.replace(minute=(middle.minute // 15) * 15)
    work = {
        Event.Kind.WORK_VISIT: "Rondleiding en gesprekken op school",
        Event.Kind.TRAINING: "Oefenen met casussen uit de praktijk",
        Event.Kind.INTERVISION: "Casusbespreking in kleine groepen",
        Event.Kind.FESTIVAL: "Workshops en markt",
    }.get(g["kind"], "In gesprek in kleine groepen")
    return [
        (hhmm(starts_at), hhmm(welcome_end), "Ontvangst en kennismaking", "", ""),
        (hhmm(welcome_end), hhmm(middle), f"Inleiding: {g['topic']}", g["speaker"], ""),
        (hhmm(middle), hhmm(closing_start), work, "", ""),
        (hhmm(closing_start), hhmm(ends_at), "Vervolgafspraken maken", f"Projectleider {g['coalition_name']}", ""),
    ]
