"""``text``: gcc-style lines that Vim, Emacs and VS Code parse, with context and a caret on a terminal."""

from __future__ import annotations

import os
import sys

from rhetlint.model.diagnostics import Diagnostic
from rhetlint.output.base import Formatter, Report, printable

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
            counts: dict[tuple[str, str], int] = {}
            for d in report.diagnostics:
                counts[(d.code, d.name)] = counts.get((d.code, d.name), 0) + 1
            for (code, name), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
                out.write(f"{n:6d}  {code:6s} {name}\n")
        if not report.quiet and (report.diagnostics or report.files_checked):
            n = len(report.diagnostics)
            files = report.files_checked
            summary = (
                f"{n} problem{'s' if n != 1 else ''} in {files} file{'s' if files != 1 else ''} checked"
                if n
                else f"No problems in {files} file{'s' if files != 1 else ''} checked."
            )
            print(summary, file=sys.stderr)

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
