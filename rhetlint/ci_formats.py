"""Report formats that CI services and review bots read: rdjson/rdjsonl, GitLab Code Quality, Checkstyle, JUnit.

Registered as an essential plugin, like the core formats. Each format keeps the diagnostic's path as given
on the command line, so run rhetlint from the repository root with relative paths. Units differ between
consumers and are converted here, not in the engine: reviewdog counts columns in UTF-8 bytes, Checkstyle
and JUnit consumers take rhetlint's code-point columns as they are, and GitLab reads only line numbers.
See docs/integrations/ci-formats.md.
"""

from __future__ import annotations

import hashlib
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from typing import Any

from rhetlint.diagnostics import Diagnostic, Fix, Position
from rhetlint.formatters import FileError, Formatter, Report
from rhetlint.hookspecs import hookimpl
from rhetlint.lines import LineIndex


class _Lines:
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

RDJSON_SEVERITY = {"error": "ERROR", "warning": "WARNING", "info": "INFO"}
SOURCE = {"name": "rhetlint", "url": "https://github.com/rhetlint/rhetlint"}


class _RDJSONBuilder:
    """Turn diagnostics into reviewdog Diagnostic objects, with columns in UTF-8 bytes as rdf.proto says."""

    def __init__(self, report: Report, with_source: bool) -> None:
        self.lines = _Lines(report)
        self.with_source = with_source

    def byte_position(self, path: str, line: int, column: int) -> dict[str, int]:
        """A 1-based code-point column becomes a 1-based UTF-8 byte column (unchanged if the line is unknown)."""
        text = self.lines.text(path, line)
        if text is not None:
            column = len(text[: column - 1].encode("utf-8", "surrogatepass")) + 1
        return {"line": line, "column": column}

    def range(self, path: str, start: Position, end: Position) -> dict[str, Any]:
        return {"start": self.byte_position(path, start.line, start.column),
                "end": self.byte_position(path, end.line, end.column)}

    def fix_range(self, d: Diagnostic, fix: Fix) -> dict[str, Any] | None:
        """The span a fix replaces: the diagnostic's own, or its ``start``/``end`` offsets when it has them."""
        if fix.start is None:
            return self.range(d.path, d.start, d.end)
        index = self.lines.index(d.path)
        if index is None:
            return None  # offsets cannot be placed without the source; leave the fix out
        positions = []
        for offset in (fix.start, fix.end if fix.end is not None else fix.start):
            line, column = index.position(offset)
            positions.append(self.byte_position(d.path, line, column))
        return {"start": positions[0], "end": positions[1]}

    def diagnostic(self, d: Diagnostic) -> dict[str, Any]:
        out: dict[str, Any] = {
            "message": d.message,
            "location": {"path": d.path, "range": self.range(d.path, d.start, d.end)},
            "severity": RDJSON_SEVERITY.get(d.severity, "WARNING"),
            "code": {"value": d.code, **({"url": d.url} if d.url else {})},
        }
        if self.with_source:
            out["source"] = SOURCE
        suggestions = []
        for fix in d.fixes:
            where = self.fix_range(d, fix)
            if where is not None:
                suggestions.append({"range": where, "text": fix.replacement})
        if suggestions:
            out["suggestions"] = suggestions
        if d.related:
            out["related_locations"] = [
                {"message": message, "location": {"path": d.path, "range": self.range(d.path, s, e)}}
                for s, e, message in d.related
            ]
        return out

    def error(self, e: FileError) -> dict[str, Any]:
        out: dict[str, Any] = {"message": e.message, "location": {"path": e.path}, "severity": "ERROR"}
        if self.with_source:
            out["source"] = SOURCE
        return out


class RDJSONFormatter(Formatter):
    """reviewdog's DiagnosticResult (``reviewdog -f=rdjson``): one document with every diagnostic."""

    name = "rdjson"

    def write(self, report: Report) -> None:
        build = _RDJSONBuilder(report, with_source=False)
        payload = {
            "source": SOURCE,
            "diagnostics": [build.diagnostic(d) for d in report.diagnostics]
            + [build.error(e) for e in report.errors],
        }
        json.dump(payload, self.stream, ensure_ascii=False, indent=2)
        self.stream.write("\n")


class RDJSONLFormatter(Formatter):
    """reviewdog's Diagnostic stream (``reviewdog -f=rdjsonl``): one self-contained object per line."""

    name = "rdjsonl"

    def write(self, report: Report) -> None:
        build = _RDJSONBuilder(report, with_source=True)
        for item in [build.diagnostic(d) for d in report.diagnostics] + [build.error(e) for e in report.errors]:
            self.stream.write(json.dumps(item, ensure_ascii=False) + "\n")


# --- GitLab Code Quality ------------------------------------------------------------------------------

# GitLab knows info, minor, major, critical, blocker. A warning fails the run by default, so it is "major";
# "blocker" is left for nothing rhetlint reports, since no finding in prose blocks a merge by itself.
GITLAB_SEVERITY = {"error": "critical", "warning": "major", "info": "info"}


def _normalized(text: str) -> str:
    return " ".join(text.split())


class GitLabFormatter(Formatter):
    """A GitLab Code Quality report (``artifacts:reports:codequality``): a JSON array of issues.

    The fingerprint identifies a finding across pipelines so the merge-request widget can tell new findings
    from old ones; it hashes the path, rule, flagged words and the whitespace-normalised line, not the line
    number, so text added above a finding does not make it "new". Identical findings on identical lines are
    told apart by their order in the file.
    """

    name = "gitlab"

    def write(self, report: Report) -> None:
        lines = _Lines(report)
        seen: dict[tuple[str, ...], int] = {}
        issues = []
        for d in report.diagnostics:
            line_text = lines.text(d.path, d.start.line)
            key = (d.path, d.code, d.match, _normalized(line_text if line_text is not None else d.match))
            occurrence = seen.get(key, 0)
            seen[key] = occurrence + 1
            issues.append({
                "type": "issue",
                "description": f"{d.message} [{d.code} {d.name}]",
                "check_name": f"{d.code} {d.name}",
                "categories": ["Style"],
                "fingerprint": _fingerprint(*key, str(occurrence)),
                "severity": GITLAB_SEVERITY.get(d.severity, "major"),
                "location": {"path": d.path, "lines": {"begin": d.start.line, "end": d.end.line}},
            })
        for e in report.errors:
            issues.append({
                "type": "issue",
                "description": f"{e.message} [input-error]",
                "check_name": "input-error",
                "categories": ["Bug Risk"],
                "fingerprint": _fingerprint(e.path, "input-error", e.message),
                "severity": "critical",
                "location": {"path": e.path, "lines": {"begin": 1}},
            })
        json.dump(issues, self.stream, ensure_ascii=False, indent=2)
        self.stream.write("\n")


def _fingerprint(*parts: str) -> str:
    digest = hashlib.sha256("\0".join(parts).encode("utf-8", "surrogatepass")).hexdigest()
    return digest[:32]


# --- XML formats --------------------------------------------------------------------------------------

# Characters XML 1.0 cannot carry even escaped; a draft may contain them (a stray form feed, say).
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xml_text(value: str) -> str:
    return _XML_ILLEGAL.sub("\ufffd", value)


def _element(tag: str, attrib: dict[str, Any] | None = None, text: str | None = None) -> ET.Element:
    element = ET.Element(tag, {k: _xml_text(str(v)) for k, v in (attrib or {}).items()})
    if text is not None:
        element.text = _xml_text(text)
    return element


def _write_xml(stream: Any, root: ET.Element) -> None:
    ET.indent(root)
    stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    stream.write(ET.tostring(root, encoding="unicode"))
    stream.write("\n")


def _by_path(report: Report) -> Iterator[tuple[str, list[Diagnostic], list[FileError]]]:
    """Files in report order (diagnostics are sorted by path), each with its diagnostics and errors."""
    order: dict[str, tuple[list[Diagnostic], list[FileError]]] = {}
    for d in report.diagnostics:
        order.setdefault(d.path, ([], []))[0].append(d)
    for e in report.errors:
        order.setdefault(e.path, ([], []))[1].append(e)
    for path, (diagnostics, errors) in order.items():
        yield path, diagnostics, errors


class CheckstyleFormatter(Formatter):
    """Checkstyle XML, read by Jenkins (warnings-ng), reviewdog -f=checkstyle and many CI dashboards.

    Columns are rhetlint's code-point columns; ``source`` is ``rhetlint.CODE``.
    """

    name = "checkstyle"

    def write(self, report: Report) -> None:
        root = _element("checkstyle", {"version": "4.3"})
        for path, diagnostics, errors in _by_path(report):
            file = _element("file", {"name": path})
            for d in diagnostics:
                file.append(_element("error", {
                    "line": d.start.line, "column": d.start.column, "severity": d.severity,
                    "message": f"{d.message} [{d.code} {d.name}]", "source": f"rhetlint.{d.code}",
                }))
            for e in errors:
                file.append(_element("error", {
                    "line": 1, "severity": "error", "message": e.message, "source": "rhetlint.input-error",
                }))
            root.append(file)
        _write_xml(self.stream, root)


class JUnitFormatter(Formatter):
    """JUnit XML: one test suite, one failed test case per diagnostic, one errored test case per bad input.

    A test case per diagnostic (rather than per file) lets GitLab's test report, Jenkins and GitHub test
    reporters list each finding with its own message. Its ``classname`` and ``file`` are the draft's path
    and its name carries the rule and position. A run with nothing to report has one passing test case, so
    the suite is never empty.
    """

    name = "junit"

    def write(self, report: Report) -> None:
        cases = []
        for d in report.diagnostics:
            case = _element("testcase", {
                "classname": d.path, "name": f"{d.code} {d.name} at {d.start.line}:{d.start.column}",
                "file": d.path, "line": d.start.line, "time": "0",
            })
            detail = f"{d.path}:{d.start.line}:{d.start.column}: {d.severity}: {d.message} [{d.code} {d.name}]"
            if d.url:
                detail += f"\n{d.url}"
            case.append(_element("failure", {"message": d.message, "type": d.severity}, detail))
            cases.append(case)
        for e in report.errors:
            case = _element("testcase", {"classname": e.path, "name": "input-error", "file": e.path, "time": "0"})
            case.append(_element("error", {"message": e.message, "type": "input-error"}, f"{e.path}: {e.message}"))
            cases.append(case)
        if not cases:
            files = report.files_checked
            cases.append(_element("testcase", {
                "classname": "rhetlint", "name": f"no problems in {files} file{'s' if files != 1 else ''}",
                "time": "0",
            }))
        counts = {
            "tests": len(cases), "failures": len(report.diagnostics), "errors": len(report.errors),
            "skipped": 0, "time": "0",
        }
        root = _element("testsuites", {"name": "rhetlint", **counts})
        suite = _element("testsuite", {"name": "rhetlint", **counts})
        suite.extend(cases)
        root.append(suite)
        _write_xml(self.stream, root)


CI_FORMATTERS: tuple[type[Formatter], ...] = (
    RDJSONFormatter, RDJSONLFormatter, GitLabFormatter, CheckstyleFormatter, JUnitFormatter,
)


@hookimpl
def rhetlint_register_formatters(register: Callable[[str, type[Formatter]], None]) -> None:
    for formatter in CI_FORMATTERS:
        register(formatter.name, formatter)
