"""SpanIndex: the spans overlapping a range, found by bisection."""

from __future__ import annotations

import random

from rhetlint.model.spans import SpanIndex


def test_overlapping_spans_come_back_in_order_of_their_starts():
    index = SpanIndex([(0, 100, "long"), (10, 12, "a"), (20, 25, "b"), (30, 31, "c"), (50, 60, "d")])
    assert index.overlapping(21, 30) == ["long", "b"]
    assert index.overlapping(100, 120) == []
    assert SpanIndex([]).overlapping(0, 10) == []


def test_overlapping_agrees_with_a_scan_of_every_span():
    rng = random.Random(7)
    spans = [
        (s, s + rng.randrange(1, 40), k) for k, s in enumerate(rng.randrange(0, 500) for _ in range(300))
    ]
    index = SpanIndex(spans)
    for _ in range(500):
        start = rng.randrange(0, 520)
        end = start + rng.randrange(1, 30)
        expected = [k for s, e, k in sorted(spans, key=lambda x: (x[0], x[1])) if s < end and start < e]
        assert index.overlapping(start, end) == expected
