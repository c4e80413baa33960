"""Every hook a rhetlint plugin can implement.

Plugins implement hooks with ``@rhetlint.hookimpl``. An implementation may accept fewer arguments than the
specification lists (pluggy passes only the ones it names), so new arguments can be added here without
breaking existing plugins. ``docs/plugins/hooks.md`` documents each hook; a test keeps the two in step.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:
    from rhetlint.lint.config import Config
    from rhetlint.model.diagnostics import Diagnostic
    from rhetlint.model.document import Document
    from rhetlint.output.base import Formatter
    from rhetlint.rules import Rule

hookspec = pluggy.HookspecMarker("rhetlint")
hookimpl = pluggy.HookimplMarker("rhetlint")


# --- rules -----------------------------------------------------------------------------------------
@hookspec
def rhetlint_register_rules(register: Callable[[Rule], None]) -> None:
    """Register rules by calling ``register(rule)`` once per rule.

    Called once when the plugin manager is built, before any file is read.

    :param register: Records a :class:`rhetlint.Rule`; a code or name that is already taken is reported as a
        plugin error naming both plugins, and the second rule is skipped.
    """


# --- output ----------------------------------------------------------------------------------------
@hookspec
def rhetlint_register_formatters(register: Callable[[str, type[Formatter]], None]) -> None:
    """Register output formats by calling ``register(name, formatter_class)``.

    Called once when the formatters are first needed (``--format NAME``).

    :param register: Records a :class:`rhetlint.output.base.Formatter` subclass under ``name``.
    """


# --- input -----------------------------------------------------------------------------------------
@hookspec(firstresult=True)
def rhetlint_parse_document(path: str | None, source: str, format: str | None) -> Document | None:
    """Return a :class:`rhetlint.Document` for ``source``, or None to let another parser try.

    Called once per file. Stops at the first non-None result; the built-in parsers (text, Markdown, HTML)
    run last.

    :param path: The file's path as given on the command line, or the ``--stdin-filename``; None for text.
    :param source: The decoded file contents (UTF-8, BOM removed, line endings as in the file).
    :param format: A format forced by the caller ("text", "markdown", "html"), or None to guess from ``path``.
    """


# --- lifecycle -------------------------------------------------------------------------------------
@hookspec(historic=True)
def rhetlint_configure(config: Config) -> None:
    """Receive the loaded configuration before linting starts.

    Called once per configuration file in use (historic: plugins registered later receive it too).

    :param config: The :class:`rhetlint.lint.config.Config` in force.
    """


@hookspec
def rhetlint_lint_finished(diagnostics: Sequence[Diagnostic], config: Config) -> None:
    """Receive every diagnostic of a run after suppressions were applied (statistics, dashboards).

    Called once per ``rhetlint check`` run, before the report is written.

    :param diagnostics: The diagnostics that will be reported, in output order.
    :param config: The configuration of the first file checked (or the defaults).
    """
