"""Testing kit for rule authors, also a pytest plugin (entry point ``pytest11``).

- ``lint_text(text, plugins=[module], config=..., select=[...])`` lints a string with an isolated plugin set:
  only the plugins given (modules, plugin objects, bare ``Rule`` objects or paths to TOML rule files) plus the
  essential ones, so a test never depends on what else is installed.
- ``assert_rule(rule, valid=[...], invalid=[...])`` checks a rule against tables of texts.
- ``check_rule_docs(plugin, folder)`` keeps ``docs/rules/<name>.md`` pages equal to the rules' docstrings.
- ``check_fixture(draft)`` compares a draft's diagnostics with ``<draft>.expected`` beside it, one line per
  diagnostic: ``LINE:COL-LINE:COL CODE message``. With ``pytest --rhetlint-update`` (or ``update=True``)
  the expectation file is rewritten instead, for review in the diff.

Plugin problems (an import error, a taken code, a registration that raised) fail the test with the
plugin's message, instead of silently leaving a rule out.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path
from types import ModuleType
from typing import Any, NamedTuple

from rhetlint.hooks.manager import ESSENTIAL_PLUGINS, load_plugins
from rhetlint.lint.config import Config, config_from_mapping
from rhetlint.lint.linter import RULE_ERROR, Linter
from rhetlint.model.diagnostics import Diagnostic
from rhetlint.rules import DOC_SECTIONS, Rule
from rhetlint.rules.data import RulesPlugin, config_plugin, load_rules
from rhetlint.rules.docs import rule_page
from rhetlint.rules.selection import Selection

PluginLike = ModuleType | Rule | Path | object


__all__ = [
    "Invalid",
    "assert_rule",
    "check_fixture",
    "check_rule_docs",
    "format_expected",
    "lint_text",
    "make_linter",
    "plugin_rules",
]


class Invalid(NamedTuple):
    """A text a rule must flag, and optionally what the diagnostic must say."""

    text: str
    match: str | None = None  # the flagged text, exactly
    message: str | None = None  # a part of the message
    replacement: str | None = None  # the first fix's replacement


def _as_plugins(plugins: Iterable[PluginLike]) -> list[object]:
    """Modules and plugin objects pass through; Rules and rule files are wrapped in one plugin."""
    out: list[object] = []
    rules: list[Rule] = []
    for plugin in plugins:
        if isinstance(plugin, Rule):
            rules.append(plugin)
        elif isinstance(plugin, Path):
            rules.extend(load_rules(plugin))
        else:
            out.append(plugin)
    if rules:
        out.append(RulesPlugin(rules, name="test-rules:" + ",".join(r.code for r in rules)))
    return out


def _as_config(config: Config | dict[str, Any] | None) -> Config:
    if isinstance(config, dict):
        return config_from_mapping(config)  # relative paths are relative to the working folder
    return config or Config()


def make_linter(
    plugins: Iterable[PluginLike] | None = None,
    config: Config | dict[str, Any] | None = None,
    select: Sequence[str] | None = None,
    ignore: Sequence[str] = (),
) -> Linter:
    """A linter with only the given plugins (None: every installed plugin) plus the config's rule files."""
    config = _as_config(config)
    extra = [] if plugins is None else _as_plugins(plugins)
    data_rules = config_plugin(config)
    if data_rules is not None:
        extra.append(data_rules)
    plugin_set = load_plugins(entry_points=plugins is None, extra=extra)
    plugin_set.registry  # noqa: B018 - registering rules is where taken codes and crashes show up
    if plugin_set.problems:
        raise AssertionError("plugin problems: " + "; ".join(plugin_set.problems))
    linter = Linter(
        plugin_set,
        config,
        Selection(select=tuple(select) if select is not None else None, ignore=tuple(ignore)),
    )
    # As on the command line: plugins learn the configuration before the first file is linted.
    plugin_set.manager.hook.rhetlint_configure.call_historic(kwargs={"config": config})
    return linter


def lint_text(
    text: str,
    plugins: Iterable[PluginLike] | None = None,
    config: Config | dict[str, Any] | None = None,
    select: Sequence[str] | None = None,
    path: str = "draft.md",
    format: str | None = None,
) -> list[Diagnostic]:
    """Lint ``text`` as if it were the file ``path`` (its suffix picks the parser)."""
    return make_linter(plugins, config, select).lint_source(text, path, format)


def _crashes(diagnostics: Iterable[Diagnostic]) -> list[str]:
    return [d.message for d in diagnostics if d.code == RULE_ERROR]


def assert_rule(
    rule: Rule | str,
    valid: Sequence[str] = (),
    invalid: Sequence[str | tuple[str, str] | Invalid] = (),
    plugins: Iterable[PluginLike] | None = None,
    path: str = "draft.md",
    config: Config | dict[str, Any] | None = None,
) -> None:
    """Each ``valid`` text gives no diagnostic of ``rule``; each ``invalid`` one gives at least one.

    An invalid entry is a text, a ``(text, match)`` pair, or an ``Invalid`` naming the match, part of the
    message and the fix's replacement. Only ``rule`` runs (even when it is off by default); a crash of the
    rule fails with its RL900 message. Every failing entry is reported, not only the first.
    """
    code = rule.code if isinstance(rule, Rule) else rule
    if plugins is None and isinstance(rule, Rule):
        plugins = [rule]
    linter = make_linter(plugins, config)
    target = linter.registry.get(code)
    if target is None:
        raise AssertionError(f"no rule {code!r} among the given plugins")

    def run(text: str) -> list[Diagnostic]:
        found = linter.lint(linter.parse(text, path), rules=[target])
        crashes = _crashes(found)
        if crashes:
            raise AssertionError(f"{target.name} crashed on {text!r}: {crashes[0]}")
        return [d for d in found if d.code == target.code]

    failures = []
    for text in valid:
        found = run(text)
        if found:
            failures.append(f"valid text flagged by {target.name}: {text!r} -> {[d.match for d in found]}")
    for item in invalid:
        case = (
            item
            if isinstance(item, Invalid)
            else Invalid(*item)
            if isinstance(item, tuple)
            else Invalid(item)
        )
        found = run(case.text)
        if not found:
            failures.append(f"invalid text not flagged by {target.name}: {case.text!r}")
            continue
        if case.match is not None:
            found = [d for d in found if d.match == case.match]
            if not found:
                failures.append(f"{target.name} did not flag {case.match!r} in {case.text!r}")
                continue
        if case.message is not None and not any(case.message in d.message for d in found):
            failures.append(f"{target.name} messages {[d.message for d in found]} lack {case.message!r}")
        if case.replacement is not None:
            offered = [d.fixes[0].replacement for d in found if d.fixes]
            if case.replacement not in offered:
                failures.append(
                    f"{target.name} offered {offered} for {case.text!r}, expected {case.replacement!r}"
                )
    if failures:
        raise AssertionError("\n".join(failures))


def format_expected(diagnostics: Iterable[Diagnostic]) -> str:
    """The expectation-file lines: ``LINE:COL-LINE:COL CODE message``."""
    return "".join(
        f"{d.start.line}:{d.start.column}-{d.end.line}:{d.end.column} {d.code} {d.message}\n"
        for d in diagnostics
    )


def check_fixture(
    draft: Path,
    plugins: Iterable[PluginLike] | None = None,
    select: Sequence[str] | None = None,
    update: bool = False,
    config: Config | dict[str, Any] | None = None,
) -> None:
    """Compare a fixture draft's diagnostics with ``<draft>.expected``; rewrite it when ``update``.

    A missing expectation file is written for review and the check fails, so a new fixture is never
    silently accepted.
    """
    draft = Path(draft)
    expected_path = draft.with_name(draft.name + ".expected")
    text = draft.read_bytes().decode("utf-8-sig")
    diagnostics = make_linter(plugins, config, select).lint_source(text, str(draft))
    actual = format_expected(diagnostics)
    if update or not expected_path.exists():
        expected_path.write_text(actual, encoding="utf-8")
        if not update:
            raise AssertionError(f"{expected_path} did not exist; wrote it for review")
        return
    expected = expected_path.read_text(encoding="utf-8")
    if actual != expected:
        diff = "".join(
            difflib.unified_diff(
                expected.splitlines(True), actual.splitlines(True), str(expected_path), "actual"
            )
        )
        raise AssertionError(
            f"{draft}: diagnostics differ from {expected_path.name} "
            f"(run pytest --rhetlint-update to rewrite it):\n{diff}"
        )


def plugin_rules(plugin: PluginLike) -> list[Rule]:
    """The rules one plugin registers (without the essential ones), by code."""
    plugin_set = load_plugins(entry_points=False, extra=_as_plugins([plugin]))
    registry = plugin_set.registry
    if plugin_set.problems:
        raise AssertionError("plugin problems: " + "; ".join(plugin_set.problems))
    return [r for r in registry if r.plugin not in ESSENTIAL_PLUGINS]


def check_rule_docs(
    plugin: PluginLike, folder: Path, plugin_name: str | None = None, update: bool = False
) -> None:
    """Each rule of ``plugin`` has the documentation sections, and ``folder/<name>.md`` is its current page.

    The page is what ``rhetlint explain`` prints; ``plugin_name`` is the entry-point name users see (the
    module name otherwise). With ``update`` the pages are rewritten for review instead of compared.
    """
    folder = Path(folder)
    failures = []
    pages = set()
    for rule in plugin_rules(plugin):
        missing = [s for s in DOC_SECTIONS if s not in rule.doc]
        if missing:
            failures.append(f"rule {rule.code} {rule.name}: its documentation lacks {', '.join(missing)}")
        path = folder / f"{rule.name}.md"
        pages.add(path.name)
        page = rule_page(replace(rule, plugin=plugin_name or rule.plugin))
        if update:
            folder.mkdir(parents=True, exist_ok=True)
            path.write_text(page, encoding="utf-8")
        elif not path.is_file():
            failures.append(f"{path} is missing (run pytest --rhetlint-update to write it)")
        elif path.read_text(encoding="utf-8") != page:
            failures.append(
                f"{path} differs from rule {rule.code}'s docstring (run pytest --rhetlint-update)"
            )
    stale = sorted(p.name for p in folder.glob("*.md") if p.name not in pages and p.name != "README.md")
    if stale:
        failures.append(f"{folder}: pages for no rule: {', '.join(stale)}")
    if failures:
        raise AssertionError("\n".join(failures))


# --- pytest plugin -----------------------------------------------------------------------------------
def pytest_addoption(parser: Any) -> None:
    group = parser.getgroup("rhetlint")
    group.addoption(
        "--rhetlint-update",
        action="store_true",
        default=False,
        help="rewrite rhetlint fixture expectations (.expected files) instead of comparing",
    )


def _update_flag(request: Any) -> bool:
    return bool(request.config.getoption("--rhetlint-update", default=False))


try:  # the fixtures exist only when pytest is installed; the helpers above work without it
    import pytest

    @pytest.fixture
    def rhetlint_update(request: Any) -> bool:
        """True when pytest runs with --rhetlint-update."""
        return _update_flag(request)

    @pytest.fixture
    def rhetlint_fixture(request: Any) -> Any:
        """Call ``rhetlint_fixture(draft, plugins=..., select=..., config=...)`` to check a draft."""

        def run(
            draft: Path,
            plugins: Iterable[PluginLike] | None = None,
            select: Sequence[str] | None = None,
            config: Config | dict[str, Any] | None = None,
        ) -> None:
            check_fixture(draft, plugins, select, update=_update_flag(request), config=config)

        return run
except ImportError:  # pragma: no cover
    pass
