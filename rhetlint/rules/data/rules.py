"""Data rules as Rules: each ``[[rule]]`` spec becomes a :class:`rhetlint.Rule` that behaves like any other
(code, name, options, docs page, suppressions), whose check runs the spec's patterns through the matcher."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from os import PathLike
from typing import TYPE_CHECKING, Any

from rhetlint.model.diagnostics import Finding, Fix
from rhetlint.rules import Options, Rule, RuleError
from rhetlint.rules.data.matcher import PhraseMatcher
from rhetlint.rules.data.pages import doc_page
from rhetlint.rules.data.patterns import normalise
from rhetlint.rules.data.reader import (
    DEFAULT_MAX_MEGABYTES,
    DataRuleError,
    _Readable,
    array_of_tables,
    read_toml,
)
from rhetlint.rules.data.schema import RuleSpec, read_rule_spec

if TYPE_CHECKING:
    from rhetlint.model.document import Document


def _capitalised(replacement: str, matched: str) -> str:
    if matched[:1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement


def _make_check(spec: RuleSpec) -> Callable[[Document, Options], Iterator[Finding]]:
    matcher = PhraseMatcher(spec.patterns, spec.ignore_case)

    def check(doc: Document, options: Options) -> Iterator[Finding]:
        allow = frozenset(normalise(a, spec.ignore_case) for a in options.allow)
        for hit in matcher.find(doc):
            if options.quote_aware and doc.in_quote(hit.start):
                continue
            matched = doc.source[hit.start : hit.end]
            if allow and " ".join(normalise(matched, spec.ignore_case).split()) in allow:
                continue
            replacement = hit.pattern.replacement
            values = {"match": matched, "pattern": hit.pattern.source, "replacement": replacement or ""}
            fixes: tuple[Fix, ...] = ()
            if replacement is not None:
                replacement = _capitalised(replacement, matched)
                values["replacement"] = replacement
                title = f"Replace '{matched}' with '{replacement}'" if replacement else f"Delete '{matched}'"
                fixes = (Fix(title, replacement),)
            yield Finding(
                hit.start,
                hit.end,
                spec.message.format_map(values),
                fixes=fixes,
                data={"pattern": hit.pattern.source, "form": hit.pattern.form},
            )

    check.__name__ = spec.name.replace("-", "_")
    return check


def rule_from_table(raw: Mapping[str, Any], where: str = "<rule>", url: str = "") -> Rule:
    """Build one Rule from a ``[[rule]]`` table (already parsed TOML).

    ``url`` is the docs link for a table without its own ``url``; ``{name}`` and ``{code}`` are filled in.
    """
    spec = read_rule_spec(raw, where)
    doc = doc_page(spec)
    try:
        return Rule(
            code=spec.code,
            name=spec.name,
            category=spec.category,
            severity=spec.severity,
            check=_make_check(spec),
            summary=doc.split("\n\n", 1)[0].replace("\n", " "),
            doc=doc,
            options={"quote_aware": spec.quote_aware, "allow": []},
            scope="sentence",
            url=spec.url or url.replace("{name}", spec.name).replace("{code}", spec.code),
            enabled_by_default=spec.enabled,
        )
    except RuleError as exc:
        raise DataRuleError(f"{spec.where}: {exc}") from None


def rules_from_mapping(data: Mapping[str, Any], label: str = "<rules>", url: str = "") -> list[Rule]:
    """Build the rules of a parsed rule file: its ``[[rule]]`` tables, in order."""
    unknown = sorted(set(data) - {"rule"})
    if unknown:
        raise DataRuleError(
            f"{label}: unknown top-level key {unknown[0]!r} (a rule file holds [[rule]] tables)"
        )
    tables = array_of_tables(data, "rule", label)
    rules = [rule_from_table(raw, f"{label}: rule {i}", url) for i, raw in enumerate(tables, 1)]
    seen: dict[str, int] = {}
    for i, r in enumerate(rules, 1):
        for key in (r.code, r.name):
            if key in seen:
                raise DataRuleError(f"{label}: rule {i} reuses {key!r} from rule {seen[key]}")
            seen[key] = i
    return rules


def load_rules(
    path: str | PathLike[str] | _Readable, url: str = "", max_megabytes: float = DEFAULT_MAX_MEGABYTES
) -> list[Rule]:
    """Read a TOML rule file (a path, or a package resource from ``importlib.resources.files``).

    ``url`` is where the rules' pages live, e.g. ``"https://example.org/docs/rules/{name}.md"``, for rules
    without a ``url`` of their own. A path is read within ``max_megabytes`` (the max-file-size).
    """
    data, label = read_toml(path, "rule", max_megabytes)
    return rules_from_mapping(data, label, url)
