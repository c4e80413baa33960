"""The results cache: one file's diagnostics, kept between runs, so an unchanged file is not linted again.

Entries live under the user cache folder (``default_cache_dir``), one small JSON file per checked file and
linter (``cache_key``): the file's content digest is stored inside, so an edited file overwrites its own
entry instead of adding one. Entries are written to a temporary file and renamed into place, so runs in
parallel (``--jobs`` workers, two CI jobs on one machine) never read half an entry; an entry that cannot be
read or does not hold what it should is a miss and is written again.

Prune policy: after a run that wrote entries, at most once a day, entries not used for ``max_age_days``
(30) are deleted, and if more than ``max_entries`` (100,000, about 100 MB at typical sizes) remain, the
least recently used are deleted down to 90% of that. A hit refreshes an entry's modification time at most
once a day, so "used" means read or written.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from rhetlint.lint.cache_key import content_digest, entry_key, linter_fingerprint
from rhetlint.lint.config import Config
from rhetlint.lint.linter import RULE_ERROR, Linter
from rhetlint.model.diagnostics import Diagnostic, Fix, Position

ENTRY_FORMAT = 1
SUBFOLDER = f"results-v{ENTRY_FORMAT}"
DAY = 24 * 3600.0
CACHEDIR_TAG = (
    "Signature: 8a477f597d28d172789f06886806bc55\n"
    "# This file marks the folder as a cache (rhetlint's results cache); backup tools may skip it.\n"
)


def default_cache_dir() -> Path:
    """The user cache folder: ``$XDG_CACHE_HOME/rhetlint`` (``~/.cache/rhetlint``) on Linux and other
    Unixes, ``~/Library/Caches/rhetlint`` on macOS, ``%LOCALAPPDATA%\\rhetlint\\Cache`` on Windows."""
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(base) / "rhetlint" / "Cache"
    if sys.platform == "darwin" and not os.environ.get("XDG_CACHE_HOME"):
        return Path.home() / "Library" / "Caches" / "rhetlint"
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    base_path = Path(xdg) if os.path.isabs(xdg) else Path.home() / ".cache"  # a relative value is ignored
    return base_path / "rhetlint"


# The environment variable naming the cache folder (a CI job's cache, a test's temporary folder).
CACHE_DIR_ENV = "RHETLINT_CACHE_DIR"


def open_cache(enabled: bool, folder: Path | None, config: Config) -> ResultsCache | None:
    """The cache a run uses: none when the command line (``--no-cache``) or the configuration
    (``cache = false``) says so; else in ``--cache-dir``, ``$RHETLINT_CACHE_DIR``, the configuration's
    ``cache-dir`` or the user cache folder, the first one given."""
    if not enabled or not config.cache:
        return None
    from_environment = Path(os.environ[CACHE_DIR_ENV]) if os.environ.get(CACHE_DIR_ENV) else None
    return ResultsCache(folder or from_environment or config.cache_dir or default_cache_dir())


class ResultsCache:
    """Diagnostics of checked files, by path and linter, valid while the file's content is unchanged."""

    def __init__(self, folder: Path, max_entries: int = 100_000, max_age_days: float = 30.0) -> None:
        self.folder = Path(folder)
        self.root = self.folder / SUBFOLDER
        self._root_name = str(self.root)
        self.max_entries = max_entries
        self.max_age_days = max_age_days
        self.problem: str | None = None  # why writing stopped (a read-only or full disk), said once
        self.hits = 0
        self.misses = 0
        self.writes = 0
        self._prints: dict[int, tuple[Linter, str]] = {}

    # --- keys ------------------------------------------------------------------------------------
    def key_for(self, linter: Linter, path: str, input_format: str | None) -> str:
        known = self._prints.get(id(linter))
        if known is None or known[0] is not linter:
            known = (linter, linter_fingerprint(linter))
            self._prints[id(linter)] = known
        codes = (rule.code for rule in linter.rules_for(path))
        return entry_key(known[1], codes, path, input_format)

    def entry_path(self, key: str) -> str:
        return os.path.join(self._root_name, key[:2], key + ".json")  # strings: one join per hit, not Paths

    # --- reading and writing -----------------------------------------------------------------------
    def load(self, key: str, source: str, path: str) -> list[Diagnostic] | None:
        """The cached diagnostics of ``source`` (reported under ``path``), or None on a miss.

        An entry is a header line (format, key, content digest, payload digest) and the diagnostics as
        JSON; one that is truncated, garbled, of another shape or for other content is a miss, and the
        run writes it again."""
        entry = self.entry_path(key)
        try:
            with open(entry, "rb") as fh:
                header_line, _, payload = fh.read().partition(b"\n")
            header = json.loads(header_line)
            if header.get("format") != ENTRY_FORMAT or header.get("key") != key:
                raise ValueError("not this entry")
            if header.get("content") != content_digest(source):
                self.misses += 1
                return None
            if header.get("payload") != hashlib.sha256(payload).hexdigest():
                raise ValueError("damaged entry")
            diagnostics = [_diagnostic_from_record(path, item) for item in json.loads(payload)]
        except (OSError, ValueError, TypeError, KeyError, IndexError, AttributeError, RecursionError):
            self.misses += 1
            return None
        self.hits += 1
        self._refresh(entry)
        return diagnostics

    def save(self, key: str, source: str, diagnostics: list[Diagnostic]) -> None:
        """Store the diagnostics of ``source``, unless a rule failed (RL900: a time budget or a crash may
        not happen next time) or a finding's data cannot be written as JSON."""
        if self.problem is not None or any(d.code == RULE_ERROR for d in diagnostics):
            return
        try:
            payload = json.dumps(
                [_diagnostic_record(d) for d in diagnostics], ensure_ascii=False, allow_nan=False
            ).encode("utf-8", "surrogatepass")
        except (TypeError, ValueError):
            return
        header = {
            "format": ENTRY_FORMAT,
            "key": key,
            "content": content_digest(source),
            "payload": hashlib.sha256(payload).hexdigest(),
        }
        data = json.dumps(header).encode("ascii") + b"\n" + payload
        entry = Path(self.entry_path(key))
        try:
            self._ensure_root()
            entry.parent.mkdir(exist_ok=True)
            write_atomically(entry, data)
        except OSError as exc:
            self.problem = f"cannot write the results cache in {self.folder}: {exc.strerror or exc}"
            return
        self.writes += 1

    def _ensure_root(self) -> None:
        if not self.root.is_dir():
            self.root.mkdir(parents=True, exist_ok=True)
            tag = self.root / "CACHEDIR.TAG"
            if not tag.exists():
                write_atomically(tag, CACHEDIR_TAG.encode("ascii"))
            ignore = self.root / ".gitignore"  # a cache-dir inside a repository stays out of its commits
            if not ignore.exists():
                write_atomically(ignore, b"# rhetlint's results cache\n*\n")

    def _refresh(self, entry: str) -> None:
        """Mark an entry used (for pruning), at most once a day so hits cost no writes."""
        try:
            if time.time() - os.stat(entry).st_mtime > DAY:
                os.utime(entry)
        except OSError:
            pass

    # --- pruning ---------------------------------------------------------------------------------
    def prune_if_due(self) -> int:
        """Prune at the end of a run, at most once a day; returns the entries deleted."""
        if self.problem is not None or not self.root.is_dir():
            return 0
        stamp = self.root / "last-prune"
        try:
            if time.time() - stamp.stat().st_mtime < DAY:
                return 0
        except OSError:
            pass
        removed = self.prune()
        try:
            write_atomically(stamp, f"{time.time():.0f}\n".encode("ascii"))
        except OSError:
            pass
        return removed

    def prune(self, now: float | None = None) -> int:
        """Delete entries unused for ``max_age_days``, then the least recently used beyond
        ``max_entries`` (down to 90% of it), and temporary files left by a killed run."""
        now = time.time() if now is None else now
        entries: list[tuple[float, str]] = []
        removed = 0
        try:
            shards = [d for d in os.scandir(self.root) if d.is_dir(follow_symlinks=False)]
        except OSError:
            return 0
        for shard in shards:
            try:
                files = list(os.scandir(shard.path))
            except OSError:
                continue
            for item in files:
                try:
                    mtime = item.stat(follow_symlinks=False).st_mtime
                except OSError:
                    continue
                stale_temp = item.name.startswith(".") and now - mtime > 3600
                if stale_temp or (item.name.endswith(".json") and now - mtime > self.max_age_days * DAY):
                    removed += _unlink(item.path)
                elif item.name.endswith(".json"):
                    entries.append((mtime, item.path))
        if len(entries) > self.max_entries:
            entries.sort()
            for _mtime, path in entries[: len(entries) - int(self.max_entries * 0.9)]:
                removed += _unlink(path)
        return removed


def write_atomically(target: Path, data: bytes, shared: bool = False) -> None:
    """Write to a temporary file beside ``target``, then rename it over ``target``: a reader sees the old
    file or the new one, never a part, whatever runs at the same time. The file is private to the user
    (as temporary files are) unless ``shared``: then it gets the mode a new file gets (the umask's)."""
    fd, temporary = tempfile.mkstemp(prefix=".", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        if shared:
            os.chmod(temporary, 0o666 & ~current_umask())
        os.replace(temporary, target)
    except BaseException:
        _unlink(temporary)
        raise


def current_umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _unlink(path: str) -> int:
    try:
        os.unlink(path)
    except OSError:
        return 0
    return 1


def _diagnostic_record(d: Diagnostic) -> list[Any]:
    return [
        d.code,
        d.name,
        d.category,
        d.severity,
        d.message,
        [d.start.line, d.start.column, d.start.offset],
        [d.end.line, d.end.column, d.end.offset],
        d.match,
        [[f.title, f.replacement, f.start, f.end] for f in d.fixes],
        d.url,
        [[[s.line, s.column, s.offset], [e.line, e.column, e.offset], m] for s, e, m in d.related],
        d.plugin,
        d.data,
    ]


def _diagnostic_from_record(path: str, item: list[Any]) -> Diagnostic:
    """A diagnostic from its record; the payload digest has vouched for the bytes, so a wrong shape
    (an entry written by other code) only needs to raise, not to be checked field by field."""
    code, name, category, severity, message, start, end, match, fixes, url, related, plugin, data = item
    return Diagnostic(
        path,
        code,
        name,
        category,
        severity,
        message,
        Position(*start),
        Position(*end),
        match,
        tuple(Fix(*fix) for fix in fixes),
        url,
        tuple((Position(*s), Position(*e), m) for s, e, m in related),
        plugin,
        data,
    )
