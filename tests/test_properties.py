"""Properties every draft must satisfy, checked on generated drafts of all three formats.

The drafts (``doc_strategies``) carry realistic structure and hostile characters. Two Hypothesis profiles:

- ``ci`` (the default): a few hundred examples per property, derandomized, so every run checks the same
  drafts and a failure reproduces;
- ``long``: ``RHETLINT_HYPOTHESIS=long`` (docs/testing.md), random, 110,500 examples in all: each property's
  share is given by ``share`` below (the properties that lint are the slow ones and get fewer).
"""

from __future__ import annotations

import json
import os
import random
import re
from io import StringIO
from pathlib import Path

import pytest
from doc_strategies import ANY_CHAR, Draft, directive, drafts
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytest.importorskip("lsprotocol")  # the UTF-16 and fix-all properties exercise the language server's code
from lsprotocol import types  # noqa: E402
from pygls.workspace import PositionCodec  # noqa: E402

import rhetlint_plugins.attribution  # noqa: E402
import rhetlint_plugins.loaded  # noqa: E402
import rhetlint_plugins.sourcing  # noqa: E402
from rhetlint.lint.linter import RULE_ERROR  # noqa: E402
from rhetlint.lint.suppressions import parse_directives  # noqa: E402
from rhetlint.lsp.actions import CodeActions  # noqa: E402
from rhetlint.lsp.positions import PositionMap  # noqa: E402
from rhetlint.lsp.server import Snapshot  # noqa: E402
from rhetlint.model.diagnostics import Diagnostic  # noqa: E402
from rhetlint.model.document import Comment, Document, LintContext  # noqa: E402
from rhetlint.output.sources import render_sources_text, sources_json  # noqa: E402
from rhetlint.parsers import parse  # noqa: E402
from rhetlint.testing import make_linter  # noqa: E402
from rhetlint.text.lines import LineIndex  # noqa: E402

_COMMON = dict(deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.register_profile("ci", max_examples=200, derandomize=True, database=None, print_blob=True, **_COMMON)
settings.register_profile("long", print_blob=True, **_COMMON)
PROFILE = os.environ.get("RHETLINT_HYPOTHESIS", "ci")
# applied to these properties only, not loaded as the session's default for every Hypothesis user
PROFILE_SETTINGS = settings.get_profile(PROFILE)


def share(examples: int) -> settings:
    """A property's settings: in the long run with its number of examples; the ci profile runs 200 of each."""
    return settings(PROFILE_SETTINGS, max_examples=examples) if PROFILE == "long" else PROFILE_SETTINGS


# Every built-in rule, preview ones too, with no configuration file, and a rule file whose fixes overlap theirs.
LINTER = make_linter(
    [
        rhetlint_plugins.loaded,
        rhetlint_plugins.attribution,
        rhetlint_plugins.sourcing,
        Path(__file__).with_name("property_fixes.toml"),  # fixes that overlap the built-in rules' fixes
    ],
    select=["ALL"],
)
ENCODINGS = ("utf-8", "utf-16", "utf-32")
CODECS = {name: PositionCodec(types.PositionEncodingKind(name)) for name in ENCODINGS}
LINE_BREAK = re.compile(r"\r\n|\n|\r")


def lint(draft: Draft) -> tuple[Document, list[Diagnostic]]:
    """Parse with the built-in parser directly (the linter turns a parser's exception into an input error,
    which would hide it here) and lint with every rule; a rule that crashed shows up as RL900."""
    doc = parse(draft.source, draft.path, draft.format)
    doc.context = LintContext(sides=LINTER.config.sides)
    diagnostics = LINTER.lint(doc)
    crashes = [d.message for d in diagnostics if d.code == RULE_ERROR]
    assert not crashes, crashes
    return doc, diagnostics


def line_column(source: str, offset: int) -> tuple[int, int]:
    """The 1-based line and column of ``offset``, counted here independently of LineIndex."""
    before = source[:offset]
    breaks = list(LINE_BREAK.finditer(before))
    # a CR just before the offset whose LF follows it is half of a CRLF: the line has not ended yet
    if (
        breaks
        and breaks[-1].group() == "\r"
        and breaks[-1].end() == offset
        and source[offset : offset + 1] == "\n"
    ):
        breaks.pop()
    start = breaks[-1].end() if breaks else 0
    return len(breaks) + 1, offset - start + 1


def inside_crlf(source: str, offset: int) -> bool:
    return 0 < offset < len(source) and source[offset - 1] == "\r" and source[offset] == "\n"


def units(text: str, encoding: str) -> int:
    """How many code units ``text`` is in an LSP position encoding, counted without pygls."""
    if encoding == "utf-8":
        return len(text.encode("utf-8"))
    if encoding == "utf-16":
        return len(text.encode("utf-16-le")) // 2
    return len(text)


def assert_span(source: str, start: int, end: int, what: str) -> None:
    assert isinstance(start, int) and isinstance(end, int), what
    assert 0 <= start <= end <= len(source), f"{what} {start}..{end} outside 0..{len(source)}"
    assert not inside_crlf(source, start) and not inside_crlf(source, end), f"{what} splits a CRLF"


# --- parsing -------------------------------------------------------------------------------------------
@share(40_000)
@given(drafts())
def test_parsers_keep_every_offset_and_line_break_in_place(draft: Draft):
    doc = parse(draft.source, draft.path, draft.format)
    source, text = draft.source, doc.text
    assert doc.source == source
    assert len(text) == len(source)
    # line breaks are kept, and blanking adds none: a line of doc.text is the same line of the file
    assert [m.span() for m in LINE_BREAK.finditer(text)] == [m.span() for m in LINE_BREAK.finditer(source)]
    for block in doc.blocks:
        assert 0 <= block.start <= block.end <= len(source), block
    for comment in doc.comments:
        assert 0 <= comment.start <= comment.end <= len(source), comment
    for link in doc.links:
        assert 0 <= link.start <= link.end <= len(source), link
    for s in doc.sentences:
        assert 0 <= s.start <= s.end <= len(source) and s.text == text[s.start : s.end], s
    for token in doc.tokens:
        assert 0 <= token.start < token.end <= len(source), token
    for quote in doc.quotes:
        assert 0 <= quote.start <= quote.end <= len(source), quote


# --- linting -------------------------------------------------------------------------------------------
@share(3_500)
@given(drafts())
def test_every_diagnostic_lies_in_the_text_and_its_position_maps_back(draft: Draft):
    doc, diagnostics = lint(draft)
    source, index = draft.source, LineIndex(draft.source)
    for d in diagnostics:
        assert_span(source, d.start.offset, d.end.offset, d.code)
        assert d.match == source[d.start.offset : d.end.offset]
        for position in (d.start, d.end, *(p for s, e, _ in d.related for p in (s, e))):
            assert 0 <= position.offset <= len(source)
            assert (position.line, position.column) == line_column(source, position.offset), d
            assert index.offset(position.line, position.column) == position.offset, d
        for start, end, _ in d.related:
            assert_span(source, start.offset, end.offset, f"{d.code} related")
        for fix in d.fixes:
            assert (fix.start is None) == (fix.end is None), fix
            if fix.start is not None and fix.end is not None:
                assert_span(source, fix.start, fix.end, f"{d.code} fix")


@share(3_500)
@given(drafts())
def test_sources_and_their_reports_stay_in_the_text(draft: Draft):
    doc = parse(draft.source, draft.path, draft.format)
    doc.context = LintContext(sides=LINTER.config.sides)
    for a in doc.attributions:
        for span in (a.cue, a.source, a.content):
            if span is not None:
                assert_span(draft.source, span.start, span.end, f"attribution {a.kind}")
    for source in doc.sources:
        for span in source.mentions:
            assert_span(draft.source, span.start, span.end, f"mention of {source.name}")
        if source.affiliation_evidence is not None:
            evidence = source.affiliation_evidence
            assert_span(draft.source, evidence.start, evidence.end, f"affiliation of {source.name}")
    report = sources_json([doc])
    json.dumps(report)  # serialisable as the command prints it
    for attribution in report["documents"][0]["attributions"]:
        for span in attribution.values():
            if isinstance(span, dict) and "start" in span:
                assert draft.source[span["start"] : span["end"]] == span["text"]
    render_sources_text([doc], StringIO())


# --- suppression comments -----------------------------------------------------------------------------
@share(20_000)
@given(drafts(), st.lists(st.tuples(st.integers(0, 10_000), directive()), max_size=6))
def test_suppression_directives_cover_stretches_of_the_file(draft: Draft, extra: list[tuple[int, str]]):
    doc = parse(draft.source, draft.path, draft.format)
    source = draft.source
    # more directives, at random places, as a parser plugin might report them
    doc.comments.extend(Comment(min(at, len(source)), min(at, len(source)), body) for at, body in extra)
    doc.comments.sort()
    for d in parse_directives(doc):
        assert 0 <= d.start <= d.end <= len(source)
        assert 0 <= d.lo <= d.hi <= len(source) + 1, d
        assert d.action in ("disable", "disable-line", "disable-next-line", "enable")
        assert all(name and not re.search(r"[\s,]", name) for name in d.rules), d.rules


@share(20_000)
@given(st.text(ANY_CHAR, max_size=60), st.sampled_from(("text", "markdown", "html")))
def test_any_comment_body_is_read_without_error(body: str, format: str):
    source = f"Intro.\n<!--{body}-->\n# {body}\nThe council slammed it.\n"
    doc = parse(source, None, format)
    parse_directives(doc)
    doc.comments.append(Comment(0, 0, body))
    parse_directives(doc)


# --- positions in the language server's encodings -----------------------------------------------------
@share(20_000)
@given(drafts(), st.sampled_from(ENCODINGS))
def test_positions_round_trip_in_every_encoding(draft: Draft, encoding: str):
    source = draft.source
    positions = PositionMap(source, CODECS[encoding])
    line, counted = 0, 0  # the expected position, counted here in one pass: 0-based line, code units
    for offset in range(len(source) + 1):
        if not inside_crlf(source, offset):
            position = positions.position(offset)
            assert (position.line, position.character) == (line, counted), offset
            assert positions.offset(position) == offset, (offset, position)
        if offset < len(source):
            char = source[offset]
            if char == "\n" or (char == "\r" and source[offset + 1 : offset + 2] != "\n"):
                line, counted = line + 1, 0
            elif not inside_crlf(source, offset + 1):
                counted += units(char, encoding)


# --- fixes ---------------------------------------------------------------------------------------------
def apply_in_order(source: str, edits: list[tuple[int, int, str]], order: list[int]) -> str:
    """Apply edits given in offsets of ``source`` one at a time in ``order``, shifting the later ones by the
    change in length of those applied before them, as an editor applying one edit after another does."""
    text, applied = source, []
    for i in order:
        start, end, new = edits[i]
        shift = sum(len(n) - (e - s) for s, e, n in applied if e <= start)
        text = text[: start + shift] + new + text[end + shift :]
        applied.append(edits[i])
    return text


@share(3_500)
@given(drafts(), st.sampled_from(ENCODINGS), st.randoms(use_true_random=False))
def test_fixes_applied_in_any_order_never_touch_text_outside_their_spans(
    draft: Draft, encoding: str, rnd: random.Random
):
    doc, diagnostics = lint(draft)
    source = draft.source
    snapshot = Snapshot(
        "file:///draft", 1, source, PositionMap(source, CODECS[encoding]), diagnostics, doc=doc
    )
    fixable = [d for d in diagnostics if d.fixes]
    # every single fix, as its quick fix: only its span changes
    for d in fixable:
        for fix in d.fixes:
            start, end = snapshot.fix_span(d, fix)
            assert_span(source, start, end, f"{d.code} fix")
    # the fix-all edit: the language server's positions, read back in this encoding by independent counting
    edit = CodeActions(snapshot, versioned=False).edit_for(fixable)
    text_edits = (edit.changes or {}).get("file:///draft", [])
    edits = sorted(
        (to_offset(source, e.range.start, encoding), to_offset(source, e.range.end, encoding), e.new_text)
        for e in text_edits
    )
    for (_, end, _), (start, _, _) in zip(edits, edits[1:], strict=False):
        assert end <= start, "fix-all edits overlap"
    firsts = {(*snapshot.fix_span(d, d.fixes[0]), d.fixes[0].replacement) for d in fixable}
    assert set(edits) <= firsts, "a fix-all edit that is no diagnostic's fix"
    # outside the spans, the fixed text is the original, whatever order the edits are applied in
    expected, pos = "", 0
    for start, end, new in edits:
        expected += source[pos:start] + new
        pos = end
    expected += source[pos:]
    order = list(range(len(edits)))
    rnd.shuffle(order)
    assert apply_in_order(source, edits, order) == expected


def to_offset(source: str, position: types.Position, encoding: str) -> int:
    """The code-point offset of an LSP position, counted without PositionMap."""
    starts = LineIndex(source).starts
    assert position.line < len(starts), position
    offset, counted = starts[position.line], 0
    while counted < position.character:
        counted += units(source[offset], encoding)
        offset += 1
    assert counted == position.character, f"{position} falls inside a character"
    return offset
