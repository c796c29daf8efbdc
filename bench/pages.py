"""The pages the HTTP benchmark loads, with their paths and (for logged-in pages) one session per connection.

    DJANGO_SETTINGS_MODULE=kennisportaal.settings python -m bench.pages --connections 16 --terms 50 > plan.json

Runs with the same environment as the server (the sessions are written where the server reads them). Prints
a JSON list of ``{"name", "kind", "paths", "cookies"}``; ``kind`` is ``bare``, ``anonymous``, ``search`` or
``logged_in``. Detail pages rotate over objects spread over their table, search over terms from the data.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from urllib.parse import quote

DETAIL_OBJECTS = 50


def search_terms(count: int) -> list[str]:
    """Words of the data set's titles and sentences: the most common and the rarest, alternating."""
    from bench.vocabulary import PLACE_KINDS, PRACTICE_TITLES, SENTENCES, THEMES

    words = Counter()
    for line in [*PRACTICE_TITLES, *SENTENCES, *PLACE_KINDS, *(str(t) for t in THEMES)]:
        for word in re.findall(r"[a-zà-ÿ]{5,}", re.sub(r"\{[a-z_]+\}", "", str(line)).lower()):
            words[word] += 1
    ranked = [word for word, _ in sorted(words.items(), key=lambda item: (-item[1], item[0]))]
    common, rare = ranked[: len(ranked) // 2], list(reversed(ranked[len(ranked) // 2:]))
    mixed = [word for pair in zip(common, rare, strict=False) for word in pair]
    return mixed[:count]


def spread(queryset, count: int = DETAIL_OBJECTS) -> list:
    """Every k-th pk of a queryset: deterministic and spread over the table."""
    ids = list(queryset.order_by("pk").values_list("pk", flat=True))
    step = max(len(ids) // count, 1)
    return ids[::step][:count]


def session_cookies(users: list) -> list[str]:
    """A fresh session per user, written as ``django.contrib.auth.login`` would."""
    from importlib import import_module

    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.base import SessionBase

    store: type[SessionBase] = import_module(settings.SESSION_ENGINE).SessionStore
    cookies = []
    for user in users:
        session = store()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.save()
        cookies.append(f"{settings.SESSION_COOKIE_NAME}={session.session_key}")
    return cookies


def plan(connections: int = 16, terms: int = 50, logged_in: bool = True) -> list[dict]:
    from django.db.models import Count
    from django.urls import reverse
    from django.utils import timezone

    from accounts.models import User
    from coalitions.models import Coalition, CoalitionMembership, Region, RegionCoordinator, Theme
    from events.models import Event
    from practices.models import Practice

    practices = list(Practice.objects.published().filter(pk__in=spread(Practice.objects.published()))
                     .values_list("slug", flat=True))
    coalitions = list(Coalition.objects.filter(pk__in=spread(Coalition.objects.all()))
                      .values_list("slug", flat=True))
    now = timezone.now()
    published = Event.objects.published()
    event_ids = (spread(published.filter(ends_at__gte=now), DETAIL_OBJECTS // 2)
                 + spread(published.filter(ends_at__lt=now), DETAIL_OBJECTS // 2))
    events = list(Event.objects.filter(pk__in=event_ids).values_list("slug", flat=True))
    theme = Theme.objects.annotate(n=Count("practices")).order_by("-n", "slug").values_list("slug", flat=True)[0]
    region = Region.objects.annotate(n=Count("practices")).order_by("-n", "slug").values_list("slug", flat=True)[0]
    practices_url = reverse("practices:list")
    result = [
        {"name": "home", "paths": [reverse("home")]},
        {"name": "practices list", "paths": [practices_url]},
        {"name": "practices theme+region", "paths": [f"{practices_url}?theme={theme}&region={region}"]},
        {"name": "practice detail", "paths": [reverse("practices:detail", args=[s]) for s in practices]},
        {"name": "events list", "paths": [reverse("events:list")]},
        {"name": "event detail", "paths": [reverse("events:detail", args=[s]) for s in events]},
        {"name": "coalition detail", "paths": [reverse("coalition_detail", args=[s]) for s in coalitions]},
        {"name": "tips", "paths": [reverse("practices:tips")]},
        {"name": "visit chains", "paths": [reverse("visit_chains")]},
        {"name": "tools register", "paths": [reverse("tools:list")]},
    ]
    for page in result:
        page["kind"] = "anonymous"
    result.append({"name": "search", "kind": "search",
                   "paths": [f"{practices_url}?q={quote(term)}" for term in search_terms(terms)]})
    result.insert(0, {"name": "bare view", "kind": "bare", "paths": ["/bench-hello/"]})
    if logged_in:
        members = list(User.objects.filter(memberships__isnull=False, is_active=True).distinct().order_by("pk")
                       [:connections])
        coordinators = list(RegionCoordinator.objects.select_related("user", "region").order_by("pk"))
        busiest = (Event.objects.published().annotate(n=Count("registrations")).filter(n__gt=0)
                   .order_by("-n", "pk").values_list("slug", "organiser_id")[:DETAIL_OBJECTS])
        leaders = {m.coalition_id: m.user for m in CoalitionMembership.objects.select_related("user").filter(
            role=CoalitionMembership.Role.PROJECT_LEADER, coalition_id__in=[o for _, o in busiest])}
        managed = [(slug, leaders[o]) for slug, o in busiest if o in leaders][:connections]

        def per_connection(items):
            return [items[i % len(items)] for i in range(connections)] if items else []

        chosen = per_connection(coordinators)
        result += [
            {"name": "my portal", "paths": [reverse("my_portal")], "cookies": session_cookies(members)},
            {"name": "region cockpit", "cookies": session_cookies([c.user for c in chosen]),
             "paths": [reverse("region_overview", args=[c.region.slug]) for c in chosen]},
            {"name": "moderation queue", "paths": [reverse("moderation_queue")],
             "cookies": session_cookies([c.user for c in chosen])},
        ]
        chosen_events = per_connection(managed)
        result.append({"name": "event registrations", "cookies": session_cookies([u for _, u in chosen_events]),
                       "paths": [reverse("events:registrations", args=[s]) for s, _ in chosen_events]})
        for page in result[-4:]:
            page["kind"] = "logged_in"
            page["per_connection"] = True
    return result


def counts() -> dict[str, int]:
    """Row counts of the data set, for the results."""
    from django.apps import apps

    names = ["coalitions.Coalition", "accounts.User", "practices.Practice", "events.Event", "events.Registration",
             "events.FollowUpAgreement", "practices.Adoption", "tools.Tool", "practices.Tip"]
    return {name.split(".")[1].lower(): apps.get_model(name).objects.count() for name in names}


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--terms", type=int, default=50)
    parser.add_argument("--anonymous-only", action="store_true")
    args = parser.parse_args(argv)
    import django

    django.setup()
    json.dump({"pages": plan(args.connections, args.terms, not args.anonymous_only), "counts": counts()},
              sys.stdout)


if __name__ == "__main__":
    main()
