"""``rhetlint check --show-settings PATH``: where one file's settings come from, and what runs on it."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import TextIO

from rhetlint.lint.config import CONFIG_NAMES, Config
from rhetlint.lint.files import relative_to_root
from rhetlint.lint.session import Session
from rhetlint.output.base import printable


def _value(value: object) -> str:
    """A setting as TOML would spell it, paths as text."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Path):
        return f'"{value}"'
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
        return [f"{session.configs.override} (given with --config; no search)"]
    lines = []
    folder = path.parent.resolve()
    for candidate_dir in (folder, *folder.parents):
        for name in CONFIG_NAMES:
            if (candidate_dir / name).is_file():
                lines.append(str(candidate_dir / name))
        if (candidate_dir / ".git").exists():
            lines.append(f"(search stops at the repository root {candidate_dir})")
            break
    return lines


def show_settings(session: Session, path: Path, out: TextIO) -> None:
    """Print the configuration files found for ``path``, the one used, the effective settings and the rules
    that run on it, as readable text."""
    linter = session.linter_for(path)
    config: Config = linter.config
    out.write(f"Settings for {printable(str(path))}\n\n")
    out.write("Configuration files found (the first applies; none merge):\n")
    for line in _searched(path, session) or ["none"]:
        out.write(f"  {printable(line)}\n")
    out.write(f"Configuration used: {printable(config.label)}\n")
    relative = relative_to_root(path, config.root.resolve())
    out.write(f"Path relative to its root ({config.root}): {relative or '(outside it)'}\n\n")
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
