"""Positions across the protocol boundary: rhetlint counts code points, the client its negotiated units."""

from __future__ import annotations

from typing import Any

from lsprotocol import types
from pygls.workspace import PositionCodec

from rhetlint.text.lines import LineIndex


# --- positions ---------------------------------------------------------------------------------------
class PositionMap:
    """Offsets (code points) of one text to LSP positions in the negotiated encoding, and back.

    Lines break at CRLF, LF and CR only, as in the LSP specification and rhetlint's LineIndex (Python's
    splitlines would also break at U+2028 and form feeds and shift every line after them).
    """

    def __init__(self, text: str, codec: PositionCodec) -> None:
        self.index = LineIndex(text)
        self.codec = codec

    def position(self, offset: int) -> types.Position:
        line, _ = self.index.position(offset)
        start = self.index.starts[line - 1]
        offset = max(start, min(offset, len(self.index.text)))
        return types.Position(
            line=line - 1, character=self.codec.client_num_units(self.index.text[start:offset])
        )

    def range(self, start: int, end: int) -> types.Range:
        return types.Range(start=self.position(start), end=self.position(end))

    def offset(self, position: types.Position) -> int:
        if position.line >= self.index.line_count():
            return len(self.index.text)
        start, end = self.index.line_span(position.line + 1)
        text, units, i = self.index.text, 0, start
        while i < end and units < position.character:
            units += self.codec.client_num_units(text[i])
            i += 1
        return i


def _range_json(r: types.Range) -> dict[str, Any]:
    return {
        "start": {"line": r.start.line, "character": r.start.character},
        "end": {"line": r.end.line, "character": r.end.character},
    }
