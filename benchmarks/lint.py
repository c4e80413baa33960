"""A linter over in-memory text for the evaluation scripts: the installed plugins, chosen rules."""

from __future__ import annotations

from collections.abc import Sequence

from rhetlint.hooks.manager import load_plugins
from rhetlint.lint.config import Config
from rhetlint.lint.linter import Linter
from rhetlint.model.diagnostics import Diagnostic
from rhetlint.rules.selection import Selection


def make_linter(select: Sequence[str], ignore: Sequence[str] = (), config: Config | None = None) -> Linter:
    return Linter(load_plugins(), config or Config(), Selection(select=tuple(select), ignore=tuple(ignore)))


def lint_text(linter: Linter, text: str) -> list[Diagnostic]:
    return linter.lint_source(text, None, "text")
