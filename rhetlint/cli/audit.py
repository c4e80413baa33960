"""``rhetlint audit``: the command line of an archive audit (the work is in ``rhetlint.audit``)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from rhetlint.output.base import printable

EXIT_CLEAN, EXIT_ERROR, EXIT_INTERRUPTED = 0, 2, 130


def _csv(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]


def add_audit_parser(sub: argparse._SubParsersAction, add_trust_flag) -> None:
    audit = sub.add_parser(
        "audit",
        help="audit an archive (folder, JSONL, JSON, CSV or Parquet): results per article and per group",
        description="Lint every article of an archive and write per-article results, per-group statistics "
        "and a summary. Rerun the same command after an interrupt to resume. See docs/audit.md.",
    )
    audit.add_argument(
        "input", type=Path, help="a folder of drafts, or a .jsonl, .json, .csv or .parquet file"
    )
    audit.add_argument("--output", "-o", type=Path, required=True, help="the folder for the results")
    audit.add_argument("--input-format", choices=("folder", "jsonl", "json", "csv", "parquet"))
    audit.add_argument(
        "--format", dest="output_format", choices=("csv", "json", "jsonl", "parquet"), default="csv"
    )
    audit.add_argument("--id-column", default="id", help="the field holding the article id (default id)")
    audit.add_argument("--text-column", default="text", help="the field holding the text (default text)")
    audit.add_argument(
        "--metadata",
        type=_csv,
        default=[],
        help="metadata to keep, as NAME or NAME=FIELD (dotted paths reach into objects: outlet=labels.outlet); "
        "default: every other top-level field",
    )
    audit.add_argument(
        "--group-by",
        type=_csv,
        default=[],
        help="metadata fields to group by (FIELD:year or FIELD:month for dates), comma-separated",
    )
    audit.add_argument("--partition-size", type=int, default=200, help="articles per partition (default 200)")
    audit.add_argument("--engine", choices=("local", "dask"), default="local")
    audit.add_argument(
        "--scheduler", help="the Dask scheduler address (tcp://HOST:8786); default: local processes"
    )
    audit.add_argument(
        "--scheduler-timeout",
        type=float,
        default=30.0,
        help="seconds to wait for the scheduler to answer (default 30)",
    )
    audit.add_argument(
        "--jobs",
        "-j",
        type=int,
        default=1,
        help="worker processes: local, or of the local Dask cluster (0: one per core)",
    )
    audit.add_argument(
        "--restart", action="store_true", help="discard the results of an earlier run in --output"
    )
    audit.add_argument("--config", type=Path, help="use this configuration file instead of searching for one")
    audit.add_argument("--select", type=_csv, help="only these rules")
    audit.add_argument("--ignore", type=_csv, default=[], help="skip these rules")
    audit.add_argument(
        "--progress",
        choices=("auto", "always", "never"),
        default="auto",
        help="progress line (auto: on a terminal)",
    )
    add_trust_flag(audit)


def cmd_audit(args: argparse.Namespace) -> int:
    from rhetlint.audit.articles import Columns
    from rhetlint.audit.measure import AuditSettings
    from rhetlint.audit.run import AuditError, AuditPlan, run_audit
    from rhetlint.lint.config import find_config_file, load_config

    if args.partition_size < 1:
        print("rhetlint: error: --partition-size must be at least 1", file=sys.stderr)
        return EXIT_ERROR
    if args.scheduler and args.engine != "dask":
        print("rhetlint: error: --scheduler needs --engine dask", file=sys.stderr)
        return EXIT_ERROR
    try:
        columns = Columns.parse(args.id_column, args.text_column, args.metadata)
    except ValueError as exc:
        print(f"rhetlint: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    config_path = args.config.resolve() if args.config else find_config_file(Path.cwd().resolve())
    config = load_config(config_path) if config_path else None
    settings = AuditSettings(
        config_path=config_path,
        select=tuple(args.select) if args.select is not None else None,
        ignore=tuple(args.ignore),
        allow_local_plugins=args.allow_local_plugins,
    )
    plan = AuditPlan(
        input=args.input,
        output=args.output,
        settings=settings,
        input_format=args.input_format,
        columns=columns,
        output_format=args.output_format,
        group_by=tuple(args.group_by),
        partition_size=args.partition_size,
        engine=args.engine,
        scheduler=args.scheduler,
        jobs=args.jobs,
        scheduler_timeout=args.scheduler_timeout,
        restart=args.restart,
        max_file_size=config.max_file_size if config else 20.0,
    )
    show = {"always": True, "never": False}.get(args.progress, sys.stderr.isatty())
    try:
        outcome = run_audit(plan, sys.stderr, show)
    except AuditError as exc:
        print(f"rhetlint: error: {printable(str(exc))}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print(
            f"rhetlint: interrupted; finished partitions are kept in {printable(str(args.output))}: "
            "run the same command again to resume",
            file=sys.stderr,
        )
        return EXIT_INTERRUPTED
    if outcome.failed:
        for failure in outcome.failed:
            print(f"rhetlint: error: {failure}", file=sys.stderr)
        print(
            f"rhetlint: error: {len(outcome.failed)} partition(s) failed; run the same command again to retry them",
            file=sys.stderr,
        )
        return EXIT_ERROR
    sys.stdout.write(outcome.summary)
    if outcome.articles_measured:
        print(_throughput(outcome.articles_measured, outcome.words_measured, outcome.measured_seconds,
                          outcome.worker_seconds, outcome.worker_cpu_seconds)
              + (f"; {outcome.skipped:,} partitions done by an earlier run" if outcome.skipped else ""))  # fmt: skip
    print("wrote " + ", ".join(printable(str(p)) for p in outcome.files))
    return EXIT_CLEAN


def _throughput(articles: int, words: int, wall: float, worker: float, cpu: float) -> str:
    """The run's speed: over the wall time; per worker, over the time workers spent measuring; and per
    CPU second of the workers (what a worker with a core of its own does)."""
    wall, worker, cpu = max(wall, 1e-9), max(worker, 1e-9), max(cpu, 1e-9)
    return (
        f"measured {articles:,} articles ({words:,} words) in {wall:.1f} s: {articles / wall:,.1f} articles/s, "
        f"{words / wall:,.0f} words/s; per worker {articles / worker:,.1f} articles/s, {words / worker:,.0f} words/s; "
        f"per worker CPU second {articles / cpu:,.1f} articles, {words / cpu:,.0f} words"
    )
