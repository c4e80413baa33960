"""``rhetlint check --fix`` and ``--diff``: fix each draft in turn, writing it or printing a diff."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from rhetlint.lint.autofix import fix_text
from rhetlint.lint.config import ConfigError
from rhetlint.lint.files import InputError
from rhetlint.lint.rewrite import read_for_rewrite, replace_if_unchanged
from rhetlint.lint.session import Session


@dataclass
class FixRun:
    """What fixing did: fixes applied, files changed (or that would change), and per-file errors."""

    fixes: int = 0
    changed: list[str] = field(default_factory=list)
    errors: list[tuple[str, str]] = field(default_factory=list)


def unified_diff(path: str, before: str, after: str) -> str:
    """A unified diff of one draft (``--- a/path``, ``+++ b/path``), line endings as in the file."""
    lines = difflib.unified_diff(
        before.splitlines(keepends=True), after.splitlines(keepends=True), f"a/{path}", f"b/{path}"
    )
    out = []
    for line in lines:
        out.append(line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n")
    return "".join(out)


def fix_files(
    session: Session, paths: Iterable[str], unsafe: bool, write: bool, diff_to: TextIO | None
) -> FixRun:
    """Fix each file: with ``write``, replace it atomically (if unchanged on disk since it was read); with
    ``diff_to``, print what would change. An unreadable or unwritable file is one error, not the end."""
    run = FixRun()
    for path in paths:
        try:
            linter = session.linter_for(Path(path))
            draft = read_for_rewrite(path, linter.config.max_file_size)
            result = fix_text(linter, draft.text, path, session.format, unsafe)
            if not result.changed:
                continue
            if diff_to is not None:
                diff_to.write(unified_diff(path, result.original, result.fixed))
            if write:
                replace_if_unchanged(draft, draft.encode(result.fixed))
        except (InputError, ConfigError) as exc:
            run.errors.append((path, str(exc)))
            continue
        run.fixes += result.applied
        run.changed.append(path)
    return run


def fix_stdin(session: Session, text: str, name: str, unsafe: bool) -> tuple[str, int]:
    """Standard input's text with its fixes applied, and how many were."""
    linter = session.linter_for(Path(name) if name != "-" else None)
    result = fix_text(linter, text, name, session.format, unsafe)
    return result.fixed, result.applied
