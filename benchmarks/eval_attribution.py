"""Measure the attribution analysis and the attribution rules on the shared corpora.

    python -m benchmarks.eval_attribution [--limit N] [--misses]

* polnear dev: precision/recall/F1 (overlap) of the analysis's source and cue spans against the gold
  ``source`` / ``cue`` spans; recall of gold ``cue_no_source`` spans by sourceless attributions and by the
  rules' flags; and the share of rule flags that fall inside content the gold credits to a named source
  (a false alarm: that claim is attributed).
* wiki_weasel dev: sentence-level precision/recall/F1 of A102 vague-attribution against ``uncertain == 1``
  (the label also counts hedges, so precision is the figure to guard).

Published anchors (RHETORIC.md): a rule-based quote extractor reached quote F1 0.84; a trained extractor
source-span F1 0.85 (overlap) on PARC 3.0; a trained CoNLL-2010 weasel system F1 0.57 at precision 0.81.
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from typing import Any

from benchmarks.attribution_misses import Misses
from benchmarks.corpora import BinaryScore, SpanScore, records
from benchmarks.lint import make_linter

RULES = ("A101", "A102", "A103", "A104")
# Leading words of a gold source that do not make it named ("Some critics", "The officials").
UNNAMED_LEADS = frozenset(
    {
        "the",
        "a",
        "an",
        "some",
        "many",
        "most",
        "several",
        "few",
        "two",
        "three",
        "one",
        "other",
        "others",
        "these",
        "those",
        "this",
        "that",
        "it",
    }
)
# Pronouns standing for a source named elsewhere in the article.
NAMED_PRONOUNS = frozenset({"he", "she", "him", "her", "i", "we", "they", "his", "their"})


def _named(source_text: str) -> bool:
    """Whether a gold source names someone: a capitalised word past any determiner, or a pronoun."""
    words = source_text.replace("’", "'").split()
    if not words:
        return False
    if len(words) == 1 and words[0].lower() in NAMED_PRONOUNS:
        return True
    while words and words[0].lower() in UNNAMED_LEADS:
        words.pop(0)
    return any(w[:1].isupper() for w in words)


def _inside(span: tuple[int, int], regions: list[tuple[int, int]]) -> bool:
    middle = (span[0] + span[1]) // 2
    return any(s <= middle < e for s, e in regions)


def eval_polnear(linter: Any, limit: int | None = None, misses: Misses | None = None) -> list[str]:
    from rhetlint.analysis.attribution.lexicon import lexicon
    from rhetlint.model.document import Document

    triggers = lexicon().triggers

    source, cue, sourceless = SpanScore(), SpanScore(), SpanScore()
    flagged_cns = SpanScore()
    flags = Counter()
    inside_named = Counter()
    inside_any = Counter()
    for rec in records("polnear", limit=limit):
        text = rec["text"]
        gold: dict[str, list[tuple[int, int]]] = {}
        sources_by_attr: dict[str, list[str]] = {}
        for span in rec["spans"]:
            gold.setdefault(span["label"], []).append((span["start"], span["end"]))
            if span["label"] == "source":
                sources_by_attr.setdefault(span.get("attr", ""), []).append(span["text"])
        named_content = [
            (s["start"], s["end"])
            for s in rec["spans"]
            if s["label"] == "content" and any(_named(t) for t in sources_by_attr.get(s.get("attr", ""), []))
        ]
        any_content = gold.get("content", [])

        doc = Document.from_text(text)
        atts = doc.attributions
        source.add([(a.source.start, a.source.end) for a in atts if a.source], gold.get("source", []))
        cue.add([(a.cue.start, a.cue.end) for a in atts if a.cue and a.source], gold.get("cue", []))
        if misses is not None:
            misses.add(rec, [a for a in atts if a.cue and a.source], triggers, doc.in_quote)
        sourceless.add(
            [(a.cue.start, a.cue.end) for a in atts if a.cue and not a.source], gold.get("cue_no_source", [])
        )

        found = [d for d in linter.lint(doc) if d.code in RULES]
        spans = [(d.start.offset, d.end.offset) for d in found]
        flagged_cns.add(spans, gold.get("cue_no_source", []))
        for d, span in zip(found, spans, strict=True):
            flags[d.code] += 1
            inside_named[d.code] += _inside(span, named_content)
            inside_any[d.code] += _inside(span, any_content)

    total = sum(flags.values())
    lines = [
        "polnear dev — attribution analysis (overlap)",
        "  " + source.line("source spans"),
        "  " + cue.line("cue spans (attributions with a source)"),
        "  " + sourceless.line("cue_no_source by sourceless cues"),
        "polnear dev — attribution rules",
        f"  {'cue_no_source recall by rule flags':38s} R={flagged_cns.recall:.3f} "
        f"(found {flagged_cns.gold_found} of {flagged_cns.gold})",
        f"  {'flags inside named-source content':38s} {sum(inside_named.values())}/{total} = "
        f"{sum(inside_named.values()) / total if total else 0:.3f}  (target < 0.10)",
        f"  {'flags inside any sourced content':38s} {sum(inside_any.values())}/{total} = "
        f"{sum(inside_any.values()) / total if total else 0:.3f}",
    ]
    for code in RULES:
        n = flags[code]
        lines.append(
            f"    {code}: {n} flags, {inside_named[code]} inside named-source content"
            f" ({inside_named[code] / n if n else 0:.3f})"
        )
    return lines


def eval_wiki_weasel(linter: Any, limit: int | None = None) -> list[str]:
    vague, any_rule = BinaryScore(), BinaryScore()
    for rec in records("wiki_weasel", limit=limit):
        gold = str(rec["labels"].get("uncertain")) == "1"
        codes = {d.code for d in linter.lint_source(rec["text"], "sentence.txt")}
        vague.add("A102" in codes, gold)
        any_rule.add(bool(codes & set(RULES)), gold)
    return [
        "wiki_weasel dev — sentence level, gold uncertain == 1",
        "  " + vague.line("A102 vague-attribution") + "  (target P >= 0.70)",
        "  " + any_rule.line("any attribution rule (A101-A104)"),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=None, help="read only the first N records of each set")
    parser.add_argument(
        "--misses",
        action="store_true",
        help="also count the PolNeAR attributions missed, by kind and cue word",
    )
    args = parser.parse_args(argv)
    linter = make_linter(RULES)
    started = time.perf_counter()
    misses = Misses() if args.misses else None
    for line in eval_polnear(linter, args.limit, misses):
        print(line)
    if misses is not None:
        for line in misses.lines():
            print(line)
    for line in eval_wiki_weasel(linter, args.limit):
        print(line)
    print(f"({time.perf_counter() - started:.1f}s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
