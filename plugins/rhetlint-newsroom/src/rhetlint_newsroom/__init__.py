"""rhetlint-newsroom: a newsroom's house rules as rhetlint rules.

This is the plugin docs/plugins/tutorial.md builds step by step.

rhetlint finds this module through the ``rhetlint`` entry point in pyproject.toml and calls
``rhetlint_register_rules`` once; each rule is a function decorated with ``@rule`` whose docstring is its
documentation page.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from importlib.resources import files

from rhetlint import Document, Finding, Fix, Options, hookimpl, rule
from rhetlint.rules.data import load_rules

from rhetlint_newsroom.said import said_after_quote

__version__ = "0.1.0"

# Where the rule pages live once the plugin is published (the link rhetlint prints with each finding).
DOCS_URL = "https://github.com/rhetlint/rhetlint/blob/main/plugins/rhetlint-newsroom/docs/rules/"

# A run of exclamation marks, with a question mark before it ("?!") when there is one.
EXCLAMATION = re.compile(r"\??!+")

# The style guide's word lists, read once when rhetlint loads the plugin; their pages sit beside the others.
HOUSE_RULES = load_rules(files(__name__) / "house.toml", url=DOCS_URL + "{name}.md")


@rule(
    code="NE101",
    name="exclamation-mark",
    category="style",
    severity="warning",
    options={"quote_aware": True},
    scope="sentence",
    url=DOCS_URL + "exclamation-mark.md",
)
def exclamation_mark(doc: Document, options: Options) -> Iterator[Finding]:
    """An exclamation mark in the writer's own voice.

    ## What it flags
    Exclamation marks in the reporter's text. Marks inside a direct quotation belong to the speaker and
    are left alone (set `quote-aware = false` to flag them too).

    ## Why it matters
    News copy lets facts carry the weight. An exclamation mark tells readers how excited to be, which is
    the reporter taking a side on how surprising or welcome the news is.

    ## Example
        Turnout reached a record!

    ## Instead
        Turnout reached a record, the highest since 1952.
    """
    for match in EXCLAMATION.finditer(doc.text):
        if options.quote_aware and doc.in_quote(match.start()):
            continue
        marks = match.group()
        replacement = "?" if marks.startswith("?") else "."
        yield Finding(
            match.start(),
            match.end(),
            f"'{marks}' in the writer's voice; let the facts carry the emphasis",
            fixes=(Fix(f"Replace '{marks}' with '{replacement}'", replacement),),
        )


@hookimpl
def rhetlint_register_rules(register):
    register(exclamation_mark)
    register(said_after_quote)
    for house_rule in HOUSE_RULES:
        register(house_rule)
