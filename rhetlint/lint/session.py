"""Check many files: configuration per file, one plugin set per plugin setting, optional worker processes."""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from rhetlint.hooks.manager import PluginSet, load_plugins
from rhetlint.lint.config import Config, ConfigCache, ConfigError
from rhetlint.lint.files import InputError, read_draft
from rhetlint.lint.kept_sources import KeptSources
from rhetlint.lint.linter import Linter
from rhetlint.lint.results_cache import ResultsCache
from rhetlint.model.diagnostics import Diagnostic
from rhetlint.model.document import Document
from rhetlint.rules.data import config_plugin
from rhetlint.rules.selection import Selection


@dataclass
class Outcome:
    diagnostics: list[Diagnostic] = field(default_factory=list)
    errors: list[tuple[str, str]] = field(default_factory=list)  # (path, one-line message)
    notes: list[tuple[str, str]] = field(default_factory=list)  # (path, one line): checked, but not as usual
    sources: KeptSources = field(default_factory=KeptSources)  # texts of files with findings
    files_checked: int = 0

    def merge(self, other: Outcome) -> None:
        self.diagnostics.extend(other.diagnostics)
        self.errors.extend(other.errors)
        self.notes.extend(other.notes)
        self.sources.update_from(other.sources)
        self.files_checked += other.files_checked


# Linted once before worker processes are forked (Session.warm_up): a heading, a quotation with its speaker,
# an unnamed source and loaded words, so that every analysis and lexicon is built.
WARM_UP_DRAFT = (
    "# The council votes\n\n"
    '"We will not give up," Mayor Ana Ruiz said on Monday. Critics say the blatant scheme will fail.\n'
)


# The environment variable that trusts local plugins, as --allow-local-plugins does.
ALLOW_LOCAL_PLUGINS_ENV = "RHETLINT_ALLOW_LOCAL_PLUGINS"


def local_plugins_allowed_by_environment() -> bool:
    return os.environ.get(ALLOW_LOCAL_PLUGINS_ENV, "").strip().lower() in ("1", "true", "yes", "on")


class Session:
    """Everything a run loads once: configurations, plugin sets and linters.

    A configuration's ``plugins-dir`` holds Python files from the checked repository, so they run only with
    consent the repository cannot grant itself: ``allow_local_plugins`` (the command line's
    ``--allow-local-plugins``, the editor's ``allowLocalPlugins``) or ``RHETLINT_ALLOW_LOCAL_PLUGINS=1``.
    Folders refused are kept in ``blocked_plugin_dirs`` so the caller can say so.
    """

    def __init__(
        self,
        config_path: Path | None = None,
        selection: Selection | None = None,
        format: str | None = None,
        keep_sources: bool = False,
        allow_local_plugins: bool = False,
        cache: ResultsCache | None = None,
    ) -> None:
        self.configs = ConfigCache(config_path)
        self.selection = selection or Selection()
        self.format = format
        self.keep_sources = keep_sources
        self.allow_local_plugins = allow_local_plugins or local_plugins_allowed_by_environment()
        self.cache = cache  # results of unchanged files from earlier runs; None: lint every file
        self.blocked_plugin_dirs: dict[Path, Path | None] = {}  # folder -> the configuration naming it
        self._plugin_sets: dict[tuple, PluginSet] = {}
        self._linters: dict[int, Linter] = {}

    def plugins_for(self, config: Config) -> PluginSet:
        if config.plugins_dir is not None and not self.allow_local_plugins:
            self.blocked_plugin_dirs.setdefault(config.plugins_dir, config.path)
            config = replace(config, plugins_dir=None)
        key = (config.plugins_dir, tuple(config.disable_plugins), tuple(config.rule_files))
        plugins = self._plugin_sets.get(key)
        if plugins is None:
            data_rules = config_plugin(config)  # rules as data, from the configuration's rule-files
            plugins = load_plugins(
                config.plugins_dir, config.disable_plugins, extra=[data_rules] if data_rules else ()
            )
            self._plugin_sets[key] = plugins
        return plugins

    def linter_for(self, path: Path | None) -> Linter:
        config = self.configs.for_file(path)
        linter = self._linters.get(id(config))
        if linter is None:
            plugins = self.plugins_for(config)
            linter = Linter(plugins, config, self.selection)
            plugins.manager.hook.rhetlint_configure.call_historic(kwargs={"config": config})
            self._linters[id(config)] = linter
        return linter

    def linters(self) -> list[Linter]:
        """Every linter made so far (one per configuration in use)."""
        return list(self._linters.values())

    def plugin_problems(self) -> list[str]:
        problems: list[str] = []
        for plugins in self._plugin_sets.values():
            problems.extend(p for p in plugins.problems if p not in problems)
        return problems

    def read_document(self, path: str) -> tuple[Linter, Document]:
        """Read and parse one draft with the linter its configuration gives; raises InputError or ConfigError."""
        linter = self.linter_for(Path(path))
        return linter, linter.parse(read_draft(path, linter.config.max_file_size), path, self.format)

    def check_file(self, path: str) -> Outcome:
        outcome = Outcome()
        try:
            linter = self.linter_for(Path(path))
            source = read_draft(path, linter.config.max_file_size)
            diagnostics, notes = self._lint_cached(linter, source, path)
        except (InputError, ConfigError) as exc:
            outcome.errors.append((path, str(exc)))
            return outcome
        outcome.diagnostics = diagnostics
        outcome.notes = [(path, note) for note in notes]
        outcome.files_checked = 1
        if self.keep_sources and diagnostics:
            outcome.sources.keep_file(path, source, linter.config.max_file_size)
        return outcome

    def cached_outcome(self, path: str) -> Outcome | None:
        """The outcome of a file from the results cache alone, or None when it has to be linted (a miss,
        no cache, or a file that cannot be read: checking it reports why)."""
        if self.cache is None:
            return None
        try:
            linter = self.linter_for(Path(path))
            source = read_draft(path, linter.config.max_file_size)
        except (InputError, ConfigError):
            return None
        diagnostics = self.cache.load(self.cache.key_for(linter, path, self.format), source, path)
        if diagnostics is None:
            return None
        outcome = Outcome(diagnostics=diagnostics, files_checked=1)
        if self.keep_sources and diagnostics:
            outcome.sources.keep_file(path, source, linter.config.max_file_size)
        return outcome

    def _lint_cached(self, linter: Linter, source: str, path: str) -> tuple[list[Diagnostic], list[str]]:
        """Lint a draft, or answer from the results cache when the same draft was linted the same way; also
        the parser's notes on the draft (a cached answer has none: the draft was not parsed again)."""
        key = self.cache.key_for(linter, path, self.format) if self.cache is not None else None
        if self.cache is not None and key is not None:
            cached = self.cache.load(key, source, path)
            if cached is not None:
                return cached, []
        doc = linter.parse(source, path, self.format)
        diagnostics = linter.lint(doc)
        if self.cache is not None and key is not None:
            self.cache.save(key, source, diagnostics)
        return diagnostics, list(doc.notes)

    def warm_up(self, path: str) -> None:
        """Build what linting needs before the first file (the linter of ``path``'s configuration, and what
        the analyses and rhetlint's own rules build on first use: lexicon matchers, the sentence splitter) by
        linting a short built-in draft with rhetlint's own rules, so that worker processes forked afterwards
        start warm. Other plugins' rules never see this draft. Problems are left for the real files to
        report."""
        try:
            linter = self.linter_for(Path(path))
            manager = linter.plugins.manager
            own = [rule for rule in linter.rules_for(path) if _is_builtin(manager.get_plugin(rule.plugin))]
            linter.lint(linter.parse(WARM_UP_DRAFT, None, "markdown"), own)
        except Exception:  # noqa: BLE001 - whatever fails here fails again, and is reported, on a real file
            pass

    def check_text(self, source: str, path: str) -> Outcome:
        outcome = Outcome()
        linter = self.linter_for(Path(path) if path != "-" else None)
        doc = linter.parse(source, path, self.format)
        outcome.diagnostics = linter.lint(doc)
        outcome.notes = [(path, note) for note in doc.notes]
        outcome.files_checked = 1
        if self.keep_sources:
            outcome.sources.keep_text(path, source)
        return outcome


def _is_builtin(plugin: object) -> bool:
    """Whether a plugin is part of rhetlint (its core or the built-in rule plugins)."""
    return getattr(plugin, "__name__", "").split(".")[0] in ("rhetlint", "rhetlint_plugins")


# The Session of a worker process: on Linux the parent's own, inherited when the worker is forked (plugins,
# lexicons and the sentence splitter already built); elsewhere built once per worker (plugins cannot be pickled).
_WORKER: Session | None = None


def _init_worker(config_path, selection, format, keep_sources, allow_local_plugins, cache_dir) -> None:
    global _WORKER
    cache = ResultsCache(cache_dir) if cache_dir is not None else None
    _WORKER = Session(config_path, selection, format, keep_sources, allow_local_plugins, cache)


def _adopt_session(session: Session) -> None:
    global _WORKER
    _WORKER = session


def _check_many(paths: Sequence[str]) -> Outcome:
    assert _WORKER is not None
    outcome = Outcome()
    for path in paths:
        outcome.merge(_WORKER.check_file(path))
    return outcome


# Batches per worker: small enough that the workers finish together, large enough that sending a batch and
# its outcome back costs little beside linting it.
BATCHES_PER_WORKER = 12


def batches(paths: Sequence[str], jobs: int) -> list[list[str]]:
    """``paths`` dealt round into ``jobs * BATCHES_PER_WORKER`` batches (at most one per file): every batch
    takes every n-th file, so a folder's long and short files spread evenly over the batches."""
    count = max(1, min(len(paths), jobs * BATCHES_PER_WORKER))
    return [list(paths[i::count]) for i in range(count)]


def _pool_setup(session: Session, paths: Sequence[str]) -> tuple[Any, Callable[..., None], tuple]:
    """The process context, initializer and its arguments for ``session``'s workers: forked workers adopt
    the parent's warm session; spawned ones build their own from its settings."""
    import multiprocessing

    if sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods():
        session.warm_up(paths[0])
        return multiprocessing.get_context("fork"), _adopt_session, (session,)
    args = (
        session.configs.override,
        session.selection,
        session.format,
        session.keep_sources,
        session.allow_local_plugins,
        session.cache.folder if session.cache is not None and session.cache.problem is None else None,
    )
    return multiprocessing.get_context(), _init_worker, args


def check_paths(
    session: Session, paths: Sequence[str], jobs: int = 1, progress: Callable[[int], None] | None = None
) -> Outcome:
    """Check ``paths``, in worker processes when ``jobs`` > 1; ``progress`` is told how many files each
    step finished."""
    outcome = Outcome()
    report = progress or (lambda done: None)
    if jobs <= 0:
        jobs = os.cpu_count() or 1
    if jobs == 1 or len(paths) < 2:
        for path in paths:
            outcome.merge(session.check_file(path))
            report(1)
        return outcome
    if session.cache is not None:  # answer unchanged files here; start workers only for the others
        misses = []
        for path in paths:
            hit = session.cached_outcome(path)
            if hit is None:
                misses.append(path)
            else:
                outcome.merge(hit)
        paths = misses
        if len(paths) < 2:
            for path in paths:
                outcome.merge(session.check_file(path))
            return outcome
    context, initializer, initargs = _pool_setup(session, paths)
    # imported here: a run without --jobs does not pay for concurrent.futures at start-up
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    gc.freeze()  # objects made so far stay out of the workers' collections: their pages stay shared
    lost: list[str] = []  # files of batches whose worker died (a plugin's os._exit, a crash, the OOM killer)
    try:
        with ProcessPoolExecutor(
            max_workers=min(jobs, len(paths)), mp_context=context, initializer=initializer, initargs=initargs
        ) as pool:
            futures = [(batch, pool.submit(_check_many, batch)) for batch in batches(paths, jobs)]
            for batch, future in futures:
                try:
                    outcome.merge(future.result())
                    report(len(batch))
                except BrokenProcessPool:
                    lost.extend(batch)
        for path in lost:  # one at a time, each in a worker of its own, to find the file that kills it
            with ProcessPoolExecutor(
                max_workers=1, mp_context=context, initializer=initializer, initargs=initargs
            ) as single:
                try:
                    outcome.merge(single.submit(_check_many, [path]).result())
                except BrokenProcessPool:
                    outcome.errors.append((path, "the process checking this file died; not checked"))
                report(1)
    finally:
        gc.unfreeze()
    return outcome
