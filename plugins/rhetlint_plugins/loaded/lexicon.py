"""Lexicons as data: TOML files of loaded terms, one table per term, read into the entries of the rules.

A lexicon's ``[[term]]`` tables are the kind "term" of the data-rule schema (docs/plugins/data-rules.md), read
with the same reader as rule files. Each entry names a base form and a part of speech; verbs and nouns match
in every inflected form, so a lexicon lists "slam" once and matches slams/slammed/slamming, and a one-word
adjective also matches its -ly adverb ("brutal", "brutally") unless the entry says ``adverb = false``
(labels, framings and euphemisms default to false). User lexicons use the same schema and may add entries,
override built-in ones (same ``match``) or switch them off (``disable = true``).

A phrase may hold slots, so a figure is one entry however it is filled: ``a|b`` (either word), ``{deal}``
(any word of the file's ``[slots]`` table ``deal = [...]``) and ``*`` (any one word, never first, so the
phrase index can still file the phrase under its first words). ``[meta]`` sets the file's defaults for
``rule``, ``class`` and ``unattributed_only``.
"""

from __future__ import annotations

import dataclasses
import hashlib
import importlib
import json
import os
import re
import sys
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rhetlint.rules.data import (
    PARTS_OF_SPEECH,
    TERM_KEYS,
    TERM_KIND,
    DataRuleError,
    TableReader,
    array_of_tables,
    parse_toml,
    read_toml,
)
from rhetlint_plugins.loaded import private_cache

if TYPE_CHECKING:
    from rhetlint.rules.data import PhraseMatcher

# The built-in lexicon files, one per rule.
BUILTIN_FILES = (
    "emotive",
    "judgement",
    "dramatic",
    "glorifying",
    "conflict",
    "insult",
    "pathos",
    "labels",
    "partisan",
    "saying",
    "editorializing",
    "doubt",
    "framings",
    "puffery",
    "euphemism",
    # phrase-level slant, one file per class
    "figures",
    "measures",
    "motives",
    "sensational",
    "positions",
    "fatalism",
    # evaluative adjectives chosen from a published subjectivity lexicon
    "subjective",
)
# Rules about what to call someone or something: an adjective there names ("pro-life", "alt-right"), and its
# -ly adverb is no word anyone writes, so adverbs are derived only for the other rules unless asked for.
NAMING_RULES = frozenset({"contentious-label", "contested-framing", "euphemism"})


@dataclass(frozen=True)
class Entry:
    """One term of a loaded-language rule: its phrases, why they are loaded, what to write instead, and the
    neighbour words that make them harmless."""

    rule: str
    match: tuple[str, ...]
    pos: str
    why: str
    instead: tuple[str, ...] = ()
    head: int = 1
    forms: tuple[str, ...] = ()
    not_before: frozenset[str] = frozenset()
    not_after: frozenset[str] = frozenset()
    only_before: frozenset[str] = frozenset()
    unattributed_only: bool = False
    severity: str | None = None
    fix: bool = True
    adverb: bool = True  # an adjective also matches its -ly adverb
    origin: str = ""
    term_class: str = ""  # the kind of slant ("figure", "mind-reading", ...): findings and figures per class
    literal_near: frozenset[str] = frozenset()  # words near the match that show its literal sense
    expanded: tuple[str, ...] = ()  # the phrases with {slots} written out as alternatives (a|b|c)

    @property
    def phrases(self) -> tuple[str, ...]:
        """The phrases the matcher reads: slots filled in, else as listed."""
        return self.expanded or self.match

    @property
    def kind(self) -> str:
        """The class of slant, for figures and finding data; the rule's name when the entry has none."""
        return self.term_class or self.rule

    @property
    def key(self) -> tuple[str, str]:
        return self.rule, self.match[0]


@dataclass(eq=False)  # hashed by identity: matchers are cached per lexicon
class Lexicon:
    entries: dict[tuple[str, str], Entry] = field(default_factory=dict)
    # words a user lexicon switched off: an adverb derived from another entry must not bring one back
    disabled: set[str] = field(default_factory=set)
    # the phrase matcher of these entries once built (terms.matcher): kept with them, so both are cached together
    matcher: PhraseMatcher[Entry] | None = field(default=None, repr=False)

    def add(self, entry: Entry) -> None:
        self.entries[entry.key] = entry

    def remove(self, rule: str, match: str) -> None:
        removed = self.entries.pop((rule, match), None)
        self.disabled.add(match)
        if removed is not None:
            self.disabled.update(removed.match)


@dataclass(frozen=True)
class Defaults:
    """What a lexicon file's ``[meta]`` and ``[slots]`` tables give every term below them."""

    rule: str = ""
    term_class: str = ""
    unattributed_only: bool = False
    slots: dict[str, tuple[str, ...]] = field(default_factory=dict)


def read_term(raw: Any, defaults: Defaults | str, where: str) -> Entry | tuple[str, str]:
    """Validate one ``[[term]]`` table. Returns an Entry, or (rule, match) for ``disable = true``."""
    if isinstance(defaults, str):
        defaults = Defaults(rule=defaults)
    table = TableReader.open(raw, where, TERM_KIND, TERM_KEYS)
    rule = raw.get("rule", defaults.rule)
    if not rule or not isinstance(rule, str):
        raise table.fail("'rule' is missing (set it per term or in [meta])")
    if "match" not in table:
        raise table.fail("'match' is missing")
    match = tuple(m.lower() for m in table.words("match", blank=True))
    if raw.get("disable"):
        return rule, match[0]
    pos = table.choice("pos", PARTS_OF_SPEECH, "phrase")
    why = table.text("why", required=True)
    head = table.position("head", 1)
    severity = table.severity() if "severity" in table else None
    unattributed_only = table.flag("unattributed_only", defaults.unattributed_only)
    fix = table.flag("fix", True)
    adverb = table.flag("adverb", rule not in NAMING_RULES)
    term_class = table.text("class", defaults.term_class) or defaults.term_class
    if term_class and not _KEBAB.fullmatch(term_class):
        raise table.fail(f"'class' must be a kebab-case word such as 'mind-reading', got {term_class!r}")
    try:
        expanded = tuple(_expand_slots(m, defaults.slots, pos, head) for m in match)
    except ValueError as exc:
        raise table.fail(str(exc)) from None

    def words(key: str) -> frozenset[str]:
        return frozenset(w.lower().replace("’", "'") for w in table.words(key, blank=True))

    return Entry(
        rule=rule,
        match=match,
        pos=pos,
        why=why,
        instead=tuple(table.words("instead", blank=True)),
        head=head,
        forms=tuple(f.lower() for f in table.words("forms", blank=True)),
        not_before=words("not_before"),
        not_after=words("not_after"),
        only_before=words("only_before"),
        unattributed_only=unattributed_only,
        severity=severity,
        fix=fix,
        adverb=adverb,
        origin=where,
        term_class=term_class,
        literal_near=words("literal_near"),
        expanded=expanded if expanded != match else (),
    )


_KEBAB = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")
_SLOT = re.compile(r"\{([a-z][a-z0-9_-]*)\}")


def _expand_slots(phrase: str, slots: dict[str, tuple[str, ...]], pos: str, head: int) -> str:
    """A phrase with each ``{slot}`` written out as alternatives; ValueError naming what is wrong."""
    words = phrase.split()
    out: list[str] = []
    for k, word in enumerate(words, 1):
        slot = _SLOT.fullmatch(word)
        if slot:
            name = slot.group(1)
            if name not in slots:
                known = ", ".join(sorted(slots)) or "none"
                raise ValueError(f"phrase {phrase!r}: slot {{{name}}} is not in [slots] (known: {known})")
            word = "|".join(slots[name])
        elif "{" in word or "}" in word:
            raise ValueError(f"phrase {phrase!r}: write a slot as {{name}}, a whole word")
        if word == "*" and k == 1:
            raise ValueError(
                f"phrase {phrase!r}: '*' cannot come first (a phrase is found by its first words)"
            )
        if word != "*" and ("*" in word or any(not w for w in word.split("|"))):
            raise ValueError(f"phrase {phrase!r}: {word!r} must be a word, a|b alternatives, {{slot}} or *")
        if word == "*" and k == head and pos in ("verb", "noun") and len(words) > 1:
            raise ValueError(f"phrase {phrase!r}: the head word (inflected as a {pos}) cannot be *")
        out.append(word)
    return " ".join(out)


def read_defaults(data: dict[str, Any], label: str) -> Defaults:
    """A lexicon file's ``[meta]`` (rule, class, unattributed_only) and ``[slots]`` tables."""
    meta = data.get("meta", {})
    if not isinstance(meta, dict):
        raise DataRuleError(f"{label}: [meta] must be a table")
    unknown = sorted(set(meta) - {"rule", "class", "unattributed_only"})
    if unknown:
        raise DataRuleError(f"{label}: [meta]: unknown key {unknown[0]!r} (rule, class, unattributed_only)")
    rule, term_class = meta.get("rule", ""), meta.get("class", "")
    unattributed_only = meta.get("unattributed_only", False)
    if not isinstance(rule, str) or not isinstance(term_class, str):
        raise DataRuleError(f"{label}: [meta]: 'rule' and 'class' must be strings")
    if not isinstance(unattributed_only, bool):
        raise DataRuleError(f"{label}: [meta]: 'unattributed_only' must be true or false")
    raw_slots = data.get("slots", {})
    if not isinstance(raw_slots, dict):
        raise DataRuleError(f"{label}: [slots] must be a table of name = [words]")
    slots: dict[str, tuple[str, ...]] = {}
    for name, words in raw_slots.items():
        if not _SLOT.fullmatch("{" + name + "}"):
            raise DataRuleError(f"{label}: [slots]: {name!r} must be a lower-case name such as 'deal'")
        if (
            not isinstance(words, list)
            or not words
            or not all(isinstance(w, str) and len(w.split()) == 1 and "|" not in w for w in words)
        ):
            raise DataRuleError(f"{label}: [slots]: {name!r} must be a non-empty list of single words")
        slots[name] = tuple(w.lower().replace("’", "'") for w in words)
    return Defaults(rule, term_class, unattributed_only, slots)


def load_into(lexicon: Lexicon, data: dict[str, Any], label: str) -> None:
    defaults = read_defaults(data, label)
    for i, raw in enumerate(array_of_tables(data, "term", label), 1):
        parsed = read_term(raw, defaults, f"{label}: term {i}")
        if isinstance(parsed, Entry):
            lexicon.add(parsed)
        else:
            lexicon.remove(*parsed)


@cache
def builtin_lexicon() -> Lexicon:
    """The shipped lexicons, parsed and built into their matcher once per installation.

    Reading 2,000 TOML entries and building their matcher cost more than the rest of a one-file ``rhetlint
    check`` together, so the built lexicon, matcher included, is pickled in the user's cache folder (see
    private_cache: only a file this user wrote is read back), keyed by the lexicon files, the code that builds
    the matcher and the Python version, and rebuilt whenever one of them changes. Where that cache cannot be
    used, the parsed entries are kept as JSON (plain data) and only the matcher is built on each start.
    """
    folder = resources.files(__package__).joinpath("lexicon")
    texts = {}
    for name in BUILTIN_FILES:
        resource = folder.joinpath(f"{name}.toml")
        if resource.is_file():
            texts[name] = resource.read_text("utf-8")
    # a new entry field or a new parse-time default invalidates old caches
    schema = ",".join([f.name for f in dataclasses.fields(Entry)] + sorted(NAMING_RULES))
    key = hashlib.sha1(
        "\0".join([schema, *(f"{n}\0{t}" for n, t in texts.items())]).encode("utf-8")
    ).hexdigest()[:16]
    cache_folder = private_cache.cache_dir()
    built_name = _built_name(key)
    if cache_folder is not None and built_name is not None:
        built = private_cache.load(cache_folder / private_cache.FOLDER, built_name)
        if isinstance(built, Lexicon) and built.matcher is not None:
            return built
    lexicon = _parsed_lexicon(texts, cache_folder / f"lexicon-{key}.json" if cache_folder else None)
    if cache_folder is not None and built_name is not None:
        from rhetlint_plugins.loaded.terms import matcher  # terms reads this module: imported when needed

        matcher(lexicon)
        private_cache.store(
            cache_folder / private_cache.FOLDER, built_name, lexicon, stale="built-lexicon-*.pickle"
        )
    return lexicon


# What the built matcher depends on besides the lexicon files: the modules that turn entries into patterns and
# index them, and the inflection tables they read.
_BUILDER_MODULES = (
    "rhetlint_plugins.loaded.lexicon",
    "rhetlint_plugins.loaded.terms",
    "rhetlint.rules.data.patterns",
    "rhetlint.rules.data.matcher",
    "rhetlint.text.inflect",
    "rhetlint.text.tokens",
)
_BUILDER_TABLES = ("irregular_verbs.tsv", "doubling_verbs.txt", "irregular_nouns.tsv")


def _built_name(lexicon_key: str) -> str | None:
    """The file name of the pickled built lexicon for these lexicon files, this code and this Python; None
    when the code cannot be read (then no pickle is kept)."""
    digest = hashlib.sha1(f"{lexicon_key}\0{sys.implementation.cache_tag}\0".encode())
    try:
        for module in _BUILDER_MODULES:
            source = getattr(importlib.import_module(module), "__file__", None)
            if source is None:
                return None
            digest.update(Path(source).read_bytes())
        tables = resources.files("rhetlint.data")
        for table in _BUILDER_TABLES:
            digest.update(tables.joinpath(table).read_bytes())
    except OSError:
        return None
    return f"built-lexicon-{digest.hexdigest()[:20]}.pickle"


def _parsed_lexicon(texts: dict[str, str], cache_file: Path | None) -> Lexicon:
    """The entries of the lexicon files, from the JSON cache of their parsed entries or from the TOML."""
    if cache_file is not None:
        try:
            rows = json.loads(cache_file.read_text("utf-8"))
            lexicon = Lexicon()
            for row in rows:
                lexicon.add(_entry_from_row(row))
            return lexicon
        except (OSError, ValueError, TypeError, KeyError):
            pass  # no cache yet, or an unreadable one: parse the TOML
    lexicon = Lexicon()
    for name, text in texts.items():
        label = f"lexicon/{name}.toml"
        load_into(lexicon, parse_toml(text, label), label)
    if cache_file is not None:
        try:
            cache_file.parent.mkdir(parents=True, exist_ok=True)
            tmp = cache_file.with_suffix(f".{os.getpid()}.tmp")
            rows = [_row_from_entry(e) for e in lexicon.entries.values()]
            tmp.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
            os.replace(tmp, cache_file)
        except OSError:
            pass  # a read-only home folder only costs the parse next time
    return lexicon


def _row_from_entry(entry: Entry) -> dict[str, Any]:
    row = dataclasses.asdict(entry)
    for name, value in row.items():
        if isinstance(value, (frozenset, tuple)):
            row[name] = sorted(value) if isinstance(value, frozenset) else list(value)
    return row


def _entry_from_row(row: dict[str, Any]) -> Entry:
    """Rebuild an Entry from its JSON row (a plain data format: the cache never runs code)."""
    values: dict[str, Any] = {
        name: row[name] if collection is None else collection(row[name]) for name, collection in _ROW_FIELDS
    }
    return Entry(**values)


# Each Entry field, and the collection type its JSON list becomes (None: kept as read). Worked out once: the
# cache is read on every start, and asking the dataclass per row cost more than parsing the JSON.
_ROW_FIELDS: list[tuple[str, type[frozenset[Any]] | type[tuple[Any, ...]] | None]] = [
    (f.name, frozenset if "frozenset" in str(f.type) else tuple if "tuple" in str(f.type) else None)
    for f in dataclasses.fields(Entry)
]


@cache
def combined_lexicon(user_files: tuple[Path, ...], max_megabytes: float | None = None) -> Lexicon:
    """The built-in lexicon with the user's files applied in order, each read within ``max_megabytes``
    (the configuration's max-file-size; read_toml's default when None)."""
    if not user_files:
        return builtin_lexicon()
    builtin = builtin_lexicon()
    lexicon = Lexicon(dict(builtin.entries), set(builtin.disabled))
    for path in user_files:
        if max_megabytes is None:
            data, label = read_toml(path, "lexicon")
        else:
            data, label = read_toml(path, "lexicon", max_megabytes)
        load_into(lexicon, data, label)
    return lexicon
