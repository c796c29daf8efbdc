"""Suggested work visits: the pure ranking on a crafted data set, and the loading around it."""

import pytest

from coalitions.models import VisitProfile
from events.models import Event
from portal.matches import Match, Profile, rank_matches, significant_words, suggested_matches
from tests import factories

WISH = Profile(1, "Den Haag", ("Talentontwikkeling", "Verrijkte schooldag", "School en kinderopvang"),
               "Wij willen leren hoe kinderopvang en school samen een verrijkte middag organiseren.")


def test_ranking_on_a_crafted_data_set():
    offers = [
        Profile(2, "Zwolle", (), "Een verrijkte middag met sport."),
        Profile(3, "Maastricht", ("Talentontwikkeling", "School en kinderopvang"), "Kindcentra met opvang."),
        Profile(4, "Almere", ("Armoede",), "Schoolontbijt voor iedereen."),  # nothing shared: no match
        Profile(5, "Assen", ("Verrijkte schooldag",), "Samen organiseren: kinderopvang in de middag."),
        Profile(6, "Breda", ("Talentontwikkeling", "School en kinderopvang"), "Middagen vol talent."),
        Profile(7, "Emmen", ("Verrijkte schooldag",), ""),
        Profile(1, "Den Haag", WISH.themes, WISH.text),  # ourselves: never a match
    ]
    assert rank_matches(WISH, offers) == [
        # Two shared themes: Breda shares a word ("middagen" is "middag"), Maastricht none.
        Match(6, "Breda", ("Talentontwikkeling", "School en kinderopvang"), ("middagen",), "Middagen vol talent."),
        Match(3, "Maastricht", ("Talentontwikkeling", "School en kinderopvang"), (), "Kindcentra met opvang."),
        # One shared theme: Assen shares four words, in the order of its own text; Emmen none.
        Match(5, "Assen", ("Verrijkte schooldag",), ("samen", "organiseren", "kinderopvang", "middag"),
              "Samen organiseren: kinderopvang in de middag."),
        Match(7, "Emmen", ("Verrijkte schooldag",), (), ""),
        # No shared theme, two shared words.
        Match(2, "Zwolle", (), ("verrijkte", "middag"), "Een verrijkte middag met sport."),
    ]
    assert [m.name for m in rank_matches(WISH, offers, limit=2)] == ["Breda", "Maastricht"]


def test_equal_scores_go_by_name_and_stop_words_and_short_words_never_match():
    wish = Profile(1, "A", (), "Hoe doen wij dat met de ouders?")
    offers = [Profile(3, "b-coalitie", (), "Met de ouders, hoe wij dat doen."),
              Profile(2, "Alfa", (), "Ouder en kind")]
    assert [(m.name, m.shared_words) for m in rank_matches(wish, offers)] == [
        ("Alfa", ("ouder",)), ("b-coalitie", ("ouders",))]
    assert significant_words("Hoe doen wij dat met de ouders in 2025?") == {"ouder": "ouders"}


@pytest.mark.django_db
def test_suggested_matches_skip_visited_coalitions_in_four_queries(django_assert_num_queries):
    talent, school = factories.ThemeFactory(name="Talentontwikkeling"), factories.ThemeFactory(name="School")
    us, visited, fresh, silent = (factories.CoalitionFactory(name=name) for name in
                                  ("Den Haag", "Maastricht", "Haarlem", "Zwolle"))
    ours = VisitProfile.objects.create(coalition=us, wish="Talent in de middag")
    ours.wish_themes.set([talent, school])
    for coalition in (visited, fresh):
        profile = VisitProfile.objects.create(coalition=coalition, offer="Talent herkennen")
        profile.offer_themes.set([talent])
    VisitProfile.objects.create(coalition=silent, offer="Iets anders")
    factories.EventFactory(kind=Event.Kind.WORK_VISIT, organiser=us, host=visited)
    factories.EventFactory(kind=Event.Kind.WORK_VISIT, organiser=fresh, host=us)  # they visited us: still a match
    with django_assert_num_queries(4):
        matches = suggested_matches(us)
    assert [(m.coalition, m.shared_themes, m.shared_words) for m in matches] == [
        (fresh, ("Talentontwikkeling",), ("talent",))]
    assert suggested_matches(fresh) == []  # no wish, no matches
