"""One phrase matcher for every list of words and phrases: rule files and the loaded-language lexicons.

Patterns are indexed by their first word, and by their first two words when both are literal, so a token
costs a dict lookup or two however long the list is, and a common first word such as "the" does not bring
every phrase that starts with it. The longest pattern matching at a token wins, and a token belongs to one
match at most. Patterns are matched against ``doc.tokens``, never by running regular expressions over the
text, so no list can make the linter backtrack for ever.

A phrase never runs from one paragraph (or heading, or cell) into the next, and neighbour words are read in
the same paragraph, so a paragraph's findings depend on that paragraph alone.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from rhetlint.rules.data.patterns import Neighbours, Pattern, Word, literals, normalise
from rhetlint.text.tokens import strip_possessive

if TYPE_CHECKING:
    from rhetlint.model.document import Document

T = TypeVar("T")
# A pattern's last say on a match from token ``first`` to ``last``: True when it counts.
Guard = Callable[["Scan", "Pattern[Any]", int, int], bool]


@dataclass(frozen=True)
class Hit(Generic[T]):
    """A pattern found in a document: its character span and its tokens."""

    start: int
    end: int
    pattern: Pattern[T]
    first_token: int
    last_token: int


class Scan:
    """A document as the matcher reads it: its tokens, each token's key (what patterns compare with) and
    paragraph. Guards get it to look at a match's surroundings."""

    def __init__(self, doc: Document, ignore_case: bool) -> None:
        self.doc = doc
        self.tokens = doc.tokens
        self.text = doc.text
        tokens = self.tokens
        self.keys = [t.norm for t in tokens] if ignore_case else [normalise(t.text, False) for t in tokens]
        self._block_index = doc.block_index

    def block_of(self, token: int) -> int:
        return self._block_index(self.tokens[token].start)

    def neighbour(self, a: int, b: int) -> str:
        """The word at token ``b`` (normal form) when only spaces separate it from token ``a``; "" when
        punctuation or the end of a paragraph comes between, or there is no token ``b``."""
        tokens = self.tokens
        if b < 0 or b >= len(tokens) or self.block_of(a) != self.block_of(b):
            return ""
        left, right = (tokens[a], tokens[b]) if a < b else (tokens[b], tokens[a])
        return "" if self.text[left.end : right.start].strip() else tokens[b].norm

    def allows(self, neighbours: Neighbours, first: int, last: int) -> bool:
        """Whether the words beside a match from token ``first`` to ``last`` let it count."""
        before = self.neighbour(first, first - 1)
        if before and before in neighbours.not_after:
            return False
        after = self.neighbour(last, last + 1)
        if neighbours.not_before and after:
            if after in neighbours.not_before:
                return False
            following = after  # guards may be phrases: "the lives" in "claimed the lives of"
            for k in range(last + 2, min(last + 4, len(self.tokens))):
                word = self.neighbour(k - 1, k)
                if not word:
                    break
                following += " " + word
                if following in neighbours.not_before:
                    return False
        return not neighbours.only_before or after in neighbours.only_before


class PhraseMatcher(Generic[T]):
    """Find patterns in a document's tokens: the longest match at a token wins, and matches never overlap.

    Where patterns of one length match at the same token, the one listed first wins, and a pattern that
    starts with ``*`` or a regex word yields to one that starts with a literal word.
    """

    def __init__(self, patterns: Iterable[Pattern[T]], ignore_case: bool = True) -> None:
        self.ignore_case = ignore_case
        self._listed = list(patterns)
        self._singles: dict[str, list[Pattern[T]]] = {}  # one-word patterns by their word
        self._pairs: dict[tuple[str, str], list[Pattern[T]]] = {}  # longer ones by their first two words
        self._firsts: dict[str, list[Pattern[T]]] = {}  # longer ones whose second word is * or a regex
        self._anywhere: list[Pattern[T]] = []  # starting with * or a regex word: tried at every token
        for pattern in self._listed:
            words = pattern.words
            if len(words) == 1 and isinstance(words[0], str):  # most patterns are one plain word
                self._singles.setdefault(words[0], []).append(pattern)
                continue
            firsts = literals(words[0])
            if not firsts:
                self._anywhere.append(pattern)
            elif len(words) == 1:
                for word in firsts:
                    self._singles.setdefault(word, []).append(pattern)
            elif seconds := literals(words[1]):
                for word in firsts:
                    for second in seconds:
                        self._pairs.setdefault((word, second), []).append(pattern)
            else:
                for word in firsts:
                    self._firsts.setdefault(word, []).append(pattern)
        for table in (self._pairs, self._firsts):  # lists are in the order listed: sort them stably
            for candidates in table.values():
                if len(candidates) > 1:
                    candidates.sort(key=_longest_first)
        self._anywhere.sort(key=_longest_first)
        self._add_possessives()
        # every word some pattern is filed under as its first: most tokens are none, and cost one lookup
        self._starts = frozenset(self._singles).union(self._firsts, (first for first, _ in self._pairs))

    def _add_possessives(self) -> None:
        """File each pattern also under the possessive of its last word ("senate's"), since a match may end
        in one; a list without another pattern under that key is shared, not copied."""
        singles, pairs = self._singles, self._pairs
        for word, candidates in list(singles.items()):
            possessive = word + "'s"
            singles[possessive] = (
                self._merged(singles[possessive], candidates) if possessive in singles else candidates
            )
        for (word, second), candidates in list(pairs.items()):
            two = [p for p in candidates if len(p.words) == 2]
            if two:
                key = word, second + "'s"
                pairs[key] = (
                    self._merged(pairs[key], two)
                    if key in pairs
                    else candidates
                    if len(two) == len(candidates)
                    else two
                )

    def __getstate__(self) -> dict[str, Any]:
        """What a pickle keeps: everything but ``_order``, whose keys are the ids of this process's objects."""
        state = dict(self.__dict__)
        state.pop("_order", None)
        return state

    def _merged(self, some: list[Pattern[T]], more: list[Pattern[T]]) -> list[Pattern[T]]:
        return sorted(some + more, key=self._ranked)

    @cached_property
    def _order(self) -> dict[int, int]:
        """By id(pattern): its place in the list, which breaks ties when candidates of two lists merge."""
        return {id(p): order for order, p in enumerate(self._listed)}

    def _ranked(self, pattern: Pattern[T]) -> tuple[int, bool, int]:
        """Longest first; then a literal first word before * or a regex; then the order listed."""
        return -len(pattern.words), not literals(pattern.words[0]), self._order[id(pattern)]

    def find(self, doc: Document) -> list[Hit[T]]:
        scan = Scan(doc, self.ignore_case)
        keys, tokens = scan.keys, scan.tokens
        n = len(keys)
        singles, pairs, firsts = self._singles.get, self._pairs.get, self._firsts.get
        anywhere = self._anywhere
        starts = None if anywhere else self._starts  # with patterns tried at every token, no token is skipped
        wide = bool(self._firsts or anywhere)  # candidates the two-word index cannot narrow down
        hits: list[Hit[T]] = []
        covered = -1  # the last token of the previous match
        for i in range(n):
            if i <= covered:
                continue
            key = keys[i]
            if starts is not None and key not in starts:
                continue
            found = singles(key)
            if i + 1 < n:
                longer = pairs((key, keys[i + 1]))
                if longer:
                    found = longer + found if found else longer  # longer first: they are two words or more
            if wide:  # merge only where the wide lists bring a candidate: sorting at every token costs
                more = firsts(key, ())
                if more or anywhere:
                    found = sorted([*(found or ()), *more, *anywhere], key=self._ranked)
            if not found:
                continue
            for pattern in found:
                last = _match_end(pattern, scan, i)
                if last >= 0:
                    start, end = tokens[i].start - len(pattern.lead), tokens[last].end + len(pattern.trail)
                    hits.append(Hit(start, end, pattern, i, last))
                    covered = last
                    break
        return hits


def _longest_first(pattern: Pattern[Any]) -> int:
    return -len(pattern.words)


def _match_end(pattern: Pattern[Any], scan: Scan, i: int) -> int:
    """Index of the last token when ``pattern`` matches from token ``i``, else -1. A pattern comes from the
    index only when its first word (if literal) matches there, so that word is not compared again."""
    words = pattern.words
    size = len(words)
    last = i + size - 1
    keys, tokens, text = scan.keys, scan.tokens, scan.text
    if last >= len(keys):
        return -1
    first = words[0]
    if isinstance(first, Word) and not first.literals and not first.matches(keys[i], size == 1):
        return -1
    for k in range(1, size):
        word, key = words[k], keys[i + k]
        if isinstance(word, str):
            if key != word and (k < size - 1 or strip_possessive(key) != word):
                return -1
        elif not word.matches(key, k == size - 1):
            return -1
        gap = text[tokens[i + k - 1].end : tokens[i + k].start]
        expected = pattern.gaps[k - 1]
        if "".join(gap.split()) != expected if expected else gap.strip():
            return -1
    if size > 1 and scan.block_of(i) != scan.block_of(last):
        return -1
    lead, trail = pattern.lead, pattern.trail
    if lead and (tokens[i].start < len(lead) or text[tokens[i].start - len(lead) : tokens[i].start] != lead):
        return -1
    if trail and text[tokens[last].end : tokens[last].end + len(trail)] != trail:
        return -1
    if pattern.neighbours is not None and not scan.allows(pattern.neighbours, i, last):
        return -1
    if pattern.guard is not None and not pattern.guard(scan, pattern, i, last):
        return -1
    return last
