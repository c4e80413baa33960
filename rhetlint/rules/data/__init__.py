"""Rules as data: phrase lists declared in TOML, with no Python, and the one matcher that finds them.

A newsroom lists its banned phrases or preferred wording in a file; each ``[[rule]]`` table becomes a
:class:`rhetlint.Rule` that behaves like any other (code, name, options, docs page, suppressions). A plugin
calls ``load_rules(path)`` and registers each rule; a user names files in the configuration
(``rule-files = ["style/house.toml"]``) and ``config_plugin`` registers them for that configuration. The
loaded-language plugin reads its lexicons' ``[[term]]`` tables with the same reader and finds them with the
same matcher.

Modules, one concept each: ``safe_regex`` (regex words on RE2, which cannot backtrack), ``patterns`` (patterns and the pattern
language), ``matcher`` (the phrase matcher), ``reader`` (TOML files and typed keys), ``schema`` (the keys of
each kind of table), ``pages`` (a rule's docs page), ``rules`` (specs to Rules), ``plugin`` (``rule-files``).
"""

from __future__ import annotations

from rhetlint.rules.data.matcher import Guard, Hit, PhraseMatcher, Scan
from rhetlint.rules.data.patterns import Neighbours, Pattern, Position, Word, inflected, literals
from rhetlint.rules.data.plugin import CONFIG_PLUGIN_NAME, RulesPlugin, config_plugin
from rhetlint.rules.data.reader import DataRuleError, TableReader, array_of_tables, parse_toml, read_toml
from rhetlint.rules.data.rules import load_rules, rule_from_table, rules_from_mapping
from rhetlint.rules.data.safe_regex import MAX_TOKEN_LENGTH, RegexNotAllowed, check_regex
from rhetlint.rules.data.schema import PARTS_OF_SPEECH, RULE_KINDS, TERM_KEYS, TERM_KIND

__all__ = [
    # rule files: the API docs/plugins/data-rules.md documents
    "CONFIG_PLUGIN_NAME",
    "MAX_TOKEN_LENGTH",
    "RULE_KINDS",
    "DataRuleError",
    "RegexNotAllowed",
    "RulesPlugin",
    "check_regex",
    "config_plugin",
    "load_rules",
    "rule_from_table",
    "rules_from_mapping",
    # what a plugin with its own phrase lists (the loaded-language lexicons) builds on
    "PARTS_OF_SPEECH",
    "TERM_KEYS",
    "TERM_KIND",
    "Guard",
    "Hit",
    "Neighbours",
    "Pattern",
    "PhraseMatcher",
    "Position",
    "Scan",
    "TableReader",
    "Word",
    "array_of_tables",
    "inflected",
    "literals",
    "parse_toml",
    "read_toml",
]
