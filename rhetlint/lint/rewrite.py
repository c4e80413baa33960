"""Rewrite a draft in place, safely: only if it is unchanged since it was read, and atomically.

The new text goes to a temporary file in the draft's own folder, which takes the draft's permissions, and
is renamed over it (``os.replace``), so a reader sees the old file or the new one, never half of one. A
draft edited since it was read (an editor saving it during the run) is left alone: its content is compared
just before the rename. A read-only draft is refused rather than replaced, since the rename would succeed
where the user meant the file to stay as it is.
"""

from __future__ import annotations

import hashlib
import os
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path

from rhetlint.lint.files import InputError, decode, read_draft_bytes

BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True)
class ReadDraft:
    """A draft as read for rewriting: its bytes (to notice a change on disk) and its decoded text."""

    path: str
    data: bytes
    text: str

    def encode(self, text: str) -> bytes:
        """``text`` as the file stores it: UTF-8, with the byte-order mark if the file had one."""
        body = text.encode("utf-8", "surrogatepass")
        return BOM + body if self.data.startswith(BOM) else body


def read_for_rewrite(path: str, max_megabytes: float) -> ReadDraft:
    data = read_draft_bytes(path, max_megabytes)
    return ReadDraft(path, data, decode(data))


def _digest(data: bytes) -> bytes:
    return hashlib.sha256(data).digest()


def _current(path: str) -> bytes | None:
    try:
        with open(path, "rb") as fh:
            return fh.read()
    except OSError:
        return None


def replace_if_unchanged(draft: ReadDraft, new: bytes) -> None:
    """Write ``new`` over ``draft.path`` if the file still holds ``draft.data``; raise a one-line InputError
    (the file untouched) if it is read-only, changed since it was read, or cannot be written."""
    target = os.path.realpath(draft.path)  # a symbolic link keeps pointing at the rewritten file
    try:
        info = os.stat(target)
    except OSError as exc:
        raise InputError(f"cannot fix: {exc.strerror}") from None
    if not info.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) or not os.access(target, os.W_OK):
        raise InputError("is read-only; not fixed")
    expected = _digest(draft.data)
    current = _current(target)
    if current is None or _digest(current) != expected:
        raise InputError("changed on disk since it was read; not fixed (run again)")
    folder = Path(target).parent
    try:
        fd, temporary = tempfile.mkstemp(prefix=f".{Path(target).name}.", suffix=".rhetlint-tmp", dir=folder)
    except OSError as exc:
        raise InputError(f"cannot fix: cannot write in its folder: {exc.strerror}") from None
    try:
        with os.fdopen(fd, "wb") as stream:
            stream.write(new)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, stat.S_IMODE(info.st_mode))
        try:
            os.chown(temporary, info.st_uid, info.st_gid)  # only an owner's or root's run may keep the owner
        except (OSError, AttributeError):
            pass
        if _digest(_current(target) or b"") != expected:  # edited while the new text was written
            raise InputError("changed on disk since it was read; not fixed (run again)")
        os.replace(temporary, target)
    except OSError as exc:
        Path(temporary).unlink(missing_ok=True)
        raise InputError(f"cannot fix: {exc.strerror}") from None
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
