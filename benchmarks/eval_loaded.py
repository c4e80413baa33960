"""Score the loaded-language rules on the shared corpora (dev splits).

    python -m benchmarks.eval_loaded [--limit N] [--corpus babe,mbic,ptc,basil,allsides] [--interval]
    python -m benchmarks.eval_loaded --per-class     # also each class of slant (figure, mind-reading, ...)

Span scores are overlap-based (benchmarks.corpora.SpanScore). Sentence scores count a sentence as flagged
when any loaded-language diagnostic falls in it, against label_bias == "Biased" ("No agreement" skipped).
"""

from __future__ import annotations

import argparse
import time
from collections import Counter

from benchmarks.corpora import BinaryScore, SpanScore, records
from benchmarks.lint import lint_text, make_linter
from rhetlint.model.diagnostics import Diagnostic

PTC_LABELS = ("Loaded_Language", "Name_Calling,Labeling")


def slant_class(diagnostic: Diagnostic) -> str:
    """The class of slant a finding names in its data (a lexicon term's class), else its rule."""
    data = diagnostic.data or {}
    return str(data.get("class") or diagnostic.name)


def evaluate(
    corpora: list[str],
    limit: int | None = None,
    select: tuple[str, ...] = ("loaded-language",),
    verbose: bool = False,
    interval: bool = False,
    per_class: bool = False,
) -> None:
    linter = make_linter(select)
    for name in corpora:
        started = time.perf_counter()
        spans = SpanScore()
        sentences = BinaryScore()
        warnings_only = SpanScore()
        words = flags = warn_flags = chars = 0
        per_rule: dict[str, SpanScore] = {}
        classes: dict[str, SpanScore] = {}
        class_flags: Counter[str] = Counter()
        outside = SpanScore()
        per_label: dict[str, SpanScore] = {}
        for record in records(name, limit=limit):
            text = record["text"]
            chars += len(text)
            diagnostics = lint_text(linter, text)
            predicted = [(d.start.offset, d.end.offset) for d in diagnostics]
            if per_class:
                for d in diagnostics:
                    class_flags[slant_class(d)] += 1
            if name in ("babe", "mbic"):
                label = record["labels"].get("label_bias")
                gold = [(s["start"], s["end"]) for s in record["spans"] if s["label"] == "biased_word"]
                spans.add(predicted, gold)
                for d in diagnostics:
                    per_rule.setdefault(d.name, SpanScore()).add([(d.start.offset, d.end.offset)], gold)
                    classes.setdefault(slant_class(d), SpanScore()).add(
                        [(d.start.offset, d.end.offset)], gold
                    )
                warnings_only.add(
                    [(d.start.offset, d.end.offset) for d in diagnostics if d.severity != "info"], gold
                )
                if label in ("Biased", "Non-biased"):
                    sentences.add(bool(predicted), label == "Biased")
            elif name == "ptc":
                gold = [(s["start"], s["end"]) for s in record["spans"] if s["label"] in PTC_LABELS]
                spans.add(predicted, gold)
                for label in PTC_LABELS:
                    per_label.setdefault(label, SpanScore()).add(
                        predicted, [(s["start"], s["end"]) for s in record["spans"] if s["label"] == label]
                    )
                doc = linter.parse(
                    text, None, "text"
                )  # the rules skip quotations: score the writer's voice too
                outside.add(predicted, [g for g in gold if not doc.in_quote(g[0])])
                for d in diagnostics:
                    per_rule.setdefault(d.name, SpanScore()).add([(d.start.offset, d.end.offset)], gold)
                    classes.setdefault(slant_class(d), SpanScore()).add(
                        [(d.start.offset, d.end.offset)], gold
                    )
            elif name == "basil":
                gold = [(s["start"], s["end"]) for s in record["spans"] if s["label"] == "lexical_bias"]
                spans.add(predicted, gold)
            elif name == "allsides":
                words += len(text.split())
                flags += len(diagnostics)
                warn_flags += sum(1 for d in diagnostics if d.severity != "info")
        seconds = time.perf_counter() - started
        print(f"== {name} ({chars / 1e6:.2f} MB, {seconds:.1f} s)")
        if name == "allsides":
            print(
                f"{'flags per 1,000 words':38s} {1000 * flags / max(words, 1):.2f} "
                f"(warnings only {1000 * warn_flags / max(words, 1):.2f}; {flags} flags, {words} words)"
            )
            for name_of_class, count in sorted(class_flags.items()) if per_class else ():
                print(
                    f"  {name_of_class:30s} {1000 * count / max(words, 1):.2f} flags per 1,000 words ({count})"
                )
            continue
        print(spans.line("span (overlap)"))
        if interval:
            print(spans.interval_line())
        if outside.gold:
            print(outside.line("span, gold outside quotations"))
        for label, score in per_label.items():
            print(f"{'  recall of ' + label:38s} R={score.recall:.3f} (gold {score.gold})")
        if name in ("babe", "mbic"):
            print(warnings_only.line("span, warnings only"))
            print(sentences.line("sentence (label_bias == Biased)"))
        if classes and per_class:
            for name_of_class, score in sorted(classes.items()):
                print(f"  {name_of_class:30s} precision {score.precision:.3f} of {score.predicted} flags")
        if per_rule and verbose:
            for rule_name, score in sorted(per_rule.items()):
                print(f"  {rule_name:30s} precision {score.precision:.3f} of {score.predicted} flags")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", default="babe,mbic,ptc,basil,allsides")
    parser.add_argument("--limit", type=int)
    parser.add_argument("--select", default="loaded-language")
    parser.add_argument("--per-rule", action="store_true", help="also print span precision per rule")
    parser.add_argument(
        "--per-class", action="store_true", help="also print precision (flags on allsides) per class of slant"
    )
    parser.add_argument(
        "--interval",
        action="store_true",
        help="also print 95%% bootstrap intervals of the span scores (resampling documents)",
    )
    args = parser.parse_args(argv)
    evaluate(
        args.corpus.split(","),
        args.limit,
        tuple(args.select.split(",")),
        args.per_rule,
        args.interval,
        args.per_class,
    )


if __name__ == "__main__":
    main()
