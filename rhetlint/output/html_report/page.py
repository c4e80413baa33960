"""The whole report page: head and style, legend, index of stories, and one section per story.

Everything from a draft, a file name or a plugin is escaped; the page carries a Content-Security-Policy
that allows no script and no network at all, so a draft that slipped through could still not run code or
call home. Several drafts make one file with an index at the top: one file to attach or archive.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from html import escape
from importlib import resources
from typing import TYPE_CHECKING

from rhetlint.output.html_report.cards import render_card
from rhetlint.output.html_report.draft import Mark, render_draft
from rhetlint.output.html_report.families import FAMILIES, Family, family_of
from rhetlint.output.html_report.source_table import render_sources

if TYPE_CHECKING:
    from rhetlint.model.diagnostics import Diagnostic
    from rhetlint.model.document import Document
    from rhetlint.rules import Rule

# No scripts, no fetches, no frames; inline styles (the stylesheet, SVG attributes) and data: images only.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"
)


@dataclass
class Story:
    """One checked draft: its parsed document and the diagnostics the lint gave it."""

    path: str
    doc: Document
    diagnostics: list[Diagnostic]


@dataclass
class HtmlReport:
    stories: list[Story]
    errors: list[tuple[str, str]] = field(default_factory=list)  # (path, one-line message)
    rules: dict[str, Rule] = field(default_factory=dict)  # code -> rule, for the cards' documentation
    title: str = "rhetlint report"
    version: str = ""


def render_report(report: HtmlReport) -> str:
    """The complete HTML document."""
    body = [
        '<a class="skip" href="#main">Skip to the report</a>',
        f'<header class="page-header"><h1>{escape(report.title)}</h1>{_summary(report)}{_legend()}</header>',
        '<main id="main">',
    ]
    if len(report.stories) > 1 or report.errors:
        body.append(_index(report))
    for number, story in enumerate(report.stories, 1):
        body.append(_story(story, f"s{number}", report.rules))
    body.append("</main>")
    generator = f"rhetlint {report.version}".strip()
    body.append(f'<footer class="page-footer">Made by {escape(generator)}.</footer>')
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CONTENT_SECURITY_POLICY}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="generator" content="{escape(generator)}">\n'
        f"<title>{escape(report.title)}</title>\n"
        f"<style>\n{stylesheet()}</style>\n</head>\n<body>\n" + "\n".join(body) + "\n</body>\n</html>\n"
    )


def stylesheet() -> str:
    return resources.files("rhetlint.output.html_report").joinpath("report.css").read_text(encoding="utf-8")


def counts_by_family(diagnostics: Sequence[Diagnostic]) -> dict[Family, int]:
    counts = dict.fromkeys(FAMILIES, 0)
    for diagnostic in diagnostics:
        counts[family_of(diagnostic.category)] += 1
    return counts


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _summary(report: HtmlReport) -> str:
    findings = sum(len(s.diagnostics) for s in report.stories)
    text = f"{_plural(findings, 'finding')} in {_plural(len(report.stories), 'story')}".replace(
        "storys", "stories"
    )
    if report.errors:
        text += f"; {_plural(len(report.errors), 'file')} could not be read"
    return f'<p class="summary">{escape(text)}.</p>'


def _legend() -> str:
    items = "".join(
        f'<li><span class="hl hl-{f.key}">{escape(f.label)}</span>'
        f'<span class="marker marker-{f.key}" aria-hidden="true">{f.letter}</span> '
        f'<span class="muted">{escape(f.line)}, marker {f.letter}</span></li>'
        for f in FAMILIES
    )
    return (
        '<div class="legend"><h2 class="legend-title">How findings are marked</h2>'
        f"<ul>{items}</ul><p>Each marker after a highlight links to the finding's card; "
        "each card links back to the text.</p></div>"
    )


def _index(report: HtmlReport) -> str:
    heads = "".join(f'<th scope="col" class="num">{escape(f.label)}</th>' for f in FAMILIES)
    rows = []
    totals = dict.fromkeys(FAMILIES, 0)
    for number, story in enumerate(report.stories, 1):
        counts = counts_by_family(story.diagnostics)
        for family, count in counts.items():
            totals[family] += count
        cells = "".join(f'<td class="num">{counts[f]}</td>' for f in FAMILIES)
        rows.append(
            f'<tr><th scope="row"><a href="#s{number}">{escape(story.path)}</a></th>{cells}'
            f'<td class="num">{len(story.diagnostics)}</td>'
            f'<td class="num">{len(story.doc.sources)}</td></tr>'
        )
    total_cells = "".join(f'<td class="num">{totals[f]}</td>' for f in FAMILIES)
    total = sum(totals.values())
    table = (
        '<div class="table-wrap"><table class="index">'
        f"<caption>Findings per story, by family</caption>"
        f'<thead><tr><th scope="col">Story</th>{heads}<th scope="col" class="num">All</th>'
        '<th scope="col" class="num">Sources</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody>"
        f'<tfoot><tr><th scope="row">All stories</th>{total_cells}<td class="num">{total}</td><td></td></tr></tfoot>'
        "</table></div>"
    )
    errors = ""
    if report.errors:
        items = "".join(
            f"<li><code>{escape(path)}</code>: {escape(message)}</li>" for path, message in report.errors
        )
        errors = f'<div class="errors" role="note"><h3>Not in this report</h3><ul>{items}</ul></div>'
    return f'<section class="index-section" aria-labelledby="index-title"><h2 id="index-title">Stories</h2>{table}{errors}</section>'


def _story(story: Story, story_id: str, rules: dict[str, Rule]) -> str:
    marks: list[Mark] = []
    cards: list[str] = []
    first_card_of_rule: dict[str, str] = {}  # rule code -> marker text of its first card in this story
    for number, diagnostic in enumerate(story.diagnostics, 1):
        family = family_of(diagnostic.category)
        shown_in = first_card_of_rule.setdefault(diagnostic.code, f"{family.letter}{number}")
        card_id, marker_id = f"{story_id}-f{number}", f"{story_id}-m{number}"
        marks.append(
            Mark(
                diagnostic.start.offset,
                diagnostic.end.offset,
                family,
                number,
                card_id,
                marker_id,
                f"finding {number}: {family.label.lower()}, {diagnostic.name}",
            )
        )
        repeated = shown_in != f"{family.letter}{number}"
        cards.append(
            render_card(
                diagnostic,
                number,
                card_id,
                marker_id,
                rules.get(diagnostic.code),
                rule_shown_in=shown_in if repeated else None,
            )
        )
    counts = counts_by_family(story.diagnostics)
    chips = "".join(
        f'<li class="chip chip-{f.key}"><span class="badge badge-{f.key}">{f.letter}</span> '
        f"{escape(f.label)}: {counts[f]}</li>"
        for f in FAMILIES
        if counts[f] or f.key != "other"
    )
    draft = render_draft(story.doc.source, story.doc.text, marks)
    findings = (
        "".join(cards)
        if cards
        else '<p class="empty">Nothing to question: rhetlint found no problems in this story.</p>'
    )
    return (
        f'<section class="story" id="{story_id}" aria-labelledby="{story_id}-title">'
        f'<h2 id="{story_id}-title" class="story-title">{escape(story.path)}</h2>'
        f'<ul class="chips" aria-label="Findings by family">{chips}</ul>'
        f'<h3 class="part">Draft</h3><pre class="draft">{draft}</pre>'
        f'<h3 class="part">Findings ({len(cards)})</h3><div class="cards">{findings}</div>'
        f'<h3 class="part">Sources</h3>{render_sources(story.doc, story_id)}'
        "</section>"
    )
