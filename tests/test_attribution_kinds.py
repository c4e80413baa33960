"""Each kind of attribution the analysis finds, beside its quiet twin: the drafts in
tests/fixtures/attributions/ and the attributions listed beside them (``NAME.md.attributions``, one a line:
``LINE:COL kind «cue» «source» source-type``). ``pytest --rhetlint-update`` rewrites the lists."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

from rhetlint import Document

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "attributions"
DRAFTS = sorted(p for p in FIXTURES.glob("*.md") if p.name != "README.md")


def listed(draft: Path) -> str:
    """The attributions of a draft as the ``.attributions`` file lists them."""
    text = draft.read_bytes().decode("utf-8")
    doc = Document.from_text(text, draft.name)
    lines = []
    for att in doc.attributions:
        anchor = att.cue or att.source or att.content
        assert anchor is not None
        line, col = doc.position(anchor.start)
        cue = att.cue.text if att.cue else "-"
        source = att.source.text if att.source else "-"
        lines.append(f"{line}:{col} {att.kind} «{cue}» «{source}» {att.source_type}")
    return "".join(f"{line}\n" for line in lines)


def test_there_are_drafts() -> None:
    assert len(DRAFTS) >= 6


@pytest.mark.parametrize("draft", DRAFTS, ids=[p.stem for p in DRAFTS])
def test_attributions(draft: Path, rhetlint_update: bool) -> None:
    expected_path = draft.with_name(draft.name + ".attributions")
    found = listed(draft)
    if rhetlint_update or not expected_path.exists():
        expected_path.write_text(found, encoding="utf-8")
        if not rhetlint_update:
            pytest.fail(f"{expected_path.name} was missing and has been written: review it")
        return
    expected = expected_path.read_text(encoding="utf-8")
    diff = "".join(
        difflib.unified_diff(expected.splitlines(True), found.splitlines(True), "expected", "found")
    )
    assert found == expected, (
        f"{draft.name}: attributions differ (pytest --rhetlint-update rewrites):\n{diff}"
    )
