"""Which fixes ``--fix`` applies, and applying them to a text.

A fix is **safe** when it swaps the flagged words for others in place without changing what the
sentence asserts. It is **unsafe**, and applied only with ``--unsafe-fixes``, when any of these holds:

- its rule marks it so (``Fix(safe=False)``: the plain word a euphemism hides is a claim to check);
- it deletes words (an empty replacement): the sentence may lose what it said, or its grammar;
- the words it replaces, or its replacement, run over a line break: more than a word swap;
- the words stand inside a direct quotation: changing them would misquote the speaker.

Each finding contributes its best fix that is allowed; fixes are applied from the start of the file, and
one that overlaps a fix already taken (or a second insertion at the same point) waits for the next pass,
after the text is linted again.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from rhetlint.model.diagnostics import Diagnostic, Fix

LINE_BREAKS = ("\n", "\r", "\u2028", "\u2029", "\x85", "\x0b", "\x0c")


@dataclass(frozen=True)
class Edit:
    """One fix placed in the text: replace ``start``..``end`` with ``replacement``."""

    start: int
    end: int
    replacement: str
    code: str


def fix_span(d: Diagnostic, fix: Fix) -> tuple[int, int]:
    """The offsets a fix replaces: its own, or the finding's."""
    if fix.start is None:
        return d.start.offset, d.end.offset
    return fix.start, fix.end if fix.end is not None else fix.start


def unsafe_reason(d: Diagnostic, fix: Fix, source: str, in_quote: Callable[[int], bool]) -> str | None:
    """Why ``fix`` may change meaning (see the module's rule), or None when it is safe."""
    start, end = fix_span(d, fix)
    if not fix.safe:
        return "its rule marks it as changing meaning"
    if not fix.replacement.strip():
        return "it deletes words"
    replaced = source[start:end]
    if any(b in replaced or b in fix.replacement for b in LINE_BREAKS):
        return "it runs over a line break"
    if start < end and in_quote(start):
        return "it would change a direct quotation"
    return None


def plan_edits(
    diagnostics: Iterable[Diagnostic],
    source: str,
    in_quote: Callable[[int], bool],
    unsafe: bool = False,
) -> list[Edit]:
    """The fixes to apply in one pass: each finding's first allowed fix, without overlaps, in file order."""
    candidates: list[Edit] = []
    for d in diagnostics:
        for fix in d.fixes:
            start, end = fix_span(d, fix)
            if not 0 <= start <= end <= len(source):
                continue  # a fix outside the text (a stale or broken plugin) is never applied
            if unsafe or unsafe_reason(d, fix, source, in_quote) is None:
                candidates.append(Edit(start, end, fix.replacement, d.code))
                break
    candidates.sort(key=lambda e: (e.start, e.end, e.code))
    edits: list[Edit] = []
    taken_until = -1
    for edit in candidates:
        if edits and (edit.start, edit.end, edit.replacement) == (
            edits[-1].start,
            edits[-1].end,
            edits[-1].replacement,
        ):
            continue  # two rules proposing the same change: once
        if edit.start < taken_until or (edit.start == taken_until and edit.start == edit.end):
            continue
        if edits and edit.start == edits[-1].start == edits[-1].end:
            continue  # an insertion already stands at this point
        edits.append(edit)
        taken_until = edit.end
    return edits


def apply_edits(source: str, edits: Sequence[Edit]) -> str:
    """``source`` with non-overlapping ``edits`` (in file order) applied."""
    parts: list[str] = []
    at = 0
    for edit in edits:
        parts.append(source[at : edit.start])
        parts.append(edit.replacement)
        at = edit.end
    parts.append(source[at:])
    return "".join(parts)
