"""Demo data for the later stories (the coordinator's cockpit, work-visit profiles, the tools register,
adoptions), as loader steps mixed into ``demo.loader._Loader``, which provides ``ensure``, ``link``, the loaded
objects and the counts."""

from __future__ import annotations

from datetime import timedelta

from coalitions.models import Theme, VisitProfile
from demo.data.adoptions import ADOPTIONS
from demo.data.cockpit import WAITING_PRACTICES, WAITING_TIPS, cockpit_events
from demo.data.taxonomy import THEMES
from demo.data.tools import TOOLS
from demo.data.visits import VISIT_PROFILES, host_requests
from demo.plan import Plan, clock_time, local_datetime
from events.models import Event, ProgrammeItem
from moderation.models import ModerationLogEntry, ModerationState
from practices.models import Adoption, Practice, Tip
from tools.models import Tool


class LaterStories:
    # -- events of the later stories ---------------------------------------------------------------------------

    def load_themes_and_programme(self, found: dict, fresh: list[dict]) -> None:
        """The themes and programme of newly loaded events."""
        self.link(Event.themes, [(found[s["slug"]].pk, self.themes[t].pk) for s in fresh for t in s["themes"]])
        items = [
            ProgrammeItem(event=found[s["slug"]], starts_at=clock_time(start), ends_at=clock_time(end),
                          title=title, speaker=speaker, description=description)
            for s in fresh for start, end, title, speaker, description in s["programme"]
        ]
        ProgrammeItem.objects.bulk_create(items)
        self.counts["programme_items"] += len(items)

    def load_host_requests(self, plan: Plan) -> None:
        """A work visit whose host has not answered yet (demo/data/visits.py)."""
        specs = host_requests(self.today, self.now)
        found, new = self.ensure("events", Event, "slug", [self.event_row(s) for s in specs])
        self.events.update(found)
        fresh = [s for s in specs if s["slug"] in new]
        self.load_themes_and_programme(found, fresh)

    # -- the coordinator's cockpit (demo/data/cockpit.py) -----------------------------------------------------

    def load_cockpit(self, plan: Plan) -> None:
        """Reported events with overdue agreements, and submissions that have waited longer than a week."""
        specs = cockpit_events(self.today, self.now)
        found, new = self.ensure("events", Event, "slug", [self.event_row(s) for s in specs])
        self.events.update(found)
        fresh = [s for s in specs if s["slug"] in new]
        self.load_themes_and_programme(found, fresh)
        self.load_reports(fresh)

        practices, new = self.ensure("practices", Practice, "slug", [
            {**fields, "organisation": self.organisations[fields["organisation"]],
             "coalition": self.coalitions[fields["coalition"]], "region": self.regions[fields["region"]],
             "author": self.users[fields["author"]], "school_type": Practice.SchoolType.PO,
             "state": ModerationState.SUBMITTED}
            for _days, fields in WAITING_PRACTICES
        ])
        self.link(Practice.themes, [(practices[fields["slug"]].pk, self.themes[THEMES[0][0]].pk)
                                    for _days, fields in WAITING_PRACTICES if fields["slug"] in new])
        tips, new_tips = self.ensure("tips", Tip, "title", [
            {"title": title, "body": body, "source": Tip.Source.MEMBER, "region": self.regions[region],
             "author": self.users[author], "state": ModerationState.SUBMITTED}
            for _days, title, body, region, author in WAITING_TIPS
        ])
        # The submission is logged like any other, dated when it was made: the cockpit counts the wait from it.
        waiting = [(days, practices[fields["slug"]], fields["author"])
                   for days, fields in WAITING_PRACTICES if fields["slug"] in new]
        waiting += [(days, tips[title], author) for days, title, _, _, author in WAITING_TIPS if title in new_tips]
        for days, item, author in waiting:
            entry = ModerationLogEntry.objects.create(
                item=item, actor=self.users[author], from_state=ModerationState.DRAFT,
                to_state=ModerationState.SUBMITTED, comment="Ingediend via het formulier.")
            ModerationLogEntry.objects.filter(pk=entry.pk).update(created_at=self.now - timedelta(days=days))
            self.counts["moderation_log_entries"] += 1

    def load_visit_profiles(self, plan: Plan) -> None:
        """What the seed coalitions can show and want to learn; a coalition with a profile keeps it as it is."""
        existing = set(VisitProfile.objects.values_list("coalition_id", flat=True))
        themes = {t.slug: t for t in Theme.objects.all()}
        for slug, offer, offer_themes, wish, wish_themes in VISIT_PROFILES:
            coalition = self.coalitions[slug]
            if coalition.pk in existing:
                continue
            profile = VisitProfile.objects.create(coalition=coalition, offer=offer, wish=wish)
            profile.offer_themes.set([themes[t] for t in offer_themes])
            profile.wish_themes.set([themes[t] for t in wish_themes])
            self.counts["visit_profiles"] += 1

    def load_tools(self, plan: Plan) -> None:
        """The shared tools register, with the Den Haag planner that several coalitions use."""
        rows = [
            {"slug": t["slug"], "name": t["name"], "description": t["description"],
             "developer": self.coalitions[t["developer"]], "developer_organisation": t["developer_organisation"],
             "status": t["status"], "url": t["url"], "contact_name": t["contact"][0],
             "contact_email": t["contact"][1], "author": self.users[t["author"]], "state": t["state"],
             "published_at": (local_datetime(self.today - timedelta(days=10 + 7 * position), "10:00")
                              if t["state"] == ModerationState.PUBLISHED else None)}
            for position, t in enumerate(TOOLS)
        ]
        tools, new = self.ensure("tools", Tool, "slug", rows)
        fresh = [t for t in TOOLS if t["slug"] in new]
        self.link(Tool.themes, [(tools[t["slug"]].pk, self.themes[s].pk) for t in fresh for s in t["themes"]])
        self.link(Tool.users, [(tools[t["slug"]].pk, self.coalitions[s].pk) for t in fresh for s in t["users"]])

    def load_adoptions(self, plan: Plan) -> None:
        """Who tried which practice example; an experience that is already there is left as it is."""
        for (slug, organisation, author, coalition, months_ago, school_type, setting, region, changes, result,
             lesson, published) in ADOPTIONS:
            practice = Practice.objects.filter(slug=slug).first()
            if practice is None:
                continue
            tried_on = (self.today.replace(day=1) - timedelta(days=31 * months_ago)).replace(day=1)
            _adoption, created = Adoption.objects.get_or_create(
                practice=practice, organisation_name=organisation,
                defaults={
                    "author": self.users[author], "coalition": self.coalitions[coalition] if coalition else None,
                    "tried_on": tried_on, "school_type": school_type, "setting": setting,
                    "region": self.regions[region], "changes": changes, "result": result, "lesson": lesson,
                    "state": ModerationState.PUBLISHED if published else ModerationState.SUBMITTED,
                    "published_at": self.now - timedelta(days=20 * months_ago) if published else None,
                },
            )
            self.counts["adoptions"] += int(created)
