"""Generated word forms: lexicons list a base form once and match the rest."""

from __future__ import annotations

import pytest

from rhetlint.text.inflect import adverb_of, inflect_like, verb_forms


@pytest.mark.parametrize(
    ("adjective", "adverb"),
    [
        ("brutal", "brutally"),
        ("terrible", "terribly"),
        ("horrific", "horrifically"),
        ("angry", "angrily"),
        ("dull", "dully"),
        ("grotesque", "grotesquely"),
        ("true", "truly"),
        ("public", "publicly"),
        ("cold-blooded", "cold-bloodedly"),
        ("coy", "coyly"),
    ],
)
def test_adverb_of_follows_english_spelling(adjective, adverb):
    assert adverb_of(adjective) == adverb


@pytest.mark.parametrize("adjective", ["friendly", "ugly", "café", "a b", "1st"])
def test_adverb_of_gives_none_without_a_regular_adverb(adjective):
    assert adverb_of(adjective) is None


@pytest.mark.parametrize(
    ("base", "past"),
    [
        ("admit", "admitted"),
        ("slam", "slammed"),
        ("offer", "offered"),
        ("criticize", "criticized"),
        ("sidestep", "sidestepped"),  # a compound doubles like its last part, "step"
        ("overstep", "overstepped"),
    ],
)
def test_verb_forms_double_only_stressed_final_consonants(base, past):
    forms = verb_forms(base)
    assert forms[past] == "past"
    assert set(forms.values()) == {"base", "3sg", "past", "ing"}


def test_inflect_like_puts_a_replacement_in_the_flagged_form():
    assert inflect_like("criticize", "verb", "ing") == "criticizing"
    assert inflect_like("lawmaker", "noun", "plural") == "lawmakers"
    assert inflect_like("harsh", "adj", "as-written") == "harsh"


def test_good_does_not_become_well():
    # "well" is everywhere ("as well"): an entry for "good" must not flag it
    assert adverb_of("good") != "well"
