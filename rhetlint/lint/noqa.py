"""``--add-noqa``: suppression comments for every current finding, in the draft's own syntax.

Markdown and HTML get ``<!-- rhetlint-disable-line NAMES -->`` at the end of the line a finding starts on
(before trailing spaces, so a Markdown hard break stays one): a comment line of its own would split a
Markdown paragraph. Plain text gets a ``# rhetlint-disable-next-line NAMES`` line above, with the line's
indentation and line ending, the only form it has (a directive line does not split a paragraph). The
rules' names are used, one comment per line listing each rule once. Findings of the meta rules (an unused
suppression, a rule error) are not suppressed.

Inserting comments can change what is found, so the work goes in passes until a lint finds nothing:
suppressing a finding can reveal one that gave way to it (yields-to), whose name joins the comment this
run wrote on that line; and some analyses measure distances in the text, which a comment lengthens, so a
comment written in an earlier pass can end up suppressing nothing (RL001), and is taken out again. The
user's own comments are never changed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from rhetlint.lint.fixes import Edit, apply_edits
from rhetlint.lint.linter import UNUSED_SUPPRESSION, Linter
from rhetlint.model.diagnostics import Diagnostic
from rhetlint.text.lines import LineIndex

# Passes over one draft; each one lints it again.
MAX_PASSES = 8
# The end of the rule list inside a comment this module wrote, where another name goes.
MARKUP_NAMES_END = re.compile(r" -->$")


@dataclass(frozen=True)
class NoqaResult:
    text: str
    comments: int  # suppression comments written (and still needed at the end)
    left: int  # findings still reported at the end (a line where a comment cannot stand)


@dataclass(frozen=True)
class _Written:
    """A comment this run wrote: its offsets in the current text (the comment itself, no line break)."""

    start: int
    end: int


def _names_by_line(diagnostics: Sequence[Diagnostic]) -> dict[int, list[str]]:
    lines: dict[int, list[str]] = {}
    for d in diagnostics:
        names = lines.setdefault(d.start.line, [])
        if d.name not in names:
            names.append(d.name)
    return lines


def _line_ending(source: str, line_end: int) -> str:
    """The line break after ``line_end``; for a last line without one, the file's usual break."""
    ending = source[line_end : line_end + 2]
    if ending.startswith("\r\n"):
        return "\r\n"
    if ending[:1] in ("\r", "\n"):
        return ending[:1]
    if "\r\n" in source:
        return "\r\n"
    return "\r" if "\r" in source and "\n" not in source else "\n"


def _insertions(
    source: str, markup: bool, findings: Sequence[Diagnostic], written: Sequence[_Written]
) -> list[tuple[Edit, bool]]:
    """(edit, whether it starts a new comment) for each line holding findings."""
    index = LineIndex(source)
    out: list[tuple[Edit, bool]] = []
    for line, names in sorted(_names_by_line(findings).items()):
        line_start, line_end = index.line_span(line)
        text = source[line_start:line_end]
        listed = ", ".join(names)
        if markup:
            content = text.rstrip(" \t")
            at = line_start + len(content)
            mine = next((w for w in written if w.end == at), None)
            if mine is not None:  # the comment this run wrote on this line takes the names
                out.append((Edit(at - len(" -->"), at - len(" -->"), f", {listed}", "noqa"), False))
            else:
                out.append((Edit(at, at, f" <!-- rhetlint-disable-line {listed} -->", "noqa"), True))
            continue
        if line > 1:
            above_start, above_end = index.line_span(line - 1)
            mine = next((w for w in written if w.start >= above_start and w.end == above_end), None)
            if mine is not None:
                out.append((Edit(above_end, above_end, f", {listed}", "noqa"), False))
                continue
        indent = text[: len(text) - len(text.lstrip(" \t"))]
        directive = f"{indent}# rhetlint-disable-next-line {listed}{_line_ending(source, line_end)}"
        out.append((Edit(line_start, line_start, directive, "noqa"), True))
    return out


def _removal(source: str, markup: bool, comment: _Written) -> Edit:
    """Take out a comment this run wrote: with the space before it, or its whole line."""
    if markup:
        return Edit(comment.start - 1, comment.end, "", "noqa")
    line_start = source.rfind("\n", 0, comment.start) + 1
    line_start = max(line_start, source.rfind("\r", 0, comment.start) + 1)
    end = comment.end + len(_line_ending(source, comment.end))
    return Edit(line_start, end, "", "noqa")


def _moved(offset: int, edits: Sequence[Edit], is_end: bool) -> int:
    """Where ``offset`` lands after ``edits``; text inserted exactly at an end joins the span before it."""
    shift = 0
    for e in edits:
        if e.end < offset or (e.end == offset and (e.start < e.end or is_end)):
            shift += len(e.replacement) - (e.end - e.start)
    return offset + shift


def _written_span(edit: Edit, markup: bool) -> tuple[int, int]:
    """The offsets, in the edit's own coordinates, of the comment a new-comment edit inserts."""
    if markup:
        return 1, len(edit.replacement)  # after the space
    return len(edit.replacement) - len(edit.replacement.lstrip(" \t")), len(edit.replacement.rstrip("\r\n"))


def _stale(written: Sequence[_Written], diagnostics: Sequence[Diagnostic]) -> list[_Written]:
    """The comments this run wrote that now suppress nothing (RL001 points into them)."""
    unused = [d.start.offset for d in diagnostics if d.code == UNUSED_SUPPRESSION]
    return [w for w in written if any(w.start <= offset < w.end for offset in unused)]


def add_noqa_text(linter: Linter, source: str, path: str | None, format: str | None = None) -> NoqaResult:
    """``source`` with a suppression comment for each line that has findings; raises InputError or
    ConfigError as linting does."""
    text = source
    written: list[_Written] = []
    findings: list[Diagnostic] = []
    stale: list[_Written] = []
    for _ in range(MAX_PASSES):
        doc = linter.parse(text, path, format)
        markup = doc.format in ("markdown", "html")
        diagnostics = linter.lint(doc)
        findings = [d for d in diagnostics if d.category != "meta"]
        stale = _stale(written, diagnostics)
        if stale:  # only take comments out in this pass: a line's names are added on the next
            edits = [(_removal(text, markup, w), False) for w in stale]
        else:
            edits = _insertions(text, markup, findings, written)
        if not edits:
            break
        plain = sorted((e for e, _ in edits), key=lambda e: (e.start, e.end))
        kept = [w for w in written if w not in stale]
        moved = [_Written(_moved(w.start, plain, False), _moved(w.end, plain, True)) for w in kept]
        for edit, new in edits:
            if new:
                lo, hi = _written_span(edit, markup)
                base = _moved(edit.start, plain, False)
                moved.append(_Written(base + lo, base + hi))
        text = apply_edits(text, plain)
        written = sorted(moved, key=lambda w: w.start)
    else:
        diagnostics = linter.lint_source(text, path, format)
        findings = [d for d in diagnostics if d.category != "meta"]
        stale = _stale(written, diagnostics)
    return NoqaResult(text, len(written), len(findings) + len(stale))
