"""Propose evaluative adjectives from a published subjectivity lexicon: pattern's ``en-sentiment.xml``.

    python -m benchmarks.subjectivity_candidates PATH/TO/en-sentiment.xml [--subjectivity 0.8] [--polarity 0.5]

The file (Tom De Smedt and Walter Daelemans, CLiPS, University of Antwerp; released under the PDDL, as its
root element says; the textblob package ships a copy in ``textblob/en/``) scores English adjectives per
sense: polarity from -1 to +1 and subjectivity from 0 to 1. A word's score is the mean over its senses, as
pattern and textblob compute it. The script lists the adjectives whose mean subjectivity and mean absolute
polarity both reach the thresholds, marking with ``*`` those the lexicons already match.

The list proposes; it decides nothing. The file was built for product and film reviews, so many of its
strongly subjective adjectives are neutral in news ("happy", "dangerous", "crude" oil, "striking" workers);
a person reads each candidate and only a word that passes judgement in a reporter's own voice goes into
lexicon/subjective.toml, with its why and its scores. Nothing here runs at lint time and nothing reads the
package: the path is given on the command line.
"""

from __future__ import annotations

import argparse
import re
import xml.etree.ElementTree as ElementTree
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

ADJECTIVE_TAGS = frozenset({"JJ"})
WORD = re.compile(r"[a-z]+(?:-[a-z]+)*")


@dataclass(frozen=True)
class Scored:
    """One adjective's scores, averaged over its senses."""

    word: str
    polarity: float
    subjectivity: float
    senses: int


def read_scores(path: Path) -> list[Scored]:
    """The adjectives of a pattern sentiment file, each with its mean polarity and subjectivity.

    The file is parsed with the standard library's XML reader, which expands no external entities."""
    senses: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for element in ElementTree.parse(path).getroot().iter("word"):
        form = (element.get("form") or "").lower()
        if element.get("pos") not in ADJECTIVE_TAGS or not WORD.fullmatch(form):
            continue
        senses[form].append((float(element.get("polarity", 0)), float(element.get("subjectivity", 0))))
    return [
        Scored(
            word,
            round(sum(p for p, _ in pairs) / len(pairs), 2),
            round(sum(s for _, s in pairs) / len(pairs), 2),
            len(pairs),
        )
        for word, pairs in sorted(senses.items())
    ]


def candidates(scores: list[Scored], subjectivity: float, polarity: float) -> list[Scored]:
    """The strongly subjective, strongly polar adjectives, most subjective and polar first."""
    kept = [s for s in scores if s.subjectivity >= subjectivity and abs(s.polarity) >= polarity]
    return sorted(kept, key=lambda s: (-s.subjectivity * abs(s.polarity), s.word))


def covered_words() -> set[str]:
    """Every one-word surface the built-in lexicons match (inflections and -ly adverbs included)."""
    from rhetlint_plugins.loaded.lexicon import builtin_lexicon
    from rhetlint_plugins.loaded.terms import patterns

    words: set[str] = set()
    for entry in builtin_lexicon().entries.values():
        for pattern in patterns(entry):
            if len(pattern.words) == 1 and isinstance(pattern.words[0], str):
                words.add(pattern.words[0])
    return words


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", type=Path, help="pattern's en-sentiment.xml")
    parser.add_argument("--subjectivity", type=float, default=0.8, help="least mean subjectivity (0-1)")
    parser.add_argument("--polarity", type=float, default=0.5, help="least mean absolute polarity (0-1)")
    args = parser.parse_args(argv)
    covered = covered_words()
    for scored in candidates(read_scores(args.path), args.subjectivity, args.polarity):
        mark = "*" if scored.word in covered else " "
        print(
            f"{mark} {scored.word:24s} polarity {scored.polarity:+.2f}  subjectivity {scored.subjectivity:.2f}"
        )


if __name__ == "__main__":
    main()
