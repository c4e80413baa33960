"""Built-in loaded-language rules: wording in the writer's own voice that takes sides."""

from __future__ import annotations

from rhetlint import Finding, hookimpl, rule

__version__ = "0.1.0"


@rule(code="L105", name="doubt-marker", category="loaded-language", severity="warning",
      options={"quote_aware": True}, scope="sentence")
def doubt_marker(doc, options):
    """Words that signal the writer doubts what they describe ("so-called").

    ## What it flags
    "so-called" in the writer's own voice.

    ## Why it matters
    The word tells readers to disbelieve the name that follows without saying who disputes it.

    ## Example
        The so-called reform passed on Tuesday.

    ## Instead
        The reform, which opponents call a tax increase, passed on Tuesday.
    """
    for token in doc.tokens:
        if token.norm == "so-called" and not (options.quote_aware and doc.in_quote(token.start)):
            yield Finding(token.start, token.end, f"'{token.text}' signals doubt in the writer's voice")


@hookimpl
def rhetlint_register_rules(register):
    register(doubt_marker)
