"""``rhetlint new-plugin NAME``: write a working plugin package from the template in ``templates/plugin``.

The template is a folder of ``*.tmpl`` files rendered with ``string.Template`` (``${package}`` …); folder
and file names may hold ``__package__`` and ``__code__``. The result installs with pip, registers through
the ``rhetlint`` entry point, and its tests pass as generated, so an author starts from green.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from string import Template
from typing import TYPE_CHECKING

from rhetlint.rules.model import META_PREFIX

if TYPE_CHECKING:
    from importlib.abc import Traversable

# A distribution name as packaging tools accept it (PEP 508), without dots: rhetlint-newsroom.
DIST_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9]*(?:[-_][A-Za-z0-9]+)*$")
# A rule code prefix: 1-3 capitals, so that codes look like NE101.
PREFIX = re.compile(r"^[A-Z]{1,3}$")
SUFFIX = ".tmpl"


@dataclass(frozen=True)
class PluginNames:
    """Every name the template needs, derived from the distribution name."""

    dist: str  # rhetlint-newsroom
    package: str  # rhetlint_newsroom
    entry: str  # newsroom: the entry-point name `rhetlint plugins` shows
    prefix: str  # NE
    title: str  # newsroom

    @property
    def code(self) -> str:
        return f"{self.prefix}101"

    def values(self) -> dict[str, str]:
        return {
            "dist": self.dist,
            "package": self.package,
            "entry": self.entry,
            "prefix": self.prefix,
            "title": self.title,
            "code": self.code,
        }


def plugin_names(name: str, prefix: str | None = None) -> PluginNames:
    """Derive the package, entry-point name and code prefix; raise ValueError for an unusable name."""
    if not DIST_NAME.match(name):
        raise ValueError(
            f"{name!r} is not a usable distribution name (letters, digits and single hyphens, "
            "e.g. rhetlint-newsroom)"
        )
    dist = name.lower().replace("_", "-")
    package = dist.replace("-", "_")
    entry = dist.removeprefix("rhetlint-") or dist
    letters = re.sub(r"[^a-z]", "", entry)
    prefix = prefix or (letters[:2].upper() if len(letters) >= 2 else "X")
    if not PREFIX.match(prefix):
        raise ValueError(f"rule code prefix {prefix!r} must be 1-3 capital letters")
    if prefix.startswith(META_PREFIX):
        raise ValueError(f"the rule code prefix {prefix} starts with {META_PREFIX}, which is rhetlint's own")
    return PluginNames(dist, package, entry, prefix, entry.replace("-", " "))


def _files(folder: Traversable, relative: str = "") -> list[tuple[str, Traversable]]:
    out: list[tuple[str, Traversable]] = []
    for item in sorted(folder.iterdir(), key=lambda t: t.name):
        path = f"{relative}/{item.name}" if relative else item.name
        if item.is_dir():
            if item.name != "__pycache__":
                out.extend(_files(item, path))
        elif item.name.endswith(SUFFIX):
            out.append((path, item))
    return out


def render_plugin(names: PluginNames) -> dict[str, str]:
    """Return relative path -> contents of the package to write."""
    folder = resources.files("rhetlint.cli").joinpath("templates").joinpath("plugin")
    values = names.values()
    rendered = {}
    for path, item in _files(folder):
        target = path[: -len(SUFFIX)].replace("__package__", names.package).replace("__code__", names.code)
        rendered[target] = Template(item.read_text(encoding="utf-8")).substitute(values)
    return rendered


def create_plugin(name: str, folder: Path, prefix: str | None = None) -> int:
    """Write the package ``folder/name``, print what was made and what to do next; return an exit code."""
    try:
        names = plugin_names(name, prefix)
    except ValueError as exc:
        print(f"rhetlint: error: {exc}", file=sys.stderr)
        return 2
    root = Path(folder) / names.dist
    if root.exists() and any(root.iterdir()):
        print(f"rhetlint: error: {root} already exists and is not empty", file=sys.stderr)
        return 2
    for relative, text in render_plugin(names).items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        print(f"created {path}")
    print(
        f'\nNext:\n  cd {root}\n  python -m pip install -e ".[test]"\n  python -m pytest\n'
        f"  rhetlint plugins        # lists {names.entry}\n"
        f"\nThe starter rule is {names.code} exclamation-mark in src/{names.package}/__init__.py; "
        "docs/plugins/tutorial.md in the rhetlint repository walks through adding your own."
    )
    return 0
