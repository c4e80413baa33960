"""A bar chart as inline SVG: one group of bars per measure, one bar per side, each labelled with its value.

The labels carry the numbers, so the chart needs neither colour nor a legend to be read; the table beside
it holds the same figures for screen readers.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

WIDTH = 640
LABEL_WIDTH = 150
BAR_HEIGHT = 22
GAP = 6
HEADING = 26
VALUE_ROOM = 60


def bar_chart(
    chart_id: str,
    title: str,
    groups: Sequence[tuple[str, Sequence[tuple[str, int]]]],
    muted: str | None = None,
) -> str:
    """``groups`` is ``[(measure, [(label, value), ...]), ...]``, each group scaled to its own maximum; the
    bar labelled ``muted`` (e.g. "no side") is grey. ``chart_id`` must be unique in the page."""
    rows = sum(len(bars) for _, bars in groups)
    height = len(groups) * (HEADING + GAP) + rows * (BAR_HEIGHT + GAP) + GAP
    parts = [
        f'<svg class="chart" role="img" aria-labelledby="{chart_id}-title" viewBox="0 0 {WIDTH} {height}" '
        f'width="{WIDTH}" height="{height}" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
    ]
    y = GAP
    for measure, bars in groups:
        parts.append(f'<text class="chart-heading" x="0" y="{y + HEADING - 8}">{escape(measure)}</text>')
        y += HEADING + GAP
        top = max((value for _, value in bars), default=0) or 1
        room = WIDTH - LABEL_WIDTH - VALUE_ROOM
        for index, (side, value) in enumerate(bars):
            length = round(room * value / top) if value else 0
            parts.append(
                f'<text class="chart-label" x="{LABEL_WIDTH - 8}" y="{y + BAR_HEIGHT - 6}" '
                f'text-anchor="end">{escape(_short(side))}</text>'
                f'<rect class="chart-bar {_bar_class(side, index, muted)}" x="{LABEL_WIDTH}" y="{y}" '
                f'width="{max(length, 1)}" height="{BAR_HEIGHT}"><title>{escape(side)}: {value}</title></rect>'
                f'<text class="chart-value" x="{LABEL_WIDTH + max(length, 1) + 6}" '
                f'y="{y + BAR_HEIGHT - 6}">{value}</text>'
            )
            y += BAR_HEIGHT + GAP
    parts.append("</svg>")
    return "".join(parts)


def _bar_class(label: str, index: int, muted: str | None) -> str:
    return "chart-bar-muted" if label == muted else f"chart-bar-{index % 5}"


def _short(text: str, limit: int = 22) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
