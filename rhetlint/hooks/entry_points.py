"""The entry points of one group, read from the installed distributions' ``entry_points.txt`` files.

``importlib.metadata`` finds the same entry points, but importing it (with the email and zipfile modules it
needs) costs 40–55 ms on every run, a sixth of a cold check of a short draft. This module reads what it
reads, the way it reads it: every ``*.dist-info`` and ``*.egg-info`` folder on ``sys.path``, the first
distribution of each name winning. Where a path entry is not a plain folder (a zip file), or another
finder may hold distributions, it hands the search to ``importlib.metadata``.
"""

from __future__ import annotations

import importlib
import os
import re
import sys
from dataclasses import dataclass
from importlib.machinery import PathFinder
from typing import Any

_INFO_SUFFIXES = (".dist-info", ".egg-info")
# module[.sub][:attr[.sub]] [extras], as importlib.metadata reads an entry point's value.
_VALUE = re.compile(r"(?P<module>[\w.]+)\s*(:\s*(?P<attr>[\w.]+)\s*)?((?P<extras>\[.*\])\s*)?$")


@dataclass(frozen=True)
class EntryPoint:
    name: str
    value: str
    dist_name: str
    version: str

    def load(self) -> Any:
        """Import the module the value names and return it, or the attribute after its colon."""
        match = _VALUE.match(self.value)
        if match is None:
            raise ValueError(f"not an entry point value: {self.value!r}")
        target: Any = importlib.import_module(match.group("module"))
        for part in (match.group("attr") or "").split("."):
            if part:
                target = getattr(target, part)
        return target


def entry_points(group: str) -> list[EntryPoint]:
    """The entry points of ``group`` of every installed distribution, in ``sys.path`` order."""
    if not _plain_folders_only():
        return _from_importlib(group)
    found: list[EntryPoint] = []
    seen: set[str] = set()
    for entry in sys.path:
        folder = entry or "."
        try:
            names = sorted(os.listdir(folder))
        except OSError:
            continue
        for child in names:
            stem, ext = os.path.splitext(child)
            if ext.lower() not in _INFO_SUFFIXES:
                continue
            normal = _normalised(stem.partition("-")[0])
            if normal in seen:
                continue  # an earlier path entry holds this distribution; importlib.metadata skips it too
            seen.add(normal)
            info = os.path.join(folder, child)
            text = _read(os.path.join(info, "entry_points.txt"))
            if not text:
                continue
            points = [(n, v) for section, n, v in _sections(text) if section == group]
            if points:
                dist_name, version = _name_and_version(info, stem)
                found.extend(EntryPoint(n, v, dist_name, version) for n, v in points)
    return found


def _plain_folders_only() -> bool:
    """Whether every distribution lives in a folder on sys.path (no zip files, no third-party finders
    that answer for distributions)."""
    for finder in sys.meta_path:
        if hasattr(finder, "find_distributions") and not _searches_sys_path(finder):
            return False
    return not any(entry and os.path.isfile(entry) for entry in sys.path)


def _searches_sys_path(finder: object) -> bool:
    """The standard library's finder, or the importlib_metadata backport's (which installs itself on
    sys.meta_path when imported, by dask for one): both read the same folders on sys.path as this scan."""
    kind = type(finder)
    backport = kind.__name__ == "MetadataPathFinder" and kind.__module__.split(".")[0] == "importlib_metadata"
    return finder is PathFinder or backport


def _from_importlib(group: str) -> list[EntryPoint]:
    from importlib import metadata

    out = []
    for ep in metadata.entry_points(group=group):
        dist = getattr(ep, "dist", None)
        name = dist.metadata["Name"] if dist is not None else ""
        out.append(EntryPoint(ep.name, ep.value, name or "", dist.version if dist is not None else ""))
    return out


def _normalised(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower().replace("-", "_")


def _read(path: str) -> str:
    try:
        with open(path, encoding="utf-8") as fh:
            return fh.read()
    except (OSError, UnicodeDecodeError):
        return ""


def _sections(text: str) -> list[tuple[str, str, str]]:
    """(section, name, value) of each ``name = value`` line of an INI-style file."""
    out = []
    section = ""
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1].strip()
            continue
        name, sep, value = line.partition("=")
        if sep:
            out.append((section, name.strip(), value.strip()))
    return out


def _name_and_version(info: str, stem: str) -> tuple[str, str]:
    """The distribution's name and version from its METADATA (PKG-INFO for an egg), else from the folder's
    name."""
    name, _, version = stem.partition("-")
    for file_name in ("METADATA", "PKG-INFO"):
        text = _read(os.path.join(info, file_name))
        if not text:
            continue
        for line in text.splitlines():
            if not line.strip():
                break  # the headers end at the first blank line
            key, sep, value = line.partition(":")
            if sep and key == "Name":
                name = value.strip()
            elif sep and key == "Version":
                version = value.strip()
        break
    return name, version
