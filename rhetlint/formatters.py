"""Output formats, registered as an essential plugin: text, json, sarif, github.

A formatter receives the whole report at once, so formats with a document structure (JSON, SARIF) and
line formats are written the same way.
"""

from __future__ import annotations

import json
import os
import sys
from dataclasses import dataclass, field
from typing import TextIO

from rhetlint.diagnostics import Diagnostic
from rhetlint.hookspecs import hookimpl
from rhetlint.rules import Rule


@dataclass
class FileError:
    path: str
    message: str


@dataclass
class Report:
    diagnostics: list[Diagnostic]
    errors: list[FileError] = field(default_factory=list)
    rules: dict[str, Rule] = field(default_factory=dict)  # code -> rule, for formats that describe rules
    sources: dict[str, str] = field(default_factory=dict)  # path -> text, for context lines
    files_checked: int = 0
    statistics: bool = False
    quiet: bool = False


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
            location = f"{d.path}:{d.start.line}:{d.start.column}:"
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
            summary = (f"{n} problem{'s' if n != 1 else ''} in {files} file{'s' if files != 1 else ''} checked"
                       if n else f"No problems in {files} file{'s' if files != 1 else ''} checked.")
            print(summary, file=sys.stderr)

    def _context(self, source: str, d: Diagnostic) -> None:
        lines = source.splitlines()
        if not 1 <= d.start.line <= len(lines):
            return
        line = lines[d.start.line - 1].replace("\t", " ")
        width = (d.end.column - d.start.column) if d.end.line == d.start.line else len(line) - d.start.column + 1
        caret = " " * (d.start.column - 1) + "^" * max(1, width)
        if self.color:
            caret = f"{COLORS.get(d.severity, '')}{caret}{RESET}"
        self.stream.write(f"    {line}\n    {caret}\n")


class JSONFormatter(Formatter):
    """One JSON object with every diagnostic and file error; the schema is in docs/json-format.md."""

    name = "json"

    def write(self, report: Report) -> None:
        from rhetlint import __version__

        payload = {
            "version": 1,
            "tool": {"name": "rhetlint", "version": __version__},
            "diagnostics": [d.as_dict() for d in report.diagnostics],
            "errors": [{"path": e.path, "message": e.message} for e in report.errors],
        }
        json.dump(payload, self.stream, ensure_ascii=False, indent=2)
        self.stream.write("\n")


SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


class SARIFFormatter(Formatter):
    """SARIF 2.1.0 for GitHub code scanning and SARIF viewers; columns are code points."""

    name = "sarif"

    def write(self, report: Report) -> None:
        from rhetlint import __version__

        used = sorted({d.code for d in report.diagnostics} | set(report.rules), key=str)
        rules = [report.rules[c] for c in used if c in report.rules]
        index = {r.code: i for i, r in enumerate(rules)}
        results = []
        for d in report.diagnostics:
            result = {
                "ruleId": d.code,
                "level": SARIF_LEVEL.get(d.severity, "warning"),
                "message": {"text": d.message},
                "locations": [_sarif_location(d.path, d.start, d.end, d.match)],
                "properties": {"name": d.name, "category": d.category},
            }
            if d.code in index:
                result["ruleIndex"] = index[d.code]
            if d.related:
                result["relatedLocations"] = [
                    dict(_sarif_location(d.path, s, e, None), id=i, message={"text": m})
                    for i, (s, e, m) in enumerate(d.related)
                ]
            if d.fixes:
                result["fixes"] = [{
                    "description": {"text": f.title},
                    "artifactChanges": [{
                        "artifactLocation": {"uri": _uri(d.path)},
                        "replacements": [{
                            "deletedRegion": _fix_region(d, f, report.sources.get(d.path)),
                            "insertedContent": {"text": f.replacement},
                        }],
                    }],
                } for f in d.fixes]
            results.append(result)
        run = {
            "tool": {"driver": {
                "name": "rhetlint",
                "version": __version__,
                "informationUri": "https://github.com/rhetlint/rhetlint",
                "rules": [_sarif_rule(r) for r in rules],
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
            "invocations": [{
                "executionSuccessful": not report.errors,
                "toolExecutionNotifications": [
                    {"level": "error", "message": {"text": e.message},
                     "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(e.path)}}}]}
                    for e in report.errors
                ],
            }],
        }
        sarif = {
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "version": "2.1.0",
            "runs": [run],
        }
        json.dump(sarif, self.stream, ensure_ascii=False, indent=2)
        self.stream.write("\n")


def _uri(path: str) -> str:
    from urllib.parse import quote

    return quote(path.replace(os.sep, "/"))


def _sarif_region(start, end) -> dict:
    return {
        "startLine": start.line, "startColumn": start.column,
        "endLine": end.line, "endColumn": end.column,
        "charOffset": start.offset, "charLength": end.offset - start.offset,
    }


def _fix_region(d: Diagnostic, fix, source: str | None) -> dict:
    """The region a fix replaces: the diagnostic's span, or the fix's own offsets when it has them."""
    if fix.start is None or source is None:
        return _sarif_region(d.start, d.end)
    from rhetlint.diagnostics import Position
    from rhetlint.lines import LineIndex

    lines = LineIndex(source)
    return _sarif_region(Position.at(lines, fix.start), Position.at(lines, fix.end))


def _sarif_location(path: str, start, end, snippet: str | None) -> dict:
    region = _sarif_region(start, end)
    if snippet:
        region["snippet"] = {"text": snippet}
    return {"physicalLocation": {"artifactLocation": {"uri": _uri(path)}, "region": region}}


def _sarif_rule(rule: Rule) -> dict:
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary or rule.name},
        "fullDescription": {"text": rule.summary or rule.name},
        "help": {"text": rule.doc or rule.summary, "markdown": rule.doc or rule.summary},
        "helpUri": rule.doc_url,
        "defaultConfiguration": {"level": SARIF_LEVEL.get(rule.severity, "warning")},
        "properties": {"category": rule.category, "tags": [rule.category]},
    }


GITHUB_COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


def _gh_escape(value: str, property: bool = False) -> str:
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if property:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


class GitHubFormatter(Formatter):
    """GitHub Actions workflow commands: each diagnostic becomes an annotation on the pull request."""

    name = "github"

    def write(self, report: Report) -> None:
        for d in report.diagnostics:
            props = ",".join([
                f"file={_gh_escape(d.path, True)}", f"line={d.start.line}", f"col={d.start.column}",
                f"endLine={d.end.line}", f"endColumn={d.end.column}",
                f"title={_gh_escape(f'{d.code} {d.name}', True)}",
            ])
            self.stream.write(f"::{GITHUB_COMMAND.get(d.severity, 'warning')} {props}::{_gh_escape(d.message)}\n")
        for e in report.errors:
            self.stream.write(f"::error file={_gh_escape(e.path, True)}::{_gh_escape(e.message)}\n")


@hookimpl
def rhetlint_register_formatters(register):
    for formatter in (TextFormatter, JSONFormatter, SARIFFormatter, GitHubFormatter):
        register(formatter.name, formatter)
