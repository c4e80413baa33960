"""Lexicons as data: TOML files of loaded terms, expanded to every inflected surface form once.

Each entry names a base form and a part of speech; verbs and nouns are inflected here (``rhetlint.text.inflect``)
so a lexicon lists "slam" once and matches slams/slammed/slamming, and a one-word adjective also matches its
-ly adverb ("brutal", "brutally") unless the entry says ``adverb = false`` (labels, framings and euphemisms
default to false). User lexicons use the same schema and
may add entries, override built-in ones (same ``match``) or switch them off (``disable = true``).
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import sys
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from rhetlint.model.errors import ConfigError
from rhetlint.text.inflect import adverb_of, noun_forms, verb_forms

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

POS = ("verb", "noun", "adj", "adv", "phrase")
# The built-in lexicon files, one per rule.
BUILTIN_FILES = ("emotive", "judgement", "dramatic", "glorifying", "conflict", "insult", "pathos", "labels", "partisan", "saying", "editorializing", "doubt", "framings", "puffery",
                 "euphemism")
# Rules about what to call someone or something: an adjective there names ("pro-life", "alt-right"), and its
# -ly adverb is no word anyone writes, so adverbs are derived only for the other rules unless asked for.
NAMING_RULES = frozenset({"contentious-label", "contested-framing", "euphemism"})
ENTRY_KEYS = {"match", "pos", "why", "instead", "head", "forms", "not_before", "not_after", "only_before",
              "unattributed_only", "severity", "rule", "disable", "fix", "adverb"}


@dataclass(frozen=True)
class Entry:
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

    @property
    def key(self) -> tuple[str, str]:
        return self.rule, self.match[0]


@dataclass(frozen=True)
class Surface:
    """One surface phrase (a tuple of normalised words) and the inflection it stands for."""

    words: tuple[str, ...]
    form: str  # "base", "3sg", "past", "pp", "ing", "plural", "adverb" or "as-written"
    entry: Entry


@dataclass(eq=False)  # hashed by identity: indexes are cached per lexicon
class Lexicon:
    entries: dict[tuple[str, str], Entry] = field(default_factory=dict)
    # words a user lexicon switched off: an adverb derived from another entry must not bring one back
    disabled: set[str] = field(default_factory=set)

    def add(self, entry: Entry) -> None:
        self.entries[entry.key] = entry

    def remove(self, rule: str, match: str) -> None:
        removed = self.entries.pop((rule, match), None)
        self.disabled.add(match)
        if removed is not None:
            self.disabled.update(removed.match)

    def for_rule(self, rule: str) -> list[Entry]:
        return [e for e in self.entries.values() if e.rule == rule]


def _words(phrase: str) -> tuple[str, ...]:
    return tuple(phrase.lower().replace("’", "'").split())


def surfaces(entry: Entry) -> list[Surface]:
    """Every surface form of an entry's phrases."""
    out: list[Surface] = []
    for phrase in entry.match:
        words = _words(phrase)
        if not words:
            continue
        if entry.pos in ("verb", "noun") and 1 <= entry.head <= len(words):
            index = entry.head - 1
            forms = verb_forms(words[index]) if entry.pos == "verb" else noun_forms(words[index])
            for surface, form in forms.items():
                out.append(Surface(words[:index] + (surface,) + words[index + 1 :], form, entry))
        else:
            out.append(Surface(words, "as-written", entry))
        if entry.pos == "adj" and entry.adverb and len(words) == 1:
            adverb = adverb_of(words[0])
            if adverb:
                out.append(Surface((adverb,), "adverb", entry))
        for extra in entry.forms:
            out.append(Surface(_words(extra), "as-written", entry))
    return out


def _str_list(value: Any, where: str, key: str) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: '{key}' must be a string or a list of strings")
    return tuple(value)


def parse_entry(raw: dict[str, Any], default_rule: str, where: str) -> Entry | tuple[str, str]:
    """Validate one ``[[term]]`` table. Returns an Entry, or (rule, match) for ``disable = true``."""
    if not isinstance(raw, dict):
        raise ConfigError(f"{where}: each [[term]] must be a table")
    unknown = set(raw) - ENTRY_KEYS
    if unknown:
        raise ConfigError(f"{where}: unknown key {sorted(unknown)[0]!r} (keys: {', '.join(sorted(ENTRY_KEYS))})")
    rule = raw.get("rule", default_rule)
    if not rule or not isinstance(rule, str):
        raise ConfigError(f"{where}: 'rule' is missing (set it per term or in [meta])")
    if "match" not in raw:
        raise ConfigError(f"{where}: 'match' is missing")
    match = tuple(m.lower() for m in _str_list(raw["match"], where, "match"))
    if raw.get("disable"):
        return rule, match[0]
    pos = raw.get("pos", "phrase")
    if pos not in POS:
        raise ConfigError(f"{where}: 'pos' must be one of {', '.join(POS)}, got {pos!r}")
    why = raw.get("why", "")
    if not isinstance(why, str) or not why:
        raise ConfigError(f"{where}: 'why' must be a non-empty string saying why the wording is loaded")
    head = raw.get("head", 1)
    if not isinstance(head, int) or isinstance(head, bool) or head < 1:
        raise ConfigError(f"{where}: 'head' must be a positive integer")
    severity = raw.get("severity")
    if severity not in (None, "error", "warning", "info"):
        raise ConfigError(f"{where}: 'severity' must be \"error\", \"warning\" or \"info\"")
    for key in ("unattributed_only", "fix", "adverb"):
        if key in raw and not isinstance(raw[key], bool):
            raise ConfigError(f"{where}: '{key}' must be true or false")

    def words(key: str) -> frozenset[str]:
        return frozenset(w.lower().replace("’", "'") for w in _str_list(raw.get(key, []), where, key))

    return Entry(
        rule=rule, match=match, pos=pos, why=why, instead=_str_list(raw.get("instead", []), where, "instead"),
        head=head, forms=tuple(f.lower() for f in _str_list(raw.get("forms", []), where, "forms")),
        not_before=words("not_before"), not_after=words("not_after"), only_before=words("only_before"),
        unattributed_only=bool(raw.get("unattributed_only", False)), severity=severity,
        fix=bool(raw.get("fix", True)), adverb=bool(raw.get("adverb", rule not in NAMING_RULES)), origin=where,
    )


def load_into(lexicon: Lexicon, data: dict[str, Any], label: str) -> None:
    meta = data.get("meta", {})
    if not isinstance(meta, dict):
        raise ConfigError(f"{label}: [meta] must be a table")
    default_rule = meta.get("rule", "")
    terms = data.get("term", [])
    if not isinstance(terms, list):
        raise ConfigError(f"{label}: 'term' must be an array of tables ([[term]])")
    for i, raw in enumerate(terms, 1):
        parsed = parse_entry(raw, default_rule, f"{label}: term {i}")
        if isinstance(parsed, Entry):
            lexicon.add(parsed)
        else:
            lexicon.remove(*parsed)


@cache
def builtin_lexicon() -> Lexicon:
    """The shipped lexicons, parsed once per installation: reading 2,000 TOML entries costs about a sixth of
    a second, a noticeable share of a one-file ``rhetlint check``, so the parsed entries are kept in the
    user's cache folder, keyed by the files' contents, and rebuilt whenever a file changes."""
    folder = resources.files(__package__).joinpath("lexicon")
    texts = {}
    for name in BUILTIN_FILES:
        resource = folder.joinpath(f"{name}.toml")
        if resource.is_file():
            texts[name] = resource.read_text("utf-8")
    # a new entry field or a new parse-time default invalidates old caches
    schema = ",".join([f.name for f in dataclasses.fields(Entry)] + sorted(NAMING_RULES))
    key = hashlib.sha1("\0".join([schema, *(f"{n}\0{t}" for n, t in texts.items())]).encode("utf-8")).hexdigest()[:16]
    cache_file = _cache_dir() / f"lexicon-{key}.json" if _cache_dir() else None
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
        load_into(lexicon, tomllib.loads(text), f"lexicon/{name}.toml")
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
    values = {}
    for f in dataclasses.fields(Entry):
        value = row[f.name]
        if "frozenset" in str(f.type):
            value = frozenset(value)
        elif "tuple" in str(f.type):
            value = tuple(value)
        values[f.name] = value
    return Entry(**values)


def _cache_dir() -> Path | None:
    """Where rhetlint keeps derived data: $RHETLINT_CACHE_DIR, else the XDG cache folder; "" disables it."""
    configured = os.environ.get("RHETLINT_CACHE_DIR")
    if configured is not None:
        return Path(configured) if configured else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "rhetlint"


def load_user_file(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError:
        raise ConfigError(f"{path}: lexicon file not found") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None


@cache
def combined_lexicon(user_files: tuple[Path, ...]) -> Lexicon:
    """The built-in lexicon with the user's files applied in order."""
    if not user_files:
        return builtin_lexicon()
    builtin = builtin_lexicon()
    lexicon = Lexicon(dict(builtin.entries), set(builtin.disabled))
    for path in user_files:
        load_into(lexicon, load_user_file(path), str(path))
    return lexicon
