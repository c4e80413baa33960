"""``checkstyle`` and ``junit``: the XML reports Jenkins, GitLab and most CI dashboards read.

Each format keeps the diagnostic's path as given on the command line, so run rhetlint from the repository
root with relative paths. See docs/integrations/ci-formats.md.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from typing import Any

from rhetlint.model.diagnostics import Diagnostic
from rhetlint.output.base import FileError, Formatter, Report

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
                file.append(
                    _element(
                        "error",
                        {
                            "line": d.start.line,
                            "column": d.start.column,
                            "severity": d.severity,
                            "message": f"{d.message} [{d.code} {d.name}]",
                            "source": f"rhetlint.{d.code}",
                        },
                    )
                )
            for e in errors:
                file.append(
                    _element(
                        "error",
                        {
                            "line": 1,
                            "severity": "error",
                            "message": e.message,
                            "source": "rhetlint.input-error",
                        },
                    )
                )
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
            case = _element(
                "testcase",
                {
                    "classname": d.path,
                    "name": f"{d.code} {d.name} at {d.start.line}:{d.start.column}",
                    "file": d.path,
                    "line": d.start.line,
                    "time": "0",
                },
            )
            detail = (
                f"{d.path}:{d.start.line}:{d.start.column}: {d.severity}: {d.message} [{d.code} {d.name}]"
            )
            if d.url:
                detail += f"\n{d.url}"
            case.append(_element("failure", {"message": d.message, "type": d.severity}, detail))
            cases.append(case)
        for e in report.errors:
            case = _element(
                "testcase", {"classname": e.path, "name": "input-error", "file": e.path, "time": "0"}
            )
            case.append(
                _element("error", {"message": e.message, "type": "input-error"}, f"{e.path}: {e.message}")
            )
            cases.append(case)
        if not cases:
            files = report.files_checked
            cases.append(
                _element(
                    "testcase",
                    {
                        "classname": "rhetlint",
                        "name": f"no problems in {files} file{'s' if files != 1 else ''}",
                        "time": "0",
                    },
                )
            )
        counts = {
            "tests": len(cases),
            "failures": len(report.diagnostics),
            "errors": len(report.errors),
            "skipped": 0,
            "time": "0",
        }
        root = _element("testsuites", {"name": "rhetlint", **counts})
        suite = _element("testsuite", {"name": "rhetlint", **counts})
        suite.extend(cases)
        root.append(suite)
        _write_xml(self.stream, root)
