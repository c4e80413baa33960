"""Old import paths from before the layered layout (0.1.0), kept working with a DeprecationWarning.

``import rhetlint.document`` still gives the document model, now ``rhetlint.model.document``; a module
that was split (``rhetlint.formatters``) answers with the names of all its parts. CHANGELOG.md lists the
moves; these aliases go in 1.0.
"""

from __future__ import annotations

import importlib
import importlib.machinery
import sys
import warnings
from types import ModuleType
from typing import TYPE_CHECKING, Any, cast

if TYPE_CHECKING:
    from importlib.abc import Loader

# old module -> the modules that now hold its names, first match wins
MOVED: dict[str, tuple[str, ...]] = {
    "rhetlint._nltk": ("rhetlint.text.nltk_glue",),
    "rhetlint.lines": ("rhetlint.text.lines",),
    "rhetlint.tokens": ("rhetlint.text.tokens",),
    "rhetlint.sentences": ("rhetlint.text.sentences",),
    "rhetlint.quotes": ("rhetlint.text.quotes",),
    "rhetlint.inflect": ("rhetlint.text.inflect",),
    "rhetlint.spans": ("rhetlint.model.spans",),
    "rhetlint.document": ("rhetlint.model.document",),
    "rhetlint.diagnostics": ("rhetlint.model.diagnostics",),
    "rhetlint.formats": ("rhetlint.parsers",),
    "rhetlint.analysis.report": ("rhetlint.output.sources",),
    "rhetlint.core_rules": ("rhetlint.rules.core",),
    "rhetlint.datarules": ("rhetlint.rules.data",),
    "rhetlint.docs": ("rhetlint.rules.docs",),
    "rhetlint.engine": ("rhetlint.lint.linter",),
    "rhetlint.suppressions": ("rhetlint.lint.suppressions",),
    "rhetlint.incremental": ("rhetlint.lint.incremental",),
    "rhetlint.runner": ("rhetlint.lint.session",),
    "rhetlint.files": ("rhetlint.lint.files",),
    "rhetlint.config": ("rhetlint.lint.config",),
    "rhetlint.formatters": (
        "rhetlint.output.base",
        "rhetlint.output.text",
        "rhetlint.output.json_format",
        "rhetlint.output.sarif",
        "rhetlint.output.github",
    ),
    "rhetlint.ci_formats": (
        "rhetlint.output.reviewdog",
        "rhetlint.output.gitlab",
        "rhetlint.output.xml_reports",
    ),
    "rhetlint.hookspecs": ("rhetlint.hooks.specs",),
    "rhetlint.plugins": ("rhetlint.hooks.manager",),
    "rhetlint.template": ("rhetlint.cli.new_plugin",),
}


class _Alias(ModuleType):
    """A module standing for a split one: attribute look-ups go to each new home in turn."""

    def __init__(self, name: str, homes: tuple[str, ...]) -> None:
        super().__init__(name, f"Moved to {', '.join(homes)}.")
        self._homes = [importlib.import_module(h) for h in homes]

    def __getattr__(self, attr: str) -> Any:
        for home in self._homes:
            if hasattr(home, attr):
                return getattr(home, attr)
        raise AttributeError(f"module {self.__name__!r} has no attribute {attr!r}")


class MovedModules:
    """Answer imports of the old module names, after every real module (it sits last on ``sys.meta_path``).

    A finder and loader by protocol (``find_spec``, ``create_module``, ``exec_module``), without the
    ``importlib.abc`` base classes, whose import would cost every run of rhetlint a few milliseconds."""

    def find_spec(
        self, fullname: str, path: Any = None, target: Any = None
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname not in MOVED:
            return None
        return importlib.machinery.ModuleSpec(fullname, cast("Loader", self))

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> ModuleType:
        homes = MOVED[spec.name]
        warnings.warn(
            f"{spec.name} moved to {' / '.join(homes)}; the old name goes in rhetlint 1.0",
            DeprecationWarning,
            stacklevel=2,
        )
        # always a stand-in: handing back the real module would let the import system rename its __spec__
        return _Alias(spec.name, homes)

    def exec_module(self, module: ModuleType) -> None:
        """Nothing to run: the module was built (or found) in ``create_module``."""


def install() -> None:
    """Put the finder on ``sys.meta_path`` once."""
    if not any(isinstance(f, MovedModules) for f in sys.meta_path):
        sys.meta_path.append(MovedModules())
