"""One article's results: its words, findings per rule, attributions by kind of source, sources and the
sourcing verdict; and the linter a process builds once to measure many articles."""

from __future__ import annotations

import hashlib
import pickle
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rhetlint.audit.articles import Article
from rhetlint.hooks.manager import one_line
from rhetlint.lint.config import ConfigError
from rhetlint.lint.files import InputError
from rhetlint.lint.linter import RULE_ERROR, Linter
from rhetlint.lint.session import Session
from rhetlint.rules.selection import Selection

LOADED = "loaded-language"
SOURCING = "sourcing"
NO_VERDICT = "none"  # no sourcing rule flagged the story


@dataclass(frozen=True)
class AuditSettings:
    """What a process needs to build the linter: sent to every worker, so only plain, picklable values.

    ``config_path`` is absolute (a worker on another machine has another working folder); the files it
    names, and the plugins, must be reachable at the same paths on every worker.
    """

    config_path: Path | None = None
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    allow_local_plugins: bool = False

    def digest(self) -> str:
        return hashlib.sha256(pickle.dumps(self)).hexdigest()

    def build_linter(self) -> Linter:
        selection = Selection(select=self.select, ignore=self.ignore, extend_select=self.extend_select)
        session = Session(self.config_path, selection, allow_local_plugins=self.allow_local_plugins)
        return session.linter_for(None)


# The linter of each settings, built once per process (a local worker, a Dask worker) and reused for
# every partition it measures: loading plugins costs more than linting a short article.
_LINTERS: dict[str, Linter] = {}
BUILDS = 0  # linters this process has built (a worker should build one per audit)


def linter_for(settings: AuditSettings) -> Linter:
    global BUILDS
    key = settings.digest()
    linter = _LINTERS.get(key)
    if linter is None:
        linter = _LINTERS[key] = settings.build_linter()
        BUILDS += 1
    return linter


def rule_columns(linter: Linter) -> list[tuple[str, str, str]]:
    """(code, name, category) of the rules that run, in code order: the per-rule count columns."""
    return sorted((rule.code, rule.name, rule.category) for rule in linter.rules_for(None))


def measure(linter: Linter, article: Article) -> dict[str, Any]:
    """The results row of one article; a problem with it is recorded in ``error``, never raised."""
    row: dict[str, Any] = {"id": article.id, **article.metadata}
    if article.error:
        return _failed(row, article.error)
    try:
        doc = linter.parse(article.text, None, article.format)
        diagnostics = linter.lint(doc)
        attributions = doc.attributions
        sources = doc.sources
    except (InputError, ConfigError) as exc:
        return _failed(row, str(exc))
    except Exception as exc:  # noqa: BLE001 - one article must not stop an audit of a million
        return _failed(row, f"{type(exc).__name__}: {one_line(exc)}")
    for key, value in doc.front_matter.items():  # a draft's own metadata (outlet, author, date)
        if isinstance(value, (str, int, float, bool)) and key not in row and key != "id":
            row[key] = value
    counts: dict[str, int] = {}
    loaded = 0
    verdicts: list[str] = []
    rule_errors: list[str] = []
    for d in diagnostics:
        counts[d.name] = counts.get(d.name, 0) + 1
        if d.category == LOADED:
            loaded += 1
        elif d.category == SOURCING and d.name not in verdicts:
            verdicts.append(d.name)
        elif d.code == RULE_ERROR:
            rule_errors.append(d.message)
    row.update(
        words=doc.word_count,
        findings=len(diagnostics),
        loaded_terms=loaded,
        attributions=len(attributions),
        anonymous_attributions=sum(1 for a in attributions if a.source_type == "anonymous"),
        vague_attributions=sum(1 for a in attributions if a.source_type == "vague"),
        sources=len(sources),
        sourcing_verdict=",".join(sorted(verdicts)) or NO_VERDICT,
        rule_counts=counts,
        error="; ".join(rule_errors),
    )
    return row


def _failed(row: dict[str, Any], message: str) -> dict[str, Any]:
    row.update(
        words=None,
        findings=None,
        loaded_terms=None,
        attributions=None,
        anonymous_attributions=None,
        vague_attributions=None,
        sources=None,
        sourcing_verdict=None,
        rule_counts={},
        error=message,
    )
    return row


def measure_partition(settings: AuditSettings, articles: list[Article]) -> list[dict[str, Any]]:
    """The rows of one partition, with the linter of this process (built on first use)."""
    linter = linter_for(settings)
    return [measure(linter, article) for article in articles]
