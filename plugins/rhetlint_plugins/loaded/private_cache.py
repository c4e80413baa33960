"""A built object kept between runs in the user's cache folder, as a pickle only this user can have written.

Building the loaded-language matcher from the lexicons costs more than the rest of a one-file check together, so
the built lexicon and its matcher are pickled once per content key and read back on later starts. Unpickling
runs whatever a pickle names, so a file is read only when it, and the folder holding it, belong to the user
running rhetlint and nobody else can write them (docs/threat-model.md); anything else (another owner, loose
permissions, a symbolic link, a damaged or foreign file) is a miss, and the caller builds the object again and
replaces the file atomically. Systems without POSIX owners (Windows) go without this cache.
"""

from __future__ import annotations

import gc
import os
import pickle
import stat
import tempfile
from pathlib import Path
from typing import Any

# The subfolder of the cache folder that holds the pickles, made by rhetlint for this user alone (mode 0700):
# the cache folder itself may have been made group-writable by a umask of 002, or be shared on purpose.
FOLDER = "private"


def cache_dir() -> Path | None:
    """Where rhetlint keeps derived data: $RHETLINT_CACHE_DIR, else the XDG cache folder; "" disables it."""
    configured = os.environ.get("RHETLINT_CACHE_DIR")
    if configured is not None:
        return Path(configured) if configured else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "rhetlint"


def _private(info: os.stat_result) -> bool:
    """Owned by the user running rhetlint, and writable by nobody else."""
    return info.st_uid == os.getuid() and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def load(folder: Path, name: str) -> Any | None:
    """The object pickled as ``name`` in ``folder``, or None when there is none that is safe and sound."""
    if not hasattr(os, "getuid") or not hasattr(os, "O_NOFOLLOW"):
        return None
    try:
        if not _private(os.stat(folder)):
            return None
        fd = os.open(folder / name, os.O_RDONLY | os.O_NOFOLLOW)
    except OSError:
        return None
    with os.fdopen(fd, "rb") as handle:
        try:
            info = os.fstat(fd)  # the file opened, not whatever the name points to by now
            if not stat.S_ISREG(info.st_mode) or not _private(info):
                return None
            data = handle.read()
        except OSError:
            return None
    enabled = gc.isenabled()
    gc.disable()  # thousands of new objects, none of them garbage: collecting on the way doubles the time
    try:
        return pickle.loads(data)
    except Exception:  # a damaged or foreign file fails in many ways; each is a miss
        return None
    finally:
        if enabled:
            gc.enable()


# Other keys of one object kept beside the newest: checkouts of different versions sharing one cache folder
# each keep theirs, while the files of a lexicon edited many times do not pile up.
KEEP_OTHERS = 3


def store(folder: Path, name: str, value: Any, stale: str = "") -> None:
    """Pickle ``value`` as ``name`` in ``folder`` (made private if new), written whole or not at all; of this
    user's other files matching the glob ``stale`` (older keys of the same object), keep the KEEP_OTHERS
    newest. Failing to write costs only the build next time, so every error is swallowed."""
    if not hasattr(os, "getuid"):
        return
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        folder.mkdir(mode=0o700, exist_ok=True)
        if not _private(os.stat(folder)):
            return
        data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{name}.", suffix=".tmp")  # mode 0600
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            os.replace(tmp, folder / name)
        except BaseException:
            os.unlink(tmp)
            raise
        if stale:
            _prune(folder, name, stale)
    except Exception:  # a read-only or full disk, an unpicklable value: the next run builds again
        return


def _prune(folder: Path, name: str, stale: str) -> None:
    others = []
    for path in folder.glob(stale):
        info = path.lstat()
        if path.name != name and stat.S_ISREG(info.st_mode) and _private(info):
            others.append((info.st_mtime_ns, path))
    for _, path in sorted(others, reverse=True)[KEEP_OTHERS:]:
        path.unlink(missing_ok=True)
