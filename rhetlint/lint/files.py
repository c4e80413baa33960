"""Find the drafts to check and read them safely.

Every problem with an input becomes one ``InputError`` line naming the file, never a traceback, and the
other files are still checked.
"""

from __future__ import annotations

import fnmatch
import os
import subprocess
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import BinaryIO


class InputError(Exception):
    """A file that cannot be checked; the message is one line and does not repeat the path."""


def relative_to_root(path: Path, root: Path) -> str | None:
    """``path`` relative to ``root`` (a configuration's folder, where its globs start), or None outside it."""
    try:
        return path.resolve().relative_to(root).as_posix()
    except (ValueError, RuntimeError, OSError):  # outside the root, or a symbolic link that loops
        return None


def _matches(path: Path, globs: Sequence[str], root: Path | None = None) -> bool:
    names = [path.name, path.as_posix()]
    relative = relative_to_root(path, root) if root is not None else None
    if relative is not None:
        names.append(relative)
    return any(fnmatch.fnmatch(name, g) for name in names for g in globs)


def _git_visible(folder: Path) -> set[Path] | None:
    """Files git tracks or would track under ``folder`` (respecting .gitignore), or None outside a repo."""
    try:
        out = subprocess.run(
            # core.fsmonitor in a checked tree's .git/config names a command git would run: never run it
            [
                "git",
                "-c",
                "core.fsmonitor=false",
                "-c",
                "core.untrackedCache=false",
                "-C",
                str(folder),
                "ls-files",
                "-z",
                "--cached",
                "--others",
                "--exclude-standard",
            ],  # fmt: skip
            capture_output=True,
            timeout=30,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    if out.returncode != 0:
        return None
    return {(folder / p).resolve() for p in out.stdout.decode("utf-8", "surrogateescape").split("\0") if p}


def discover(
    paths: Sequence[str], include: Sequence[str], exclude: Sequence[str], root: Path | None = None
) -> Iterator[tuple[str, str]]:
    """Yield (display path, "file"|"missing") for each draft named or found under a named folder.

    Files named explicitly are always checked; folders are walked for files matching ``include`` and not
    matching ``exclude`` or ignored by git. Globs match a file's name, its path as found, or its path
    relative to ``root`` (the folder of the configuration file).
    """
    root = root.resolve() if root is not None else None
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            visible = _git_visible(path)
            found = []
            for dirpath, dirnames, filenames in os.walk(path):
                current = Path(dirpath)
                dirnames[:] = sorted(d for d in dirnames if not _matches(current / d, exclude, root))
                for name in filenames:
                    candidate = current / name
                    if not _matches(candidate, include, root) or _matches(candidate, exclude, root):
                        continue
                    if visible is not None and candidate.resolve() not in visible:
                        continue
                    found.append(str(candidate))
            yield from ((p, "file") for p in sorted(found))
        elif path.exists():
            yield raw, "file"
        else:
            yield raw, "missing"


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
