"""The command line: ``rhetlint check``, ``rules``, ``explain``, ``plugins``, ``sources``, ``lsp``, ``new-plugin``."""

from __future__ import annotations

from rhetlint.cli.app import main

__all__ = ["main"]
