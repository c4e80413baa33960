"""Fingerprints of diagnostics that survive edits elsewhere in the file.

A fingerprint hashes the path, the rule, the flagged words and the whitespace-normalised line they stand
on, never the line number, so text added above a finding leaves it unchanged. Identical findings on
identical lines are told apart by their order in the file. The GitLab Code Quality report and the
baseline (``--baseline``) both use it, so a finding is "the same" in both.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable

from rhetlint.model.diagnostics import Diagnostic


def normalized(text: str) -> str:
    """``text`` with runs of whitespace made one space, so re-wrapping or re-indenting does not count."""
    return " ".join(text.split())


def fingerprint(*parts: str) -> str:
    """A short stable hash of ``parts`` (32 hex digits)."""
    digest = hashlib.sha256("\0".join(parts).encode("utf-8", "surrogatepass")).hexdigest()
    return digest[:32]


def fingerprints(
    diagnostics: Iterable[Diagnostic],
    line_text: Callable[[Diagnostic], str | None],
    path_of: Callable[[Diagnostic], str] = lambda d: d.path,
) -> list[str]:
    """One fingerprint per diagnostic, in order; ``line_text`` gives the text of the line a diagnostic
    starts on (None when unknown: the flagged words stand in for it), ``path_of`` the path to hash.

    Diagnostics must come in file order (``Diagnostic.sort_key``) for the occurrence count to be stable.
    """
    seen: dict[tuple[str, ...], int] = {}
    out = []
    for d in diagnostics:
        line = line_text(d)
        key = (path_of(d), d.code, d.match, normalized(line if line is not None else d.match))
        occurrence = seen.get(key, 0)
        seen[key] = occurrence + 1
        out.append(fingerprint(*key, str(occurrence)))
    return out
