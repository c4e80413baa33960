"""``rhetlint check --show-settings PATH``: where one file's settings come from, and what runs on it."""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path
from typing import TextIO

from rhetlint.lint.config import CONFIG_NAMES, Config, ConfigError, configures_rhetlint
from rhetlint.lint.files import InputError, relative_to_root
from rhetlint.lint.session import Session
from rhetlint.output.base import printable


def _shown(path: Path | str) -> str:
    """``path`` relative to the working folder when it is inside it, else absolute."""
    absolute = os.path.abspath(path)
    relative = os.path.relpath(absolute)
    return absolute if relative.startswith("..") else Path(relative).as_posix()


def _value(value: object) -> str:
    """A setting as TOML would spell it; paths relative to the working folder; none for no value."""
    if value is None:
        return "none"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Path):
        return f'"{_shown(value)}"'
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, (int, float)):
        return f"{value:g}" if isinstance(value, float) else str(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k} = {_value(v)}" for k, v in value.items()) + "}"
    return repr(value)


def _searched(path: Path, session: Session) -> list[str]:
    """What the configuration search looked at, in order, for a file at ``path``."""
    if session.configs.override is not None:
        return [f"{_shown(session.configs.override)} (given with --config; no search)"]
    lines = []
    folder = path.parent.resolve()
    for candidate_dir in (folder, *folder.parents):
        for name in CONFIG_NAMES:
            candidate = candidate_dir / name
            if candidate.is_file():
                skipped = name == "pyproject.toml" and not configures_rhetlint(candidate)
                lines.append(_shown(candidate) + (" (no [tool.rhetlint] table: skipped)" if skipped else ""))
        if (candidate_dir / ".git").exists():
            lines.append(f"(the search stops at the repository root, {_shown(candidate_dir)})")
            break
    return lines


def show_settings(session: Session, path: Path, out: TextIO) -> None:
    """Print the configuration files found for ``path``, the one used, the effective settings and the rules
    that run on it, as readable text."""
    linter = session.linter_for(path)
    config: Config = linter.config
    out.write(f"Settings for {printable(str(path))}\n\n")
    out.write("Configuration files found (the first applies; none merge):\n")
    searched = _searched(path, session)
    if all(line.startswith("(") for line in searched):
        searched.insert(0, "none")
    for line in searched:
        out.write(f"  {printable(line)}\n")
    used = _shown(config.path) if config.path else "none (the defaults)"
    out.write(f"Configuration used: {printable(used)}\n")
    relative = relative_to_root(path, config.root.resolve())
    out.write(f"Path its globs see (from {_value(config.root)}): {relative or '(outside it)'}\n")
    out.write(f"Input format: {_input_format(session, path)}\n\n")
    out.write("Effective configuration:\n")
    for field in dataclasses.fields(config):
        if field.name == "path":
            continue
        out.write(f"  {field.name.replace('_', '-')} = {_value(getattr(config, field.name))}\n")
    selection = session.selection
    given = [
        ("--select", selection.select),
        ("--extend-select", selection.extend_select),
        ("--ignore", selection.ignore),
    ]
    flags = [f"{flag} {','.join(values)}" for flag, values in given if values]
    if flags:
        out.write(f"Command line: {' '.join(flags)}\n")
    if session.blocked_plugin_dirs:
        for folder in sorted(session.blocked_plugin_dirs):
            out.write(f"Local plugins not loaded (not trusted): {folder}\n")
    rules = linter.rules_for(str(path))
    out.write(f"\nRules that run on this file ({len(rules)}):\n")
    for rule in rules:
        out.write(f"  {rule.code:6s} {rule.name:28s} {rule.category:16s} {linter.severity_for(rule)}\n")


def _input_format(session: Session, path: Path) -> str:
    """How the draft is read (``--input-format``, else its parser's choice); unknown if it cannot be read."""
    try:
        return session.read_document(str(path))[1].format
    except (InputError, ConfigError) as exc:
        return f"unknown ({exc})"
