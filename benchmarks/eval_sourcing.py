"""Score the sourcing rules and the source table.

    python -m benchmarks.eval_sourcing [--limit N]

1. The hand-labelled story set (benchmarks/sourcing): precision/recall of S101 one-sided-sourcing, S102
   single-source and S103 anonymous-heavy-sourcing against the expected verdicts, twice: with sides
   inferred from the text (no configuration) and with sides configured per story (each side's source names
   and affiliations, as an editor would write them in front matter).
2. polnear dev: recall (and precision) of the gold ``source`` spans by the source table's mentions (overlap).
3. basil dev: the share of each outlet's stories that get a sourcing flag.
4. allsides dev (the first ``--allsides`` stories, 400 by default): the share of stories each sourcing rule
   flags, with sides inferred; ``--list`` prints every flagged story's id and message, for a hand audit.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

from benchmarks.corpora import BinaryScore, SpanScore, records
from benchmarks.lint import lint_text, make_linter
from rhetlint.lint.config import Config
from rhetlint.lint.linter import Linter

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

HERE = Path(__file__).resolve().parent / "sourcing"
RULES = ("one-sided-sourcing", "single-source", "anonymous-heavy-sourcing")


def linter_with(sides: dict[str, list[str]] | None = None) -> Linter:
    config = Config()
    if sides:
        config.sides = sides
    return make_linter(("sourcing",), config=config)


def configured_sides(entry: dict) -> dict[str, list[str]]:
    sides: dict[str, list[str]] = {side: [] for side in entry.get("sides", [])}
    for source in entry.get("sources", []):
        if source.get("side") in sides:
            names = sides[source["side"]]
            names.append(source["name"])
            if source.get("affiliation"):
                names.append(source["affiliation"])
            if " " in source["name"] and source.get("type") == "named-person":
                names.append(source["name"].split()[-1])  # second references use the surname
    return sides


def story_set(configured: bool) -> None:
    expected = tomllib.loads((HERE / "expected.toml").read_text("utf-8"))
    scores = {rule: BinaryScore() for rule in RULES}
    exact_sides = 0
    judged = 0
    misses: list[str] = []
    for name, entry in sorted(expected.items()):
        text = (HERE / "stories" / name).read_text("utf-8")
        linter = linter_with(configured_sides(entry) if configured else None)
        doc = linter.parse(text, name)
        found = {d.name for d in linter.lint(doc)}
        for rule in RULES:
            scores[rule].add(rule in found, bool(entry.get(rule)))
            if (rule in found) != bool(entry.get(rule)):
                misses.append(f"{name}:{rule}:{'missed' if entry.get(rule) else 'false alarm'}")
        if entry.get("sides"):
            judged += 1
            want = Counter()
            for source in entry.get("sources", []):
                if source.get("side") in entry["sides"]:
                    want[source["side"]] += source["attributions"]
            got = Counter()
            for source in doc.sources:
                if source.side:
                    got[source.side] += len(source.attributions)
            exact_sides += dict(want) == dict(got)
    label = "configured sides" if configured else "inferred sides"
    print(f"== story set, {label} ({len(expected)} stories)")
    for rule in RULES:
        print(scores[rule].line(rule))
    print(f"{'per-side attribution counts exact':38s} {exact_sides} of {judged} stories with sides")
    if misses:
        print("   misses: " + ", ".join(misses))


def polnear(limit: int | None) -> None:
    linter = linter_with()
    score = SpanScore()
    for record in records("polnear", limit=limit):
        doc = linter.parse(record["text"], None, "text")
        predicted = [(m.start, m.end) for s in doc.sources for m in s.mentions]
        gold = [(s["start"], s["end"]) for s in record["spans"] if s["label"] == "source"]
        score.add(predicted, gold)
    print("== polnear dev: the source table against gold source spans")
    print(score.line("source mentions (overlap)"))


def basil(limit: int | None) -> None:
    linter = linter_with()
    flagged: dict[str, Counter[str]] = defaultdict(Counter)
    stories: Counter[str] = Counter()
    for record in records("basil", limit=limit):
        outlet = record["labels"].get("outlet", "?")
        stories[outlet] += 1
        for rule in {d.name for d in lint_text(linter, record["text"])}:
            flagged[outlet][rule] += 1
    print("== basil dev: share of each outlet's stories with a sourcing flag")
    for outlet in sorted(stories):
        n = stories[outlet]
        parts = ", ".join(f"{rule} {flagged[outlet][rule] / n:.0%}" for rule in RULES + ("foil-sourcing",))
        print(f"{outlet:16s} ({n} stories) {parts}")


def allsides(limit: int, listing: bool) -> None:
    linter = linter_with()
    flagged: Counter[str] = Counter()
    lines: list[str] = []
    n = 0
    for record in records("allsides", limit=limit):
        n += 1
        diagnostics = lint_text(linter, record["text"])
        for rule in {d.name for d in diagnostics}:
            flagged[rule] += 1
        lines.extend(f"   {record['id']}: {d.code} {d.message}" for d in diagnostics if d.name in RULES)
    print(f"== allsides dev ({n} stories, sides inferred): share of stories each rule flags")
    for rule in RULES + ("foil-sourcing",):
        print(f"{rule:38s} {flagged[rule]:4d} of {n} ({flagged[rule] / max(n, 1):.1%})")
    if listing:
        print("\n".join(lines))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, help="records per corpus")
    parser.add_argument("--allsides", type=int, default=400, metavar="N", help="allsides dev stories to lint")
    parser.add_argument("--list", action="store_true", help="print each flagged allsides story and message")
    parser.add_argument("--only-allsides", action="store_true", help="skip the other corpora")
    args = parser.parse_args(argv)
    if not args.only_allsides:
        story_set(configured=False)
        story_set(configured=True)
        polnear(args.limit)
        basil(args.limit)
    allsides(args.allsides, args.list)


if __name__ == "__main__":
    main()
