"""Propose partisan vocabulary from AllSides: words and two-word phrases whose use leans left or right.

    python -m benchmarks.partisan_candidates [--top 60] [--min-outlets 3] [--split dev]

Each AllSides story carries its outlet's lean (left, center, right) and a topic. The score of a term is the
weighted log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi and Quinn, "Fightin' Words",
2008) between left and right stories, as a z-score, counted over stories (a story counts a term once, so one
long story cannot make a term) and only on topics both sides wrote about. A term must appear in stories of
at least ``--min-outlets`` outlets on its side, so one outlet's boilerplate ("Story Highlights", a byline)
does not make the list. Terms the lexicons already match are marked ``*``.

The list proposes; it decides nothing. Most of its top is topic words and house style; a person reads each
candidate in its stories, and only a term used as a label or a framing, with a neutral alternative, goes
into lexicon/partisan.toml with its why.
"""

from __future__ import annotations

import argparse
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable

from benchmarks.corpora import records

SIDES = ("left", "right")
WORD = re.compile(r"[a-z]+(?:[-'][a-z]+)*")
# Words that start or end no phrase worth reading: a bigram must hold a content word at each end.
STOP = frozenset(
    "a an the and or but of to in on at by for with from as is are was were be been being it its this that "
    "these those he she they we you i his her their our your my him them us me not no so if than then there "
    "here who whom which what when where why how all any each some more most also just about into over after "
    "before up out down off would will can could should may might must do does did has have had said says "
    "told one two new mr ms mrs".split()
)


def terms(text: str) -> set[str]:
    """The distinct words and content-word bigrams of a story, lower-cased."""
    words = WORD.findall(text.lower())
    found = {w for w in words if w not in STOP and len(w) > 2}
    found.update(
        f"{a} {b}" for a, b in zip(words, words[1:], strict=False) if a not in STOP and b not in STOP
    )
    return found


def log_odds(
    counts: dict[str, Counter[str]], totals: dict[str, int], prior_weight: float = 500.0
) -> dict[str, float]:
    """z-scores of the weighted log-odds of each term, left minus right (positive: leans left)."""
    background: Counter[str] = counts["left"] + counts["right"]
    size = sum(background.values())
    scores: dict[str, float] = {}
    n_left, n_right = totals["left"], totals["right"]
    for term, both in background.items():
        alpha = prior_weight * both / size
        y_left, y_right = counts["left"][term], counts["right"][term]
        delta = math.log((y_left + alpha) / (n_left + prior_weight - y_left - alpha)) - math.log(
            (y_right + alpha) / (n_right + prior_weight - y_right - alpha)
        )
        variance = 1 / (y_left + alpha) + 1 / (y_right + alpha)
        scores[term] = delta / math.sqrt(variance)
    return scores


def known_terms() -> set[str]:
    """Phrases the built-in lexicons already list (first words of every match), to mark in the output."""
    from rhetlint_plugins.loaded.lexicon import builtin_lexicon

    known: set[str] = set()
    for entry in builtin_lexicon().entries.values():
        known.update(" ".join(p.split()) for p in entry.phrases if "|" not in p and "*" not in p)
    return known


def candidates(
    stories: Iterable[dict[str, object]], min_outlets: int
) -> tuple[dict[str, float], dict[str, Counter[str]], dict[str, dict[str, set[str]]]]:
    by_topic: dict[str, set[str]] = defaultdict(set)
    kept: list[tuple[str, str, str, set[str]]] = []
    for story in stories:
        labels = story["labels"]
        assert isinstance(labels, dict)
        side, topic, outlet = labels.get("bias_text"), labels.get("topic", ""), labels.get("outlet", "")
        by_topic[topic].add(str(side))
        if side in SIDES:
            kept.append((str(side), str(topic), str(outlet), terms(str(story["text"]))))
    shared = {t for t, sides in by_topic.items() if set(SIDES) <= sides}
    counts: dict[str, Counter[str]] = {side: Counter() for side in SIDES}
    outlets: dict[str, dict[str, set[str]]] = {side: defaultdict(set) for side in SIDES}
    totals = dict.fromkeys(SIDES, 0)
    for side, topic, outlet, found in kept:
        if topic not in shared:
            continue
        counts[side].update(found)
        totals[side] += len(found)
        for term in found:
            outlets[side][term].add(outlet)
    scores = log_odds(counts, totals)
    scores = {t: z for t, z in scores.items() if len(outlets["left" if z > 0 else "right"][t]) >= min_outlets}
    return scores, counts, outlets


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--top", type=int, default=60, help="candidates printed per side")
    parser.add_argument("--min-outlets", type=int, default=3)
    parser.add_argument("--split", default="dev")
    parser.add_argument("--show", default="", help="comma-separated terms: print their scores only")
    args = parser.parse_args(argv)
    scores, counts, outlets = candidates(records("allsides", split=args.split), args.min_outlets)
    if args.show:
        for term in (t.strip().lower() for t in args.show.split(",")):
            z = scores.get(term)
            shown = f"z={z:+6.2f}" if z is not None else "too rare or one outlet's"
            print(f"{term:32s} {shown}  stories left/right {counts['left'][term]}/{counts['right'][term]}")
        return
    known = known_terms()
    for side, sign in (("left", 1), ("right", -1)):
        ranked = sorted(scores, key=lambda t: -sign * scores[t])[: args.top]
        print(f"== leaning {side} (z, stories left/right, outlets on this side; * = already in a lexicon)")
        for term in ranked:
            mark = "*" if term in known else " "
            print(
                f"{mark} {term:32s} z={scores[term]:+6.2f}  {counts['left'][term]:4d}/{counts['right'][term]:<4d}"
                f"  outlets {len(outlets[side][term])}"
            )


if __name__ == "__main__":
    main()
