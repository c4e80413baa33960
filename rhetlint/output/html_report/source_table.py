"""Who the story quotes: the source table with sides, and the chart of attributions and quoted words per side.

Both read ``document_json``, the data ``rhetlint sources --format json`` prints, so the report and that
command never disagree.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING, Any

from rhetlint.output.html_report.chart import bar_chart
from rhetlint.output.sources import document_json

if TYPE_CHECKING:
    from rhetlint.model.document import Document

NO_SIDE = "no side"


def render_sources(doc: Document, story_id: str) -> str:
    sources: list[dict[str, Any]] = document_json(doc)["sources"]
    if not sources:
        return '<p class="empty">No attributed sources were found in this story.</p>'
    rows = []
    for source in sources:
        line, column = doc.position(source["first_offset"])
        rows.append(
            "<tr>"
            f'<th scope="row">{escape(source["name"])}</th>'
            f"<td>{escape(source['type'])}</td>"
            f"<td>{escape(source['affiliation'] or '')}</td>"
            f"<td>{_side_cell(source)}</td>"
            f'<td class="num">{source["attributions"]}</td>'
            f'<td class="num">{source["quoted_words"]}</td>'
            f'<td class="num">{line}:{column}</td>'
            "</tr>"
        )
    table = (
        '<div class="table-wrap"><table class="sources">'
        f"<caption>{len(sources)} source{'s' if len(sources) != 1 else ''} "
        f"and how often each is credited</caption>"
        "<thead><tr>"
        '<th scope="col">Source</th><th scope="col">Kind</th><th scope="col">Speaks for</th>'
        '<th scope="col">Side</th><th scope="col" class="num">Attributions</th>'
        '<th scope="col" class="num">Quoted words</th><th scope="col" class="num">First at</th>'
        "</tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )
    attributions, quoted = per_side(sources)
    chart = bar_chart(
        f"{story_id}-chart",
        "Attributions and quoted words per side",
        [
            ("Attributions per side", list(attributions.items())),
            ("Quoted words per side", list(quoted.items())),
        ],
        muted=NO_SIDE,
    )
    caption = (
        "Attributions and words in direct quotation, by the side each source stands on "
        f"(“{NO_SIDE}”: neutral or not placed)."
    )
    return f'{table}<figure class="chart-figure">{chart}<figcaption>{caption}</figcaption></figure>'


def per_side(sources: list[dict[str, Any]]) -> tuple[dict[str, int], dict[str, int]]:
    """Attributions and quoted words summed per side, sides by attributions (most first), ``no side`` last."""
    attributions: dict[str, int] = {}
    quoted: dict[str, int] = {}
    for source in sources:
        side = source["side"] or NO_SIDE
        attributions[side] = attributions.get(side, 0) + source["attributions"]
        quoted[side] = quoted.get(side, 0) + source["quoted_words"]
    order = sorted(attributions, key=lambda side: (side == NO_SIDE, -attributions[side], side))
    return {side: attributions[side] for side in order}, {side: quoted[side] for side in order}


def _side_cell(source: dict[str, Any]) -> str:
    side = source["side"]
    if not side:
        return f'<span class="muted">{NO_SIDE}</span>'
    evidence = source["side_evidence"]
    if evidence is None:
        return escape(side)
    how = "configured" if evidence["configured"] else "inferred"
    return f'{escape(side)} <span class="muted">({how} from “{escape(evidence["text"])}”)</span>'
