"""The analyses' word lists.

Word lists live in ``rhetlint/data/*.txt`` so they can be read and extended without touching code; this
module loads them once.
"""

from __future__ import annotations

from functools import cache
from importlib import resources


@cache
def word_lines(name: str) -> tuple[tuple[str, ...], ...]:
    """Return the non-comment lines of ``rhetlint/data/<name>.txt``, each split on whitespace, lowercased."""
    text = resources.files("rhetlint.data").joinpath(f"{name}.txt").read_text("utf-8")
    rows = []
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            rows.append(tuple(line.lower().split()))
    return tuple(rows)


@cache
def word_set(name: str) -> frozenset[str]:
    """Return a one-item-a-line list as a set of (possibly multiword) lowercase phrases."""
    return frozenset(" ".join(row) for row in word_lines(name))


def tagged_phrases(
    name: str, tags: frozenset[str] | set[str], max_tags: int = 3
) -> list[tuple[str, tuple[str, ...]]]:
    """Split lines of the form ``phrase words TAG [TAG …]`` into (phrase, tags), reading tags from the right.

    ``max_tags`` keeps a phrase whose last word is also a tag intact ("in fact fact" -> "in fact", "fact").
    """
    out = []
    for row in word_lines(name):
        words = list(row)
        found: list[str] = []
        while len(words) > 1 and words[-1] in tags and len(found) < max_tags:
            found.insert(0, words.pop())
        out.append((" ".join(words), tuple(found)))
    return out
