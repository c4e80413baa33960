"""Read the shared evaluation corpora and score span and sentence predictions the same way every time.

Span scores use overlap: a predicted span counts as correct when it overlaps any gold span (precision), and
a gold span counts as found when any prediction overlaps it (recall). F1 is their harmonic mean.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
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


def _overlaps(a: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(a[0] < e and s < a[1] for s, e in spans)


@dataclass
class SpanScore:
    predicted: int = 0
    predicted_correct: int = 0
    gold: int = 0
    gold_found: int = 0

    def add(self, predicted: Iterable[tuple[int, int]], gold: Iterable[tuple[int, int]]) -> None:
        predicted, gold = list(predicted), list(gold)
        self.predicted += len(predicted)
        self.predicted_correct += sum(1 for p in predicted if _overlaps(p, gold))
        self.gold += len(gold)
        self.gold_found += sum(1 for g in gold if _overlaps(g, predicted))

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
        return (f"{label:38s} P={self.precision:.3f} R={self.recall:.3f} F1={self.f1:.3f} "
                f"(pred {self.predicted}, gold {self.gold})")


@dataclass
class BinaryScore:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

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
        return (f"{label:38s} P={p:.3f} R={r:.3f} F1={f:.3f} macro-F1={self.macro_f1:.3f} "
                f"(tp {self.tp}, fp {self.fp}, fn {self.fn}, tn {self.tn})")
