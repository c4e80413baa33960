"""Rules as data: existence and substitution rules declared in TOML, with no Python.

A newsroom lists its banned phrases or preferred wording in a file; each ``[[rule]]`` table becomes a
:class:`rhetlint.Rule` that behaves like any other (code, name, options, docs page, suppressions). Patterns
are sequences of words matched against ``doc.tokens`` with one dict lookup per token, never regular
expressions run over the text, so no pattern can make the linter backtrack for ever. A single pattern word
may be a *restricted* regular expression (``/…/``) tried against one short token; see ``check_regex``.

A plugin calls ``load_rules(path)`` and registers each rule; a user names files in the configuration
(``rule-files = ["style/house.toml"]``) and ``config_plugin`` registers them for that configuration.
"""

from __future__ import annotations

import re
import string
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from rhetlint.hooks.specs import hookimpl
from rhetlint.model.diagnostics import SEVERITIES, Finding, Fix
from rhetlint.model.errors import ConfigError
from rhetlint.rules import Options, Rule, RuleError
from rhetlint.text.inflect import inflect_like, noun_forms, verb_forms
from rhetlint.text.tokens import WORD, Token, strip_possessive, unify_marks

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

if TYPE_CHECKING:
    from rhetlint.lint.config import Config
    from rhetlint.model.document import Document

KINDS = ("existence", "substitution")
INFLECTIONS = ("none", "verb", "noun")
PLACEHOLDERS = frozenset({"match", "replacement", "pattern"})
RULE_KEYS = frozenset({
    "code", "name", "kind", "category", "severity", "summary", "description", "why", "example", "instead",
    "message", "tokens", "phrases", "swap", "inflect", "head", "ignore_case", "quote_aware", "replacement",
    "url", "enabled",
})
DEFAULT_CATEGORY = "style"
DEFAULT_MESSAGES = {
    "existence": "'{match}' is on the list of words to avoid",
    "substitution": "use '{replacement}' instead of '{match}'",
}
# Words before a verb's base or -s form that make it a noun ("a slam dunk", "the claims").
DETERMINERS = frozenset(
    "a an the his her its their our my your this these those that such no any some every each of".split())
# The plugin name under which a configuration's rule files register (a selector for all of them).
CONFIG_PLUGIN_NAME = "rule-files"

# --- restricted regular expressions ----------------------------------------------------------------
# A regex word is tried with fullmatch on one token; these bounds keep Python's backtracking matcher to a
# small polynomial amount of work per token (measured in tests/test_datarules.py).
MAX_REGEX_LENGTH = 80
MAX_VARIABLE_QUANTIFIERS = 3  # quantifiers whose count may vary: * + ? {m,} {m,n}
MAX_REPEAT = 32  # the largest count a {m,n} may name
MAX_TOKEN_LENGTH = 40  # longer tokens never match a regex word (English words are far shorter)
# Escapes a regex word may use: character classes and word boundaries (letters), plus any escaped symbol.
ALLOWED_ESCAPES = frozenset("wWdDsSbB")
# A counted repetition: {m}, {m,}, {,n} or {m,n}.
BRACE_QUANTIFIER = re.compile(r"\{(\d*)(,?)(\d*)\}")


class DataRuleError(ConfigError):
    """A rule file that cannot be used, phrased as one line naming the file, the rule and the key."""


class RegexNotAllowed(ValueError):
    """A regex word that could backtrack without bound, or uses syntax the restriction excludes."""


@dataclass
class _Group:
    repeats_inside: bool = False  # holds a quantifier (directly or in a nested group)
    alternatives: bool = False  # holds a |


def check_regex(source: str) -> None:
    """Raise RegexNotAllowed unless ``source`` is a regex whose backtracking is bounded.

    Rejected: backreferences, lookarounds and every other ``(?…)`` but ``(?:…)``; escapes other than
    ``\\w \\W \\d \\D \\s \\S \\b \\B`` and escaped symbols; a quantifier on a group that contains a
    quantifier or an alternative (``(a+)+``, ``(a|ab)*``: the shapes that backtrack exponentially); more than
    ``MAX_VARIABLE_QUANTIFIERS`` variable quantifiers; counts above ``MAX_REPEAT``; long patterns.
    """
    if len(source) > MAX_REGEX_LENGTH:
        raise RegexNotAllowed(f"is longer than {MAX_REGEX_LENGTH} characters")
    stack: list[_Group] = [_Group()]
    last: _Group | str | None = None  # the atom a quantifier would repeat: a closed group or "atom"
    variable = 0
    i, n = 0, len(source)
    while i < n:
        c = source[i]
        if c == "\\":
            if i + 1 >= n:
                raise RegexNotAllowed("ends with a lone backslash")
            e = source[i + 1]
            if e.isdigit():
                raise RegexNotAllowed("uses a backreference")
            if e.isalnum() and e not in ALLOWED_ESCAPES:
                raise RegexNotAllowed(f"uses the escape \\{e} (allowed: \\w \\W \\d \\D \\s \\S \\b \\B, "
                                      "and a backslash before a symbol)")
            last, i = "atom", i + 2
            continue
        if c == "[":
            j = i + 1
            if j < n and source[j] == "^":
                j += 1
            if j < n and source[j] == "]":
                j += 1
            while j < n and source[j] != "]":
                if source[j] == "\\":
                    e = source[j + 1] if j + 1 < n else ""
                    if e.isalnum() and e not in ALLOWED_ESCAPES:
                        raise RegexNotAllowed(f"uses the escape \\{e} in a character class")
                    j += 1
                elif source[j] == "[":
                    raise RegexNotAllowed("nests '[' inside a character class")
                j += 1
            if j >= n:
                raise RegexNotAllowed("has an unclosed character class")
            last, i = "atom", j + 1
            continue
        if c == "(":
            if source.startswith("(?", i):
                if not source.startswith("(?:", i):
                    raise RegexNotAllowed("uses a (?…) construct; only plain (…) and (?:…) groups are "
                                          "allowed")
                i += 1
            stack.append(_Group())
            last, i = None, i + 1
            continue
        if c == ")":
            if len(stack) == 1:
                raise RegexNotAllowed("has an unbalanced ')'")
            group = stack.pop()
            stack[-1].repeats_inside |= group.repeats_inside
            stack[-1].alternatives |= group.alternatives
            last, i = group, i + 1
            continue
        if c == "|":
            stack[-1].alternatives = True
            last, i = None, i + 1
            continue
        counted = BRACE_QUANTIFIER.match(source, i) if c == "{" else None
        if c in "*+?" or (counted and (counted[1] or counted[3])):
            if last is None:
                raise RegexNotAllowed("has a quantifier with nothing to repeat")
            if isinstance(last, _Group) and (last.repeats_inside or last.alternatives):
                raise RegexNotAllowed("repeats a group that itself repeats or has alternatives (such as "
                                      "(a+)+ or (a|ab)*), which can backtrack without end")
            if counted:
                low = int(counted[1] or 0)
                high = int(counted[3]) if counted[3] else None
                if max(low, high or 0) > MAX_REPEAT:
                    raise RegexNotAllowed(f"repeats more than {MAX_REPEAT} times")
                variable += bool(counted[2]) and high != low
                i = counted.end()
            else:
                variable += 1
                i += 1
            if i < n and source[i] == "?":
                i += 1  # lazy: same work bound
            if i < n and source[i] in "*+":
                raise RegexNotAllowed("stacks two quantifiers")
            stack[-1].repeats_inside = True
            last = None
            continue
        last, i = "atom", i + 1
    if len(stack) != 1:
        raise RegexNotAllowed("has an unclosed '('")
    if variable > MAX_VARIABLE_QUANTIFIERS:
        raise RegexNotAllowed(f"has {variable} variable quantifiers (at most {MAX_VARIABLE_QUANTIFIERS})")


def compile_regex(source: str, ignore_case: bool) -> re.Pattern[str]:
    """Check and compile a regex word; raise RegexNotAllowed with the reason."""
    check_regex(source)
    try:
        return re.compile(source, re.IGNORECASE if ignore_case else 0)
    except re.error as exc:
        raise RegexNotAllowed(f"is not a valid regular expression: {exc}") from None


# --- patterns ----------------------------------------------------------------------------------------
@lru_cache(maxsize=8192)
def _fullmatch(regex: re.Pattern[str], key: str) -> bool:
    """Repeated words in a draft cost one regex run."""
    return regex.fullmatch(key) is not None


@dataclass(frozen=True)
class Word:
    """One position of a pattern: literal words (any of them), any word (``*``), or a regex word."""

    literals: frozenset[str] = frozenset()
    regex: re.Pattern[str] | None = None
    any: bool = False

    def matches(self, key: str, last: bool) -> bool:
        if self.any:
            return True
        if self.regex is not None:
            return len(key) <= MAX_TOKEN_LENGTH and _fullmatch(self.regex, key)
        return key in self.literals or (last and strip_possessive(key) in self.literals)


@dataclass(frozen=True)
class Pattern:
    """A sequence of words, the punctuation expected around and between them, and what it stands for."""

    words: tuple[Word, ...]
    gaps: tuple[str, ...]  # between words i and i+1: "" for spaces only, else the punctuation without spaces
    source: str  # as written in the rule file
    form: str = "as-written"  # the inflection this surface stands for
    replacement: str | None = None
    lead: str = ""  # punctuation right before the first word ("$" in "$ billion" is not a word)
    trail: str = ""  # punctuation right after the last word (the final "." of "U.S.")
    verb_first: bool = False  # the first word is an inflected verb: "a slam" is a noun, not the verb "slam"

    @property
    def first_literals(self) -> frozenset[str]:
        return self.words[0].literals


def _normalise(text: str, ignore_case: bool) -> str:
    return unify_marks(text.lower() if ignore_case else text)


@dataclass
class _Parsed:
    words: list[Word | str]  # str: a literal word (still to be inflected)
    gaps: list[str]
    lead: str
    trail: str


def _parse_pattern(pattern: str, ignore_case: bool) -> _Parsed:
    """Turn a pattern string into words and the punctuation between them; raise ValueError naming the problem.

    Words are found with the same tokenizer as ``doc.tokens``, so ``U.S.`` is the words "u" and "s" with
    "." between and after them, and ``so-called`` is one word.
    """
    items: list[Word | str | tuple[str]] = []  # a word, or (punctuation,)
    for chunk in pattern.split():
        if chunk.startswith("/") and chunk.endswith("/") and len(chunk) > 2:
            items.append(Word(regex=compile_regex(chunk[1:-1], ignore_case)))
        elif chunk == "*":
            items.append(Word(any=True))
        elif "|" in chunk:
            options = [_normalise(o, ignore_case) for o in chunk.split("|")]
            if any(not WORD.fullmatch(o) for o in options):
                raise ValueError(f"each alternative in {chunk!r} must be a single word")
            items.append(Word(literals=frozenset(options)))
        else:
            pos = 0
            for m in WORD.finditer(chunk):
                if m.start() > pos:
                    items.append((chunk[pos : m.start()],))
                items.append(_normalise(m.group(), ignore_case))
                pos = m.end()
            if pos < len(chunk):
                items.append((chunk[pos:],))
    words: list[Word | str] = []
    punctuation: list[str] = [""]  # [k]: what precedes word k; the last entry: what follows the last word
    for item in items:
        if isinstance(item, tuple):
            punctuation[-1] += item[0]
        else:
            words.append(item)
            punctuation.append("")
    if not words:
        raise ValueError(f"pattern {pattern!r} has no words")
    if all(isinstance(w, Word) and w.any for w in words):
        raise ValueError(f"pattern {pattern!r} must name at least one word")
    return _Parsed(words, punctuation[1:-1], punctuation[0], punctuation[-1])


def expand(pattern: str, inflect: str, head: int | None, ignore_case: bool,
           replacement: str | None = None) -> list[Pattern]:
    """Every surface of ``pattern``: the inflected forms of its head word, each with its replacement."""
    parsed = _parse_pattern(pattern, ignore_case)
    literal = [w if isinstance(w, Word) else Word(literals=frozenset({w})) for w in parsed.words]
    shape = {"gaps": tuple(parsed.gaps), "source": pattern, "lead": parsed.lead, "trail": parsed.trail}
    if inflect == "none":
        return [Pattern(tuple(literal), form="as-written", replacement=replacement, **shape)]
    index = (head if head is not None else (1 if inflect == "verb" else len(parsed.words))) - 1
    if not 0 <= index < len(parsed.words):
        raise ValueError(f"'head' {index + 1} is outside pattern {pattern!r}")
    head_word = parsed.words[index]
    if isinstance(head_word, Word) and head_word.literals:
        bases = sorted(head_word.literals)
    elif isinstance(head_word, str):
        bases = [head_word]
    else:
        raise ValueError(f"the head word of {pattern!r} must be a word to inflect, not * or a /regex/")
    by_form: dict[str, set[str]] = {}
    for base in bases:
        forms = verb_forms(base) if inflect == "verb" else noun_forms(base)
        for surface, form in forms.items():
            by_form.setdefault(form, set()).add(surface)
    out = []
    for form, surfaces in by_form.items():
        words = list(literal)
        words[index] = Word(literals=frozenset(surfaces))
        swapped = inflect_like(replacement, inflect, form) if replacement else replacement
        out.append(Pattern(tuple(words), form=form, replacement=swapped,
                           verb_first=inflect == "verb" and index == 0, **shape))
    return out


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    pattern: Pattern


class Matcher:
    """Find patterns in a document's tokens; the longest match at a token wins, matches never overlap."""

    def __init__(self, patterns: Iterable[Pattern], ignore_case: bool) -> None:
        self.ignore_case = ignore_case
        self.by_first: dict[str, list[Pattern]] = {}
        self.anywhere: list[Pattern] = []  # patterns starting with * or a regex word: tried at every token
        for p in patterns:
            if p.first_literals:
                for word in p.first_literals:
                    self.by_first.setdefault(word, []).append(p)
            else:
                self.anywhere.append(p)
        for candidates in self.by_first.values():
            candidates.sort(key=lambda p: -len(p.words))
        self.anywhere.sort(key=lambda p: -len(p.words))

    def _key(self, token: Token) -> str:
        return token.norm if self.ignore_case else _normalise(token.text, False)

    def find(self, doc: Document) -> Iterator[Hit]:
        tokens = doc.tokens
        keys = [self._key(t) for t in tokens]
        text = doc.text
        covered = -1
        for i, key in enumerate(keys):
            if i <= covered:
                continue
            candidates = self.by_first.get(key) or self.by_first.get(strip_possessive(key), [])
            if self.anywhere:
                candidates = (sorted([*candidates, *self.anywhere], key=lambda p: -len(p.words)) if candidates
                              else self.anywhere)
            for pattern in candidates:
                last = self._match_at(pattern, tokens, keys, text, i)
                if last < 0:
                    continue
                start = tokens[i].start - len(pattern.lead)
                end = tokens[last].end + len(pattern.trail)
                nominal = pattern.verb_first and pattern.form in ("base", "3sg")
                if nominal and _after_determiner(keys, text, tokens, i):
                    continue  # "a slam dunk": a noun
                if start < 0 or text[start : tokens[i].start] != pattern.lead:
                    continue
                if text[tokens[last].end : end] != pattern.trail:
                    continue
                if not _one_block(doc, start, end):
                    continue
                yield Hit(start, end, pattern)
                covered = last
                break

    @staticmethod
    def _match_at(pattern: Pattern, tokens: list[Token], keys: list[str], text: str, i: int) -> int:
        """Index of the last token when ``pattern`` matches from token ``i``, else -1."""
        size = len(pattern.words)
        if i + size > len(tokens):
            return -1
        for k, word in enumerate(pattern.words):
            if not word.matches(keys[i + k], last=k == size - 1):
                return -1
            if k:
                gap = text[tokens[i + k - 1].end : tokens[i + k].start]
                if "".join(gap.split()) != pattern.gaps[k - 1]:
                    return -1
        return i + size - 1


def _after_determiner(keys: list[str], text: str, tokens: list[Token], i: int) -> bool:
    """Whether token ``i`` follows a determiner with only spaces between ("a slam", "the claims")."""
    if i == 0 or keys[i - 1].lower() not in DETERMINERS:
        return False
    return not text[tokens[i - 1].end : tokens[i].start].strip()


def _one_block(doc: Document, start: int, end: int) -> bool:
    """A phrase never runs from one paragraph (or heading, or cell) into the next."""
    return end - start < 2 or doc.block_at(start) == doc.block_at(end - 1)


# --- rules -------------------------------------------------------------------------------------------
class _Source(Protocol):
    def read_bytes(self) -> bytes: ...


def _fields(template: str) -> set[str]:
    """The placeholders of a message template; a conversion or format spec ({match:>999999}) is refused."""
    names = set()
    for _, name, spec, conversion in string.Formatter().parse(template):
        if name is not None:
            if spec or conversion:
                raise ValueError(f"placeholder {{{name}}} may not have a format or conversion")
            names.add(name)
    return names


def _render(template: str, values: Mapping[str, str]) -> str:
    return template.format_map(values)


def _capitalised(replacement: str, matched: str) -> str:
    if matched[:1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement


@dataclass
class _Spec:
    """One validated ``[[rule]]`` table."""

    code: str
    name: str
    kind: str
    category: str
    severity: str
    message: str
    patterns: list[Pattern]
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
    where: str = field(default="")


class _Reader:
    """Validate one ``[[rule]]`` table, raising DataRuleError with the file, the rule and the key."""

    def __init__(self, raw: Mapping[str, Any], where: str) -> None:
        self.raw = raw
        self.where = where

    def fail(self, message: str) -> DataRuleError:
        return DataRuleError(f"{self.where}: {message}")

    def text(self, key: str, default: str | None = None, *, required: bool = False) -> str:
        value = self.raw.get(key, default)
        if value is None:
            if required:
                raise self.fail(f"'{key}' is missing")
            return ""
        if not isinstance(value, str):
            raise self.fail(f"'{key}' must be a string, got {value!r}")
        if required and not value.strip():
            raise self.fail(f"'{key}' must not be empty")
        return value

    def flag(self, key: str, default: bool) -> bool:
        value = self.raw.get(key, default)
        if not isinstance(value, bool):
            raise self.fail(f"'{key}' must be true or false, got {value!r}")
        return value

    def words(self, key: str) -> list[str]:
        value = self.raw.get(key, [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise self.fail(f"'{key}' must be a list of non-empty strings")
        return value

    def template(self, key: str, default: str, allowed: frozenset[str]) -> str:
        value = self.text(key, default) or default
        try:
            names = _fields(value)
        except ValueError as exc:
            raise self.fail(f"'{key}' is not a valid template ({exc}); write {{{{ and }}}} for braces") \
                from None
        unknown = sorted(n for n in names if n not in allowed)
        if unknown:
            raise self.fail(f"'{key}' uses unknown placeholder {{{unknown[0]}}} "
                            f"(known: {', '.join('{' + a + '}' for a in sorted(allowed))})")
        return value


def _read_spec(raw: Any, where: str) -> _Spec:
    if not isinstance(raw, dict):
        raise DataRuleError(f"{where}: each [[rule]] must be a table")
    code = raw.get("code")
    if isinstance(code, str):
        where = f"{where} ({code})"
    r = _Reader(raw, where)
    unknown = sorted(set(raw) - RULE_KEYS)
    if unknown:
        raise r.fail(f"unknown key {unknown[0]!r} (keys: {', '.join(sorted(RULE_KEYS))})")
    code, name = r.text("code", required=True), r.text("name", required=True)
    why = r.text("why", required=True)
    kind = r.text("kind", required=True)
    if kind not in KINDS:
        raise r.fail(f"'kind' must be {' or '.join(repr(k) for k in KINDS)}, got {kind!r}")
    severity = r.text("severity", "warning")
    if severity not in SEVERITIES:
        raise r.fail(f"'severity' must be one of {', '.join(SEVERITIES)}, got {severity!r}")
    inflect = r.text("inflect", "none")
    if inflect not in INFLECTIONS:
        raise r.fail(f"'inflect' must be one of {', '.join(INFLECTIONS)}, got {inflect!r}")
    head = raw.get("head")
    if head is not None and (not isinstance(head, int) or isinstance(head, bool) or head < 1):
        raise r.fail("'head' must be a positive integer (1 is the first word)")
    ignore_case = r.flag("ignore_case", True)
    replacement = r.text("replacement", None) if "replacement" in raw else None

    listed: list[tuple[str, str | None]] = []
    if kind == "existence":
        if "swap" in raw:
            raise r.fail("'swap' belongs to kind = \"substitution\"; an existence rule lists 'tokens' or "
                         "'phrases'")
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
            if key in raw:
                raise r.fail(f"'{key}' belongs to kind = \"existence\"; a substitution rule has a 'swap' "
                             "table")
        swap = raw.get("swap")
        if not isinstance(swap, dict) or not swap or not all(isinstance(v, str) for v in swap.values()):
            raise r.fail("'swap' must be a non-empty table of \"pattern\" = \"replacement\"")
        listed = [(k, v) for k, v in swap.items()]
        allowed = PLACEHOLDERS

    patterns: list[Pattern] = []
    for pattern, swapped in listed:
        try:
            patterns.extend(expand(pattern, inflect, head, ignore_case, swapped))
        except RegexNotAllowed as exc:
            raise r.fail(f"pattern '{pattern}': the regex word {exc}") from None
        except ValueError as exc:
            raise r.fail(str(exc)) from None

    return _Spec(
        code=code, name=name, kind=kind,
        category=r.text("category", DEFAULT_CATEGORY) or DEFAULT_CATEGORY, severity=severity,
        message=r.template("message", DEFAULT_MESSAGES[kind], allowed), patterns=patterns, listed=listed,
        inflect=inflect, quote_aware=r.flag("quote_aware", True), replacement=replacement,
        summary=r.text("summary"), description=r.text("description"), why=why,
        example=r.text("example"), instead=r.text("instead"), url=r.text("url"),
        enabled=r.flag("enabled", True),
        ignore_case=ignore_case, where=where,
    )


def _doc_page(spec: _Spec) -> str:
    """The rule's documentation page, in the section layout every rule uses."""
    shown = ", ".join(f"`{p}`" for p, _ in spec.listed[:12])
    more = f" and {len(spec.listed) - 12} more" if len(spec.listed) > 12 else ""
    forms = {"verb": " (in every verb form)", "noun": " (singular and plural)"}.get(spec.inflect, "")
    few = ", ".join(p for p, _ in spec.listed[:3]) + (", …" if len(spec.listed) > 3 else "")
    summary = spec.summary or (f"Wording the style guide avoids: {few}." if spec.kind == "existence"
                               else f"Wording the style guide replaces: {few}.")
    flags = spec.description or f"The words and phrases {shown}{more}{forms}."
    if spec.quote_aware:
        flags += "\nWords inside a direct quotation are the speaker's and are not flagged."
    first = spec.listed[0][0]
    example = spec.example or f"… {first} …"
    if spec.instead:
        instead = spec.instead
    elif spec.kind == "substitution" or spec.replacement is not None:
        instead = "\n".join(f"- `{p}` → `{r}`" if r else f"- delete `{p}`" for p, r in spec.listed)
    else:
        instead = "Rephrase without it."
    example_block = "\n".join("    " + line for line in example.splitlines())
    return (f"{summary}\n\n## What it flags\n{flags}\n\n## Why it matters\n{spec.why}\n\n"
            f"## Example\n{example_block}\n\n## Instead\n{instead}\n")


def _make_check(spec: _Spec) -> Callable[[Document, Options], Iterator[Finding]]:
    matcher = Matcher(spec.patterns, spec.ignore_case)

    def check(doc: Document, options: Options) -> Iterator[Finding]:
        allow = frozenset(_normalise(a, spec.ignore_case) for a in options.allow)
        for hit in matcher.find(doc):
            if options.quote_aware and doc.in_quote(hit.start):
                continue
            matched = doc.source[hit.start : hit.end]
            if allow and " ".join(_normalise(matched, spec.ignore_case).split()) in allow:
                continue
            replacement = hit.pattern.replacement
            values = {"match": matched, "pattern": hit.pattern.source, "replacement": replacement or ""}
            fixes: tuple[Fix, ...] = ()
            if replacement is not None:
                replacement = _capitalised(replacement, matched)
                values["replacement"] = replacement
                title = f"Replace '{matched}' with '{replacement}'" if replacement else f"Delete '{matched}'"
                fixes = (Fix(title, replacement),)
            yield Finding(hit.start, hit.end, _render(spec.message, values), fixes=fixes,
                          data={"pattern": hit.pattern.source, "form": hit.pattern.form})

    check.__name__ = spec.name.replace("-", "_")
    return check


def rule_from_table(raw: Mapping[str, Any], where: str = "<rule>", url: str = "") -> Rule:
    """Build one Rule from a ``[[rule]]`` table (already parsed TOML).

    ``url`` is the docs link for a table without its own ``url``; ``{name}`` and ``{code}`` are filled in.
    """
    spec = _read_spec(raw, where)
    doc = _doc_page(spec)
    try:
        return Rule(code=spec.code, name=spec.name, category=spec.category, severity=spec.severity,
                    check=_make_check(spec), summary=doc.split("\n\n", 1)[0].replace("\n", " "), doc=doc,
                    options={"quote_aware": spec.quote_aware, "allow": []}, scope="sentence",
                    url=spec.url or url.replace("{name}", spec.name).replace("{code}", spec.code),
                    enabled_by_default=spec.enabled)
    except RuleError as exc:
        raise DataRuleError(f"{spec.where}: {exc}") from None


def rules_from_mapping(data: Mapping[str, Any], label: str = "<rules>", url: str = "") -> list[Rule]:
    """Build the rules of a parsed rule file: its ``[[rule]]`` tables, in order."""
    unknown = sorted(set(data) - {"rule"})
    if unknown:
        raise DataRuleError(f"{label}: unknown top-level key {unknown[0]!r} "
                            "(a rule file holds [[rule]] tables)")
    tables = data.get("rule", [])
    if not isinstance(tables, list):
        raise DataRuleError(f"{label}: 'rule' must be an array of tables ([[rule]])")
    rules = [rule_from_table(raw, f"{label}: rule {i}", url) for i, raw in enumerate(tables, 1)]
    seen: dict[str, int] = {}
    for i, r in enumerate(rules, 1):
        for key in (r.code, r.name):
            if key in seen:
                raise DataRuleError(f"{label}: rule {i} reuses {key!r} from rule {seen[key]}")
            seen[key] = i
    return rules


def load_rules(path: str | PathLike[str] | _Source, url: str = "") -> list[Rule]:
    """Read a TOML rule file (a path, or a package resource from ``importlib.resources.files``).

    ``url`` is where the rules' pages live, e.g. ``"https://example.org/docs/rules/{name}.md"``, for rules
    without a ``url`` of their own.
    """
    source: _Source = Path(path) if isinstance(path, (str, PathLike)) else path
    label = str(source)
    try:
        data = tomllib.loads(source.read_bytes().decode("utf-8-sig"))
    except FileNotFoundError:
        raise DataRuleError(f"{label}: rule file not found") from None
    except OSError as exc:
        raise DataRuleError(f"{label}: cannot read rule file: {exc.strerror}") from None
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise DataRuleError(f"{label}: invalid TOML: {exc}") from None
    return rules_from_mapping(data, label, url)


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
        for r in load_rules(path):
            for key in (r.code, r.name):
                if key in seen:
                    raise DataRuleError(f"{config.label}: rule-files {path} and {seen[key]} both define "
                                        f"{key!r}")
                seen[key] = path
            rules.append(r)
    return RulesPlugin(rules)
