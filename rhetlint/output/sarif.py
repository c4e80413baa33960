"""``sarif``: SARIF 2.1.0 for code-scanning dashboards, with rules, fixes and related locations."""

from __future__ import annotations

import json
import os
from typing import Any

from rhetlint.model.diagnostics import Diagnostic, Position
from rhetlint.output.base import Formatter, Report
from rhetlint.rules import Rule
from rhetlint.text.lines import LineIndex

SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


class SARIFFormatter(Formatter):
    """SARIF 2.1.0 for GitHub code scanning and SARIF viewers; columns are code points."""

    name = "sarif"

    def write(self, report: Report) -> None:
        from rhetlint._version import __version__

        used = sorted({d.code for d in report.diagnostics} | set(report.rules), key=str)
        rules = [report.rules[c] for c in used if c in report.rules]
        index = {r.code: i for i, r in enumerate(rules)}
        results = []
        for d in report.diagnostics:
            result: dict[str, Any] = {
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
                result["fixes"] = [
                    {
                        "description": {"text": f.title},
                        "artifactChanges": [
                            {
                                "artifactLocation": {"uri": _uri(d.path)},
                                "replacements": [
                                    {
                                        "deletedRegion": _fix_region(d, f, report.sources.get(d.path)),
                                        "insertedContent": {"text": f.replacement},
                                    }
                                ],
                            }
                        ],
                    }
                    for f in d.fixes
                ]
            results.append(result)
        run = {
            "tool": {
                "driver": {
                    "name": "rhetlint",
                    "version": __version__,
                    "informationUri": "https://github.com/rhetlint/rhetlint",
                    "rules": [_sarif_rule(r) for r in rules],
                }
            },
            "columnKind": "unicodeCodePoints",
            "results": results,
            "invocations": [
                {
                    "executionSuccessful": not report.errors,
                    "toolExecutionNotifications": [
                        {
                            "level": "error",
                            "message": {"text": e.message},
                            "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(e.path)}}}],
                        }
                        for e in report.errors
                    ],
                }
            ],
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
        "startLine": start.line,
        "startColumn": start.column,
        "endLine": end.line,
        "endColumn": end.column,
        "charOffset": start.offset,
        "charLength": end.offset - start.offset,
    }


def _fix_region(d: Diagnostic, fix, source: str | None) -> dict:
    """The region a fix replaces: the diagnostic's span, or the fix's own offsets when it has them."""
    if fix.start is None or source is None:
        return _sarif_region(d.start, d.end)

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
