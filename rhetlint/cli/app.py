"""The ``rhetlint`` command line."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from rhetlint.cli.check import add_check_arguments, cmd_check, comma_list
from rhetlint.cli.common import (
    EXIT_CLEAN,
    EXIT_ERROR,
    print_problems,
    read_stdin,
    warn_blocked,
    write_atomically,
)
from rhetlint.lint.config import ConfigError
from rhetlint.lint.files import discover
from rhetlint.lint.session import ALLOW_LOCAL_PLUGINS_ENV, Session
from rhetlint.output.base import printable
from rhetlint.rules.selection import Selection


def build_parser() -> argparse.ArgumentParser:
    from rhetlint._version import __version__

    parser = argparse.ArgumentParser(
        prog="rhetlint",
        description="Flag loaded terms, unattributed claims and one-sided sourcing in news drafts.",
    )
    parser.add_argument("--version", action="version", version=f"rhetlint {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    check = sub.add_parser("check", help="lint drafts (files, folders, or - for standard input)")
    add_check_arguments(check)
    _add_trust_flag(check)

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

    report = sub.add_parser(
        "report", help="write one self-contained HTML report of drafts for editors (see docs/report.md)"
    )
    report.add_argument("paths", nargs="+", metavar="PATH", help="drafts or folders (- for standard input)")
    report.add_argument(
        "--output", "-o", required=True, metavar="FILE", help="the HTML file to write (- for standard output)"
    )
    report.add_argument("--title", default="rhetlint report", help="the page title")
    report.add_argument(
        "--config", type=Path, help="use this configuration file instead of searching for one"
    )
    _add_trust_flag(report)
    report.add_argument(
        "--select", type=comma_list, help="only these rules (codes, prefixes, names, categories)"
    )
    report.add_argument(
        "--extend-select", type=comma_list, default=[], help="add these rules to the selection"
    )
    report.add_argument("--ignore", type=comma_list, default=[], help="skip these rules")
    report.add_argument("--stdin-filename", help="the path to report (and to pick the format by) for -")
    report.add_argument("--input-format", choices=("text", "markdown", "html"), help="force the input format")

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


def _write_text(stream: TextIO, text: str) -> None:
    stream.write(text)


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
    return EXIT_ERROR if print_problems(session) else EXIT_CLEAN


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
    warn_blocked(session)
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
    return EXIT_ERROR if print_problems(session) else EXIT_CLEAN


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
    for path, problem in discover(
        [p for p in paths if p != "-"], config.include, config.exclude, config.root
    ):
        if problem is not None:
            print(f"{printable(path)}: error: {problem}", file=sys.stderr)
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
            docs.append(base.parse(decode(read_stdin(config.max_file_size)), name))
        except InputError as exc:
            print(f"{printable(name)}: error: {exc}", file=sys.stderr)
            failed = True
    for doc in docs:
        for note in doc.notes:
            print(f"{printable(doc.path or '-')}: note: {note}", file=sys.stderr)
    if args.format == "json":
        json.dump(sources_json(docs), sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        render_sources_text(docs, sys.stdout)
    warn_blocked(session)
    return EXIT_ERROR if failed else EXIT_CLEAN


def cmd_report(args: argparse.Namespace) -> int:
    """Lint each draft and write the HTML report; unreadable drafts are listed in it and on stderr."""
    from rhetlint._version import __version__
    from rhetlint.lint.files import InputError, decode
    from rhetlint.output.html_report import HtmlReport, Story, render_report

    selection = Selection(
        select=tuple(args.select) if args.select is not None else None,
        ignore=tuple(args.ignore),
        extend_select=tuple(args.extend_select),
    )
    session = Session(args.config, selection, args.input_format, allow_local_plugins=args.allow_local_plugins)
    first = Path(args.paths[0]) if args.paths[0] != "-" else None
    if first is not None and first.is_dir():
        first = first / "-"  # the configuration of a folder is searched from the folder itself
    base = session.linter_for(first)
    config = base.config
    report = HtmlReport(stories=[], title=args.title, version=__version__)
    for path, state in discover(
        [p for p in args.paths if p != "-"], config.include, config.exclude, config.root
    ):
        if state is not None:
            report.errors.append((path, state))
            continue
        try:
            linter, doc = session.read_document(path)
            diagnostics = linter.lint(doc)
        except (InputError, ConfigError) as exc:
            report.errors.append((path, str(exc)))
            continue
        report.stories.append(Story(path, doc, diagnostics))
    if "-" in args.paths:
        name = args.stdin_filename or "-"
        try:
            linter = session.linter_for(Path(name) if name != "-" else None)
            doc = linter.parse(decode(read_stdin(config.max_file_size)), name, args.input_format)
            report.stories.append(Story(name, doc, linter.lint(doc)))
        except (InputError, ConfigError) as exc:
            report.errors.append((name, str(exc)))
    for story in report.stories:
        story.diagnostics.sort(key=lambda d: d.sort_key())
    for rule in base.registry:
        report.rules[rule.code] = rule
    for linter in session.linters():
        for rule in linter.registry:
            report.rules.setdefault(rule.code, rule)
    problems = print_problems(session)
    for path, message in report.errors:
        print(f"{printable(path)}: error: {message}", file=sys.stderr)
    page = render_report(report)
    if args.output == "-":
        sys.stdout.write(page)
        sys.stdout.flush()
    else:
        try:
            write_atomically(Path(args.output), lambda stream: _write_text(stream, page))
        except OSError as exc:
            print(
                f"rhetlint: error: cannot write {printable(args.output)}: {exc.strerror or exc}",
                file=sys.stderr,
            )
            return EXIT_ERROR
    return EXIT_ERROR if report.errors or problems else EXIT_CLEAN


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())


# ``rhetlint COMMAND``: the function that runs it
COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "check": cmd_check,
    "rules": cmd_rules,
    "explain": cmd_explain,
    "plugins": cmd_plugins,
    "sources": cmd_sources,
    "report": cmd_report,
    "lsp": cmd_lsp,
    "audit": _cmd_audit,
    "new-plugin": cmd_new_plugin,
}
