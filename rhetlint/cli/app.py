"""The ``rhetlint`` command line."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from rhetlint.lint.config import FAIL_LEVELS, ConfigError
from rhetlint.lint.files import discover
from rhetlint.lint.results_cache import open_cache
from rhetlint.lint.session import ALLOW_LOCAL_PLUGINS_ENV, Outcome, Session, check_paths
from rhetlint.model.diagnostics import SEVERITY_RANK
from rhetlint.output.base import FileError, Report, printable
from rhetlint.rules.selection import Selection

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def _csv(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]


def build_parser() -> argparse.ArgumentParser:
    from rhetlint._version import __version__

    parser = argparse.ArgumentParser(
        prog="rhetlint",
        description="Flag loaded terms, unattributed claims and one-sided sourcing in news drafts.",
    )
    parser.add_argument("--version", action="version", version=f"rhetlint {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    check = sub.add_parser("check", help="lint drafts (files, folders, or - for standard input)")
    check.add_argument("paths", nargs="*", metavar="PATH", help="files or folders (default: .)")
    check.add_argument("--config", type=Path, help="use this configuration file instead of searching for one")
    _add_trust_flag(check)
    check.add_argument("--select", type=_csv, help="only these rules (codes, prefixes, names, categories)")
    check.add_argument("--extend-select", type=_csv, default=[], help="add these rules to the selection")
    check.add_argument("--ignore", type=_csv, default=[], help="skip these rules")
    check.add_argument("--format", dest="output_format", help="text (default), json, sarif, github, …")
    check.add_argument("--output", "-o", type=Path, help="write the report to this file")
    check.add_argument(
        "--fail-on", choices=FAIL_LEVELS, help="lowest severity that fails the run (default warning)"
    )
    check.add_argument("--quiet", "-q", action="store_true", help="print diagnostics only, no summary")
    check.add_argument("--statistics", action="store_true", help="count diagnostics per rule")
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

    rules = sub.add_parser("rules", help="list the rules the loaded plugins provide")
    rules.add_argument("--format", choices=("text", "json"), default="text")
    rules.add_argument("--config", type=Path)
    _add_trust_flag(rules)
    rules.add_argument("--docs", type=Path, metavar="DIR", help="write one Markdown page per rule into DIR")

    explain = sub.add_parser("explain", help="print a rule's documentation page")
    explain.add_argument("rule", metavar="CODE-OR-NAME")
    explain.add_argument("--format", choices=("text", "json"), default="text")
    explain.add_argument("--config", type=Path)
    _add_trust_flag(explain)

    plugins = sub.add_parser("plugins", help="list loaded plugins with versions and hooks")
    plugins.add_argument("--format", choices=("text", "json"), default="text")
    plugins.add_argument("--config", type=Path)
    _add_trust_flag(plugins)

    sources = sub.add_parser(
        "sources", help="print who is credited with what in each draft (attribution analysis)"
    )
    sources.add_argument("paths", nargs="*", metavar="PATH")
    sources.add_argument("--format", choices=("text", "json"), default="text")
    sources.add_argument("--config", type=Path)
    _add_trust_flag(sources)
    sources.add_argument("--stdin-filename", help="the path to report for -")

    from rhetlint.cli.audit import add_audit_parser

    add_audit_parser(sub, _add_trust_flag)

    lsp = sub.add_parser("lsp", help="run the language server on standard input/output")
    lsp.add_argument("--config", type=Path, help="use this configuration file for every document")

    new_plugin = sub.add_parser("new-plugin", help="create a plugin package from the template")
    new_plugin.add_argument("name", help="distribution name, e.g. rhetlint-newsroom")
    new_plugin.add_argument("--dir", type=Path, default=Path("."), help="folder to create it in")
    new_plugin.add_argument("--prefix", help="rule code prefix, 1-3 capitals (default: from the name)")
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return EXIT_ERROR
    try:
        command = COMMANDS.get(args.command)
        if command is not None:
            return command(args)
    except ConfigError as exc:
        print(f"rhetlint: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_CLEAN
    parser.error(f"unknown command {args.command}")
    return EXIT_ERROR


def _add_trust_flag(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--allow-local-plugins",
        action="store_true",
        help="load the configuration's plugins-dir (Python code from the checked repository); "
        f"also {ALLOW_LOCAL_PLUGINS_ENV}=1",
    )


def _session_for_listing(args: argparse.Namespace) -> Session:
    session = Session(args.config, allow_local_plugins=args.allow_local_plugins)
    session.linter_for(None)  # validates the configuration
    return session


def _warn_blocked(session: Session) -> None:
    """Say which local plugin folders were not loaded, and how to trust them."""
    for folder, config in sorted(session.blocked_plugin_dirs.items()):
        where = f" (plugins-dir in {config})" if config else ""
        print(
            f"rhetlint: warning: not loading local plugins from {folder}{where}: they are code from the "
            f"checked repository; pass --allow-local-plugins or set {ALLOW_LOCAL_PLUGINS_ENV}=1 to trust it",
            file=sys.stderr,
        )


def _print_problems(session: Session) -> bool:
    _warn_blocked(session)
    problems = session.plugin_problems()
    for problem in problems:
        print(f"rhetlint: error: {problem}", file=sys.stderr)
    return bool(problems)


def cmd_check(args: argparse.Namespace) -> int:
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
    first = Path(args.paths[0]) if args.paths and args.paths[0] != "-" else None
    if first is not None and first.is_dir():
        first = first / "-"  # the configuration of a folder is searched from the folder itself
    base = session.linter_for(first)
    config = base.config
    session.cache = open_cache(not args.no_cache, args.cache_dir, config)
    paths = args.paths or ["."]
    outcome = Outcome()
    files: list[str] = []
    for path, state in discover([p for p in paths if p != "-"], config.include, config.exclude, config.root):
        if state == "missing":
            outcome.errors.append((path, "no such file or folder"))
        else:
            files.append(path)
    if "-" in paths:
        name = args.stdin_filename or "-"
        from rhetlint.lint.files import InputError, decode

        try:
            data = _read_stdin(config.max_file_size)
            outcome.merge(session.check_text(decode(data), name))
        except (InputError, ConfigError) as exc:  # as for files: one line, and the others are still checked
            outcome.errors.append((name, str(exc)))
    outcome.merge(check_paths(session, files, args.jobs))
    if session.cache is not None:
        session.cache.prune_if_due()
        if session.cache.problem:
            print(f"rhetlint: warning: {session.cache.problem}", file=sys.stderr)

    diagnostics = sorted(outcome.diagnostics, key=lambda d: d.sort_key())
    base.plugins.manager.hook.rhetlint_lint_finished(diagnostics=diagnostics, config=config)
    problems = _print_problems(session)
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
    )
    for path, message in outcome.errors:
        print(f"{printable(path)}: error: {message}", file=sys.stderr)
    color = {"always": True, "never": False}.get(args.color)
    if args.output:
        try:
            _write_atomically(
                args.output, lambda stream: formatters[format_name](stream, color=bool(color)).write(report)
            )
        except OSError as exc:
            print(
                f"rhetlint: error: cannot write {printable(str(args.output))}: {exc.strerror}",
                file=sys.stderr,
            )
            return EXIT_ERROR
    else:
        formatters[format_name](sys.stdout, color=color).write(report)
        sys.stdout.flush()

    if outcome.errors or problems:
        return EXIT_ERROR
    fail_on = SEVERITY_RANK[args.fail_on or config.fail_on]
    if any(d.code == "RL900" for d in diagnostics):
        return EXIT_FINDINGS
    if any(SEVERITY_RANK.get(d.severity, 0) >= fail_on for d in diagnostics):
        return EXIT_FINDINGS
    return EXIT_CLEAN


def _read_stdin(max_megabytes: float) -> bytes:
    """Standard input, within the max-file-size limit; a closed or unreadable stdin is an input error."""
    from rhetlint.lint.files import InputError, read_limited

    if sys.stdin is None:
        raise InputError("standard input is closed")
    try:
        return read_limited(sys.stdin.buffer, max_megabytes)
    except (OSError, ValueError) as exc:  # closed descriptor, or a stream that is not readable
        raise InputError(f"cannot read standard input: {exc}") from None


def _write_atomically(target: Path, write: Callable[[TextIO], None]) -> None:
    """Write a report to a temporary file beside ``target``, then rename it over ``target``: a write that
    fails half-way (a full disk) leaves the old report whole and no truncated file."""
    import tempfile  # only a run with --output pays for it

    folder = target.parent if str(target.parent) else Path(".")
    fd, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as stream:
            write(stream)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def cmd_rules(args: argparse.Namespace) -> int:
    session = _session_for_listing(args)
    linter = session.linter_for(None)
    rules = list(linter.registry)
    active = {r.code for r in linter.rules_for(None)}
    if args.docs:
        from rhetlint.rules.docs import write_rule_docs

        for path in write_rule_docs(linter.registry, args.docs):
            print(f"wrote {path}")
    elif args.format == "json":
        json.dump([_rule_json(r, r.code in active) for r in rules], sys.stdout, indent=2)
        print()
    else:
        for r in rules:
            mark = " " if r.code in active else "-"
            print(f"{mark}{r.code:6s} {r.name:28s} {r.category:16s} {r.severity:8s} {r.summary}")
    return EXIT_ERROR if _print_problems(session) else EXIT_CLEAN


def _rule_json(rule, active: bool) -> dict:
    return {
        "code": rule.code,
        "name": rule.name,
        "category": rule.category,
        "severity": rule.severity,
        "summary": rule.summary,
        "plugin": rule.plugin,
        "scope": rule.scope,
        "status": rule.status,
        "yields-to": list(rule.yields_to),
        "url": rule.doc_url,
        "options": {k.replace("_", "-"): v for k, v in rule.options.items()},
        "enabled": active,
        "documentation": rule.doc,
    }


def cmd_lsp(args: argparse.Namespace) -> int:
    try:
        from rhetlint.lsp.server import serve
    except ImportError as exc:  # the lsp extra is not installed
        if not (exc.name or "").startswith(("pygls", "lsprotocol")):
            raise
        print(
            f"rhetlint: error: the language server needs the 'lsp' extra ({(exc.name or 'pygls').split('.')[0]} is missing): "
            "pip install 'rhetlint[lsp]'",
            file=sys.stderr,
        )
        return EXIT_ERROR
    return serve(args.config)


def _cmd_audit(args: argparse.Namespace) -> int:
    from rhetlint.cli.audit import cmd_audit

    return cmd_audit(args)


def cmd_new_plugin(args: argparse.Namespace) -> int:
    from rhetlint.cli.new_plugin import create_plugin

    return create_plugin(args.name, args.dir, args.prefix)


def cmd_explain(args: argparse.Namespace) -> int:
    session = _session_for_listing(args)
    _warn_blocked(session)
    registry = session.linter_for(None).registry
    rule = registry.get(args.rule)
    if rule is None:
        print(
            f"rhetlint: error: no rule with code or name {args.rule!r} (see 'rhetlint rules')",
            file=sys.stderr,
        )
        return EXIT_ERROR
    if args.format == "json":
        json.dump(_rule_json(rule, True), sys.stdout, indent=2)
        print()
    else:
        from rhetlint.rules.docs import render_rule_page

        render_rule_page(rule, sys.stdout)
    return EXIT_CLEAN


def cmd_plugins(args: argparse.Namespace) -> int:
    session = _session_for_listing(args)
    plugins = session.linter_for(None).plugins
    if args.format == "json":
        json.dump(
            [
                {"name": i.name, "version": i.version, "source": i.source, "hooks": list(i.hooks)}
                for i in plugins.infos
            ],
            sys.stdout,
            indent=2,
        )
        print()
    else:
        for info in plugins.infos:
            print(f"{info.name:24s} {info.version:10s} {info.source}")
            print(f"{'':24s} hooks: {', '.join(info.hooks) or '-'}")
    return EXIT_ERROR if _print_problems(session) else EXIT_CLEAN


def cmd_sources(args: argparse.Namespace) -> int:
    """Parse each draft and print its attributions and sources (no rules run)."""
    from rhetlint.lint.files import InputError, decode
    from rhetlint.output.sources import render_sources_text, sources_json

    session = Session(args.config, allow_local_plugins=args.allow_local_plugins)
    docs = []
    failed = False
    paths = args.paths or ["."]
    base = session.linter_for(None)
    config = base.config
    for path, state in discover([p for p in paths if p != "-"], config.include, config.exclude, config.root):
        if state == "missing":
            print(f"{printable(path)}: error: no such file or folder", file=sys.stderr)
            failed = True
            continue
        try:
            docs.append(session.read_document(path)[1])
        except (InputError, ConfigError) as exc:
            print(f"{printable(path)}: error: {exc}", file=sys.stderr)
            failed = True
    if "-" in paths:
        name = args.stdin_filename or "-"
        try:
            docs.append(base.parse(decode(_read_stdin(config.max_file_size)), name))
        except InputError as exc:
            print(f"{printable(name)}: error: {exc}", file=sys.stderr)
            failed = True
    if args.format == "json":
        json.dump(sources_json(docs), sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        render_sources_text(docs, sys.stdout)
    _warn_blocked(session)
    return EXIT_ERROR if failed else EXIT_CLEAN


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())


# ``rhetlint COMMAND``: the function that runs it
COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "check": cmd_check,
    "rules": cmd_rules,
    "explain": cmd_explain,
    "plugins": cmd_plugins,
    "sources": cmd_sources,
    "lsp": cmd_lsp,
    "audit": _cmd_audit,
    "new-plugin": cmd_new_plugin,
}
