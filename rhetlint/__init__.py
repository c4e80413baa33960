"""rhetlint: a plugin-based rhetoric linter for news writing.

This module is the public API for plugin authors (see docs/plugins/): every name in ``__all__`` is kept
stable across minor releases. Text helpers are public in ``rhetlint.text`` and the shared analyses in
``rhetlint.analysis``; anything else is internal and may move (docs/internals.md describes the layers).
"""

from __future__ import annotations

from rhetlint import _compat
from rhetlint._version import __version__
from rhetlint.analysis import Attribution, Source
from rhetlint.hooks.specs import hookimpl
from rhetlint.model.diagnostics import Diagnostic, Finding, Fix, Position, Related
from rhetlint.model.document import Block, Document, LintContext, Sentence, Span
from rhetlint.model.errors import ConfigError
from rhetlint.output.base import FileError, Formatter, Report
from rhetlint.parsers import parse
from rhetlint.rules import Options, Rule, RuleError, rule

__all__ = [
    "Attribution", "Block", "ConfigError", "Diagnostic", "Document", "FileError", "Finding", "Fix", "Formatter",
    "LintContext", "Options", "Position", "Related", "Report", "Rule", "RuleError", "Sentence", "Source", "Span",
    "__version__", "hookimpl", "parse", "rule",
]

_compat.install()
