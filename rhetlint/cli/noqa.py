"""``rhetlint check --add-noqa``: insert suppression comments in each draft, in place and atomically."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path

from rhetlint.lint.config import ConfigError
from rhetlint.lint.files import InputError
from rhetlint.lint.noqa import add_noqa_text
from rhetlint.lint.rewrite import read_for_rewrite, replace_if_unchanged
from rhetlint.lint.session import Session
from rhetlint.output.base import printable


def add_noqa_to_files(
    session: Session, paths: Iterable[str], errors: list[tuple[str, str]]
) -> tuple[int, int]:
    """Comments written and files changed; a file that cannot be read or written is added to ``errors``
    and left as it was."""
    comments = changed = 0
    for path in paths:
        try:
            linter = session.linter_for(Path(path))
            draft = read_for_rewrite(path, linter.config.max_file_size)
            result = add_noqa_text(linter, draft.text, path, session.format)
            if result.comments:
                replace_if_unchanged(draft, draft.encode(result.text))
        except (InputError, ConfigError) as exc:
            errors.append((path, str(exc)))
            continue
        _warn_left(path, result.left)
        comments += result.comments
        changed += 1 if result.comments else 0
    return comments, changed


def add_noqa_to_stdin(session: Session, text: str, name: str) -> tuple[str, int]:
    """Standard input's text with the comments added, and how many there are."""
    linter = session.linter_for(Path(name) if name != "-" else None)
    result = add_noqa_text(linter, text, name, session.format)
    _warn_left(name, result.left)
    return result.text, result.comments


def _warn_left(path: str, left: int) -> None:
    """Say so when a finding stands where no comment covers it (a line inside a tag, say)."""
    if left:
        print(
            f"{printable(path)}: warning: {left} finding{'s' if left != 1 else ''} could not be suppressed",
            file=sys.stderr,
        )
