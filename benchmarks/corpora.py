"""Read the shared evaluation corpora and score span and sentence predictions the same way every time.

Span scores use overlap: a predicted span counts as correct when it overlaps any gold span (precision), and
a gold span counts as found when any prediction overlaps it (recall). F1 is their harmonic mean.

A held-out part of each corpus is scored separately, so a dev figure is a sample: ``SpanScore.interval``
resamples the documents (bootstrap) to show how far another sample of the same corpus may land.
"""

from __future__ import annotations

import json
import os
import random
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
CORPORA = Path(os.environ.get("RHETLINT_CORPORA", HERE.parent.parent / "shared" / "corpora"))


def corpus_path(name: str, split: str = "dev") -> Path:
    return CORPORA / name / f"{split}.jsonl"


def records(name: str, split: str = "dev", limit: int | None = None) -> Iterator[dict[str, Any]]:
    path = corpus_path(name, split)
    with path.open(encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if limit is not None and i >= limit:
                return
            if line.strip():
                yield json.loads(line)


def overlaps(a: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    """Whether span ``a`` overlaps any of ``spans`` (the matching rule of every span score here)."""
    return any(a[0] < e and s < a[1] for s, e in spans)


@dataclass
class SpanScore:
    predicted: int = 0
    predicted_correct: int = 0
    gold: int = 0
    gold_found: int = 0
    # (predicted, predicted_correct, gold, gold_found) per document, for resampling
    documents: list[tuple[int, int, int, int]] = field(default_factory=list, repr=False)

    def add(self, predicted: Iterable[tuple[int, int]], gold: Iterable[tuple[int, int]]) -> None:
        predicted, gold = list(predicted), list(gold)
        row = (
            len(predicted),
            sum(1 for p in predicted if overlaps(p, gold)),
            len(gold),
            sum(1 for g in gold if overlaps(g, predicted)),
        )
        self.documents.append(row)
        self.predicted += row[0]
        self.predicted_correct += row[1]
        self.gold += row[2]
        self.gold_found += row[3]

    def interval(self, rounds: int = 1000, seed: int = 0) -> dict[str, tuple[float, float]]:
        """95% bootstrap intervals of precision, recall and F1, resampling documents with replacement."""
        rng = random.Random(seed)
        docs = self.documents
        samples: dict[str, list[float]] = {"P": [], "R": [], "F1": []}
        for _ in range(rounds):
            totals = [0, 0, 0, 0]
            for row in rng.choices(docs, k=len(docs)):
                for k in range(4):
                    totals[k] += row[k]
            p = totals[1] / totals[0] if totals[0] else 0.0
            r = totals[3] / totals[2] if totals[2] else 0.0
            samples["P"].append(p)
            samples["R"].append(r)
            samples["F1"].append(2 * p * r / (p + r) if p + r else 0.0)
        out = {}
        for name, values in samples.items():
            values.sort()
            out[name] = (values[int(0.025 * rounds)], values[int(0.975 * rounds) - 1])
        return out

    def interval_line(self) -> str:
        ci = self.interval()
        return f"{'  95% interval (bootstrap over documents)':38s} " + " ".join(
            f"{k}={lo:.3f}-{hi:.3f}" for k, (lo, hi) in ci.items()
        )

    @property
    def precision(self) -> float:
        return self.predicted_correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.gold_found / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def line(self, label: str) -> str:
        return (
            f"{label:38s} P={self.precision:.3f} R={self.recall:.3f} F1={self.f1:.3f} "
            f"(pred {self.predicted}, gold {self.gold})"
        )


class BinaryScore:
    """A confusion matrix of sentence (or story) labels."""

    def __init__(self) -> None:
        self.tp = self.fp = self.fn = self.tn = 0

    def add(self, predicted: bool, gold: bool) -> None:
        if predicted and gold:
            self.tp += 1
        elif predicted:
            self.fp += 1
        elif gold:
            self.fn += 1
        else:
            self.tn += 1

    @staticmethod
    def _f1(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    @property
    def positive(self) -> tuple[float, float, float]:
        return self._f1(self.tp, self.fp, self.fn)

    @property
    def negative(self) -> tuple[float, float, float]:
        return self._f1(self.tn, self.fn, self.fp)

    @property
    def macro_f1(self) -> float:
        return (self.positive[2] + self.negative[2]) / 2

    def line(self, label: str) -> str:
        p, r, f = self.positive
        return (
            f"{label:38s} P={p:.3f} R={r:.3f} F1={f:.3f} macro-F1={self.macro_f1:.3f} "
            f"(tp {self.tp}, fp {self.fp}, fn {self.fn}, tn {self.tn})"
        )
