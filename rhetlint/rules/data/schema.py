"""The schema of phrase-list tables: which keys each kind of table holds, and a ``[[rule]]`` read into a spec.

A rule file's ``[[rule]]`` tables are of kind "existence" (flag the listed words) or "substitution" (flag
each and offer its replacement). A lexicon's ``[[term]]`` tables are of kind "term": entries of the built-in
loaded-language rules, which that plugin reads with the same ``TableReader`` into its own entries.
docs/plugins/data-rules.md documents every key of every kind.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rhetlint.rules.data.patterns import Pattern, expand
from rhetlint.rules.data.reader import TableReader
from rhetlint.rules.data.safe_regex import RegexNotAllowed
from rhetlint.rules.model import META_PREFIX

RULE_KINDS = ("existence", "substitution")
TERM_KIND = "term"
INFLECTIONS = ("none", "verb", "noun")
PARTS_OF_SPEECH = ("verb", "noun", "adj", "adv", "phrase")  # of a term: verbs and nouns are inflected
RULE_KEYS = frozenset(
    {
        "code",
        "name",
        "kind",
        "category",
        "severity",
        "summary",
        "description",
        "why",
        "example",
        "instead",
        "message",
        "tokens",
        "phrases",
        "swap",
        "inflect",
        "head",
        "ignore_case",
        "quote_aware",
        "replacement",
        "url",
        "enabled",
    }
)
TERM_KEYS = frozenset(
    {
        "match",
        "pos",
        "why",
        "instead",
        "head",
        "forms",
        "not_before",
        "not_after",
        "only_before",
        "unattributed_only",
        "severity",
        "rule",
        "disable",
        "fix",
        "adverb",
        "class",
        "literal_near",
    }
)
PLACEHOLDERS = frozenset({"match", "replacement", "pattern"})
DEFAULT_CATEGORY = "style"
DEFAULT_MESSAGES = {
    "existence": "'{match}' is on the list of words to avoid",
    "substitution": "use '{replacement}' instead of '{match}'",
}


@dataclass
class RuleSpec:
    """One validated ``[[rule]]`` table."""

    code: str
    name: str
    kind: str
    category: str
    severity: str
    message: str
    patterns: list[Pattern[None]]
    listed: list[tuple[str, str | None]]  # (pattern, replacement) as written, for the docs page
    inflect: str
    quote_aware: bool
    replacement: str | None
    summary: str
    description: str
    why: str
    example: str
    instead: str
    url: str
    enabled: bool
    ignore_case: bool
    where: str


def read_rule_spec(raw: Any, where: str) -> RuleSpec:
    """Validate one ``[[rule]]`` table; ``where`` (file and rule number) starts every error message."""
    if isinstance(raw, dict) and isinstance(raw.get("code"), str):
        where = f"{where} ({raw['code']})"
    r = TableReader.open(raw, where, "rule", RULE_KEYS)
    code, name = r.text("code", required=True), r.text("name", required=True)
    if code.upper().startswith(META_PREFIX):
        raise r.fail(
            f"code {code!r} uses the prefix {META_PREFIX}, which is rhetlint's own (its meta rules such as "
            "RL001 unused-suppression); choose another prefix"
        )
    why = r.text("why", required=True)
    kind = r.text("kind", required=True)
    if kind not in RULE_KINDS:
        raise r.fail(f"'kind' must be {' or '.join(repr(k) for k in RULE_KINDS)}, got {kind!r}")
    severity = r.severity()
    inflect = r.choice("inflect", INFLECTIONS, "none")
    head = r.position("head", None)
    ignore_case = r.flag("ignore_case", True)
    replacement = r.text("replacement", None) if "replacement" in r else None

    if kind == "existence":
        if "swap" in r:
            raise r.fail(
                "'swap' belongs to kind = \"substitution\"; an existence rule lists 'tokens' or 'phrases'"
            )
        tokens, phrases = r.words("tokens"), r.words("phrases")
        for token in tokens:
            if len(token.split()) != 1:
                raise r.fail(f"token {token!r} has several words; list it under 'phrases'")
        listed = [(p, replacement) for p in tokens + phrases]
        if not listed:
            raise r.fail("an existence rule needs 'tokens' or 'phrases'")
        allowed = PLACEHOLDERS if replacement is not None else PLACEHOLDERS - {"replacement"}
    else:
        for key in ("tokens", "phrases", "replacement"):
            if key in r:
                raise r.fail(
                    f"'{key}' belongs to kind = \"existence\"; a substitution rule has a 'swap' table"
                )
        swap = raw.get("swap")
        if not isinstance(swap, dict) or not swap or not all(isinstance(v, str) for v in swap.values()):
            raise r.fail('\'swap\' must be a non-empty table of "pattern" = "replacement"')
        listed = list(swap.items())
        allowed = PLACEHOLDERS

    patterns: list[Pattern[None]] = []
    for pattern, swapped in listed:
        try:
            patterns.extend(expand(pattern, inflect, head, ignore_case, swapped))
        except RegexNotAllowed as exc:
            raise r.fail(f"pattern '{pattern}': the regex word {exc}") from None
        except ValueError as exc:
            raise r.fail(str(exc)) from None

    return RuleSpec(
        code=code,
        name=name,
        kind=kind,
        category=r.text("category", DEFAULT_CATEGORY) or DEFAULT_CATEGORY,
        severity=severity,
        message=r.template("message", DEFAULT_MESSAGES[kind], allowed),
        patterns=patterns,
        listed=listed,
        inflect=inflect,
        quote_aware=r.flag("quote_aware", True),
        replacement=replacement,
        summary=r.text("summary"),
        description=r.text("description"),
        why=why,
        example=r.text("example"),
        instead=r.text("instead"),
        url=r.text("url"),
        enabled=r.flag("enabled", True),
        ignore_case=ignore_case,
        where=where,
    )
