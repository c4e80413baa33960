"""The public import surface: what plugins may import, the layers, and the old import paths."""

from __future__ import annotations

import ast
import importlib
import warnings
from pathlib import Path

import pytest

import rhetlint
from rhetlint import _compat

ROOT = Path(__file__).resolve().parents[1]
BUILTIN_PLUGINS = ROOT / "plugins" / "rhetlint_plugins"
# The modules whose __all__ is public API (docs/plugins/versioning.md).
PUBLIC_MODULES = (
    "rhetlint",
    "rhetlint.text",
    "rhetlint.analysis",
    "rhetlint.rules",
    "rhetlint.rules.data",
    "rhetlint.testing",
)
# Objects whose underscored attributes a module may read: its own instance and class.
OWN = {"self", "cls"}
# NamedTuple's public methods carry an underscore so they cannot clash with field names.
NAMEDTUPLE_API = {"_replace", "_asdict", "_fields", "_make"}


def _imports_and_private_reads(path: Path, root: Path = ROOT) -> list[str]:
    """Every import of a non-public rhetlint name, and every ``x._private`` read, as 'file:line: what'."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    where = path.relative_to(root).as_posix()
    problems = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "rhetlint":
            if node.module not in PUBLIC_MODULES:
                problems.append(f"{where}:{node.lineno}: imports from {node.module}, which is not public")
                continue
            public = set(getattr(importlib.import_module(node.module), "__all__", ()))
            problems += [
                f"{where}:{node.lineno}: {node.module}.{a.name} is not in its __all__"
                for a in node.names
                if a.name not in public
            ]
        elif isinstance(node, ast.Import):
            problems += [
                f"{where}:{node.lineno}: import {a.name}"
                for a in node.names
                if a.name.split(".")[0] == "rhetlint" and a.name not in PUBLIC_MODULES
            ]
        elif (
            isinstance(node, ast.Attribute)
            and node.attr.startswith("_")
            and not node.attr.startswith("__")
            and node.attr not in NAMEDTUPLE_API
        ):
            if not (isinstance(node.value, ast.Name) and node.value.id in OWN):
                problems.append(f"{where}:{node.lineno}: reads private attribute .{node.attr}")
    return problems


def test_builtin_plugins_use_only_public_api():
    files = sorted(BUILTIN_PLUGINS.rglob("*.py"))
    assert len(files) >= 6
    problems = [p for f in files for p in _imports_and_private_reads(f)]
    assert problems == []


def test_the_check_catches_a_private_import_and_a_private_read(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text(
        "from rhetlint.model.document import Document\nfrom rhetlint import Nope\n"
        "def f(doc):\n    return doc._token_starts, self._ok\n",
        encoding="utf-8",
    )
    assert [p.split(": ", 1)[1] for p in _imports_and_private_reads(bad, tmp_path)] == [
        "imports from rhetlint.model.document, which is not public",
        "rhetlint.Nope is not in its __all__",
        "reads private attribute ._token_starts",
    ]


@pytest.mark.parametrize("module", PUBLIC_MODULES)
def test_every_public_name_exists(module):
    mod = importlib.import_module(module)
    assert mod.__all__, f"{module} has no __all__"
    missing = [name for name in mod.__all__ if not hasattr(mod, name)]
    assert missing == []


def test_package_is_typed_and_versioned_once():
    assert (ROOT / "rhetlint" / "py.typed").is_file()
    assert rhetlint.__version__ == importlib.metadata.version("rhetlint")
    assert '__version__ = "' not in (ROOT / "rhetlint" / "__init__.py").read_text(encoding="utf-8")


@pytest.mark.parametrize(("old", "new"), sorted(_compat.MOVED.items()))
def test_old_import_paths_work_with_a_deprecation_warning(old, new):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        module = importlib.import_module(old)
    assert any(issubclass(w.category, DeprecationWarning) and old in str(w.message) for w in caught)
    for home in new:
        target = importlib.import_module(home)
        public = [n for n in vars(target) if not n.startswith("_")]
        assert public and all(getattr(module, n) is getattr(target, n) for n in public[:20])
