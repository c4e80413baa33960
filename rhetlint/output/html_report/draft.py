"""The draft as the editor wrote it, with each finding highlighted and followed by a link to its card.

Findings may overlap (a vague attribution around a loaded verb), and links cannot nest, so the text is cut
at every place a finding starts or ends: each piece is one highlight of the innermost finding covering it
(the one that started last). The marker after a finding's last character is its keyboard stop and the
link to its card; the card links back to the marker. Markup that is not prose (front matter, tags, code)
is dimmed: it is where ``Document.text`` holds spaces and the source does not.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from rhetlint.output.html_report.families import Family


@dataclass(frozen=True)
class Mark:
    """One finding to highlight: its offsets into the source, its family, ids and a label for the marker."""

    start: int
    end: int
    family: Family
    number: int
    card_id: str
    marker_id: str
    label: str  # read by screen readers on the marker, e.g. "finding 3: loaded language, emotive-language"


def render_draft(source: str, prose: str, marks: Sequence[Mark]) -> str:
    """HTML for the body of a ``<pre class="draft">``: every character of ``source`` escaped, in order."""
    size = len(source)
    spans = [(min(max(m.start, 0), size), min(max(m.end, m.start, 0), size), m) for m in marks]
    cuts = {0, size}
    for start, end, _ in spans:
        cuts.update((start, end))
    cuts.update(_markup_edges(source, prose))
    starting: dict[int, list[Mark]] = {}
    ending: dict[int, list[Mark]] = {}
    for start, end, mark in spans:
        starting.setdefault(start, []).append(mark)
        ending.setdefault(end, []).append(mark)
    markup_known = len(prose) == size
    out: list[str] = []
    active: dict[int, tuple[int, Mark]] = {}  # number -> (start, mark)
    ordered = sorted(cuts)
    for index, here in enumerate(ordered):
        for mark in ending.get(here, ()):
            active.pop(mark.number, None)
        for mark in sorted(ending.get(here, ()), key=lambda m: m.number):
            out.append(_marker(mark))
        for mark in starting.get(here, ()):
            if mark.end > mark.start:
                active[mark.number] = (here, mark)
        if index + 1 == len(ordered):
            break
        piece = source[here : ordered[index + 1]]
        text = escape(piece)
        if markup_known and prose[here] != source[here] and not piece.isspace():
            text = f'<span class="markup">{text}</span>'
        if active:
            _, inner = max(active.values(), key=lambda item: (item[0], -item[1].end, item[1].number))
            text = (
                f'<a class="hl hl-{inner.family.key}" href="#{inner.card_id}" tabindex="-1" '
                f'data-finding="{inner.number}">{text}</a>'
            )
        out.append(text)
    return "".join(out)


def _markup_edges(source: str, prose: str) -> set[int]:
    """Offsets where the source turns from prose to markup or back (markup: blanked in ``prose``)."""
    edges: set[int] = set()
    if len(prose) != len(source):
        return edges  # a plugin's parser that does not keep offsets: nothing is dimmed
    previous = False
    for offset, (raw, kept) in enumerate(zip(source, prose, strict=True)):
        markup = raw != kept
        if markup != previous:
            edges.add(offset)
            previous = markup
    return edges


def _marker(mark: Mark) -> str:
    return (
        f'<a class="marker marker-{mark.family.key}" id="{mark.marker_id}" href="#{mark.card_id}" '
        f'aria-label="{escape(mark.label)}">{mark.family.letter}{mark.number}</a>'
    )
