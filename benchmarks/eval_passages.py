"""Score the loaded-language rules on the slanted passages and their literal twins (benchmarks/passages).

    python -m benchmarks.eval_passages

Span scores are overlap-based, as on the corpora (benchmarks.corpora.SpanScore): a flag is correct when it
overlaps a gold phrase, a gold phrase is found when a flag overlaps it. Every flag in a twin file is a false
positive, so the twins weigh in the precision of their class.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from benchmarks.corpora import SpanScore
from benchmarks.lint import lint_text, make_linter
from rhetlint.rules.data import parse_toml

HERE = Path(__file__).parent
PASSAGES = HERE.parent / "tests" / "fixtures" / "loaded" / "classes"
GOLD = HERE / "passages" / "gold.toml"


def gold_spans(text: str, phrases: list[str], where: str) -> list[tuple[int, int]]:
    """Each phrase at its first occurrence after the previous one; a phrase not found is an error."""
    spans: list[tuple[int, int]] = []
    position = 0
    for phrase in phrases:
        start = text.find(phrase, position)
        if start < 0:
            raise SystemExit(
                f"{where}: gold phrase {phrase!r} is not in the passage (after offset {position})"
            )
        spans.append((start, start + len(phrase)))
        position = start + len(phrase)
    return spans


def evaluate() -> dict[str, tuple[SpanScore, int]]:
    """Per class: the span score over the slanted file and its twin, and the twin's flag count."""
    gold = parse_toml(GOLD.read_text("utf-8"), str(GOLD))
    linter = make_linter(("loaded-language",))
    results: dict[str, tuple[SpanScore, int]] = {}
    for name, table in gold.items():
        score = SpanScore()
        slanted = (PASSAGES / f"{name}.md").read_text("utf-8")
        flagged = [(d.start.offset, d.end.offset) for d in lint_text(linter, slanted)]
        score.add(flagged, gold_spans(slanted, table["phrases"], f"{GOLD.name} [{name}]"))
        twin = (PASSAGES / f"{name}-literal.md").read_text("utf-8")
        twin_flags = [(d.start.offset, d.end.offset) for d in lint_text(linter, twin)]
        score.add(twin_flags, [])
        results[name] = (score, len(twin_flags))
    return results


def main(argv: list[str] | None = None) -> None:
    argparse.ArgumentParser(description=__doc__.split("\n\n")[0]).parse_args(argv)
    results = evaluate()
    total = SpanScore()
    twins = 0
    for name, (score, twin_flags) in results.items():
        for row in score.documents:
            total.documents.append(row)
            total.predicted += row[0]
            total.predicted_correct += row[1]
            total.gold += row[2]
            total.gold_found += row[3]
        twins += twin_flags
        print(f"{score.line(name)}; {twin_flags} flags on the literal twin")
    print(f"{total.line('all classes')}; {twins} flags on the literal twins")


if __name__ == "__main__":
    main()
