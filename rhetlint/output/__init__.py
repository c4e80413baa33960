"""Output formats, one module per family; registered together as one essential plugin.

``text`` (gcc-style lines), ``json``, ``sarif`` and ``github`` cover editors and code scanning;
``rdjson``/``rdjsonl`` (reviewdog), ``gitlab`` (Code Quality), ``checkstyle`` and ``junit`` cover CI
services. Units differ between consumers and are converted in each format, not in the engine.
"""

from __future__ import annotations

from collections.abc import Callable

from rhetlint.hooks.specs import hookimpl
from rhetlint.output.base import FileError, Formatter, Report
from rhetlint.output.github import GitHubFormatter
from rhetlint.output.gitlab import GitLabFormatter
from rhetlint.output.json_format import JSONFormatter
from rhetlint.output.reviewdog import RDJSONFormatter, RDJSONLFormatter
from rhetlint.output.sarif import SARIFFormatter
from rhetlint.output.text import TextFormatter
from rhetlint.output.xml_reports import CheckstyleFormatter, JUnitFormatter

__all__ = ["BUILTIN_FORMATTERS", "FileError", "Formatter", "Report"]

# In the order `rhetlint check --help` lists them.
BUILTIN_FORMATTERS: tuple[type[Formatter], ...] = (
    TextFormatter,
    JSONFormatter,
    SARIFFormatter,
    GitHubFormatter,
    RDJSONFormatter,
    RDJSONLFormatter,
    GitLabFormatter,
    CheckstyleFormatter,
    JUnitFormatter,
)


@hookimpl
def rhetlint_register_formatters(register: Callable[[str, type[Formatter]], None]) -> None:
    for formatter in BUILTIN_FORMATTERS:
        register(formatter.name, formatter)
