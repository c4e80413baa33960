"""The plugin glue: rules as data registered for a configuration's ``rule-files``, or for a test."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from rhetlint.hooks.specs import hookimpl
from rhetlint.rules import Rule
from rhetlint.rules.data.reader import DataRuleError
from rhetlint.rules.data.rules import load_rules

if TYPE_CHECKING:
    from rhetlint.lint.config import Config

# The plugin name under which a configuration's rule files register (a selector for all of them).
CONFIG_PLUGIN_NAME = "rule-files"


class RulesPlugin:
    """A plugin that registers a fixed list of rules (a configuration's rule files, a test's rules)."""

    def __init__(self, rules: Iterable[Rule], name: str = CONFIG_PLUGIN_NAME) -> None:
        self.rules = list(rules)
        self.__name__ = name

    @hookimpl
    def rhetlint_register_rules(self, register: Callable[[Rule], None]) -> None:
        for r in self.rules:
            register(r)


def config_plugin(config: Config) -> RulesPlugin | None:
    """The plugin for ``config.rule_files`` (None when there are none); raises DataRuleError."""
    if not config.rule_files:
        return None
    rules: list[Rule] = []
    seen: dict[str, Path] = {}
    for path in config.rule_files:
        for r in load_rules(path, max_megabytes=config.max_file_size):
            for key in (r.code, r.name):
                if key in seen:
                    raise DataRuleError(
                        f"{config.label}: rule-files {path} and {seen[key]} both define {key!r}"
                    )
                seen[key] = path
            rules.append(r)
    return RulesPlugin(rules)
