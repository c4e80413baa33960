"""Testing kit for rule authors, also a pytest plugin (entry point ``pytest11``).

- ``lint_text(text, plugins=[module], config=..., select=[...])`` lints a string with an isolated plugin set.
- ``assert_rule(rule, valid=[...], invalid=[...])`` checks a rule against tables of sentences.
- ``check_fixture(draft)`` compares a draft's diagnostics with ``<draft>.expected`` beside it, one line per
  diagnostic: ``LINE:COL-LINE:COL CODE message``. With ``pytest --rhetlint-update`` (or ``update=True``)
  the expectation file is rewritten instead, for review in the diff.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

from rhetlint.config import Config
from rhetlint.diagnostics import Diagnostic
from rhetlint.engine import Linter, Selection
from rhetlint.plugins import load_plugins
from rhetlint.rules import Rule


class _RulePlugin:
    """Wrap bare Rule objects as a plugin."""

    def __init__(self, rules: Sequence[Rule]) -> None:
        self.rules = list(rules)
        self.__name__ = "test-rules:" + ",".join(r.code for r in self.rules)

    def rhetlint_register_rules(self, register):
        for r in self.rules:
            register(r)


def _as_plugins(plugins: Iterable[Any]) -> list[Any]:
    from rhetlint.hookspecs import hookimpl

    out = []
    rules = [p for p in plugins if isinstance(p, Rule)]
    out.extend(p for p in plugins if not isinstance(p, Rule))
    if rules:
        wrapper = _RulePlugin(rules)
        wrapper.rhetlint_register_rules = hookimpl(wrapper.rhetlint_register_rules)
        out.append(wrapper)
    return out


def make_linter(plugins: Iterable[ModuleType | Rule | object] | None = None, config: Config | dict | None = None,
                select: Sequence[str] | None = None, ignore: Sequence[str] = ()) -> Linter:
    """A linter with only the given plugins (or, when None, every installed plugin)."""
    if plugins is None:
        plugin_set = load_plugins()
    else:
        plugin_set = load_plugins(entry_points=False, extra=_as_plugins(plugins))
    if isinstance(config, dict):
        config = _config_from_dict(config)
    problems = plugin_set.problems
    if problems:
        raise AssertionError("plugin problems: " + "; ".join(problems))
    return Linter(plugin_set, config or Config(),
                  Selection(select=tuple(select) if select is not None else None, ignore=tuple(ignore)))


def _config_from_dict(data: dict[str, Any]) -> Config:
    from rhetlint.config import config_from_mapping

    return config_from_mapping(data)


def lint_text(text: str, plugins: Iterable[Any] | None = None, config: Config | dict | None = None,
              select: Sequence[str] | None = None, path: str = "draft.md",
              format: str | None = None) -> list[Diagnostic]:
    """Lint ``text`` as if it were the file ``path`` (its suffix picks the parser)."""
    return make_linter(plugins, config, select).lint_source(text, path, format)


def assert_rule(rule: Rule | str, valid: Sequence[str] = (), invalid: Sequence[str | tuple[str, str]] = (),
                plugins: Iterable[Any] | None = None, path: str = "draft.md") -> None:
    """Each ``valid`` text gives no diagnostic of ``rule``; each ``invalid`` one gives at least one.

    An invalid entry may be ``(text, match)``: then a diagnostic of the rule must flag exactly ``match``.
    """
    code = rule.code if isinstance(rule, Rule) else rule
    if plugins is None and isinstance(rule, Rule):
        plugins = [rule]
    linter = make_linter(plugins)
    target = linter.registry.get(code)
    if target is None:
        raise AssertionError(f"no rule {code!r} among the given plugins")
    failures = []
    for text in valid:
        found = [d for d in linter.lint_source(text, path) if d.code == target.code]
        if found:
            failures.append(f"valid text flagged by {target.name}: {text!r} -> {[d.match for d in found]}")
    for item in invalid:
        text, match = item if isinstance(item, tuple) else (item, None)
        found = [d for d in linter.lint_source(text, path) if d.code == target.code]
        if not found:
            failures.append(f"invalid text not flagged by {target.name}: {text!r}")
        elif match is not None and match not in [d.match for d in found]:
            failures.append(f"{target.name} flagged {[d.match for d in found]} in {text!r}, expected {match!r}")
    if failures:
        raise AssertionError("\n".join(failures))


def format_expected(diagnostics: Iterable[Diagnostic]) -> str:
    return "".join(
        f"{d.start.line}:{d.start.column}-{d.end.line}:{d.end.column} {d.code} {d.message}\n" for d in diagnostics
    )


def check_fixture(draft: Path, plugins: Iterable[Any] | None = None, select: Sequence[str] | None = None,
                  update: bool = False, config: Config | None = None) -> None:
    """Compare a fixture draft's diagnostics with ``<draft>.expected``; rewrite it when ``update``."""
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
        import difflib

        diff = "".join(difflib.unified_diff(expected.splitlines(True), actual.splitlines(True),
                                            str(expected_path), "actual"))
        raise AssertionError(f"{draft}: diagnostics differ from {expected_path.name} "
                             f"(run pytest --rhetlint-update to rewrite it):\n{diff}")


# --- pytest plugin -----------------------------------------------------------------------------------
def pytest_addoption(parser) -> None:
    group = parser.getgroup("rhetlint")
    group.addoption("--rhetlint-update", action="store_true", default=False,
                    help="rewrite rhetlint fixture expectations (.expected files) instead of comparing")


def _update_flag(request) -> bool:
    return bool(request.config.getoption("--rhetlint-update", default=False))


try:  # the fixtures exist only when pytest is installed
    import pytest

    @pytest.fixture
    def rhetlint_update(request) -> bool:
        """True when pytest runs with --rhetlint-update."""
        return _update_flag(request)

    @pytest.fixture
    def rhetlint_fixture(request):
        """Call ``rhetlint_fixture(draft, plugins=..., select=...)`` to check a draft against its .expected."""

        def run(draft: Path, plugins=None, select=None, config=None) -> None:
            check_fixture(draft, plugins, select, update=_update_flag(request), config=config)

        return run
except ImportError:  # pragma: no cover
    pass
