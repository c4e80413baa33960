"""Sort the PolNeAR attributions the analysis misses into kinds, so recall work starts from counts.

    python -m benchmarks.eval_attribution --misses

A gold attribution (a ``source`` and a ``cue`` sharing ``attr``) is missed when no predicted source overlaps
its source. Each miss gets one kind, tested in this order:

* ``cue found, source elsewhere``: a predicted cue overlaps the gold cue, but its source is other words;
* ``punctuation cue``: the cue is a colon or dash ("Smith: …", "― Jane Roe");
* ``noun cue``: the cue's main word is a noun after a determiner or possessive ("his support for");
* ``cue word not in lexicon``: the cue's main word is no reporting verb the lexicon knows ("voted");
* for cue words the lexicon knows: ``inside a quotation``, ``source after the cue`` (inverted),
  ``source far from the cue`` (more than 40 characters between them), ``first or second person source``
  ("I think"), else ``other``.

Counts are per kind, with the most frequent main words of each; they say where recall is lost, not which
gold attributions rhetlint should find (PolNeAR also credits actions such as "voted" and "released", which
are not speech and stay out).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from benchmarks.corpora import overlaps

# Words a gold cue span may carry around its main word ("has also said", "did not respond to").
CUE_FILLER = frozenset(
    "has is to have was are had also would were did will could can don't didn't does just first still 're 's "
    "should recently be been being not n't never already even publicly repeatedly again then later once often "
    "doesn't haven't hasn't won't wouldn't isn't wasn't aren't weren't may might must shall am do".split()
)
NOUN_LEADS = frozenset("a an the his her their its our my your this that these those".split())
SELF_PRONOUNS = frozenset({"i", "we", "you"})
FAR = 40  # characters between a source and its cue beyond which the source is "far"
KINDS = (
    "cue found, source elsewhere",
    "punctuation cue",
    "noun cue",
    "cue word not in lexicon",
    "in lexicon: inside a quotation",
    "in lexicon: source after the cue",
    "in lexicon: source far from the cue",
    "in lexicon: first or second person source",
    "in lexicon: other",
)


def main_word(cue_text: str) -> str:
    """The cue's main word: its first word that is not an auxiliary, negation or adverb of time."""
    words = [w.strip(",.:;") for w in cue_text.lower().replace("’", "'").split()]
    words = [w for w in words if w and w not in CUE_FILLER]
    return words[0] if words else cue_text.strip()


@dataclass
class Misses:
    """Missed gold attributions counted by kind, with their main words."""

    total: int = 0
    kinds: Counter[str] = field(default_factory=Counter)
    words: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))

    def add(self, rec: dict[str, Any], atts: list[Any], triggers: frozenset[str], in_quote: Any) -> None:
        """Count the misses of one document, given the analysis's attributions with a source and a cue."""
        text = rec["text"]
        parts: dict[str, dict[str, list[dict[str, Any]]]] = defaultdict(lambda: defaultdict(list))
        for span in rec["spans"]:
            parts[span.get("attr", "")][span["label"]].append(span)
        predicted_sources = [(a.source.start, a.source.end) for a in atts]
        predicted_cues = [(a.cue.start, a.cue.end) for a in atts]
        for attr in parts.values():
            if not attr["source"] or not attr["cue"]:
                continue
            src, cue = attr["source"][0], attr["cue"][0]
            if overlaps((src["start"], src["end"]), predicted_sources):
                continue
            cue_text = " ".join(c["text"] for c in attr["cue"])
            word = main_word(cue_text)
            kind = self._kind(text, src, cue, cue_text, word, predicted_cues, triggers, in_quote)
            self.total += 1
            self.kinds[kind] += 1
            self.words[kind][word] += 1

    @staticmethod
    def _kind(
        text: str,
        src: dict[str, Any],
        cue: dict[str, Any],
        cue_text: str,
        word: str,
        predicted_cues: list[tuple[int, int]],
        triggers: frozenset[str],
        in_quote: Any,
    ) -> str:
        if overlaps((cue["start"], cue["end"]), predicted_cues):
            return KINDS[0]
        if not any(ch.isalnum() for ch in cue_text):
            return KINDS[1]
        lead = cue_text.lower().split()[0]
        if lead in NOUN_LEADS or text[max(0, cue["start"] - 3) : cue["start"]].rstrip().endswith(
            ("'s", "’s")
        ):
            return KINDS[2]
        if word not in triggers:
            return KINDS[3]
        if in_quote(cue["start"]):
            return KINDS[4]
        if src["start"] > cue["start"]:
            return KINDS[5]
        if cue["start"] - src["end"] > FAR:
            return KINDS[6]
        if src["text"].lower().replace("’", "'") in SELF_PRONOUNS:
            return KINDS[7]
        return KINDS[8]

    def lines(self, top: int = 12) -> list[str]:
        out = [f"polnear dev — missed gold sources by kind ({self.total})"]
        for kind in KINDS:
            n = self.kinds[kind]
            words = ", ".join(f"{w} {c}" for w, c in self.words[kind].most_common(top))
            out.append(f"  {kind:42s} {n:5d} ({n / self.total if self.total else 0:.1%})  {words}")
        return out
