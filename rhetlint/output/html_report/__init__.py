"""``rhetlint report``: one self-contained HTML page an editor opens in a browser (see docs/report.md)."""

from rhetlint.output.html_report.page import HtmlReport, Story, render_report

__all__ = ["HtmlReport", "Story", "render_report"]
