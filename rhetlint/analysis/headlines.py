"""Headlines, titles and labels: lines that are not sentences of the story and credit nobody.

A headline's verbs are headline grammar ("Vestan talks stall over border demands"), and section labels
("SYRIA CRISIS", "INSIDE TRUMP WORLD") are not clauses at all, so an attribution found in one is almost
always a misreading. A headline that quotes someone and names them ("'We will rebuild,' mayor says") is the
exception, and is kept.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rhetlint.analysis.attribution import Attribution
    from rhetlint.model.document import Block, Document

# A title-like line is short and does not end a sentence.
TITLE_MAX_WORDS = 16
TITLE_MAX_CHARS = 200
SENTENCE_END = '.!?"”’:;)'


def is_title_like(doc: Document, block: Block) -> bool:
    """A heading, or a short line with no closing punctuation whose words are mostly capitalised."""
    if block.kind in ("heading", "title"):
        return True
    if block.end - block.start > TITLE_MAX_CHARS:
        return False  # a paragraph, never read whole for each of its attributions
    text = doc.text[block.start : block.end].strip()
    words = text.split()
    if not words or len(words) > TITLE_MAX_WORDS or text[-1] in SENTENCE_END:
        return False
    capitalised = sum(1 for w in words if w[0].isupper() or w[0].isdigit())
    return capitalised * 2 > len(words) + 1 or text.isupper()


def outside_headlines(doc: Document, attributions: list[Attribution]) -> list[Attribution]:
    """The attributions that are not in a headline or label, or that quote a named speaker there."""
    kept = []
    for att in attributions:
        anchor = att.cue or att.source or att.content
        block = doc.block_at(anchor.start) if anchor is not None else None
        if block is not None and is_title_like(doc, block) and not (att.kind == "quote" and att.source):
            continue
        kept.append(att)
    return kept
