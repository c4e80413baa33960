"""``text``: gcc-style lines that Vim, Emacs and VS Code parse, with context and a caret on a terminal."""

from __future__ import annotations

import os
import sys

from rhetlint.model.diagnostics import Diagnostic
from rhetlint.output.base import Formatter, Report, printable, statistics

COLORS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
BOLD, DIM, RESET = "\033[1m", "\033[2m", "\033[0m"


class TextFormatter(Formatter):
    """``path:line:column: severity: message [CODE name]``: the shape Vim, Emacs and VS Code ($gcc) parse."""

    name = "text"

    def write(self, report: Report) -> None:
        out = self.stream
        show_context = self.color or bool(os.environ.get("RHETLINT_CONTEXT"))
        for d in report.diagnostics:
            severity = d.severity
            location = f"{printable(d.path)}:{d.start.line}:{d.start.column}:"
            tag = f"[{d.code} {d.name}]"
            if self.color:
                severity = f"{COLORS.get(d.severity, '')}{d.severity}{RESET}"
                location = f"{BOLD}{location}{RESET}"
                tag = f"{DIM}{tag}{RESET}"
            out.write(f"{location} {severity}: {d.message} {tag}\n")
            if show_context and d.path in report.sources:
                self._context(report.sources[d.path], d)
        if report.statistics:
            for code, name, n in statistics(report.diagnostics):
                out.write(f"{n:6d}  {code:6s} {name}\n")
        if not report.quiet and (report.diagnostics or report.files_checked):
            print(summary(report), file=sys.stderr)

    def _context(self, source: str, d: Diagnostic) -> None:
        lines = source.splitlines()
        if not 1 <= d.start.line <= len(lines):
            return
        line = lines[d.start.line - 1].replace("\t", " ")
        width = (
            (d.end.column - d.start.column) if d.end.line == d.start.line else len(line) - d.start.column + 1
        )
        caret = " " * (d.start.column - 1) + "^" * max(1, width)
        if self.color:
            caret = f"{COLORS.get(d.severity, '')}{caret}{RESET}"
        self.stream.write(f"    {line}\n    {caret}\n")


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'s' if n != 1 else ''}"


def summary(report: Report) -> str:
    """The closing line: problems, files, and what --fix and --baseline took away."""
    n, files = len(report.diagnostics), report.files_checked
    checked = f"{_plural(files, 'file')} checked"
    notes = []
    if report.fixed:
        notes.append(f"{report.fixed} fixed")
    if report.hidden_by_baseline:
        notes.append(f"{report.hidden_by_baseline} hidden by the baseline")
    tail = f" ({', '.join(notes)})" if notes else ""
    if n:
        return f"{_plural(n, 'problem')} in {checked}{tail}"
    return f"No problems in {checked}{tail}."
