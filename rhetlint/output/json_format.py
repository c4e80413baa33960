"""``json``: every diagnostic with offsets, lines, columns and fixes (schema in docs/json-format.md)."""

from __future__ import annotations

import json
from typing import Any

from rhetlint.output.base import Formatter, Report, statistics


class JSONFormatter(Formatter):
    """One JSON object with every diagnostic and file error; the schema is in docs/json-format.md."""

    name = "json"

    def write(self, report: Report) -> None:
        from rhetlint._version import __version__

        payload: dict[str, Any] = {
            "version": 1,
            "tool": {"name": "rhetlint", "version": __version__},
            "diagnostics": [d.as_dict() for d in report.diagnostics],
            "errors": [{"path": e.path, "message": e.message} for e in report.errors],
        }
        if report.statistics:
            payload["statistics"] = [
                {"code": code, "name": name, "count": n} for code, name, n in statistics(report.diagnostics)
            ]
        if report.fixed:
            payload["fixed"] = report.fixed
        if report.hidden_by_baseline is not None:
            payload["hidden_by_baseline"] = report.hidden_by_baseline
        json.dump(payload, self.stream, ensure_ascii=False, indent=2)
        self.stream.write("\n")
