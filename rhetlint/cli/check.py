"""``rhetlint check``: lint drafts, and optionally fix them, print a diff, add suppressions or use a
baseline. The work itself lives in ``rhetlint.lint`` (fixes, rewrite, baseline, noqa) and here it is
only put in order."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from rhetlint.cli.common import (
    EXIT_CLEAN,
    EXIT_ERROR,
    EXIT_FINDINGS,
    print_problems,
    read_stdin,
    write_atomically,
)
from rhetlint.lint.config import FAIL_LEVELS, ConfigError
from rhetlint.lint.files import InputError, decode, discover
from rhetlint.lint.results_cache import open_cache
from rhetlint.lint.session import Outcome, Session, check_paths
from rhetlint.model.diagnostics import SEVERITY_RANK, Diagnostic
from rhetlint.output.base import FileError, Report, printable
from rhetlint.rules.selection import Selection

if TYPE_CHECKING:
    from rhetlint.lint.baseline import Baseline
    from rhetlint.lint.linter import Linter


def comma_list(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]


def add_check_arguments(check: argparse.ArgumentParser) -> None:
    check.add_argument("paths", nargs="*", metavar="PATH", help="files or folders (default: .)")
    check.add_argument("--config", type=Path, help="use this configuration file instead of searching for one")
    check.add_argument(
        "--select", type=comma_list, help="only these rules (codes, prefixes, names, categories)"
    )
    check.add_argument(
        "--extend-select", type=comma_list, default=[], help="add these rules to the selection"
    )
    check.add_argument("--ignore", type=comma_list, default=[], help="skip these rules")
    check.add_argument("--format", dest="output_format", help="text (default), json, sarif, github, …")
    check.add_argument("--output", "-o", type=Path, help="write the report to this file")
    check.add_argument(
        "--fail-on", choices=FAIL_LEVELS, help="lowest severity that fails the run (default warning)"
    )
    check.add_argument("--exit-zero", action="store_true", help="exit 0 even when problems are found")
    check.add_argument("--quiet", "-q", action="store_true", help="print diagnostics only, no summary")
    check.add_argument("--statistics", action="store_true", help="count diagnostics per rule (text and json)")
    check.add_argument("--stdin-filename", help="the path to report (and to pick the format by) for -")
    check.add_argument("--input-format", choices=("text", "markdown", "html"), help="force the input format")
    check.add_argument("--jobs", "-j", type=int, default=1, help="worker processes (0: one per core)")
    check.add_argument("--color", choices=("auto", "always", "never"), default="auto")
    check.add_argument(
        "--cache-dir", type=Path, help="keep the results cache here (default: the user cache folder)"
    )
    check.add_argument(
        "--no-cache", action="store_true", help="lint every file again, reading and writing no cache"
    )
    fixing = check.add_argument_group("fixing (see docs/cli.md)")
    fixing.add_argument(
        "--fix", action="store_true", help="apply safe fixes in place, then report what is left"
    )
    fixing.add_argument(
        "--diff",
        action="store_true",
        help="print the fixes as a unified diff; change nothing (exit 1 if any)",
    )
    fixing.add_argument(
        "--unsafe-fixes", action="store_true", help="with --fix/--diff: also fixes that may change meaning"
    )
    fixing.add_argument(
        "--add-noqa", action="store_true", help="add a suppression comment for every finding, in place"
    )
    adopting = check.add_argument_group("baseline (see docs/cli.md)")
    adopting.add_argument("--baseline", type=Path, metavar="FILE", help="hide the findings recorded in FILE")
    adopting.add_argument(
        "--write-baseline", type=Path, metavar="FILE", help="record the current findings in FILE and exit 0"
    )
    check.add_argument(
        "--show-settings",
        type=Path,
        metavar="PATH",
        help="print the configuration and rules for PATH, then exit",
    )


def _conflicts(args: argparse.Namespace) -> str | None:
    if args.add_noqa and (args.fix or args.diff):
        return "--add-noqa cannot be combined with --fix or --diff"
    if args.write_baseline and (args.fix or args.diff or args.add_noqa):
        return "--write-baseline cannot be combined with --fix, --diff or --add-noqa"
    if args.unsafe_fixes and not (args.fix or args.diff):
        return "--unsafe-fixes needs --fix or --diff"
    return None


@dataclass
class Inputs:
    """What a check run reads: the drafts found, standard input, and the errors met finding them."""

    session: Session
    base: Linter  # the linter of the first path's configuration: formats, hooks, fail-on
    files: list[str]
    stdin_text: str | None
    stdin_name: str
    outcome: Outcome


def cmd_check(args: argparse.Namespace) -> int:
    conflict = _conflicts(args)
    if conflict:
        print(f"rhetlint: error: {conflict}", file=sys.stderr)
        return EXIT_ERROR
    selection = Selection(
        select=tuple(args.select) if args.select is not None else None,
        ignore=tuple(args.ignore),
        extend_select=tuple(args.extend_select),
    )
    session = Session(
        args.config,
        selection,
        args.input_format,
        keep_sources=True,
        allow_local_plugins=args.allow_local_plugins,
    )
    if args.show_settings is not None:
        from rhetlint.cli.settings import show_settings

        show_settings(session, args.show_settings, sys.stdout)
        return EXIT_ERROR if print_problems(session) else EXIT_CLEAN
    baseline = None
    if args.baseline is not None:
        from rhetlint.lint.baseline import Baseline

        baseline = Baseline.load(args.baseline)  # a missing or broken baseline stops the run at once
    first = Path(args.paths[0]) if args.paths and args.paths[0] != "-" else None
    if first is not None and first.is_dir():
        first = first / "-"  # the configuration of a folder is searched from the folder itself
    base = session.linter_for(first)
    config = base.config
    session.cache = open_cache(not args.no_cache, args.cache_dir, config)
    paths = args.paths or ["."]
    outcome = Outcome()
    files: list[str] = []
    for path, problem in discover(
        [p for p in paths if p != "-"], config.include, config.exclude, config.root
    ):
        if problem is not None:
            outcome.errors.append((path, problem))
        else:
            files.append(path)
    stdin_name = args.stdin_filename or "-"
    stdin_text: str | None = None
    if "-" in paths:
        try:
            stdin_text = decode(read_stdin(config.max_file_size))
        except InputError as exc:  # as for files: one line, and the others are still checked
            outcome.errors.append((stdin_name, str(exc)))

    inputs = Inputs(session, base, files, stdin_text, stdin_name, outcome)
    if args.fix or args.diff:
        return _fix_then_check(args, inputs, baseline)
    if args.add_noqa:
        return _add_noqa(inputs)
    return _check(args, inputs, baseline)


def _lint_all(args: argparse.Namespace, inputs: Inputs) -> None:
    session, outcome = inputs.session, inputs.outcome
    if inputs.stdin_text is not None:
        try:
            outcome.merge(session.check_text(inputs.stdin_text, inputs.stdin_name))
        except (InputError, ConfigError) as exc:
            outcome.errors.append((inputs.stdin_name, str(exc)))
    from rhetlint.cli.progress import Progress

    progress = Progress(len(inputs.files))
    try:
        outcome.merge(check_paths(session, inputs.files, args.jobs, progress))
    finally:
        progress.close()
    if session.cache is not None:
        session.cache.prune_if_due()
        if session.cache.problem:
            print(f"rhetlint: warning: {session.cache.problem}", file=sys.stderr)


def _check(
    args: argparse.Namespace,
    inputs: Inputs,
    baseline: Baseline | None,
    fixed: int = 0,
    fixed_stdin: str | None = None,
) -> int:
    """Lint, hide baselined findings, report; the exit code says what was found."""
    _lint_all(args, inputs)
    session, outcome, base = inputs.session, inputs.outcome, inputs.base
    config = base.config
    diagnostics = sorted(outcome.diagnostics, key=lambda d: d.sort_key())
    base.plugins.manager.hook.rhetlint_lint_finished(diagnostics=diagnostics, config=config)
    problems = print_problems(session)
    for path, message in outcome.notes:
        print(f"{printable(path)}: note: {message}", file=sys.stderr)
    for path, message in outcome.errors:
        print(f"{printable(path)}: error: {message}", file=sys.stderr)

    if args.write_baseline is not None:
        return _write_baseline(args.write_baseline, diagnostics, outcome, problems)
    hidden = 0
    if baseline is not None:
        diagnostics, hidden = baseline.hide(diagnostics, outcome.sources)

    format_name = args.output_format or config.output_format
    formatters = base.plugins.formatters
    if format_name not in formatters:
        print(
            f"rhetlint: error: unknown format {format_name!r} (available: {', '.join(sorted(formatters))})",
            file=sys.stderr,
        )
        return EXIT_ERROR
    report = Report(
        diagnostics=diagnostics,
        errors=[FileError(p, m) for p, m in outcome.errors],
        rules={r.code: r for r in base.registry},
        sources=outcome.sources,
        files_checked=outcome.files_checked,
        statistics=args.statistics,
        quiet=args.quiet,
        fixed=fixed,
        hidden_by_baseline=hidden if baseline is not None else None,
    )
    color = {"always": True, "never": False}.get(args.color)
    if args.output:
        try:
            write_atomically(
                args.output, lambda stream: formatters[format_name](stream, color=bool(color)).write(report)
            )
        except OSError as exc:
            print(
                f"rhetlint: error: cannot write {printable(str(args.output))}: {exc.strerror}",
                file=sys.stderr,
            )
            return EXIT_ERROR
    else:
        # standard input fixed: its text is the output, and the report goes to standard error
        stream = sys.stderr if fixed_stdin is not None else sys.stdout
        formatters[format_name](stream, color=color).write(report)
        stream.flush()
    if fixed_stdin is not None:
        sys.stdout.write(fixed_stdin)
        sys.stdout.flush()

    if outcome.errors or problems:
        return EXIT_ERROR
    if args.exit_zero:
        return EXIT_CLEAN
    fail_on = SEVERITY_RANK[args.fail_on or config.fail_on]
    if any(d.code == "RL900" for d in diagnostics):
        return EXIT_FINDINGS
    if any(SEVERITY_RANK.get(d.severity, 0) >= fail_on for d in diagnostics):
        return EXIT_FINDINGS
    return EXIT_CLEAN


def _write_baseline(target: Path, diagnostics: list[Diagnostic], outcome: Outcome, problems: bool) -> int:
    from rhetlint.lint.baseline import baseline_document

    document = baseline_document(target, diagnostics, outcome.sources)

    def write(stream: TextIO) -> None:
        json.dump(document, stream, ensure_ascii=False, indent=2)
        stream.write("\n")

    try:
        write_atomically(target, write)
    except OSError as exc:
        print(f"rhetlint: error: cannot write {printable(str(target))}: {exc.strerror}", file=sys.stderr)
        return EXIT_ERROR
    n = len(document["findings"])
    print(
        f"Wrote {n} finding{'s' if n != 1 else ''} to the baseline {printable(str(target))}",
        file=sys.stderr,
    )
    return EXIT_ERROR if outcome.errors or problems else EXIT_CLEAN


def _fix_then_check(args: argparse.Namespace, inputs: Inputs, baseline: Baseline | None) -> int:
    from rhetlint.cli.fixing import fix_files, fix_stdin, unified_diff

    session, files, outcome = inputs.session, inputs.files, inputs.outcome
    stdin_text, stdin_name = inputs.stdin_text, inputs.stdin_name

    run = fix_files(
        session, files, args.unsafe_fixes, write=args.fix, diff_to=sys.stdout if args.diff else None
    )
    outcome.errors.extend(run.errors)
    fixed_stdin: str | None = None
    if stdin_text is not None:
        try:
            fixed_stdin, applied = fix_stdin(session, stdin_text, stdin_name, args.unsafe_fixes)
        except (InputError, ConfigError) as exc:
            outcome.errors.append((stdin_name, str(exc)))
        else:
            if fixed_stdin != stdin_text:
                run.fixes += applied
                run.changed.append(stdin_name)
                if args.diff:
                    sys.stdout.write(unified_diff(stdin_name, stdin_text, fixed_stdin))
    if args.diff:
        sys.stdout.flush()
        for path, message in outcome.errors:
            print(f"{printable(path)}: error: {message}", file=sys.stderr)
        if not args.quiet:
            n, m = run.fixes, len(run.changed)
            print(
                f"Would fix {n} problem{'s' if n != 1 else ''} in {m} file{'s' if m != 1 else ''}"
                + ("" if args.unsafe_fixes else " (safe fixes only; --unsafe-fixes for the others)"),
                file=sys.stderr,
            )
        if print_problems(session) or outcome.errors:  # plugin warnings are printed either way
            return EXIT_ERROR
        return EXIT_FINDINGS if run.changed else EXIT_CLEAN
    # --fix: lint again from disk (and the fixed standard input) and report what is left
    if fixed_stdin is not None:
        inputs.stdin_text = fixed_stdin
    return _check(args, inputs, baseline, run.fixes, fixed_stdin)


def _add_noqa(inputs: Inputs) -> int:
    from rhetlint.cli.noqa import add_noqa_to_files, add_noqa_to_stdin

    session, files, outcome = inputs.session, inputs.files, inputs.outcome
    stdin_text, stdin_name = inputs.stdin_text, inputs.stdin_name

    comments, changed = add_noqa_to_files(session, files, outcome.errors)
    if stdin_text is not None:
        try:
            text, n = add_noqa_to_stdin(session, stdin_text, stdin_name)
        except (InputError, ConfigError) as exc:
            outcome.errors.append((stdin_name, str(exc)))
        else:
            sys.stdout.write(text)
            sys.stdout.flush()
            comments, changed = comments + n, changed + (1 if n else 0)
    for path, message in outcome.errors:
        print(f"{printable(path)}: error: {message}", file=sys.stderr)
    how_many = f"{comments} suppression comment{'s' if comments != 1 else ''}"
    print(f"Added {how_many} to {changed} file{'s' if changed != 1 else ''}", file=sys.stderr)
    return EXIT_ERROR if print_problems(session) or outcome.errors else EXIT_CLEAN
