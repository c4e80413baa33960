"""A linter over in-memory text for the evaluation scripts: the installed plugins, chosen rules."""

from __future__ import annotations

from collections.abc import Sequence

from rhetlint.config import Config
from rhetlint.diagnostics import Diagnostic
from rhetlint.engine import Linter, Selection
from rhetlint.plugins import load_plugins


def make_linter(select: Sequence[str], ignore: Sequence[str] = (), config: Config | None = None) -> Linter:
    return Linter(load_plugins(), config or Config(), Selection(select=tuple(select), ignore=tuple(ignore)))


def lint_text(linter: Linter, text: str) -> list[Diagnostic]:
    return linter.lint_source(text, None, "text")
