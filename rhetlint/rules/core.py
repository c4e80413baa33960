"""Rules the engine itself reports (category ``meta``), registered like any plugin's rules."""

from __future__ import annotations

from collections.abc import Iterator

from rhetlint.hooks.specs import hookimpl
from rhetlint.model.diagnostics import Finding
from rhetlint.model.document import Document
from rhetlint.rules import Options, rule


@rule(code="RL001", name="unused-suppression", category="meta", severity="warning")
def unused_suppression(doc: Document, options: Options) -> Iterator[Finding]:
    """A rhetlint-disable comment that suppresses nothing.

    ## What it flags
    A `rhetlint-disable`, `rhetlint-disable-line` or `rhetlint-disable-next-line` comment that did not hide
    any diagnostic, either because the wording it excused was rewritten or because the rule name is wrong.

    ## Why it matters
    Stale suppressions hide the next real problem on that line and mislead the next editor about why the
    comment is there. A misspelt rule name suppresses nothing at all.

    ## Example
        <!-- rhetlint-disable-next-line loaded-saying-verb -->
        The mayor said the budget was balanced.

    ## Instead
    Delete the comment, or correct the rule name it gives (`rhetlint rules` lists them).
    """
    # The engine reports this rule after applying suppressions; it has nothing to check on its own.
    return iter(())


@rule(code="RL900", name="rule-error", category="meta", severity="error")
def rule_error(doc: Document, options: Options) -> Iterator[Finding]:
    """A rule crashed or returned something that is not a finding.

    ## What it flags
    A rule that raised an exception while checking the file, or returned a malformed finding (not a
    `Finding`, or offsets outside the file). The message names the plugin, the rule and the error. The other
    rules still ran.

    ## Why it matters
    A crashed rule checked nothing, so the file may hold problems that were not reported. The exit code is
    non-zero so that CI notices.

    ## Example
        rule L101 (plugin loaded-language) crashed: KeyError: 'verb'

    ## Instead
    Report the message to the plugin's author; run with `RHETLINT_TRACE_PLUGINS=1` for the hook calls, or
    disable the rule (`--ignore CODE`) until it is fixed.
    """
    # The engine reports this rule when another rule fails; it has nothing to check on its own.
    return iter(())


@hookimpl
def rhetlint_register_rules(register):
    register(unused_suppression)
    register(rule_error)
