"""One card per finding: what was flagged and why, the neutral alternatives, and the rule's documentation.

The rule's documentation is the page ``rhetlint explain`` prints, rendered from its Markdown with raw HTML
switched off (a plugin's docstring is text, never markup), inside a ``<details>`` element that opens
without JavaScript and is printed open.
"""

from __future__ import annotations

from functools import lru_cache
from html import escape
from typing import TYPE_CHECKING

from markdown_it import MarkdownIt

from rhetlint.output.html_report.families import family_of

if TYPE_CHECKING:
    from rhetlint.model.diagnostics import Diagnostic
    from rhetlint.rules import Rule

# Headings inside a rule page start at this level: the story is h2, its parts h3, a card h4.
RULE_HEADING_LEVEL = 5


def render_card(
    diagnostic: Diagnostic,
    number: int,
    card_id: str,
    marker_id: str,
    rule: Rule | None,
    rule_shown_in: str | None = None,
) -> str:
    """``rule_shown_in``: the marker text ("L1") of an earlier card of the same story with the same rule;
    on paper this card then points there instead of printing the rule page again."""
    family = family_of(diagnostic.category)
    start, end = diagnostic.start, diagnostic.end
    where = f"line {start.line}, column {start.column}"
    alternatives = alternatives_of(diagnostic)
    parts = [
        f'<article class="card card-{family.key}" id="{card_id}" aria-labelledby="{card_id}-title">',
        f'<h4 id="{card_id}-title"><span class="badge badge-{family.key}">{family.letter}{number}</span> '
        f'<span class="rule-code">{escape(diagnostic.code)}</span> {escape(diagnostic.name)}</h4>',
        f'<p class="card-meta"><span class="family">{escape(family.label)}</span> · '
        f'<span class="severity severity-{escape(diagnostic.severity)}">{escape(diagnostic.severity)}</span>'
        f" · {where}</p>",
    ]
    if diagnostic.match and end.offset > start.offset:
        parts.append(f'<blockquote class="match">{escape(" ".join(diagnostic.match.split()))}</blockquote>')
    parts.append(f'<p class="message">{escape(diagnostic.message)}</p>')
    if alternatives:
        items = "".join(f"<li>{escape(a)}</li>" for a in alternatives)
        parts.append(f'<div class="alternatives"><h5>Neutral alternatives</h5><ul>{items}</ul></div>')
    if diagnostic.related:
        items = "".join(
            f"<li>line {s.line}, column {s.column}: {escape(message)}</li>"
            for s, _, message in diagnostic.related
        )
        parts.append(f'<div class="related"><h5>Where it comes from</h5><ul>{items}</ul></div>')
    if rule is not None:
        parts.append(_rule_details(rule, repeated=rule_shown_in is not None))
        if rule_shown_in is not None:
            parts.append(
                f'<p class="print-only">About {escape(rule.code)} {escape(rule.name)}: see {escape(rule_shown_in)}.</p>'
            )
    parts.append(f'<p class="back"><a href="#{marker_id}">Back to the text</a></p>')
    parts.append("</article>")
    return "".join(parts)


def alternatives_of(diagnostic: Diagnostic) -> list[str]:
    """The replacements the fixes offer, then the alternatives the rule lists (``data["instead"]``)."""
    found = [fix.replacement for fix in diagnostic.fixes if fix.replacement.strip()]
    listed = (diagnostic.data or {}).get("instead")
    if isinstance(listed, (list, tuple)):
        found.extend(str(a) for a in listed if str(a).strip())
    return list(dict.fromkeys(found))


def _rule_details(rule: Rule, repeated: bool) -> str:
    summary = f"About {rule.code} {rule.name}"
    more = ""
    if rule.doc_url.startswith(("https://", "http://")):
        more = (
            f'<p class="rule-url">Rule page: <a href="{escape(rule.doc_url)}">{escape(rule.doc_url)}</a></p>'
        )
    return (
        f'<details class="rule-doc{" repeated" if repeated else ""}"><summary>{escape(summary)}</summary>'
        f"<div>{rule_doc_html(rule.doc)}{more}</div></details>"
    )


@lru_cache(maxsize=256)
def rule_doc_html(markdown: str) -> str:
    """A rule's documentation as HTML, headings moved below the card's, raw HTML shown as text."""
    renderer = MarkdownIt("commonmark", {"html": False})
    tokens = renderer.parse(markdown)
    for token in tokens:
        if token.type in ("heading_open", "heading_close"):
            level = int(token.tag[1:]) - 2 + RULE_HEADING_LEVEL
            token.tag = f"h{min(max(level, RULE_HEADING_LEVEL), 6)}"
    return renderer.renderer.render(tokens, renderer.options, {})
