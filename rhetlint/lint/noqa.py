"""``--add-noqa``: suppression comments for every current finding, in the draft's own syntax.

Markdown and HTML get ``<!-- rhetlint-disable-line NAMES -->`` at the end of the line a finding starts on
(before trailing spaces, so a Markdown hard break stays one): a comment line of its own would split a
Markdown paragraph. Plain text gets a ``# rhetlint-disable-next-line NAMES`` line above, with the line's
indentation and line ending, the only form it has (a directive line does not split a paragraph). The
rules' names are used, one comment per line listing each rule once. Findings of the meta rules (an unused
suppression, a rule error) are not suppressed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from rhetlint.lint.fixes import Edit, apply_edits
from rhetlint.lint.linter import Linter
from rhetlint.model.diagnostics import Diagnostic
from rhetlint.text.lines import LineIndex


@dataclass(frozen=True)
class NoqaResult:
    text: str
    suppressed: int  # findings the inserted comments cover
    left: int  # findings still reported after inserting them (a line where a comment cannot stand)


def _names_by_line(diagnostics: Sequence[Diagnostic]) -> dict[int, list[str]]:
    lines: dict[int, list[str]] = {}
    for d in diagnostics:
        if d.category == "meta":
            continue
        names = lines.setdefault(d.start.line, [])
        if d.name not in names:
            names.append(d.name)
    return lines


# A suppression this module wrote (no reason): another pass adds names to it rather than a second comment,
# and in plain text must, since a directive line above another would cover that line instead of the text.
END_COMMENT = re.compile(r"<!-- rhetlint-disable-line [^\r\n>]*?(?= -->$)")
DIRECTIVE_LINE = re.compile(r"^[ \t]*# rhetlint-disable-next-line (?:(?!\s--\s)[^\r\n])+$")


def suppression_edits(source: str, format: str, diagnostics: Sequence[Diagnostic]) -> list[Edit]:
    """One insertion per line holding a finding, in file order."""
    index = LineIndex(source)
    edits = []
    for line, names in sorted(_names_by_line(diagnostics).items()):
        line_start, line_end = index.line_span(line)
        text = source[line_start:line_end]
        listed = ", ".join(names)
        if format in ("markdown", "html"):
            content = text.rstrip(" \t")
            mine = END_COMMENT.search(content)
            if mine:
                at = line_start + mine.end()
                edits.append(Edit(at, at, f", {listed}", "noqa"))
            else:
                at = line_start + len(content)
                edits.append(Edit(at, at, f" <!-- rhetlint-disable-line {listed} -->", "noqa"))
            continue
        above = index.line_text(line - 1) if line > 1 else ""
        if DIRECTIVE_LINE.match(above):
            at = index.line_span(line - 1)[0] + len(above.rstrip(" \t"))
            edits.append(Edit(at, at, f", {listed}", "noqa"))
            continue
        indent = text[: len(text) - len(text.lstrip(" \t"))]
        newline = _line_ending(source, line_end)
        directive = f"{indent}# rhetlint-disable-next-line {listed}{newline}"
        edits.append(Edit(line_start, line_start, directive, "noqa"))
    return edits


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


# Passes: suppressing a finding can reveal one that gave way to it (yields-to), which the next pass covers.
MAX_PASSES = 5


def add_noqa_text(linter: Linter, source: str, path: str | None, format: str | None = None) -> NoqaResult:
    """``source`` with a suppression comment for each line that has findings; raises InputError or
    ConfigError as linting does."""
    text = source
    suppressed = 0
    left: list[Diagnostic] = []
    for _ in range(MAX_PASSES):
        doc = linter.parse(text, path, format)
        left = [d for d in linter.lint(doc) if d.category != "meta"]
        edits = suppression_edits(text, doc.format, left)
        if not edits:
            break
        text = apply_edits(text, edits)
        suppressed += len(left)
    else:
        left = [d for d in linter.lint_source(text, path, format) if d.category != "meta"]
    return NoqaResult(text, suppressed, len(left))
