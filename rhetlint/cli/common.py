"""What the commands share: exit codes, warnings about plugins, reading standard input, writing reports."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from rhetlint.lint.session import ALLOW_LOCAL_PLUGINS_ENV, Session

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def warn_blocked(session: Session) -> None:
    """Say which local plugin folders were not loaded, and how to trust them."""
    for folder, config in sorted(session.blocked_plugin_dirs.items()):
        where = f" (plugins-dir in {config})" if config else ""
        print(
            f"rhetlint: warning: not loading local plugins from {folder}{where}: they are code from the "
            f"checked repository; pass --allow-local-plugins or set {ALLOW_LOCAL_PLUGINS_ENV}=1 to trust it",
            file=sys.stderr,
        )


def print_problems(session: Session) -> bool:
    warn_blocked(session)
    problems = session.plugin_problems()
    for problem in problems:
        print(f"rhetlint: error: {problem}", file=sys.stderr)
    return bool(problems)


def read_stdin(max_megabytes: float) -> bytes:
    """Standard input, within the max-file-size limit; a closed or unreadable stdin is an input error."""
    from rhetlint.lint.files import InputError, read_limited

    if sys.stdin is None:
        raise InputError("standard input is closed")
    try:
        return read_limited(sys.stdin.buffer, max_megabytes)
    except (OSError, ValueError) as exc:  # closed descriptor, or a stream that is not readable
        raise InputError(f"cannot read standard input: {exc}") from None


def write_atomically(target: Path, write: Callable[[TextIO], None]) -> None:
    """Write a report to a temporary file beside ``target``, then rename it over ``target``: a write that
    fails half-way (a full disk) leaves the old report whole and no truncated file."""
    import tempfile  # only a run with --output pays for it

    folder = target.parent if str(target.parent) else Path(".")
    fd, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as stream:
            write(stream)
        # mkstemp makes the file private (0600); give it the mode a plain open() would, or the old file's
        os.chmod(temporary, _mode_for(target))
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _mode_for(target: Path) -> int:
    """The permission bits of the file being replaced, or 0666 less the umask for a new file."""
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
