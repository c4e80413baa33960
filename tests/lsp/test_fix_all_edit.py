"""The fix-all edit of a snapshot, built without a client: fixes of the same span, overlapping fixes."""

from __future__ import annotations

from lsprotocol import types
from pygls.workspace import PositionCodec

from rhetlint.lsp.actions import CodeActions
from rhetlint.lsp.positions import PositionMap
from rhetlint.lsp.server import Snapshot
from rhetlint.model.diagnostics import Diagnostic, Fix, Position
from rhetlint.text.lines import LineIndex

SOURCE = "They claimed the “regime” slammed it.\r\n"


def diagnostic(code: str, start: int, end: int, replacement: str) -> Diagnostic:
    lines = LineIndex(SOURCE)
    return Diagnostic(
        path="draft.md",
        code=code,
        name=code.lower(),
        category="test",
        severity="warning",
        message="m",
        start=Position.at(lines, start),
        end=Position.at(lines, end),
        match=SOURCE[start:end],
        fixes=(Fix(f"Replace with {replacement!r}", replacement),),
    )


def fix_all(diagnostics: list[Diagnostic]) -> list[tuple[int, int, str]]:
    positions = PositionMap(SOURCE, PositionCodec(types.PositionEncodingKind.Utf16))
    snapshot = Snapshot("file:///draft.md", 1, SOURCE, positions, diagnostics)
    edit = CodeActions(snapshot, versioned=False).edit_for(diagnostics)
    return [
        (positions.offset(e.range.start), positions.offset(e.range.end), e.new_text)
        for e in (edit.changes or {})["file:///draft.md"]
    ]


def test_two_fixes_of_the_same_span_give_one_edit():
    """Two rules fixing the same words (a rule file and a built-in lexicon) made the fix-all edit raise
    TypeError, comparing the two Fix objects (found by tests/test_properties.py)."""
    claimed = SOURCE.index("claimed")
    found = fix_all(
        [diagnostic("L103", claimed, claimed + 7, "said"), diagnostic("PF1", claimed, claimed + 7, "stated")]
    )
    assert found == [(claimed, claimed + 7, "said")]


def test_a_fix_overlapping_an_earlier_one_is_left_out():
    regime = SOURCE.index("regime")
    slammed = SOURCE.index("slammed")
    found = fix_all(
        [
            diagnostic("L102", regime, regime + 6, "government"),
            diagnostic("PF1", regime - 1, slammed + 7, "the government criticised"),
            diagnostic("L101", slammed, slammed + 7, "criticized"),
        ]
    )
    assert found == [(regime - 1, slammed + 7, "the government criticised")]
