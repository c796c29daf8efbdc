"""The plan: the curated demo world plus deterministic generated volume, in plain Python (no database)."""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta
from typing import Any, NamedTuple

from django.utils.text import slugify

from demo.data import AMS
from demo.data.network import CURATED_COALITIONS, CURATED_ORGANISATIONS, VEENDAM_PROVIDERS, K
from demo.data.people import DOMAIN, FIRST_NAMES, LAST_NAMES, PARTICIPANT_FUNCTIONS, PARTICIPANTS
from demo.data.practices import CURATED_PRACTICES, P
from demo.data.taxonomy import MECHANISM_SLUGS, MUNICIPALITIES, REGIONS, THEMES
from demo.data.vocabulary import (
    AUDIENCES,
    CHALLENGES,
    COALITION_NAME_PATTERNS,
    CONTACT_ROLES,
    DESCRIPTION_EXTRAS,
    EVENT_KINDS,
    GENERATED_PARTNER_KINDS,
    KIND_DESCRIPTIONS,
    MECHANISM_SENTENCES,
    PITFALLS,
    PRACTICAL_TIPS,
    PRACTICE_IDEAS,
    RESULTS,
    SCHOOL_KINDS,
    SCHOOL_NOUNS,
    SCHOOL_TYPE_BY_KIND,
    SETTINGS_BY_SCHOOL_TYPE,
    SPEAKER_ROLES,
    STREETS,
    THEME_TOPICS,
    VENUES,
    VO_NAMES,
)
from events.models import Event

# The generated rows must come out identical on every run: idempotency compares their slugs.
SEED = "kennisportaal-demo-v1"


GENERATED_COALITIONS_MIN = 40


GENERATED_PRACTICES = 320


GENERATED_EVENTS = 230


class Plan(NamedTuple):
    organisations: list[dict[str, Any]]
    coalitions: list[dict[str, Any]]
    practices: list[dict[str, Any]]
    events: list[dict[str, Any]]
    participants: list[dict[str, Any]]


def _organisation(slug, name, kind, municipality, description="", website="") -> dict[str, Any]:
    return {"slug": slug, "name": name, "kind": kind, "municipality": municipality,
            "description": description, "website": website}


def _unique(items: list[dict[str, Any]], key: str, what: str) -> None:
    seen: set[str] = set()
    for item in items:
        if item[key] in seen:
            raise ValueError(f"Duplicate {what} {key}: {item[key]}")
        seen.add(item[key])


def _unique_name_per_place(organisations: list[dict[str, Any]]) -> None:
    """The database allows one organisation per name and place (case-insensitive), so the plan must too."""
    seen: set[tuple[str, str]] = set()
    for organisation in organisations:
        key = (" ".join(organisation["name"].split()).casefold(), organisation["municipality"])
        if key in seen:
            raise ValueError(f"Duplicate organisation {organisation['name']} in {organisation['municipality']}")
        seen.add(key)


def build_plan() -> Plan:
    """Everything the demo needs apart from the dates, which depend on the moment of loading."""
    rng = random.Random(SEED)
    organisations = [_organisation(*row) for row in CURATED_ORGANISATIONS]
    organisations += [_organisation(slug, name, kind, place, offer) for slug, name, kind, place, offer, _ in
                      VEENDAM_PROVIDERS]
    coalitions = [
        {"slug": slug, "name": name, "region": region, "municipalities": places, "partners": partners,
         "description": description, "contact_email": f"{slug}@{DOMAIN}"}
        for slug, name, region, places, partners, description in CURATED_COALITIONS
    ]
    generated_coalitions, generated_organisations = _plan_coalitions(rng, coalitions)
    coalitions += generated_coalitions
    organisations += generated_organisations
    organisations_by_slug = {o["slug"]: o for o in organisations}
    practices = _plan_practices(rng, coalitions, organisations_by_slug)
    events = _plan_events(rng, coalitions, practices)
    participants = _plan_participants(rng)
    _unique(organisations, "slug", "organisation")
    _unique_name_per_place(organisations)
    _unique(coalitions, "slug", "coalition")
    _unique(coalitions, "name", "coalition")
    _unique(practices, "slug", "practice")
    _unique(events, "slug", "event")
    return Plan(organisations, coalitions, practices, events, participants)


def _plan_coalitions(rng: random.Random, curated: list[dict[str, Any]]):
    region_of_province = {province: slug for slug, _, _, provinces in REGIONS for province in provinces}
    taken = {place for coalition in curated for place in coalition["municipalities"]}
    topics = list(THEME_TOPICS.values())
    coalitions, organisations = [], []
    for province, places in MUNICIPALITIES:
        for place in places:
            if place in taken:
                continue
            name = rng.choice(COALITION_NAME_PATTERNS).format(place=place)
            slug = slugify(name)
            partners = _plan_partners(rng, place)
            organisations += partners
            first, second = rng.sample(topics, 2)
            coalitions.append({
                "slug": slug, "name": name, "region": region_of_province[province], "municipalities": [place],
                "partners": [p["slug"] for p in partners],
                "description": f"In {place} werken scholen, opvang, jeugdhulp, welzijn en de gemeente samen "
                               f"aan kansen voor kinderen, onder meer {partners[1]['name']} en "
                               f"{partners[3]['name']}. De coalitie richt zich vooral op {first} en op {second}.",
                "contact_email": f"{slug}@{DOMAIN}",
            })
    if len(coalitions) < GENERATED_COALITIONS_MIN:
        raise ValueError("Not enough municipalities for the generated coalitions.")
    return coalitions, organisations


def _plan_partners(rng: random.Random, place: str) -> list[dict[str, Any]]:
    place_slug = slugify(place)
    partners = [_organisation(f"gemeente-{place_slug}", f"Gemeente {place}", K.MUNICIPALITY, place,
                              KIND_DESCRIPTIONS[K.MUNICIPALITY].format(place=place))]
    nouns = rng.sample(SCHOOL_NOUNS, 2)
    for noun in nouns:
        kind = rng.choice([K.SCHOOL_PO, K.SCHOOL_PO, K.IKC, K.SCHOOL_VO, K.SCHOOL_SO])
        if kind == K.SCHOOL_VO:
            name = f"{rng.choice(VO_NAMES)} {place}"
        else:
            name = {K.SCHOOL_PO: "Basisschool {noun}", K.IKC: "IKC {noun}",
                    K.SCHOOL_SO: "SO-school {noun}"}[kind].format(noun=noun)
        partners.append(_organisation(_partner_slug(name, place), name, kind, place,
                                      KIND_DESCRIPTIONS[kind].format(place=place)))
    for kind, pattern, choices in rng.sample(GENERATED_PARTNER_KINDS, 3):
        name = pattern.format(place=place, noun=rng.choice(choices) if choices else "")
        partners.append(_organisation(_partner_slug(name, place), name, kind, place,
                                      KIND_DESCRIPTIONS[kind].format(place=place)))
    return partners


def _partner_slug(name: str, place: str) -> str:
    slug = slugify(name)
    place_slug = slugify(place)
    return slug if slug.endswith(place_slug) else f"{slug}-{place_slug}"


def _lower_first(text: str) -> str:
    """'Ouderkamer' -> 'ouderkamer', but keep acronyms such as 'NT2' as they are."""
    return text if text[1:2].isupper() else text[:1].lower() + text[1:]


def _person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"


def _plan_practices(rng, coalitions, organisations_by_slug) -> list[dict[str, Any]]:
    theme_slugs = [slug for slug, _, _ in THEMES]
    seen = {p["slug"] for p in CURATED_PRACTICES}
    practices = []
    attempts = 0
    while len(practices) < GENERATED_PRACTICES:
        attempts += 1
        if attempts > GENERATED_PRACTICES * 20:
            raise ValueError("Could not compose enough distinct practice titles.")
        coalition = rng.choice(coalitions)
        partners = [organisations_by_slug[slug] for slug in coalition["partners"]]
        schools = [o for o in partners if o["kind"] in SCHOOL_KINDS] or partners
        organisation = rng.choice(schools)
        others = [o for o in partners if o is not organisation and o["kind"] != K.MUNICIPALITY] or partners
        partner = rng.choice(others)
        theme = rng.choice(theme_slugs)
        if organisation["kind"] == K.SCHOOL_VO and theme == "school-kinderopvang":
            continue
        fragment, what, how = rng.choice(PRACTICE_IDEAS[theme])
        place = organisation["municipality"]
        by_place = rng.random() < 0.6
        title = f"{fragment} in {place}" if by_place else f"{organisation['name']}: {_lower_first(fragment)}"
        slug = slugify(title)
        if slug in seen:
            continue
        seen.add(slug)
        themes = [theme]
        if rng.random() < 0.4:
            themes.append(rng.choice([t for t in theme_slugs if t != theme]))
        mechanisms = rng.sample(MECHANISM_SLUGS, rng.choice([1, 1, 2]))
        school_type = SCHOOL_TYPE_BY_KIND.get(organisation["kind"], P.OTHER)
        approach = how + "\n\n" + " ".join(MECHANISM_SENTENCES[m] for m in mechanisms)
        approach += f" {partner['name']} is vanaf het begin betrokken bij de plannen."
        practices.append({
            "slug": slug,
            "title": title,
            "summary": f"{organisation['name']} in {place} {what}. Dat gebeurt samen met {partner['name']} "
                       f"binnen de coalitie {coalition['name']}.",
            "school_type": school_type,
            "setting": f"{rng.choice(SETTINGS_BY_SCHOOL_TYPE[school_type])}, {place}",
            "context": " ".join(rng.sample(CHALLENGES, 2)),
            "approach": approach,
            "results": " ".join(rng.sample(RESULTS, 2)),
            "pitfalls": "\n".join(f"- {line}" for line in rng.sample(PITFALLS, 2)),
            "practical_tips": "\n".join(f"- {line}" for line in rng.sample(PRACTICAL_TIPS, 3)),
            "themes": themes,
            "mechanisms": mechanisms,
            "organisation": organisation["slug"],
            "coalition": coalition["slug"],
            "region": coalition["region"],
            "contact_name": f"{_person(rng)}, {rng.choice(CONTACT_ROLES)}",
            "days_ago": rng.randint(40, 900),
            "hour": rng.randint(8, 17),
            "links": [],
        })
    return practices


def _plan_events(rng, coalitions, practices) -> list[dict[str, Any]]:
    theme_slugs = [slug for slug, _, _ in THEMES]
    kinds = list(EVENT_KINDS)
    weights = [EVENT_KINDS[kind][5] for kind in kinds]
    practices_by_coalition: dict[str, list[str]] = {}
    for practice in practices:
        practices_by_coalition.setdefault(practice["coalition"], []).append(practice["slug"])
    seen: set[str] = set()
    events = []
    while len(events) < GENERATED_EVENTS:
        coalition = rng.choice(coalitions)
        kind = rng.choices(kinds, weights)[0]
        title_pattern, summary_pattern, start, end, capacity, _ = EVENT_KINDS[kind]
        theme = rng.choice(theme_slugs)
        topic = THEME_TOPICS[theme]
        city = rng.choice(coalition["municipalities"])
        host = None
        if kind == Event.Kind.WORK_VISIT:
            host = rng.choice([c for c in coalitions if c is not coalition])
            city = host["municipalities"][0]
        title = title_pattern.format(topic=topic, city=city, coalition=coalition["name"],
                                     host=host["name"] if host else "")
        slug = slugify(title)
        if slug in seen:
            continue
        seen.add(slug)
        offset = rng.randint(3, 270) if rng.random() < 0.4 else -rng.randint(3, 420)
        summary = summary_pattern.format(topic=topic, host=host["name"] if host else "")
        themes = [theme]
        if rng.random() < 0.3:
            themes.append(rng.choice([t for t in theme_slugs if t != theme]))
        linked = practices_by_coalition.get(coalition["slug"], [])
        online = kind == Event.Kind.WEBINAR
        events.append({
            "slug": slug,
            "title": title,
            "kind": kind,
            "summary": summary,
            "description": f"{summary} {rng.choice(DESCRIPTION_EXTRAS)} Na afloop maken we samen "
                           "vervolgafspraken, zodat het niet bij inspiratie blijft.",
            "organiser": coalition["slug"],
            "host": host["slug"] if host else None,
            "offset": offset,
            "start": start,
            "end": end,
            "venue_name": "" if online else rng.choice(VENUES).format(city=city),
            "address": "" if online else f"{rng.choice(STREETS)} {rng.randint(1, 120)}",
            "city": "" if online else city,
            "online_url": f"https://live.{DOMAIN}/{slug}" if online else "",
            "capacity": capacity,
            "audience": rng.choice(AUDIENCES),
            "themes": themes,
            "practices": [rng.choice(linked)] if linked and rng.random() < 0.3 else [],
            "speaker": f"{_person(rng)} ({rng.choice(SPEAKER_ROLES)})",
            "coalition_name": coalition["name"],
            "topic": topic,
            "cancelled": offset > 0 and rng.random() < 0.03,
        })
    return events


def _plan_participants(rng: random.Random) -> list[dict[str, Any]]:
    names = [f"{first} {last}" for first in FIRST_NAMES for last in LAST_NAMES]
    chosen = rng.sample(names, PARTICIPANTS)
    coalition_slugs = [slug for slug, *_ in CURATED_COALITIONS]
    participants = []
    for number, name in enumerate(chosen, start=1):
        coalition = coalition_slugs[(number - 1) % len(coalition_slugs)]
        participants.append({
            "email": f"deelnemer{number:02d}@{DOMAIN}",
            "full_name": name,
            "job_function": PARTICIPANT_FUNCTIONS[(number - 1) % len(PARTICIPANT_FUNCTIONS)],
            "coalition": coalition,
        })
    return participants


def local_datetime(day: date, hhmm: str | tuple[int, int]) -> datetime:
    hour, minute = map(int, hhmm.split(":")) if isinstance(hhmm, str) else hhmm
    return datetime.combine(day, time(hour, minute), tzinfo=AMS)


def clock_time(hhmm: str) -> time:
    hour, minute = map(int, hhmm.split(":"))
    return time(hour, minute)


def in_week_of(day: date, weekday: int) -> date:
    """The given weekday (0 = Monday) in the same week as `day`."""
    return day + timedelta(days=weekday - day.weekday())


def workday(day: date) -> date:
    """Weekend days move back to the Friday before."""
    return day - timedelta(days=max(0, day.weekday() - 4))


def third_thursday_of_january(year: int) -> date:
    first = date(year, 1, 1)
    return first + timedelta(days=(3 - first.weekday()) % 7 + 14)
