"""``gitlab``: GitLab Code Quality reports (line numbers and fingerprints that survive edits elsewhere).

Each format keeps the diagnostic's path as given on the command line, so run rhetlint from the repository
root with relative paths. See docs/integrations/ci-formats.md.
"""

from __future__ import annotations

import json

from rhetlint.model.fingerprint import fingerprint, fingerprints
from rhetlint.output.base import Formatter, Report, SourceLines

GITLAB_SEVERITY = {"error": "critical", "warning": "major", "info": "info"}


class GitLabFormatter(Formatter):
    """A GitLab Code Quality report (``artifacts:reports:codequality``): a JSON array of issues.

    The fingerprint identifies a finding across pipelines so the merge-request widget can tell new findings
    from old ones; it hashes the path, rule, flagged words and the whitespace-normalised line, not the line
    number, so text added above a finding does not make it "new". Identical findings on identical lines are
    told apart by their order in the file.
    """

    name = "gitlab"

    def write(self, report: Report) -> None:
        lines = SourceLines(report)
        stable_ids = fingerprints(report.diagnostics, lambda d: lines.text(d.path, d.start.line))
        issues = []
        for d, stable_id in zip(report.diagnostics, stable_ids, strict=True):
            issues.append(
                {
                    "type": "issue",
                    "description": f"{d.message} [{d.code} {d.name}]",
                    "check_name": f"{d.code} {d.name}",
                    "categories": ["Style"],
                    "fingerprint": stable_id,
                    "severity": GITLAB_SEVERITY.get(d.severity, "major"),
                    "location": {"path": d.path, "lines": {"begin": d.start.line, "end": d.end.line}},
                }
            )
        for e in report.errors:
            issues.append(
                {
                    "type": "issue",
                    "description": f"{e.message} [input-error]",
                    "check_name": "input-error",
                    "categories": ["Bug Risk"],
                    "fingerprint": fingerprint(e.path, "input-error", e.message),
                    "severity": "critical",
                    "location": {"path": e.path, "lines": {"begin": 1}},
                }
            )
        json.dump(issues, self.stream, ensure_ascii=False, indent=2)
        self.stream.write("\n")


# --- XML formats --------------------------------------------------------------------------------------
