"""An audit run: read the articles, measure them partition by partition, keep each finished partition on
disk, and when all are done write the per-article table, the per-group table and a short summary.

The output folder holds ``manifest.json`` (what the run is over: the input, its columns, the partition
size and the linter's fingerprint), ``parts/part-NNNNN.jsonl`` (one file per finished partition, written
atomically) and, at the end, ``articles.<fmt>``, ``groups.<fmt>`` and ``summary.txt``. Run the same
command again after an interrupt and the finished partitions are skipped.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any, TextIO

from rhetlint._version import __version__
from rhetlint.audit.articles import Article, Columns, detect_format, input_stamp, read_articles
from rhetlint.audit.engines import EngineError, Partition, run_dask, run_local
from rhetlint.audit.measure import AuditSettings, linter_for, rule_columns
from rhetlint.audit.progress import Progress
from rhetlint.audit.stats import group_stats
from rhetlint.audit.summary import summary_text
from rhetlint.audit.tables import SUFFIXES, TableShape, write_table
from rhetlint.lint.cache_key import linter_fingerprint
from rhetlint.lint.files import InputError
from rhetlint.lint.results_cache import write_atomically

ARTICLE_COLUMNS = ("id",)
MEASURE_COLUMNS = (
    "words",
    "findings",
    "loaded_terms",
    "attributions",
    "anonymous_attributions",
    "vague_attributions",
    "sources",
    "sourcing_verdict",
)


class AuditError(Exception):
    """A problem with the run as a whole (its input, output folder or engine): one line, exit 2."""


@dataclass
class AuditPlan:
    input: Path
    output: Path
    settings: AuditSettings = field(default_factory=AuditSettings)
    input_format: str | None = None
    columns: Columns = field(default_factory=Columns)
    output_format: str = "csv"
    group_by: tuple[str, ...] = ()
    partition_size: int = 200
    engine: str = "local"
    scheduler: str | None = None
    jobs: int = 1
    scheduler_timeout: float = 30.0
    restart: bool = False
    max_file_size: float = 20.0


@dataclass
class AuditOutcome:
    articles: int = 0
    errors: int = 0
    partitions: int = 0
    skipped: int = 0  # partitions finished by an earlier run
    measured_seconds: float = 0.0  # wall time of the measuring (with a local cluster's start)
    worker_seconds: float = 0.0  # time workers spent measuring, summed over partitions
    worker_cpu_seconds: float = 0.0  # CPU time of the same
    words_measured: int = 0
    articles_measured: int = 0
    failed: list[str] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)
    summary: str = ""


def part_path(output: Path, index: int) -> Path:
    return output / "parts" / f"part-{index:05d}.jsonl"


def _partitions(articles: Iterator[Article], size: int) -> Iterator[Partition]:
    index = 0
    while True:
        chunk = list(islice(articles, size))
        if not chunk:
            return
        yield index, chunk
        index += 1


def _prepare_output(plan: AuditPlan, manifest: dict[str, Any]) -> None:
    """Create the output folder, or check that it holds a run of the same input and settings."""
    path = plan.output / "manifest.json"
    parts = plan.output / "parts"
    if path.is_file() and not plan.restart:
        try:
            earlier = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            earlier = None
        if earlier != json.loads(json.dumps(manifest)):  # as written: tuples read back as lists
            raise AuditError(
                f"{plan.output}: holds an audit of another input, configuration or partition size; "
                "pass --restart to replace it, or choose another --output"
            )
    elif plan.output.exists() and not path.is_file() and any(plan.output.iterdir()):
        raise AuditError(f"{plan.output}: is not empty and holds no audit; choose an empty or new folder")
    try:
        parts.mkdir(parents=True, exist_ok=True)
        if plan.restart:
            for old in parts.glob("part-*.jsonl"):
                old.unlink()
        write_atomically(path, json.dumps(manifest, indent=1, sort_keys=True).encode("utf-8"), shared=True)
    except OSError as exc:
        raise AuditError(f"{plan.output}: cannot write: {exc.strerror or exc}") from None


def _read_part(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def flat_row(row: dict[str, Any], rule_names: list[str]) -> dict[str, Any]:
    """An article's row for the table: one count column per rule (``rule.NAME``) instead of a mapping."""
    counts = row.get("rule_counts") or {}
    measured = row.get("words") is not None
    flat = {key: value for key, value in row.items() if key not in ("rule_counts", "error")}
    for name in rule_names:
        flat[f"rule.{name}"] = counts.get(name, 0) if measured else None
    flat["error"] = row.get("error", "")
    return flat


def run_audit(plan: AuditPlan, stream: TextIO, show_progress: bool) -> AuditOutcome:
    try:
        input_format = plan.input_format or detect_format(plan.input)
        stamp = input_stamp(plan.input)
    except InputError as exc:
        raise AuditError(f"{plan.input}: {exc}") from None
    except FileNotFoundError:
        raise AuditError(f"{plan.input}: no such file or folder") from None
    except OSError as exc:
        raise AuditError(f"{plan.input}: {exc.strerror or exc}") from None
    if input_format == "folder" and plan.output.resolve().is_relative_to(plan.input.resolve()):
        raise AuditError(f"{plan.output}: is inside the audited folder; choose an output folder outside it")
    linter = linter_for(plan.settings)  # a configuration error is raised here, before any work
    rules = rule_columns(linter)
    manifest = {
        "rhetlint": __version__,
        "input": stamp,
        "input_format": input_format,
        "columns": asdict(plan.columns),
        "partition_size": plan.partition_size,
        "linter": linter_fingerprint(linter),
        "settings": plan.settings.digest(),
    }
    _prepare_output(plan, manifest)
    outcome = AuditOutcome()

    def articles() -> Iterator[Article]:
        try:
            yield from read_articles(plan.input, input_format, plan.columns, plan.max_file_size)
        except InputError as exc:
            raise AuditError(f"{plan.input}: {exc}") from None

    total = sum(1 for _ in articles()) if show_progress else None
    progress = Progress(stream, total, show_progress)
    count = 0

    def pending() -> Iterator[Partition]:
        nonlocal count
        for index, chunk in _partitions(articles(), plan.partition_size):
            count = index + 1
            if part_path(plan.output, index).is_file():
                outcome.skipped += 1
                progress.advance(len(chunk), measured=False)
                continue
            yield index, chunk

    started = time.perf_counter()
    try:
        if plan.engine == "dask":
            workers = plan.jobs if plan.jobs > 0 else 0
            results = run_dask(plan.settings, pending(), plan.scheduler, workers, plan.scheduler_timeout)
        else:
            results = run_local(plan.settings, pending(), plan.jobs)
        for index, rows, seconds, cpu_seconds in results:
            if isinstance(rows, str):
                outcome.failed.append(f"partition {index}: {rows}")
                continue
            data = "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
            write_atomically(part_path(plan.output, index), data.encode("utf-8"), shared=True)
            outcome.articles_measured += len(rows)
            outcome.worker_seconds += seconds
            outcome.worker_cpu_seconds += cpu_seconds
            outcome.words_measured += sum(row.get("words") or 0 for row in rows)
            progress.advance(len(rows))
    except EngineError as exc:
        raise AuditError(str(exc)) from None
    finally:
        progress.close()
    outcome.measured_seconds = time.perf_counter() - started
    outcome.partitions = count
    if outcome.failed:
        return outcome
    _finish(plan, outcome, rules)
    return outcome


def _finish(plan: AuditPlan, outcome: AuditOutcome, rules: list[tuple[str, str, str]]) -> None:
    """The tables and the summary, from the partition files in order."""
    parts = [part_path(plan.output, i) for i in range(outcome.partitions)]
    rule_names = [name for _code, name, _category in rules]

    def batches() -> Iterator[list[dict[str, Any]]]:
        for path in parts:
            yield _read_part(path)

    shape = TableShape(ARTICLE_COLUMNS)
    for batch in batches():
        for row in batch:
            shape.add(flat_row(row, rule_names))
            outcome.articles += 1
            outcome.errors += bool(row.get("words") is None)
    for column in (*MEASURE_COLUMNS, *(f"rule.{n}" for n in rule_names), "error"):  # measures last
        kinds = shape.kinds.pop(column, set())
        shape.kinds[column] = kinds
    suffix = SUFFIXES[plan.output_format]
    articles_path = plan.output / f"articles{suffix}"
    groups_path = plan.output / f"groups{suffix}"
    summary_path = plan.output / "summary.txt"
    write_table(
        articles_path, ([flat_row(r, rule_names) for r in b] for b in batches()), shape, plan.output_format
    )

    def rows() -> Iterator[dict[str, Any]]:
        for batch in batches():
            yield from batch

    groups = group_stats(rows(), plan.group_by, rules)
    overall = groups if not plan.group_by else group_stats(rows(), (), rules)
    group_shape = TableShape()
    for group in groups:
        group_shape.add(group)
    write_table(groups_path, [groups], group_shape, plan.output_format)
    outcome.summary = summary_text(overall[0] if overall else None, groups, plan.group_by, outcome.partitions)
    write_atomically(summary_path, outcome.summary.encode("utf-8"), shared=True)
    outcome.files = [articles_path, groups_path, summary_path]
