"""Find the spans that overlap a range, among many, by bisection.

Spans are kept by start with the furthest end reached so far, so the ones overlapping ``[start, end)`` are
found by one bisection and a walk back that stops as soon as nothing earlier can reach ``start``. The engine
uses it to see which findings a finding yields to, and incremental re-linting to give each paragraph its
quotations without scanning them all.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from typing import Generic, TypeVar

T = TypeVar("T")


class SpanIndex(Generic[T]):
    def __init__(self, items: Iterable[tuple[int, int, T]]) -> None:
        ordered = sorted(items, key=lambda item: (item[0], item[1]))
        self.starts = [s for s, _, _ in ordered]
        self.ends = [e for _, e, _ in ordered]
        self.items = [item for _, _, item in ordered]
        self.reach: list[int] = []  # the furthest end among the spans up to each one
        furthest = -1
        for end in self.ends:
            furthest = max(furthest, end)
            self.reach.append(furthest)

    def overlapping(self, start: int, end: int) -> list[T]:
        """The items whose spans overlap ``[start, end)``, in order of their starts."""
        i = bisect_left(self.starts, end)
        found = []
        while i > 0 and self.reach[i - 1] > start:
            i -= 1
            if self.ends[i] > start:
                found.append(self.items[i])
        found.reverse()
        return found
