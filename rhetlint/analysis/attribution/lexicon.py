"""The word lists the attribution analysis reads, loaded once and indexed for dict look-ups.

Reporting verbs come from ``rhetlint/data/attribution_verbs.txt`` with a class each ("said" is the past of
"say", class "say"); the source word sets (anonymous, vague, institutions, titles, …) from the other
``attribution_*.txt`` files. Loading is cached per process because every document reads them.
"""

from __future__ import annotations

from functools import cache
from typing import NamedTuple

from rhetlint.analysis.attribution.grammar import (
    ASIDE_OPENERS,
    CLAUSE_WORDS,
    NAME_DROP,
    PRONOUNS,
    QUANTIFIERS,
    TIME_WORDS,
)
from rhetlint.analysis.wordlists import tagged_phrases, word_set
from rhetlint.text.inflect import verb_forms

# Classes and tags allowed after a verb in attribution_verbs.txt (documented in that file's header).
VERB_CLASSES = frozenset(
    {
        "say",
        "speech",
        "clause",
        "belief",
        "as",
        "stance",
        "evidence",
        "refusal",
        "quote",
        "impression",
        "hearsay",
        "past",
        "light",
    }
)
# Cue classes whose subject must look like a source (a name, pronoun, role, group or document).
NEEDS_SOURCE_LIKE = frozenset({"speech", "clause", "belief", "as", "stance", "refusal", "quote"})
# Cue classes that may take an inverted subject after a quotation or comma ("…," said Smith).
INVERTIBLE = frozenset({"say", "speech", "clause", "quote"})


class Cue(NamedTuple):
    """One reading of a word as a reporting verb: "said" is the past of "say", class "say"."""

    base: str
    cls: str
    form: str  # base, 3sg, past, pp or ing
    hearsay: bool
    particle: tuple[str, ...]


class CueLexicon(NamedTuple):
    """The reporting verbs and source words, indexed by first word for the cue scan."""

    cues: dict[str, tuple[Cue, ...]]  # first word (any inflection) -> entries, particle verbs first
    phrases: dict[str, tuple[tuple[tuple[str, ...], str], ...]]  # sourceless phrases by first word
    anonymous: frozenset[str]
    vague: frozenset[str]
    institutions: frozenset[str]
    titles: frozenset[str]
    org_words: frozenset[str]
    documents: frozenset[str]
    places: frozenset[str]
    demonyms: frozenset[str]
    speech_nouns: frozenset[str]  # nouns that a light verb turns into a report ("made similar comments")
    nouns: frozenset[str]  # every noun above: a cue form that is one of these may be a noun ("report")
    triggers: frozenset[str]  # every word that can start a cue
    # cue forms that are a reporting verb without a particle ("said"; not "took", which needs "aim")
    solo: frozenset[str]
    not_names: frozenset[str]  # grammar words, titles, demonyms and times: never part of a person's name
    not_first_names: frozenset[str]  # titles, places and grammar words: never the first name before a surname


@cache
def lexicon() -> CueLexicon:
    """Build the cue index and the source word sets once per process."""
    cues: dict[str, list[Cue]] = {}
    for phrase, tags in tagged_phrases("attribution_verbs", VERB_CLASSES):
        words = phrase.split(" ")
        cls = next((t for t in tags if t not in ("hearsay", "past")), "speech")
        for form, name in verb_forms(words[0]).items():
            if "past" in tags and name not in ("past", "pp"):
                continue  # "state", "issue": the present forms are nearly always nouns
            cues.setdefault(form, []).append(Cue(words[0], cls, name, "hearsay" in tags, tuple(words[1:])))
    ordered = {k: tuple(sorted(v, key=lambda c: -len(c.particle))) for k, v in cues.items()}
    phrases: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for phrase, tags in tagged_phrases("attribution_sourceless", {"vague", "none"}, max_tags=1):
        words = phrase.split(" ")
        phrases.setdefault(words[0], []).append((tuple(words[1:]), tags[0] if tags else "none"))
    demonyms = word_set("attribution_demonyms")
    # demonyms and their adjectives ("Israeli officials", "U.S. diplomats") describe a source, never name one
    adjectives = frozenset(
        {d[:-1] for d in demonyms if d.endswith("s")}
        | demonyms
        | {"u.s", "us", "american", "republican", "democratic", "gop"}
    )
    lex = CueLexicon(
        cues=ordered,
        phrases={k: tuple(sorted(v, key=lambda p: -len(p[0]))) for k, v in phrases.items()},
        anonymous=word_set("attribution_anonymous"),
        vague=word_set("attribution_vague"),
        institutions=word_set("attribution_institutions"),
        titles=word_set("attribution_titles"),
        org_words=word_set("attribution_org_words"),
        documents=word_set("attribution_documents"),
        places=word_set("attribution_places"),
        demonyms=demonyms,
        speech_nouns=word_set("attribution_speech_nouns"),
        nouns=frozenset(),
        triggers=frozenset(ordered) | frozenset(phrases) | {"according"},
        solo=frozenset(
            form
            for form, entries in ordered.items()
            if any(not c.particle and c.cls != "light" for c in entries)
        ),
        not_names=frozenset(),
        not_first_names=frozenset(),
    )
    nouns = lex.anonymous | lex.vague | lex.institutions | lex.titles | lex.org_words | lex.documents
    not_names = (
        NAME_DROP
        | QUANTIFIERS
        | lex.titles
        | adjectives
        | TIME_WORDS
        | frozenset(PRONOUNS)
        | CLAUSE_WORDS
        | ASIDE_OPENERS
    )
    not_first_names = lex.titles | lex.places | NAME_DROP | frozenset(PRONOUNS) | CLAUSE_WORDS
    return lex._replace(nouns=nouns, not_names=not_names, not_first_names=not_first_names)
