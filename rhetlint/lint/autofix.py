"""Fix one draft's text: lint, apply the allowed fixes, lint again, until nothing more applies."""

from __future__ import annotations

from dataclasses import dataclass

from rhetlint.lint.fixes import apply_edits, plan_edits
from rhetlint.lint.linter import Linter

# Passes over one text: a fix can reveal or remove another finding, which the next pass sees.
MAX_PASSES = 10


@dataclass(frozen=True)
class FixedText:
    original: str
    fixed: str
    applied: int  # fixes applied over all passes

    @property
    def changed(self) -> bool:
        return self.fixed != self.original


def fix_text(
    linter: Linter, source: str, path: str | None, format: str | None = None, unsafe: bool = False
) -> FixedText:
    """``source`` with its fixes applied (safe ones only unless ``unsafe``); raises InputError or
    ConfigError as linting does."""
    text = source
    applied = 0
    for _ in range(MAX_PASSES):
        doc = linter.parse(text, path, format)
        edits = plan_edits(linter.lint(doc), text, doc.in_quote, unsafe)
        if not edits:
            break
        text = apply_edits(text, edits)
        applied += len(edits)
    return FixedText(source, text, applied)
