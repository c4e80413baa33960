"""Score the source table and the sourcing verdicts on real news with hand-made gold tables.

    python -m benchmarks.eval_realnews              # rhetlint against the gold tables
    python -m benchmarks.eval_realnews --agreement  # the second reading against the first
    python -m benchmarks.eval_realnews --misses     # also list every unmatched, split or merged source

The set is in benchmarks/realnews (see its README): stories from the allsides dev split, each annotated with
its sources (canonical name, every mention string, type, affiliation, side) and the three verdicts.

How a table is compared with the gold one:
- a source's mentions are spans of the text: for gold, every whole-word occurrence of each mention string;
  for rhetlint, the spans ``Source.mentions`` names. A predicted and a gold source match when any of their
  spans overlap;
- source precision is the share of predicted sources that match a gold source, recall the share of gold
  sources matched; a gold source matched by two or more predicted sources is *split*, a predicted source
  matching two or more gold sources is *merged*;
- type accuracy is over each gold source and the predicted source that shares most spans with it;
- side agreement is over pairs of matched gold sources where either table puts either source on a side: do
  both tables agree on whether the two stand on the same side?
- verdicts are scored on straight-news stories only.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from typing import Any

from benchmarks.corpora import BinaryScore, overlaps
from benchmarks.lint import make_linter
from rhetlint import Document

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

HERE = Path(__file__).resolve().parent / "realnews"
RULES = ("one-sided-sourcing", "single-source", "anonymous-heavy-sourcing")
NEUTRAL = "neutral"


@dataclass
class Entry:
    """One source of a table: who, what kind, on which side, and where the text names them."""

    name: str
    type: str
    side: str
    spans: list[tuple[int, int]] = field(default_factory=list)


def occurrences(text: str, mention: str) -> list[tuple[int, int]]:
    """Every whole-word occurrence of ``mention`` in ``text``."""
    pattern = re.compile(r"(?<!\w)" + re.escape(mention) + r"(?!\w)")
    return [(m.start(), m.end()) for m in pattern.finditer(text)]


def gold_table(text: str, annotation: dict[str, Any]) -> list[Entry]:
    """The gold sources with every place their mention strings occur, except inside a longer mention of
    another gold source ("Kemp" in "the Kemp campaign" names the campaign, not Brian Kemp) when the source
    occurs elsewhere too."""
    found = [
        sorted({span for mention in source.get("mentions", []) for span in occurrences(text, mention)})
        for source in annotation.get("sources", [])
    ]
    owner = sorted((span, i) for i, spans in enumerate(found) for span in spans)
    table = []
    for i, source in enumerate(annotation.get("sources", [])):
        spans = [
            (start, end)
            for start, end in found[i]
            if not any(k != i and s <= start and end <= e and (s, e) != (start, end) for (s, e), k in owner)
        ]
        table.append(Entry(source["name"], source["type"], source.get("side") or NEUTRAL, spans or found[i]))
    return table


def predicted_table(doc: Document) -> list[Entry]:
    return [
        Entry(s.name, s.type, s.side or NEUTRAL, [(m.start, m.end) for m in s.mentions]) for s in doc.sources
    ]


def _shared(a: Entry, b: Entry) -> int:
    """How many spans of ``a`` overlap a span of ``b``."""
    return sum(1 for span in a.spans if overlaps(span, b.spans))


@dataclass
class Comparison:
    """Counts from comparing predicted tables with gold ones, summed over stories."""

    # gold, predicted, gold_matched, predicted_matched, split, merged, typed, typed_right, side_pairs,
    # side_pairs_agreeing
    n: Counter[str] = field(default_factory=Counter)
    problems: list[str] = field(default_factory=list)
    side_lines: list[str] = field(default_factory=list)  # matched sources that either table puts on a side

    def add(self, story: str, gold: list[Entry], predicted: list[Entry]) -> None:
        overlap = [[_shared(g, p) for p in predicted] for g in gold]
        self.n["gold"] += len(gold)
        self.n["predicted"] += len(predicted)
        best: dict[int, int] = {}
        for i, g in enumerate(gold):
            hits = [j for j, n in enumerate(overlap[i]) if n]
            if not hits:
                self.problems.append(f"{story}: missed {g.name!r} ({g.type})")
                continue
            self.n["gold_matched"] += 1
            if len(hits) > 1:
                self.n["split"] += 1
                self.problems.append(f"{story}: {g.name!r} split into {[predicted[j].name for j in hits]}")
            best[i] = max(hits, key=lambda j: overlap[i][j])
            self.n["typed"] += 1
            if predicted[best[i]].type == g.type:
                self.n["typed_right"] += 1
            else:
                self.problems.append(f"{story}: {g.name!r} typed {predicted[best[i]].type}, gold {g.type}")
        for j, p in enumerate(predicted):
            hits = [i for i in range(len(gold)) if overlap[i][j]]
            if hits:
                self.n["predicted_matched"] += 1
            else:
                self.problems.append(f"{story}: extra source {p.name!r} ({p.type})")
            if len(hits) > 1:
                self.n["merged"] += 1
                self.problems.append(f"{story}: {p.name!r} merges {[gold[i].name for i in hits]}")
        for i in sorted(best):
            p = predicted[best[i]]
            if NEUTRAL != gold[i].side or NEUTRAL != p.side:
                self.side_lines.append(f"{story}: {gold[i].name!r} gold {gold[i].side}, predicted {p.side}")
        for i, k in combinations(sorted(best), 2):
            g_same = gold[i].side == gold[k].side != NEUTRAL
            p_i, p_k = predicted[best[i]], predicted[best[k]]
            p_same = p_i.side == p_k.side != NEUTRAL
            if {gold[i].side, gold[k].side, p_i.side, p_k.side} == {NEUTRAL}:
                continue
            self.n["side_pairs"] += 1
            self.n["side_pairs_agreeing"] += g_same == p_same

    def lines(self) -> Iterable[str]:
        def ratio(a: str, b: str) -> str:
            return f"{n[a] / n[b]:.3f}" if n[b] else "-"

        n = self.n
        p, r = ratio("predicted_matched", "predicted"), ratio("gold_matched", "gold")
        yield f"{'sources':38s} P={p} R={r} (predicted {n['predicted']}, gold {n['gold']})"
        yield (
            f"{'gold sources split / merged':38s} {ratio('split', 'gold')} / {ratio('merged', 'gold')} "
            f"({n['split']} split, {n['merged']} merged)"
        )
        yield f"{'type accuracy':38s} {ratio('typed_right', 'typed')} ({n['typed_right']} of {n['typed']})"
        yield (
            f"{'pairwise side agreement':38s} {ratio('side_pairs_agreeing', 'side_pairs')} "
            f"({n['side_pairs_agreeing']} of {n['side_pairs']} pairs)"
        )


def read_tables(folder: str) -> dict[str, dict[str, Any]]:
    return {
        p.with_suffix(".txt").name: tomllib.loads(p.read_text("utf-8"))
        for p in sorted((HERE / folder).glob("*.toml"))
    }


def story_text(name: str) -> str:
    return (HERE / "stories" / name).read_text("utf-8")


def score_rhetlint(show_misses: bool, show_sides: bool = False) -> None:
    gold = read_tables("gold")
    linter = make_linter(("sourcing",))
    comparison = Comparison()
    verdicts = {rule: BinaryScore() for rule in RULES}
    wrong: list[str] = []
    scored = 0
    for name, annotation in gold.items():
        text = story_text(name)
        doc = linter.parse(text, name)
        comparison.add(name, gold_table(text, annotation), predicted_table(doc))
        if not annotation.get("straight_news", True):
            continue
        scored += 1
        found = {d.name for d in linter.lint(doc)}
        for rule in RULES:
            verdicts[rule].add(rule in found, bool(annotation.get(rule)))
            if (rule in found) != bool(annotation.get(rule)):
                wrong.append(f"{name[:2]}:{rule}:{'missed' if annotation.get(rule) else 'false alarm'}")
    print(f"== real news: the source table against the gold ({len(gold)} stories)")
    for line in comparison.lines():
        print(line)
    print(f"== real news: verdicts, sides inferred ({scored} straight-news stories)")
    for rule in RULES:
        print(verdicts[rule].line(rule))
    if wrong:
        print("   wrong verdicts: " + ", ".join(wrong))
    if show_misses:
        print("\n".join(comparison.problems))
    if show_sides:
        print("\n".join(comparison.side_lines))


def agreement(show_misses: bool) -> None:
    """The second reading scored against the first, with the same measures (and verdict agreement)."""
    first, second = read_tables("gold"), read_tables("second")
    common = sorted(set(first) & set(second))
    comparison = Comparison()
    agree = total = 0
    for name in common:
        text = story_text(name)
        comparison.add(name, gold_table(text, first[name]), gold_table(text, second[name]))
        for rule in RULES:
            total += 1
            agree += bool(first[name].get(rule)) == bool(second[name].get(rule))
    print(f"== real news: second reading against the first ({len(common)} stories)")
    for line in comparison.lines():
        print(line)
    print(f"{'verdict agreement':38s} {agree / total if total else 0:.3f} ({agree} of {total})")
    if show_misses:
        print("\n".join(comparison.problems))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--agreement", action="store_true", help="score the second reading against the first")
    parser.add_argument(
        "--misses", action="store_true", help="list unmatched, split, merged and mistyped sources"
    )
    parser.add_argument(
        "--sides", action="store_true", help="list each matched source's gold and predicted side"
    )
    args = parser.parse_args(argv)
    if args.agreement:
        agreement(args.misses)
    else:
        score_rhetlint(args.misses, args.sides)


if __name__ == "__main__":
    main()
