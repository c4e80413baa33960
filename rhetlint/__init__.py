"""rhetlint: a plugin-based rhetoric linter for news writing.

This module is the public API for plugin authors (see docs/plugins/): every name in ``__all__`` is kept
stable across minor releases. Text helpers are public in ``rhetlint.text`` and the shared analyses in
``rhetlint.analysis``; anything else is internal and may move (docs/internals.md describes the layers).

The names load on first use, so ``rhetlint check`` does not pay at start-up for what a run never reads.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from rhetlint import _compat
from rhetlint._version import __version__
from rhetlint.hooks.specs import hookimpl

if TYPE_CHECKING:
    from rhetlint.analysis import Attribution, Source
    from rhetlint.model.diagnostics import Diagnostic, Finding, Fix, Position, Related
    from rhetlint.model.document import Block, Document, LintContext, Sentence, Span
    from rhetlint.model.errors import ConfigError
    from rhetlint.output.base import FileError, Formatter, Report
    from rhetlint.parsers import parse
    from rhetlint.rules import Options, Rule, RuleError, rule

# public name -> the module that defines it
_HOMES = {
    "Attribution": "rhetlint.analysis",
    "Source": "rhetlint.analysis",
    "Diagnostic": "rhetlint.model.diagnostics",
    "Finding": "rhetlint.model.diagnostics",
    "Fix": "rhetlint.model.diagnostics",
    "Position": "rhetlint.model.diagnostics",
    "Related": "rhetlint.model.diagnostics",
    "Block": "rhetlint.model.document",
    "Document": "rhetlint.model.document",
    "LintContext": "rhetlint.model.document",
    "Sentence": "rhetlint.model.document",
    "Span": "rhetlint.model.document",
    "ConfigError": "rhetlint.model.errors",
    "FileError": "rhetlint.output.base",
    "Formatter": "rhetlint.output.base",
    "Report": "rhetlint.output.base",
    "parse": "rhetlint.parsers",
    "Options": "rhetlint.rules",
    "Rule": "rhetlint.rules",
    "RuleError": "rhetlint.rules",
    "rule": "rhetlint.rules",
}

__all__ = [
    "Attribution",
    "Block",
    "ConfigError",
    "Diagnostic",
    "Document",
    "FileError",
    "Finding",
    "Fix",
    "Formatter",
    "LintContext",
    "Options",
    "Position",
    "Related",
    "Report",
    "Rule",
    "RuleError",
    "Sentence",
    "Source",
    "Span",
    "__version__",
    "hookimpl",
    "parse",
    "rule",
]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'rhetlint' has no attribute {name!r}")
    # A document read through the public API gets its parsers and analyses: importing them registers them.
    importlib.import_module("rhetlint.parsers")
    importlib.import_module("rhetlint.analysis")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_HOMES))


_compat.install()
