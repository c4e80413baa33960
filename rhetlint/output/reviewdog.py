"""``rdjson`` and ``rdjsonl``: reviewdog's diagnostic formats (columns in UTF-8 bytes, as reviewdog counts).

Each format keeps the diagnostic's path as given on the command line, so run rhetlint from the repository
root with relative paths. See docs/integrations/ci-formats.md.
"""

from __future__ import annotations

import json
from typing import Any

from rhetlint.model.diagnostics import Diagnostic, Fix, Position
from rhetlint.output.base import FileError, Formatter, Report, SourceLines

RDJSON_SEVERITY = {"error": "ERROR", "warning": "WARNING", "info": "INFO"}
SOURCE = {"name": "rhetlint", "url": "https://github.com/rhetlint/rhetlint"}


class _RDJSONBuilder:
    """Turn diagnostics into reviewdog Diagnostic objects, with columns in UTF-8 bytes as rdf.proto says."""

    def __init__(self, report: Report, with_source: bool) -> None:
        self.lines = SourceLines(report)
        self.with_source = with_source

    def byte_position(self, path: str, line: int, column: int) -> dict[str, int]:
        """A 1-based code-point column becomes a 1-based UTF-8 byte column (unchanged if the line is unknown)."""
        text = self.lines.text(path, line)
        if text is not None:
            column = len(text[: column - 1].encode("utf-8", "surrogatepass")) + 1
        return {"line": line, "column": column}

    def range(self, path: str, start: Position, end: Position) -> dict[str, Any]:
        return {
            "start": self.byte_position(path, start.line, start.column),
            "end": self.byte_position(path, end.line, end.column),
        }

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
        for item in [build.diagnostic(d) for d in report.diagnostics] + [
            build.error(e) for e in report.errors
        ]:
            self.stream.write(json.dumps(item, ensure_ascii=False) + "\n")


# --- GitLab Code Quality ------------------------------------------------------------------------------

# GitLab knows info, minor, major, critical, blocker. A warning fails the run by default, so it is "major";
# "blocker" is left for nothing rhetlint reports, since no finding in prose blocks a merge by itself.
