"""What every output format shares: the report handed to it and the ``Formatter`` base class.

A formatter receives the whole report at once, so formats with a document structure (JSON, SARIF) and
line formats are written the same way.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TextIO

from rhetlint.model.diagnostics import Diagnostic
from rhetlint.rules import Rule
from rhetlint.text.lines import LineIndex


@dataclass
class FileError:
    path: str
    message: str


@dataclass
class Report:
    diagnostics: list[Diagnostic]
    errors: list[FileError] = field(default_factory=list)
    rules: dict[str, Rule] = field(default_factory=dict)  # code -> rule, for formats that describe rules
    sources: Mapping[str, str] = field(default_factory=dict)  # path -> text, for context lines
    files_checked: int = 0
    statistics: bool = False
    quiet: bool = False
    fixed: int = 0  # fixes --fix applied before this report's lint
    hidden_by_baseline: int | None = None  # findings --baseline hid; None without a baseline


def statistics(diagnostics: list[Diagnostic]) -> list[tuple[str, str, int]]:
    """(code, name, count) per rule, most frequent first, then by code."""
    counts: dict[tuple[str, str], int] = {}
    for d in diagnostics:
        counts[(d.code, d.name)] = counts.get((d.code, d.name), 0) + 1
    return [(code, name, n) for (code, name), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]


# Characters that would break a line-based report or forge one: control characters and line separators.
UNPRINTABLE = re.compile("[\x00-\x1f\x7f\x85\u2028\u2029]")


def printable(text: str) -> str:
    """``text`` with control characters escaped (``\\n``, ``\\x1b``), so a file name cannot start a new
    line in a log (a forged CI annotation) or carry a terminal escape."""
    return UNPRINTABLE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


class Formatter:
    """Write a Report to a stream. Subclasses set ``name`` and implement ``write``."""

    name = ""

    def __init__(self, stream: TextIO, color: bool | None = None) -> None:
        self.stream = stream
        if color is None:
            color = stream.isatty() and not os.environ.get("NO_COLOR")
        self.color = color

    def write(self, report: Report) -> None:
        raise NotImplementedError


class SourceLines:
    """Line texts of the checked files, from ``Report.sources``; None where the source was not kept."""

    def __init__(self, report: Report) -> None:
        self._sources = report.sources
        self._indexes: dict[str, LineIndex] = {}

    def index(self, path: str) -> LineIndex | None:
        if path not in self._indexes:
            if path not in self._sources:
                return None
            self._indexes[path] = LineIndex(self._sources[path])
        return self._indexes[path]

    def text(self, path: str, line: int) -> str | None:
        index = self.index(path)
        if index is None or not 1 <= line <= index.line_count():
            return None
        return index.line_text(line)


# --- reviewdog (rdjson, rdjsonl) ----------------------------------------------------------------------
