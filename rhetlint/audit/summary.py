"""The short text summary of an audit: the archive's overall rates and, per grouping, the groups at
either end of the loaded-terms and anonymous-or-vague scales."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

# Groups smaller than this are left out of the "highest / lowest" lines: a rate over three stories says little.
MIN_STORIES_TO_RANK = 5


def _share(value: float | None) -> str:
    return "n/a" if value is None else f"{value * 100:.1f}%"


def _number(value: float | None, digits: int = 2) -> str:
    return "n/a" if value is None else f"{value:,.{digits}f}"


def _prefixed(stats: dict[str, Any], prefix: str) -> list[tuple[str, Any]]:
    return [(key[len(prefix) :], value) for key, value in stats.items() if key.startswith(prefix)]


def summary_text(
    overall: dict[str, Any] | None, groups: list[dict[str, Any]], group_by: Sequence[str], partitions: int
) -> str:
    if overall is None:
        return "rhetlint audit: no articles\n"
    lines = [
        f"rhetlint audit: {overall['stories']:,} articles ({overall['errors']:,} with errors), "
        f"{overall['words']:,} words, {partitions:,} partition{'s' * (partitions != 1)}",
    ]
    by_rule = sorted(_prefixed(overall, "loaded_per_1000_words."), key=lambda kv: -(kv[1] or 0))
    rules = ", ".join(f"{name} {_number(rate)}" for name, rate in by_rule if rate)
    lines.append(
        f"loaded terms per 1,000 words: {_number(overall['loaded_per_1000_words'])}"
        + (f" ({rules})" if rules else "")
    )
    lines.append(
        f"attributions: {overall['attributions']:,}; anonymous {_share(overall['anonymous_share'])}, "
        f"vague {_share(overall['vague_share'])}"
    )
    verdicts = sorted(_prefixed(overall, "verdict_share."), key=lambda kv: (-(kv[1] or 0), kv[0]))
    lines.append("sourcing verdicts: " + ", ".join(f"{name} {_share(share)}" for name, share in verdicts))
    lines.append(f"sources per story: {_number(overall['sources_per_story'], 1)}")
    if group_by:
        ranked = [g for g in groups if g["stories"] >= MIN_STORIES_TO_RANK and g["words"]]
        label = " / ".join(group_by)
        lines.append(
            f"groups by {label}: {len(groups):,} ({len(ranked):,} with at least {MIN_STORIES_TO_RANK} stories)"
        )
        for key, title, show in (
            ("loaded_per_1000_words", "loaded terms per 1,000 words", _number),
            ("anonymous_or_vague_share", "anonymous or vague attributions", _share),
        ):
            rated = sorted(
                (g for g in ranked if g[key] is not None), key=lambda g: (-g[key], _name(g, group_by))
            )
            if len(rated) >= 2:
                top, bottom = rated[0], rated[-1]
                lines.append(
                    f"  {title}: highest {_name(top, group_by)} {show(top[key])}, "
                    f"lowest {_name(bottom, group_by)} {show(bottom[key])}"
                )
    return "\n".join(lines) + "\n"


def _name(group: dict[str, Any], group_by: Sequence[str]) -> str:
    return " / ".join(str(group[spec]) for spec in group_by)
