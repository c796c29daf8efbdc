"""Suggested work visits: coalitions whose "what we can show" meets our "what we want to learn".

Explainable on purpose: a candidate scores by the themes it shares with our wish, then by the significant
words (Dutch stems, stop words dropped, the practices search's analysis) its offer text shares with our wish
text. Both are shown as the reason. ``rank_matches`` is a pure function over plain values; ``suggested_matches``
loads the values in a fixed number of queries.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Prefetch, Q

from coalitions.models import Coalition, Theme, VisitProfile
from events.models import Event
from practices.search import STOP_WORDS, WORD, fold, stem

MATCH_LIMIT = 5
# Shorter words ("wij", "ook", "goed") say little about what a coalition does.
MIN_WORD_LENGTH = 4


@dataclass(frozen=True)
class Profile:
    """One side of a match: a coalition's themes (in display order) and text."""

    key: int
    name: str
    themes: tuple[str, ...]
    text: str


@dataclass(frozen=True)
class Match:
    key: int
    name: str
    shared_themes: tuple[str, ...]
    shared_words: tuple[str, ...]
    offer: str = ""


def significant_words(text: str) -> dict[str, str]:
    """The stems of the significant words of ``text``, each with the first word (lower case) that gave it."""
    words: dict[str, str] = {}
    for word in WORD.findall(text.lower()):
        folded = fold(word)
        if len(folded) < MIN_WORD_LENGTH or folded in STOP_WORDS or folded.isdigit():
            continue
        words.setdefault(stem(folded), word)
    return words


def rank_matches(wish: Profile, offers: list[Profile], *, limit: int = MATCH_LIMIT) -> list[Match]:
    """The offers that meet the wish, best first: most shared themes, then most shared words, then by name.

    An offer sharing neither a theme nor a word is no match. Shared themes keep the offer's order; shared
    words are the offer's own words, in the order they appear in its text.
    """
    wished_themes = set(wish.themes)
    wished_words = significant_words(wish.text)
    matches = []
    for offer in offers:
        if offer.key == wish.key:
            continue
        themes = tuple(theme for theme in offer.themes if theme in wished_themes)
        words = tuple(word for root, word in significant_words(offer.text).items() if root in wished_words)
        if themes or words:
            matches.append(Match(offer.key, offer.name, themes, words, offer.text))
    matches.sort(key=lambda m: (-len(m.shared_themes), -len(m.shared_words), m.name.casefold(), m.key))
    return matches[:limit]


@dataclass(frozen=True)
class SuggestedVisit:
    coalition: Coalition
    shared_themes: tuple[str, ...]
    shared_words: tuple[str, ...]
    offer: str


def suggested_matches(coalition: Coalition, *, limit: int = MATCH_LIMIT) -> list[SuggestedVisit]:
    """Coalitions this one has not visited yet whose offer meets its wish, best first.

    Four queries whatever the number of coalitions: our wish and its themes, every other profile and theirs.
    """
    ordered = Theme.objects.order_by("position", "name")
    own = VisitProfile.objects.filter(coalition=coalition).prefetch_related(Prefetch("wish_themes", ordered)).first()
    if own is None:
        return []
    wish = Profile(coalition.pk, coalition.name, tuple(t.name for t in own.wish_themes.all()), own.wish)
    if not wish.themes and not wish.text.strip():
        return []
    visited = Event.objects.hosted().filter(kind=Event.Kind.WORK_VISIT, organiser=coalition,
                                            cancelled_at__isnull=True)
    candidates = list(
        VisitProfile.objects.exclude(coalition=coalition).exclude(coalition__in=visited.values("host"))
        .select_related("coalition__region").prefetch_related(Prefetch("offer_themes", ordered))
    )
    by_key = {profile.coalition_id: profile.coalition for profile in candidates}
    offers = [Profile(p.coalition_id, p.coalition.name, tuple(t.name for t in p.offer_themes.all()), p.offer)
              for p in candidates]
    return [SuggestedVisit(by_key[m.key], m.shared_themes, m.shared_words, m.offer)
            for m in rank_matches(wish, offers, limit=limit)]


def has_wish(coalition: Coalition) -> bool:
    """Whether the coalition has said what it wants to learn (a text or a theme)."""
    return VisitProfile.objects.filter(coalition=coalition).filter(~Q(wish="") | Q(wish_themes__isnull=False)).exists()
