"""``github``: GitHub Actions workflow commands, so findings show as annotations on the pull request."""

from __future__ import annotations

from rhetlint.output.base import Formatter, Report

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
            props = ",".join(
                [
                    f"file={_gh_escape(d.path, True)}",
                    f"line={d.start.line}",
                    f"col={d.start.column}",
                    f"endLine={d.end.line}",
                    f"endColumn={d.end.column}",
                    f"title={_gh_escape(f'{d.code} {d.name}', True)}",
                ]
            )
            self.stream.write(
                f"::{GITHUB_COMMAND.get(d.severity, 'warning')} {props}::{_gh_escape(d.message)}\n"
            )
        for e in report.errors:
            self.stream.write(f"::error file={_gh_escape(e.path, True)}::{_gh_escape(e.message)}\n")
