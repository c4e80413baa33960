"""Statistics per group of articles (an outlet, a desk, a year): rates that compare groups of any size.

Rates are pooled over the group's articles (loaded terms per 1,000 words is the group's terms over its
words, not a mean of per-article rates), so a few very short stories do not swing a group. Articles with
an error count in ``stories`` and ``errors`` but in none of the rates.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from rhetlint.audit.measure import LOADED, NO_VERDICT, SOURCING

ALL = "(all)"


def group_value(row: dict[str, Any], spec: str) -> str:
    """The group of a row for one ``--group-by`` field: ``FIELD``, or ``FIELD:year`` / ``FIELD:month``
    for the first 4 or 7 characters of a date such as 2017-10-08."""
    field, _, part = spec.partition(":")
    value = row.get(field)
    if value is None or value == "":
        return "(none)"
    text = str(value)
    if part == "year":
        return text[:4]
    if part == "month":
        return text[:7]
    return text


def group_stats(
    rows: Iterable[dict[str, Any]], group_by: Sequence[str], rules: Sequence[tuple[str, str, str]]
) -> list[dict[str, Any]]:
    """One row per group (every combination of the ``group_by`` values met), in order of the values;
    with no ``group_by``, one row for all articles. ``rules`` are (code, name, category) of the rules run."""
    loaded_rules = [name for _code, name, category in rules if category == LOADED]
    sourcing_rules = [name for _code, name, category in rules if category == SOURCING]
    totals: dict[tuple[str, ...], dict[str, Any]] = {}
    for row in rows:
        key = tuple(group_value(row, spec) for spec in group_by) if group_by else (ALL,)
        acc = totals.get(key)
        if acc is None:
            acc = totals[key] = {"stories": 0, "errors": 0, "measured": 0, "words": 0, "loaded": 0,
                                 "attributions": 0, "anonymous": 0, "vague": 0, "sources": 0,
                                 "by_rule": dict.fromkeys(loaded_rules, 0),
                                 "verdicts": dict.fromkeys([*sourcing_rules, NO_VERDICT], 0)}  # fmt: skip
        acc["stories"] += 1
        if row.get("words") is None:
            acc["errors"] += 1
            continue
        acc["measured"] += 1
        acc["words"] += row["words"]
        acc["loaded"] += row["loaded_terms"]
        acc["attributions"] += row["attributions"]
        acc["anonymous"] += row["anonymous_attributions"]
        acc["vague"] += row["vague_attributions"]
        acc["sources"] += row["sources"]
        for name in loaded_rules:
            acc["by_rule"][name] += row["rule_counts"].get(name, 0)
        for verdict in str(row["sourcing_verdict"]).split(","):
            acc["verdicts"][verdict] = acc["verdicts"].get(verdict, 0) + 1
    out = []
    for key in sorted(totals):
        acc = totals[key]
        stats: dict[str, Any] = dict(zip(group_by, key, strict=True)) if group_by else {"group": ALL}
        words, measured, attributions = acc["words"], acc["measured"], acc["attributions"]
        stats.update(
            stories=acc["stories"],
            errors=acc["errors"],
            words=words,
            loaded_per_1000_words=_rate(acc["loaded"] * 1000, words),
        )
        for name in loaded_rules:
            stats[f"loaded_per_1000_words.{name}"] = _rate(acc["by_rule"][name] * 1000, words)
        stats.update(
            attributions=attributions,
            anonymous_share=_rate(acc["anonymous"], attributions),
            vague_share=_rate(acc["vague"], attributions),
            anonymous_or_vague_share=_rate(acc["anonymous"] + acc["vague"], attributions),
            sources_per_story=_rate(acc["sources"], measured),
        )
        for verdict, count in acc["verdicts"].items():
            stats[f"verdict_share.{verdict}"] = _rate(count, measured)
        out.append(stats)
    return out


def _rate(numerator: float, denominator: float) -> float | None:
    return round(numerator / denominator, 6) if denominator else None
