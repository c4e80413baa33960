"""Which rules run, and at what severity: every select / ignore / severity decision in one place.

Selectors are ``ALL``, a code, a code prefix, a rule name, a category or a plugin name. When several match a
rule, the most specific one decides (a code or name beats a prefix, a longer prefix beats a shorter one, a
category or plugin beats ``ALL``); ties between select and ignore go to ignore. The configuration file
gives the defaults and the command line (``Selection``) overrides or extends them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rhetlint.model.errors import ConfigError
from rhetlint.rules.model import Rule, RuleRegistry

if TYPE_CHECKING:
    from rhetlint.lint.config import Config

__all__ = ["Decisions", "Selection", "is_selector", "matches", "specificity"]


@dataclass(frozen=True)
class Selection:
    """Command-line choices that override or extend the configuration file."""

    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()


def matches(selector: str, rule: Rule) -> bool:
    """Whether ``selector`` names ``rule`` (see the module docstring for the kinds of selector)."""
    if selector == "ALL":
        return True
    if selector.upper() == selector and rule.code.startswith(selector):
        return True
    return selector in (rule.name, rule.category, rule.plugin)


def specificity(selector: str, rule: Rule) -> int:
    """How precisely ``selector`` names ``rule``: the most specific selector wins (ruff's convention)."""
    if selector in (rule.code, rule.name):
        return 100
    if selector == rule.category or selector == rule.plugin:
        return 10
    if selector == "ALL":
        return 0
    return 10 + len(selector)  # code prefixes: longer is more specific


def is_selector(selector: str, rules: Iterable[Rule]) -> bool:
    """Whether ``selector`` names at least one of ``rules``."""
    return any(matches(selector, r) for r in rules)


def _weights(selectors: Iterable[str], rule: Rule) -> list[int]:
    return [specificity(s, rule) for s in selectors if matches(s, rule)]


def enabled(
    rule: Rule, select: Sequence[str], ignore: Sequence[str], extend_select: Sequence[str] = ()
) -> bool:
    """Whether a rule runs: the most specific matching selector decides; ties go to ignore.

    A preview rule runs only when a selector names it by code or name (weight 100), never through a prefix,
    category, plugin or ``ALL``, so trying out a plugin's new rules is a choice made rule by rule.
    """
    selected = _weights(select, rule) if select else ([0] if rule.enabled_by_default else [])
    selected += _weights(extend_select, rule)
    if rule.status == "preview":
        selected = [w for w in selected if w == 100]
    ignored = _weights(ignore, rule)
    if not selected:
        return False
    return not ignored or max(selected) > max(ignored)


def severity(rule: Rule, levels: Mapping[str, str]) -> str:
    """The severity ``levels`` (selector -> level, from ``[severity]``) give ``rule``; its default otherwise."""
    best, level = -1, rule.severity
    for selector, value in levels.items():
        if matches(selector, rule):
            weight = specificity(selector, rule)
            if weight > best:
                best, level = weight, value
    return level


class Decisions:
    """The rules to run and their severities, for one configuration and one command line."""

    def __init__(self, registry: RuleRegistry, config: Config, selection: Selection | None = None) -> None:
        self.registry = registry
        self.config = config
        self.selection = selection or Selection()
        self._rules: dict[tuple[str, ...], list[Rule]] = {}

    def validate(self) -> None:
        """Raise ConfigError for selectors, severities or rule options that name nothing known."""
        config, registry = self.config, self.registry
        where = config.label
        checks: list[tuple[str, Iterable[str]]] = [
            ("select", config.select),
            ("ignore", config.ignore),
            ("extend-select", config.extend_select),
            ("severity", list(config.severity)),
            *((f"per-file-ignores.{glob}", selectors) for glob, selectors in config.per_file_ignores.items()),
        ]
        for key, selectors in checks:
            for selector in selectors:
                if not is_selector(selector, registry):
                    raise ConfigError(
                        f"{where}: '{key}' names unknown rule, code, category or plugin {selector!r} "
                        f"(see 'rhetlint rules')"
                    )
        for key, options in config.rules.items():
            rule = registry.get(key)
            if rule is None:
                raise ConfigError(f"{where}: '[rules.{key}]' names an unknown rule (see 'rhetlint rules')")
            try:
                rule.resolve_options(options)
            except ValueError as exc:
                raise ConfigError(f"{where}: {exc}") from None
        for option, selectors in (
            ("--select", self.selection.select or ()),
            ("--ignore", self.selection.ignore),
            ("--extend-select", self.selection.extend_select),
        ):
            for selector in selectors:
                if not is_selector(selector, registry):
                    raise ConfigError(f"{option}: unknown rule, code, category or plugin {selector!r}")

    def rules(self, extra_ignore: tuple[str, ...] = ()) -> list[Rule]:
        """The rules that run, in code order, with ``extra_ignore`` (per-file ignores) added to the ignores."""
        cached = self._rules.get(extra_ignore)
        if cached is None:
            config, selection = self.config, self.selection
            select = selection.select if selection.select is not None else config.select
            ignore = [*config.ignore, *selection.ignore, *extra_ignore]
            extend = [*config.extend_select, *selection.extend_select]
            cached = [r for r in self.registry if enabled(r, select, ignore, extend)]
            self._rules[extra_ignore] = cached
        return cached

    def severity(self, rule: Rule) -> str:
        return severity(rule, self.config.severity)

    def severity_is_set(self, rule: Rule) -> bool:
        """Whether the configuration gives ``rule`` a level (so a finding may not soften itself)."""
        return any(matches(selector, rule) for selector in self.config.severity)
