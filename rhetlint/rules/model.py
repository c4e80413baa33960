"""Rules: metadata, options and the registry that select/ignore choose from."""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from rhetlint.model.diagnostics import SEVERITIES, Finding

if TYPE_CHECKING:
    from rhetlint.model.document import Document

__all__ = [
    "CODE",
    "DOCS_URL",
    "DOC_SECTIONS",
    "META_PREFIX",
    "NAME",
    "SCOPES",
    "SELECTOR_CODE",
    "STATUSES",
    "Options",
    "Rule",
    "RuleConflict",
    "RuleError",
    "RuleRegistry",
    "rule",
]

CODE = re.compile(r"^[A-Z]{1,4}[0-9]{3}$")
NAME = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
# A code or a code prefix, as selectors write them: "L104", "L1", "A".
SELECTOR_CODE = re.compile(r"^[A-Z]{1,4}[0-9]{0,3}$")
# The code prefix of rhetlint's own meta rules (RL001, RL900): no plugin or rule file may use it, since the
# selector "RL" must mean those rules only.
META_PREFIX = "RL"
SCOPES = ("sentence", "paragraph", "document")
# A rule's lifecycle (docs/plugins/versioning.md): preview rules run only when selected by code or name.
STATUSES = ("stable", "preview", "deprecated")
DOC_SECTIONS = ("## What it flags", "## Why it matters", "## Example", "## Instead")
DOCS_URL = "https://github.com/rhetlint/rhetlint/blob/main/docs/rules/{name}.md"

CheckFunction = Callable[["Document", Any], Iterable[Finding]]


class RuleError(ValueError):
    """A rule definition that breaks the rules for rules (bad code, name, category …)."""


class Options(Mapping[str, Any]):
    """Read-only rule options with attribute access: ``options.quote_aware``.

    ``base_dir`` is the folder of the configuration file the options came from: resolve relative paths
    in options (a user lexicon, say) against it.
    """

    __slots__ = ("_values", "base_dir")

    def __init__(self, values: dict[str, Any], base_dir: Path | None = None) -> None:
        object.__setattr__(self, "_values", dict(values))
        object.__setattr__(self, "base_dir", base_dir or Path.cwd())

    def __getattr__(self, name: str) -> Any:
        try:
            return self._values[name]
        except KeyError:
            raise AttributeError(name) from None

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("rule options are read-only")

    def __getitem__(self, key: str) -> Any:
        return self._values[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def __repr__(self) -> str:
        return f"Options({self._values!r})"


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    category: str
    severity: str
    check: CheckFunction
    summary: str = ""
    doc: str = ""
    options: dict[str, Any] = field(
        default_factory=dict
    )  # option name -> default value (its type is the schema)
    scope: str = "document"  # the largest unit a finding depends on; editors re-lint incrementally by it
    url: str = ""
    plugin: str = ""
    enabled_by_default: bool = True
    # selectors (codes, names, categories) of rules this one gives way to: a finding of this rule is dropped
    # when a running rule they name reports on an overlapping span, so one word draws one finding
    yields_to: tuple[str, ...] = ()
    status: str = "stable"  # one of STATUSES

    def __post_init__(self) -> None:
        if not CODE.match(self.code):
            raise RuleError(f"rule code {self.code!r} must look like L101 (1-4 capitals, 3 digits)")
        if not NAME.match(self.name):
            raise RuleError(f"rule name {self.name!r} must be kebab-case")
        if not self.category or not NAME.match(self.category):
            raise RuleError(f"rule {self.code}: category {self.category!r} must be a kebab-case word")
        if self.severity not in SEVERITIES:
            raise RuleError(f"rule {self.code}: severity must be one of {', '.join(SEVERITIES)}")
        if self.scope not in SCOPES:
            raise RuleError(f"rule {self.code}: scope must be one of {', '.join(SCOPES)}")
        if self.status not in STATUSES:
            raise RuleError(f"rule {self.code}: status must be one of {', '.join(STATUSES)}")
        # yields_to="L104" means one selector, not four letters; a list becomes a tuple
        object.__setattr__(
            self, "yields_to", (self.yields_to,) if isinstance(self.yields_to, str) else tuple(self.yields_to)
        )
        for selector in self.yields_to:
            if not isinstance(selector, str) or not (SELECTOR_CODE.match(selector) or NAME.match(selector)):
                raise RuleError(
                    f"rule {self.code}: yields_to entry {selector!r} must be a rule code or code "
                    "prefix (L1, L104) or a kebab-case rule name, category or plugin"
                )

    @property
    def doc_url(self) -> str:
        return self.url or DOCS_URL.format(name=self.name, code=self.code)

    def resolve_options(
        self, overrides: dict[str, Any] | None = None, base_dir: Path | None = None
    ) -> Options:
        """Merge configured values over the defaults; raise ValueError naming a bad key or type."""
        values = dict(self.options)
        for key, value in (overrides or {}).items():
            name = key.replace("-", "_")
            if name not in self.options:
                known = ", ".join(k.replace("_", "-") for k in self.options) or "none"
                raise ValueError(f"unknown option {key!r} for rule {self.name} (options: {known})")
            default = self.options[name]
            if not _same_type(default, value):
                raise ValueError(
                    f"option {key!r} of rule {self.name} must be {_type_name(default)}, got {_type_name(value)}"
                )
            values[name] = value
        return Options(values, base_dir)

    def run(self, doc: Document, options: Options) -> Iterator[Finding]:
        yield from self.check(doc, options) or ()


def _same_type(default: Any, value: Any) -> bool:
    if default is None:
        return True
    if isinstance(default, bool) or isinstance(value, bool):
        return isinstance(default, bool) and isinstance(value, bool)
    if isinstance(default, float):
        return isinstance(value, (int, float))
    return isinstance(value, type(default))


def _type_name(value: Any) -> str:
    return {
        bool: "a boolean",
        int: "an integer",
        float: "a number",
        str: "a string",
        list: "a list",
        dict: "a table",
    }.get(type(value), type(value).__name__)


def rule(
    *,
    code: str,
    name: str,
    category: str,
    severity: str = "warning",
    options: dict[str, Any] | None = None,
    scope: str = "document",
    url: str = "",
    enabled_by_default: bool = True,
    yields_to: str | tuple[str, ...] = (),
    status: str = "stable",
) -> Callable[[CheckFunction], Rule]:
    """Turn ``check(doc, options)`` into a Rule; its docstring (Markdown) is the rule's documentation page.

    The first paragraph of the docstring is the one-line summary shown by ``rhetlint rules``.
    """

    def decorate(check: CheckFunction) -> Rule:
        doc = inspect.cleandoc(check.__doc__ or "")
        summary = doc.split("\n\n", 1)[0].replace("\n", " ").strip()
        if summary.startswith("#"):
            summary = ""
        return Rule(
            code=code,
            name=name,
            category=category,
            severity=severity,
            check=check,
            summary=summary,
            doc=doc,
            options=dict(options or {}),
            scope=scope,
            url=url,
            enabled_by_default=enabled_by_default,
            status=status,
            # one selector as a string is allowed: Rule.__post_init__ makes a tuple of it
            yields_to=cast("tuple[str, ...]", yields_to),
        )

    return decorate


class RuleConflict(ValueError):
    pass


class RuleRegistry:
    """All rules the loaded plugins registered, by code and by name."""

    def __init__(self) -> None:
        self.by_code: dict[str, Rule] = {}
        self.by_name: dict[str, Rule] = {}

    def add(self, rule: Rule, plugin: str = "") -> Rule:
        if not isinstance(rule, Rule):
            raise RuleError(f"register() expects a rhetlint.Rule, got {type(rule).__name__}")
        rule = replace(rule, plugin=plugin or rule.plugin)
        for key, table in ((rule.code, self.by_code), (rule.name, self.by_name)):
            taken = table.get(key)
            if taken is not None:
                raise RuleConflict(f"rule {key} is already registered by plugin {taken.plugin!r}")
        self.by_code[rule.code] = rule
        self.by_name[rule.name] = rule
        return rule

    def __iter__(self) -> Iterator[Rule]:
        return iter(sorted(self.by_code.values(), key=lambda r: r.code))

    def __len__(self) -> int:
        return len(self.by_code)

    def get(self, key: str) -> Rule | None:
        """Look a rule up by code (any case) or name."""
        return self.by_code.get(key.upper()) or self.by_name.get(key.lower())
