"""rhetlint: a plugin-based rhetoric linter for news writing.

The public API for plugin authors is re-exported here; see docs/plugins/.
"""

from __future__ import annotations

__version__ = "0.1.0"

from rhetlint.hooks.specs import hookimpl
from rhetlint.model.diagnostics import Diagnostic, Finding, Fix, Position, Related
from rhetlint.model.document import Block, Document, Sentence, Span
from rhetlint.rules import Options, Rule, rule

__all__ = [
    "Block", "Diagnostic", "Document", "Finding", "Fix", "Options", "Position", "Related", "Rule",
    "Sentence", "Span", "__version__", "hookimpl", "rule",
]
