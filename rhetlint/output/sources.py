"""The ``rhetlint sources`` report: attributions and sources per document, as JSON or readable text.

Spans are ``{"text", "start", "end"}`` with the same code-point offsets into the file as ``rhetlint check
--format json``; ``text`` is the file's own text at those offsets.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from collections.abc import Iterable

    from rhetlint.model.document import Document, Span


def span_json(doc: Document, span: Span | None) -> dict[str, Any] | None:
    if span is None:
        return None
    return {"text": doc.source[span.start : span.end], "start": span.start, "end": span.end}


def document_json(doc: Document) -> dict[str, Any]:
    """One document's attributions and sources."""
    return {
        "path": doc.path or "-",
        "attributions": [
            {
                "kind": a.kind,
                "cue": span_json(doc, a.cue),
                "source": span_json(doc, a.source),
                "content": span_json(doc, a.content),
                "source_type": a.source_type,
                "speaker": a.speaker,
            }
            for a in doc.attributions
        ],
        "sources": [
            {
                "name": s.name,
                "type": s.type,
                "mentions": [span_json(doc, m) for m in s.mentions],
                "roles": list(s.roles),
                "affiliation": s.affiliation or None,
                "evidence": {
                    "affiliation": span_json(doc, s.affiliation_evidence),
                    "side": _evidence_json(doc, s.side_evidence),
                },
                "side": s.side,
                "side_evidence": _evidence_json(doc, s.side_evidence),
                "attributions": len(s.attributions),
                "quoted_words": s.quoted_words,
                "has_direct_quote": s.has_direct_quote,
                "first_offset": s.first_offset,
            }
            for s in doc.sources
        ],
    }


def _evidence_json(doc: Document, evidence: Any) -> dict[str, Any] | None:
    """Why a source was placed on its side: the word, where it stands, and whether it was configured."""
    if evidence is None:
        return None
    return {
        "text": evidence.word,
        "start": evidence.start,
        "end": evidence.end,
        "configured": evidence.configured,
    }


def sources_json(docs: Iterable[Document]) -> dict[str, Any]:
    """The whole ``rhetlint sources --format json`` answer."""
    return {"documents": [document_json(doc) for doc in docs]}


def render_sources_text(docs: Iterable[Document], stream: TextIO) -> None:
    """Write a readable report: each source with its counts, then each attribution with its position."""
    for index, doc in enumerate(docs):
        if index:
            stream.write("\n")
        sources = doc.sources
        attributions = doc.attributions
        stream.write(
            f"{doc.path or '-'}: {len(sources)} source{'s' if len(sources) != 1 else ''}, "
            f"{len(attributions)} attribution{'s' if len(attributions) != 1 else ''}\n"
        )
        for s in sources:
            line, column = doc.position(s.first_offset)
            quoted = f", {s.quoted_words} quoted words" if s.has_direct_quote else ""
            side = "neutral"
            if s.side:
                how = (
                    "configured" if s.side_evidence is not None and s.side_evidence.configured else "inferred"
                )
                word = f" from '{_one_line(s.side_evidence.word)}'" if s.side_evidence is not None else ""
                side = f"side {s.side} ({how}{word})"
            speaks_for = f", for {_one_line(s.affiliation)}" if s.affiliation else ""
            stream.write(
                f"  {_one_line(s.name)} [{s.type}]{speaks_for} {len(s.attributions)}x{quoted}, {side} "
                f"(first at {line}:{column})\n"
            )
        if attributions:
            stream.write("  attributions:\n")
        for a in attributions:
            anchor = a.cue or a.content or a.source
            line, column = doc.position(anchor.start) if anchor else (0, 0)
            who = _one_line(
                a.speaker or (doc.source[a.source.start : a.source.end] if a.source else "no source")
            )
            cue = _short(doc.source[a.cue.start : a.cue.end]) if a.cue else "(continued quotation)"
            what = f" {_short(doc.source[a.content.start : a.content.end])}" if a.content else ""
            stream.write(f"    {line}:{column} {a.kind} {cue!r} -> {who} [{a.source_type}]{what}\n")


def _one_line(text: str) -> str:
    """A name or phrase that wraps across lines in the draft, on one line (one space for each run of space)."""
    return " ".join(text.split())


def _short(text: str, limit: int = 60) -> str:
    text = _one_line(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"
