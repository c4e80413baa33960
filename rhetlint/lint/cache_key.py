"""The key of a cached result: everything that can change the diagnostics of one file.

A cached result is only as good as its key. Besides the file's content, the diagnostics depend on the
rhetlint version, the plugins loaded (their versions, and the code and data files they ship, so an
edited lexicon or an upgraded plugin is never served stale results), the rules chosen for the file, their
severities and options, the files those options name (a newsroom lexicon), the configuration's rule files
and sides, the input format and the file's own path (per-file ignores, the format guessed from the suffix).
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

from rhetlint._version import __version__
from rhetlint.lint.linter import Linter

# A plugin package with more files than this is fingerprinted by its first files only (in sorted order):
# the key must stay cheap to build at every start.
MAX_FILES_PER_PACKAGE = 5000


def _digest(parts: Iterable[str]) -> str:
    hasher = hashlib.sha256()
    for part in parts:
        hasher.update(part.encode("utf-8", "surrogatepass"))
        hasher.update(b"\0")
    return hasher.hexdigest()


def file_digest(path: Path) -> str:
    """The SHA-256 of a file's bytes, or a marker saying it cannot be read (a missing lexicon is a
    configuration error the run reports; the key only has to differ)."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError as exc:
        return f"unreadable:{exc.errno}"


@lru_cache(maxsize=64)
def package_stamp(folder: str) -> str:
    """Sizes and modification times of every file under a plugin's package folder: a changed module or
    data file (a lexicon, a word list) changes the stamp, at the cost of one stat per file."""
    entries: list[str] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(files):
            if name.endswith((".pyc", ".pyo")):
                continue
            path = os.path.join(root, name)
            try:
                stat = os.stat(path)
            except OSError:
                continue
            entries.append(f"{os.path.relpath(path, folder)}:{stat.st_size}:{stat.st_mtime_ns}")
            if len(entries) >= MAX_FILES_PER_PACKAGE:
                return _digest(entries)
    return _digest(entries)


def _code_location(plugin: object) -> str | None:
    """The folder of a plugin's top-level package, or the single file of a plugin module."""
    module_name = getattr(plugin, "__name__", None) or type(plugin).__module__
    top = sys.modules.get(module_name.split(".")[0]) if isinstance(module_name, str) else None
    for candidate in (getattr(top, "__file__", None), getattr(plugin, "__file__", None)):
        if candidate:
            path = Path(candidate)
            return str(path.parent) if path.name == "__init__.py" else str(path)
    return None


def plugins_fingerprint(linter: Linter) -> list[str]:
    """The loaded plugins: name, version and where they came from, and a stamp of their code and data."""
    parts = [f"rhetlint {__version__}"]
    for info in sorted(linter.plugins.infos, key=lambda i: i.name):
        parts.append(f"plugin {info.name} {info.version} {info.source}")
    locations: set[str] = set()
    for _name, plugin in linter.plugins.manager.list_name_plugin():
        location = _code_location(plugin)
        if location:
            locations.add(location)
    for location in sorted(locations):
        stamp = package_stamp(location) if os.path.isdir(location) else file_digest(Path(location))
        parts.append(f"code {location} {stamp}")
    return parts


def _named_files(value: Any, base: Path) -> list[Path]:
    """The existing files an option value names (a string or a list of strings, relative to ``base``)."""
    names = [value] if isinstance(value, str) else value if isinstance(value, list) else []
    found = []
    for name in names:
        if isinstance(name, str) and name and "\n" not in name and len(name) < 4096:
            candidate = base / name
            try:
                if candidate.is_file():
                    found.append(candidate.resolve())
            except OSError:
                continue
    return found


def configuration_fingerprint(linter: Linter) -> list[str]:
    """Every rule's severity and resolved options, the files they name, and the configuration's sides
    and rule files (by content)."""
    config = linter.config
    parts = [f"sides {json.dumps(config.sides, sort_keys=True)}"]
    for path in config.rule_files:
        parts.append(f"rule-file {path} {file_digest(path)}")
    for rule in linter.registry:
        try:
            options = linter.options_for(rule)
        except Exception as exc:  # noqa: BLE001 - a bad option is reported by the run itself
            parts.append(f"rule {rule.code} bad options: {exc}")
            continue
        values = {key: options[key] for key in options}
        parts.append(
            f"rule {rule.code} {rule.name} {rule.plugin} {linter.severity_for(rule)} "
            f"{json.dumps(values, sort_keys=True, default=repr)}"
        )
        for value in values.values():
            for path in _named_files(value, options.base_dir):
                parts.append(f"option-file {path} {file_digest(path)}")
    return parts


def linter_fingerprint(linter: Linter) -> str:
    """The part of the key shared by every file one linter checks."""
    return _digest([*plugins_fingerprint(linter), *configuration_fingerprint(linter)])


def entry_key(linter_print: str, rule_codes: Iterable[str], path: str, input_format: str | None) -> str:
    """The name of one file's cache entry: the linter, the rules that run on the file, its absolute path
    and the forced input format."""
    return _digest([linter_print, ",".join(rule_codes), os.path.abspath(path), input_format or ""])


def content_digest(source: str) -> str:
    return hashlib.sha256(source.encode("utf-8", "surrogatepass")).hexdigest()
