"""Patterns: what a phrase list compiles to, and the pattern language of rule files that writes them.

A pattern is a sequence of words (each a set of literal words, any word, or a regex run by RE2), the
punctuation expected around and between them, and what a match stands for. Rule files write patterns in a
small language (``going forward``, ``very|really unique``, ``said the * official``, ``/mega\\w+/``, ``U.S.``)
parsed here; lexicons list plain words. Both inflect a head word into every verb or noun form, so a list
names "slam" once and matches slams, slammed and slamming.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Generic, TypeAlias, TypeVar

from rhetlint.rules.data.safe_regex import MAX_TOKEN_LENGTH, RegexWord, compile_regex
from rhetlint.text.inflect import inflect_like, noun_forms, verb_forms
from rhetlint.text.tokens import WORD, strip_possessive, unify_marks

if TYPE_CHECKING:
    from rhetlint.rules.data.matcher import Guard, Scan

T = TypeVar("T")
# Words before a verb's base or -s form that make it a noun ("a slam dunk", "the claims").
DETERMINERS = frozenset(
    "a an the his her its their our my your this these those that such no any some every each of".split()
)


@lru_cache(maxsize=8192)
def _fullmatch(regex: RegexWord, key: str) -> bool:
    """Repeated words in a draft cost one regex run."""
    return regex.fullmatch(key) is not None


@dataclass(frozen=True, slots=True)
class Word:
    """A position of a pattern that is not one plain word: any of several words (``a|b``, or the surfaces
    of one inflected form), any word (``*``), or a regex word. A plain word is a ``str``: lexicons hold
    thousands, and strings cost the least to keep."""

    literals: frozenset[str] = frozenset()
    regex: RegexWord | None = None
    any: bool = False

    def matches(self, key: str, last: bool) -> bool:
        """Whether a token's key fills this position; the last word of a pattern may be a possessive."""
        if self.any:
            return True
        if self.regex is not None:
            return len(key) <= MAX_TOKEN_LENGTH and _fullmatch(self.regex, key)
        return key in self.literals or (last and strip_possessive(key) in self.literals)

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled as a constructor call: a built matcher holds thousands, and field-by-field restoring of a
        slotted class costs several times more to read back."""
        return Word, (self.literals, self.regex, self.any)


# One position of a pattern: a plain word, or a Word.
Position: TypeAlias = str | Word


def literals(position: Position) -> Collection[str]:
    """The words a position names outright: none for ``*`` and regex words."""
    return (position,) if isinstance(position, str) else position.literals


@dataclass(frozen=True, slots=True)
class Neighbours:
    """Words that decide whether a match counts, by what stands right beside it (only spaces between, in the
    same paragraph): a "regime" after "tax" is a set of rules, "claimed the lives" is no saying verb."""

    not_after: frozenset[str] = frozenset()  # no match right after one of these words
    not_before: frozenset[str] = frozenset()  # no match before one of these (phrases of up to three words)
    only_before: frozenset[str] = frozenset()  # a match only right before one of these


@dataclass(eq=False, slots=True)  # not frozen: a lexicon builds thousands, and frozen ones cost 4 times more
class Pattern(Generic[T]):
    """A sequence of words, the punctuation expected around and between them, and what it stands for."""

    words: tuple[Position, ...]
    gaps: tuple[str, ...]  # between words i and i+1: "" for spaces only, else the punctuation without spaces
    source: str  # as written in the rule file or lexicon
    form: str = "as-written"  # the inflection this surface stands for ("past", "plural", "adverb", ...)
    replacement: str | None = None
    lead: str = ""  # punctuation right before the first word ("$" in "$ billion" is not a word)
    trail: str = ""  # punctuation right after the last word (the final "." of "U.S.")
    neighbours: Neighbours | None = None
    guard: Guard | None = None  # a last say on each match, for what neighbour words cannot express
    meaning: T = field(kw_only=True)  # what a match stands for: a lexicon entry; None for a rule's pattern

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled as one constructor call (see Word.__reduce__)."""
        return _pattern, (
            self.words,
            self.gaps,
            self.source,
            self.form,
            self.replacement,
            self.lead,
            self.trail,
            self.neighbours,
            self.guard,
            self.meaning,
        )


def _pattern(*fields: Any) -> Pattern[Any]:
    """A Pattern from its fields in order, ``meaning`` last (it is keyword-only)."""
    *positional, meaning = fields
    return Pattern(*positional, meaning=meaning)


def normalise(text: str, ignore_case: bool) -> str:
    """A pattern word or a token as the matcher compares them."""
    return unify_marks(text.lower() if ignore_case else text)


def inflected(
    words: tuple[Position, ...], index: int, inflect: str
) -> list[tuple[str, tuple[Position, ...]]]:
    """``words`` with the word at ``index`` in each form of ``inflect`` ("verb" or "noun"): one (form, words)
    per form, holding every surface of that form (each base listed at ``index`` gives its own)."""
    by_form: dict[str, list[str]] = {}
    for base in sorted(literals(words[index])):
        for surface, form in (verb_forms(base) if inflect == "verb" else noun_forms(base)).items():
            by_form.setdefault(form, []).append(surface)
    before, after = words[:index], words[index + 1 :]
    return [(form, (*before, _one_of(surfaces), *after)) for form, surfaces in by_form.items()]


def _one_of(surfaces: list[str]) -> Position:
    return surfaces[0] if len(surfaces) == 1 else Word(frozenset(surfaces))


def _reads_as_verb(scan: Scan, pattern: Pattern[Any], first: int, last: int) -> bool:
    """A verb's base or -s form right after a determiner is a noun ("a slam dunk", "the claims")."""
    if first == 0 or scan.keys[first - 1].lower() not in DETERMINERS:
        return True
    tokens = scan.tokens
    return bool(scan.text[tokens[first - 1].end : tokens[first].start].strip())


# --- the pattern language of rule files ----------------------------------------------------------------
@dataclass
class _Parsed:
    words: list[Position]
    gaps: list[str]
    lead: str
    trail: str


def _parse(pattern: str, ignore_case: bool) -> _Parsed:
    """Turn a pattern string into words and the punctuation between them; raise ValueError naming the problem.

    Words are found with the same tokenizer as ``doc.tokens``, so ``U.S.`` is the words "u" and "s" with
    "." between and after them, and ``so-called`` is one word.
    """
    items: list[Position | tuple[str]] = []  # a word, or (punctuation,)
    for chunk in pattern.split():
        if chunk.startswith("/") and chunk.endswith("/") and len(chunk) > 2:
            items.append(Word(regex=compile_regex(chunk[1:-1], ignore_case)))
        elif chunk == "*":
            items.append(Word(any=True))
        elif "|" in chunk:
            options = [normalise(o, ignore_case) for o in chunk.split("|")]
            if any(not WORD.fullmatch(o) for o in options):
                raise ValueError(f"each alternative in {chunk!r} must be a single word")
            items.append(Word(literals=frozenset(options)))
        else:
            pos = 0
            for m in WORD.finditer(chunk):
                if m.start() > pos:
                    items.append((chunk[pos : m.start()],))
                items.append(normalise(m.group(), ignore_case))
                pos = m.end()
            if pos < len(chunk):
                items.append((chunk[pos:],))
    words: list[Position] = []
    punctuation: list[str] = [""]  # [k]: what precedes word k; the last entry: what follows the last word
    for item in items:
        if isinstance(item, tuple):
            punctuation[-1] += item[0]
        else:
            words.append(item)
            punctuation.append("")
    if not words:
        raise ValueError(f"pattern {pattern!r} has no words")
    if all(isinstance(w, Word) and w.any for w in words):
        raise ValueError(f"pattern {pattern!r} must name at least one word")
    return _Parsed(words, punctuation[1:-1], punctuation[0], punctuation[-1])


def expand(
    pattern: str, inflect: str, head: int | None, ignore_case: bool, replacement: str | None = None
) -> list[Pattern[None]]:
    """Every surface of ``pattern``: the inflected forms of its head word, each with its replacement."""
    parsed = _parse(pattern, ignore_case)
    words, gaps = tuple(parsed.words), tuple(parsed.gaps)
    if inflect == "none":
        return [
            Pattern(words, gaps, pattern, "as-written", replacement, parsed.lead, parsed.trail, meaning=None)
        ]
    index = (head if head is not None else (1 if inflect == "verb" else len(words))) - 1
    if not 0 <= index < len(words):
        raise ValueError(f"'head' {index + 1} is outside pattern {pattern!r}")
    if not literals(words[index]):
        raise ValueError(f"the head word of {pattern!r} must be a word to inflect, not * or a /regex/")
    out: list[Pattern[None]] = []
    for form, forms in inflected(words, index, inflect):
        swapped = inflect_like(replacement, inflect, form) if replacement else replacement
        as_noun = inflect == "verb" and index == 0 and form in ("base", "3sg")
        out.append(
            Pattern(
                forms,
                gaps,
                pattern,
                form,
                swapped,
                parsed.lead,
                parsed.trail,
                guard=_reads_as_verb if as_noun else None,
                meaning=None,
            )
        )
    return out
