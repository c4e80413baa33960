"""Find the drafts to check and read them safely.

Every problem with an input becomes one ``InputError`` line naming the file, never a traceback, and the
other files are still checked.
"""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

from rhetlint.lint.ignore import IgnoreFiles, PathPatterns


class InputError(Exception):
    """A file that cannot be checked; the message is one line and does not repeat the path."""


def relative_to_root(path: Path, root: Path) -> str | None:
    """``path`` relative to ``root`` (a configuration's folder, where its globs start), or None outside it."""
    try:
        return path.resolve().relative_to(root).as_posix()
    except (ValueError, RuntimeError, OSError):  # outside the root, or a symbolic link that loops
        return None


def _included(path: Path, globs: Sequence[str]) -> bool:
    return any(fnmatch.fnmatch(path.name, g) for g in globs)


def _folder_problem(exc: OSError) -> str:
    if isinstance(exc, PermissionError):
        return "permission denied; folder not checked"
    return f"cannot read folder: {exc.strerror or exc}; not checked"


def discover(
    paths: Sequence[str], include: Sequence[str], exclude: Sequence[str], root: Path | None = None
) -> Iterator[tuple[str, str | None]]:
    """Yield (display path, None) for each draft named or found under a named folder, and (path, problem)
    for a path that cannot be checked: a name that does not exist, a folder that cannot be read.

    Files named explicitly are always checked. Folders are walked for files whose name matches
    ``include``, skipping what ``exclude`` (gitignore patterns relative to ``root``, the folder of the
    configuration file) or the ``.gitignore`` files of the tree ignore, inside a git repository or not;
    git itself is never run. A folder that cannot be listed (no permission) is one problem, and the rest
    of the walk goes on. Raises PatternError for an ``exclude`` pattern git would refuse, when a folder is
    walked (files named explicitly never need the patterns, nor their compiling).
    """
    excluded: PathPatterns | None = None
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            if excluded is None:
                excluded = PathPatterns.compile(exclude, root)
            contexts = {path: IgnoreFiles.above(path, root)}
            found: list[str] = []
            unreadable: list[OSError] = []
            for dirpath, dirnames, filenames in os.walk(path, onerror=unreadable.append):
                current = Path(dirpath)
                ignores = contexts.pop(current, None) or IgnoreFiles.above(current, root)
                kept = []
                for name in sorted(dirnames):
                    child = current / name
                    if excluded.matches(child, is_dir=True) or ignores.ignored(child, is_dir=True):
                        continue
                    kept.append(name)
                    contexts[child] = ignores.within(child)
                dirnames[:] = kept
                for name in filenames:
                    candidate = current / name
                    if not _included(candidate, include) or excluded.matches(candidate):
                        continue
                    if ignores.ignored(candidate):
                        continue
                    found.append(str(candidate))
            yield from ((str(exc.filename or raw), _folder_problem(exc)) for exc in unreadable)
            yield from ((p, None) for p in sorted(found))
        elif path.exists():
            yield raw, None
        else:
            yield raw, "no such file or folder"


def decode(data: bytes) -> str:
    """Decode a draft: UTF-8 with or without BOM; line endings stay as they are."""
    if b"\0" in data[:8192]:
        raise InputError("binary file (contains NUL bytes); not checked")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at line {line}); save the file as UTF-8"
        ) from None


def read_draft(path: str, max_megabytes: float) -> str:
    """Read and decode a draft (see ``read_draft_bytes``)."""
    return decode(read_draft_bytes(path, max_megabytes))


def read_draft_bytes(path: str, max_megabytes: float) -> bytes:
    """Read a draft's bytes, refusing anything but a regular file and anything over the size limit.

    The size is checked while reading, not trusted from the file system: a device or a file that grows
    (``/dev/zero``, a committed symlink to it) would otherwise be read until memory runs out.
    """
    try:
        if not os.path.isfile(path):
            if os.path.isdir(path):
                raise InputError("is a folder")
            if os.path.exists(path):
                raise InputError("is not a regular file (a device, pipe or socket); not checked")
            if os.path.islink(path):
                raise InputError("is a symbolic link that loops or points nowhere")
            raise InputError("no such file")
        size = os.path.getsize(path)
        if size > max_megabytes * 1_000_000:  # say how big, for a file known too big before reading it
            raise InputError(
                f"file is {size / 1_000_000:.3g} MB, over the max-file-size of {max_megabytes:g} MB; "
                f"not checked (raise max-file-size to check it)"
            )
        with open(path, "rb") as fh:
            data = read_limited(fh, max_megabytes)
    except FileNotFoundError:
        raise InputError("no such file") from None
    except IsADirectoryError:
        raise InputError("is a folder") from None
    except PermissionError:
        raise InputError("permission denied") from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}") from None
    return data


def read_limited(stream: BinaryIO, max_megabytes: float) -> bytes:
    """Read at most ``max_megabytes`` (and one byte more, to know it was over); raise InputError if over."""
    limit = int(max_megabytes * 1_000_000)
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise InputError(
            f"is over the max-file-size of {max_megabytes:g} MB; not checked (raise max-file-size to check it)"
        )
    return data
