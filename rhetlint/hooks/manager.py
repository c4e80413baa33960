"""Build a plugin manager: essential plugins, entry points, a local plugin folder, disabled names.

Nothing happens at import time; every manager is built by ``load_plugins`` so tests and editors can hold
several independent ones. Problems with a plugin (it fails to import, registers a taken code, raises while
registering) are collected as one-line ``PluginProblem`` messages and the rest keep working.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

import pluggy
from pluggy import HookImpl, Result

from rhetlint.hooks import specs as hookspecs
from rhetlint.hooks.entry_points import entry_points as find_entry_points
from rhetlint.rules import Rule, RuleConflict, RuleError, RuleRegistry

ENTRY_POINT_GROUP = "rhetlint"
# Parsers, formatters and the engine's own rules cannot be disabled: every run needs them.
ESSENTIAL_PLUGINS = ("rhetlint.parsers", "rhetlint.output", "rhetlint.rules.core")


@dataclass(frozen=True)
class PluginInfo:
    name: str
    version: str
    source: str  # "essential", "entry point <module>", "local <file>"
    hooks: tuple[str, ...]


@dataclass
class PluginSet:
    """A plugin manager with what it loaded: rules, formatters, and problems met on the way."""

    manager: pluggy.PluginManager
    infos: list[PluginInfo] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    _registry: RuleRegistry | None = None
    _formatters: dict[str, type] | None = None

    @property
    def registry(self) -> RuleRegistry:
        if self._registry is None:
            self._registry = self._collect_rules()
        return self._registry

    @property
    def formatters(self) -> dict[str, type]:
        if self._formatters is None:
            found: dict[str, type] = {}
            for impl in self.manager.hook.rhetlint_register_formatters.get_hookimpls():
                try:
                    self._call_one(
                        "rhetlint_register_formatters",
                        impl,
                        register=lambda name, cls: found.setdefault(name, cls),
                    )
                except Exception as exc:  # noqa: BLE001 - a broken plugin must not stop the run
                    self.problems.append(
                        f"plugin {impl.plugin_name}: registering formatters failed: {one_line(exc)}"
                    )
            self._formatters = found
        return self._formatters

    def _collect_rules(self) -> RuleRegistry:
        registry = RuleRegistry()
        # Registration order (essential, entry points, local, given): a later plugin cannot take a code.
        for impl in self.manager.hook.rhetlint_register_rules.get_hookimpls():
            plugin = impl.plugin_name

            def register(rule: Rule, _plugin: str = plugin) -> None:
                try:
                    registry.add(rule, _plugin)
                except (RuleConflict, RuleError) as exc:
                    self.problems.append(f"plugin {_plugin}: {one_line(exc)}")

            try:
                self._call_one("rhetlint_register_rules", impl, register=register)
            except Exception as exc:  # noqa: BLE001
                self.problems.append(
                    f"plugin {plugin}: registering rules failed: {type(exc).__name__}: {one_line(exc)}"
                )
        return registry

    def _call_one(self, hook_name: str, impl: Any, **kwargs: Any) -> None:
        """Call one plugin's hook implementation through pluggy (so RHETLINT_TRACE_PLUGINS shows the call)."""
        others = [p for p in self.manager.get_plugins() if p is not impl.plugin]
        self.manager.subset_hook_caller(hook_name, remove_plugins=others)(**kwargs)

    def plugin_name(self, plugin: object) -> str:
        return self.manager.get_name(plugin) or repr(plugin)


def one_line(exc: BaseException) -> str:
    """An exception's text on one line (pluggy's validation errors span several)."""
    return "; ".join(line.strip() for line in str(exc).splitlines() if line.strip())


def _version_of(module: ModuleType) -> str:
    return str(getattr(module, "__version__", "")) or "-"


def _hooks_of(pm: pluggy.PluginManager, plugin: object) -> tuple[str, ...]:
    return tuple(sorted(h.name for h in pm.get_hookcallers(plugin) or ()))


def _load_local(folder: Path) -> Iterable[tuple[str, ModuleType | None, str]]:
    for path in sorted(folder.glob("*.py")):
        if path.name.startswith("_"):
            continue
        module_name = f"rhetlint_local_{path.stem}"
        try:
            spec = importlib.util.spec_from_file_location(module_name, path)
            assert spec and spec.loader
            module = importlib.util.module_from_spec(spec)
            sys.modules[module_name] = module
            spec.loader.exec_module(module)
        except Exception as exc:  # noqa: BLE001
            yield (
                f"local:{path.stem}",
                None,
                f"{path}: failed to import: {type(exc).__name__}: {one_line(exc)}",
            )
            continue
        yield f"local:{path.stem}", module, str(path)


def load_plugins(
    plugins_dir: Path | None = None,
    disabled: Sequence[str] = (),
    *,
    entry_points: bool = True,
    extra: Sequence[ModuleType | object] = (),
) -> PluginSet:
    """Return a fresh PluginSet. ``extra`` plugins (modules or objects) are registered after the others."""
    pm = pluggy.PluginManager("rhetlint")
    pm.add_hookspecs(hookspecs)
    infos: list[PluginInfo] = []
    problems: list[str] = []
    from rhetlint._version import __version__

    for module_name in ESSENTIAL_PLUGINS:
        module = importlib.import_module(module_name)
        pm.register(module, name=module_name)
        infos.append(PluginInfo(module_name, __version__, "essential", _hooks_of(pm, module)))

    blocked = set(disabled)
    for name in blocked:
        pm.set_blocked(name)

    only = os.environ.get("RHETLINT_LOAD_PLUGINS")
    wanted = None if only is None else {n.strip() for n in only.split(",") if n.strip()}
    if entry_points:
        for ep in sorted(find_entry_points(ENTRY_POINT_GROUP), key=lambda e: e.name):
            if ep.name in blocked or (wanted is not None and ep.name not in wanted) or pm.has_plugin(ep.name):
                continue
            try:
                module = ep.load()
            except Exception as exc:  # noqa: BLE001
                problems.append(
                    f"plugin {ep.name}: failed to import {ep.value}: {type(exc).__name__}: {one_line(exc)}"
                )
                continue
            try:
                pm.register(module, name=ep.name)
            except Exception as exc:  # noqa: BLE001
                problems.append(f"plugin {ep.name}: cannot be registered: {one_line(exc)}")
                continue
            infos.append(
                PluginInfo(
                    ep.name,
                    ep.version or _version_of(module),
                    f"entry point {ep.value}",
                    _hooks_of(pm, module),
                )
            )

    if plugins_dir is not None:
        if not plugins_dir.is_dir():
            problems.append(f"plugins-dir {plugins_dir}: not a folder")
        else:
            for name, local, where in _load_local(plugins_dir):
                if local is None:
                    problems.append(f"plugin {name}: {where}")
                    continue
                if name in blocked or name.split(":", 1)[1] in blocked:
                    continue
                try:
                    pm.register(local, name=name)
                except Exception as exc:  # noqa: BLE001
                    problems.append(f"plugin {name}: cannot be registered: {one_line(exc)}")
                    continue
                infos.append(PluginInfo(name, _version_of(local), f"local {where}", _hooks_of(pm, local)))

    for plugin in extra:
        name = getattr(plugin, "__name__", None) or repr(plugin)
        if not pm.has_plugin(name):
            pm.register(plugin, name=name)
            infos.append(
                PluginInfo(
                    name,
                    _version_of(plugin) if isinstance(plugin, ModuleType) else "-",
                    "given",
                    _hooks_of(pm, plugin),
                )
            )

    try:
        pm.check_pending()
    except pluggy.PluginValidationError as exc:
        problems.append(f"plugin {exc.plugin!r}: {one_line(exc)}")

    if os.environ.get("RHETLINT_TRACE_PLUGINS"):
        _trace(pm)
    return PluginSet(pm, infos, problems)


def _trace(pm: pluggy.PluginManager) -> None:
    def before(hook_name: str, impls: Sequence[HookImpl], kwargs: Mapping[str, Any]) -> None:
        names = ", ".join(i.plugin_name for i in impls)
        print(f"rhetlint: trace: {hook_name}({', '.join(kwargs)}) -> [{names}]", file=sys.stderr)

    def after(
        outcome: Result[Any], hook_name: str, impls: Sequence[HookImpl], kwargs: Mapping[str, Any]
    ) -> None:
        if outcome.exception is not None:
            print(f"rhetlint: trace: {hook_name} raised {outcome.exception!r}", file=sys.stderr)

    pm.add_hookcall_monitoring(before, after)
