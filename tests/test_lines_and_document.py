"""Offsets to 1-based lines and columns (code points), and the Document model built on them."""

from __future__ import annotations

import pytest

from rhetlint.model.document import Block, Document, plain_blocks
from rhetlint.parsers import parse
from rhetlint.text.lines import LineIndex

# --- LineIndex ---------------------------------------------------------------------------------------
MIXED = "ab\ncd\r\nef\rgh"  # LF after "ab", CRLF after "cd", a lone CR after "ef"


def test_line_starts_count_lf_crlf_and_lone_cr():
    assert LineIndex(MIXED).starts == [0, 3, 7, 10]
    assert LineIndex(MIXED).line_count() == 4


@pytest.mark.parametrize(
    ("offset", "expected"),
    [
        (0, (1, 1)),
        (2, (1, 3)),  # the LF itself belongs to line 1
        (3, (2, 1)),
        (5, (2, 3)),  # the CR of CRLF
        (6, (2, 4)),  # the LF of CRLF: still line 2, CRLF is one break
        (7, (3, 1)),
        (9, (3, 3)),  # the lone CR
        (10, (4, 1)),
        (11, (4, 2)),
        (12, (4, 3)),  # end of file
    ],
)
def test_position_is_one_based(offset, expected):
    assert LineIndex(MIXED).position(offset) == expected


def test_position_clamps_out_of_range_offsets():
    index = LineIndex(MIXED)
    assert index.position(-5) == (1, 1)
    assert index.position(999) == (4, 3)


def test_offset_is_the_inverse_of_position():
    index = LineIndex(MIXED)
    assert index.offset(2, 2) == 4
    assert index.offset(4, 1) == 10
    for offset in range(len(MIXED) + 1):
        assert index.offset(*index.position(offset)) == offset


def test_line_span_and_text_leave_out_the_line_break():
    index = LineIndex(MIXED)
    assert index.line_span(1) == (0, 2)
    assert index.line_span(2) == (3, 5)
    assert index.line_text(2) == "cd"
    assert index.line_text(3) == "ef"
    assert index.line_text(4) == "gh"


def test_empty_text_has_one_line():
    index = LineIndex("")
    assert index.line_count() == 1
    assert index.position(0) == (1, 1)


@pytest.mark.parametrize(
    ("text", "target", "column"),
    [
        ("caf\u00e9 X", "X", 6),  # é is one code point
        ("e\u0301 X", "X", 4),  # a combining accent is a code point of its own
        ("\U0001f600 X", "X", 3),  # an emoji outside the BMP is one code point (two UTF-16 units)
        ("\U0001f469\u200d\U0001f467 X", "X", 5),  # a ZWJ sequence is three code points
        ("\u4e2d\u6587 X", "X", 4),  # CJK
        ("\u201cq\u201d X", "X", 5),  # curly quotes
        ("\t\tX", "X", 3),  # a tab is one column
    ],
)
def test_columns_count_code_points(text, target, column):
    index = LineIndex(text)
    assert index.position(text.index(target)) == (1, column)


# --- Document ----------------------------------------------------------------------------------------
def test_document_position_counts_code_points_across_lines():
    src = "\u00e9\U0001f600\u4e2d\u201cx\u201d\tZ\r\nsecond Z"
    doc = Document.from_text(src, "a.txt")
    assert doc.position(7) == (1, 8)
    assert src[7] == "Z"
    assert doc.position(src.rindex("Z")) == (2, 8)


def test_document_keeps_crlf_in_source_and_text():
    src = "One.\r\nTwo zork.\r\n"
    doc = Document.from_text(src, "a.txt")
    assert doc.source == src
    assert doc.text == src
    assert doc.position(src.index("zork")) == (2, 5)


def test_markdown_positions_with_cjk_emoji_curly_quotes_and_tab():
    src = "# \u4e2d\u6587 zork\n\n\u201cQuoted\u201d \U0001f600\tzork\n"
    doc = Document.from_text(src, "a.md")
    hits = [doc.position(t.start) for t in doc.tokens if t.norm == "zork"]
    assert hits == [(1, 6), (3, 12)]


def test_parser_must_keep_text_length():
    with pytest.raises(ValueError, match="same length"):
        Document("abc", "ab")


def testplain_blocks_are_split_by_blank_lines_and_trimmed():
    src = "Para one.\n\n  Para two\nstill two.\r\n\r\nThree."
    assert plain_blocks(src) == [
        Block(0, 9, "paragraph"),
        Block(13, 32, "paragraph"),
        Block(36, 42, "paragraph"),
    ]


LONG = "The council voted on Tuesday to close two branch libraries and move their books to the central library downtown."


def test_plain_text_typed_one_paragraph_per_line_splits_at_each_line_break():
    src = f"{LONG}\nShort line after it.\r\n{LONG}"
    blocks = plain_blocks(src)
    assert [src[b.start : b.end] for b in blocks] == [LONG, "Short line after it.", LONG]


def test_hard_wrapped_paragraph_stays_one_block_even_with_one_long_line():
    wrapped = "The council voted on Tuesday\nto close two branch libraries\nand move their books."
    assert plain_blocks(wrapped) == [Block(0, len(wrapped), "paragraph")]
    mostly_short = f"Read the report at\nhttps://example.org/{'x' * 120}\nbefore the vote\non Tuesday."
    assert len(plain_blocks(mostly_short)) == 1


def test_short_lines_that_each_end_a_sentence_are_paragraphs():
    src = 'Why?\nThe council voted on Tuesday.\nResidents objected: "Never."\nThe vote stands'
    assert [src[b.start : b.end] for b in plain_blocks(src)] == [
        "Why?",
        "The council voted on Tuesday.",
        'Residents objected: "Never."',
        "The vote stands",
    ]


def test_hard_wrapped_lines_that_end_mid_sentence_stay_together():
    src = "The council voted on Tuesday to close\ntwo branch libraries. Residents said\nthey would appeal the decision."
    assert len(plain_blocks(src)) == 1


def test_quotation_continues_onto_the_next_line_until_its_closing_mark():
    src = (
        "\u201cTaxes will rise.\nSchools will close,\u201d she said.\nThe mayor slammed it.\n\n"
        '"Fees will rise.\n\nParks will close," he said.\n\n'
        f'"{LONG}\n{LONG}," he said.\n{LONG}'
    )
    doc = Document.from_text(src)
    assert doc.in_quote(src.index("Schools"))
    assert not doc.in_quote(src.index("she said")) and not doc.in_quote(src.index("slammed"))
    assert doc.in_quote(src.index("Fees"))
    assert not doc.in_quote(src.index("Parks"))  # a blank line ended the paragraph: no continuation
    second_line = src.index(LONG, src.index(LONG) + 1)
    assert len(doc.blocks) == 8  # the long lines are paragraphs of their own
    assert doc.in_quote(second_line) and not doc.in_quote(src.rindex(LONG))


def test_open_quotation_ends_with_its_line_in_unwrapped_text():
    src = f'"{LONG}\nThe mayor slammed the vote.'
    doc = Document.from_text(src)
    assert doc.in_quote(5)
    assert not doc.in_quote(src.index("slammed"))


def testplain_blocks_of_whitespace_only_text_are_empty():
    assert plain_blocks("  \n\n \t\n") == []


DOC = "Alpha beta.\n\nGamma 42 delta."


def test_tokens_and_word_count():
    doc = Document.from_text(DOC)
    assert [(t.start, t.end, t.text) for t in doc.tokens] == [
        (0, 5, "Alpha"),
        (6, 10, "beta"),
        (13, 18, "Gamma"),
        (19, 21, "42"),
        (22, 27, "delta"),
    ]
    assert doc.word_count == 4  # numbers are not words


def test_tokens_between_and_token_index():
    doc = Document.from_text(DOC)
    assert [t.text for t in doc.tokens_between(6, 19)] == ["beta", "Gamma"]
    assert doc.token_index(11) == 2
    assert doc.token_index(0) == 0
    assert doc.token_index(len(DOC)) == 5


def test_block_at_and_paragraphs():
    doc = Document.from_text(DOC)
    assert [(p.start, p.end, p.text) for p in doc.paragraphs] == [
        (0, 11, "Alpha beta."),
        (13, 28, "Gamma 42 delta."),
    ]
    assert doc.block_at(0).start == 0
    assert doc.block_at(11) is None  # end is exclusive
    assert doc.block_at(12) is None  # the blank line
    assert doc.block_at(13).start == 13


def test_sentence_at_and_sentence_index():
    doc = Document.from_text("  First one. Second one.")
    assert [(s.start, s.end, s.text) for s in doc.sentences] == [
        (2, 12, "First one."),
        (13, 24, "Second one."),
    ]
    assert doc.sentence_index(0) == -1
    assert doc.sentence_index(2) == 0
    assert doc.sentence_index(12) == 0
    assert doc.sentence_index(20) == 1
    assert doc.sentence_at(12) is None  # the space between sentences
    assert doc.sentence_at(15).text == "Second one."


def test_sentences_record_their_block():
    doc = Document.from_text("One. Two.\n\nThree.")
    assert [(s.text, s.block) for s in doc.sentences] == [("One.", 0), ("Two.", 0), ("Three.", 1)]


# --- through the command line: what a file's bytes become ----------------------------------------------
def _starts(result):
    return [
        (d["start"]["line"], d["start"]["column"], d["start"]["offset"], d["end"]["column"])
        for d in result.json()["diagnostics"]
    ]


@pytest.mark.parametrize("bom", [b"", b"\xef\xbb\xbf"], ids=["no-bom", "bom"])
def test_utf8_file_with_or_without_bom_gives_the_same_positions(project, run_cli, bom):
    project.write("a.txt", bom + "\u00e9\U0001f600 zork\r\nnext zork\r\n".encode())
    result = run_cli(["check", "a.txt", "--format", "json"], cwd=project.root)
    assert result.code == 1
    # The BOM is not a character of the draft: "zork" starts at offset 3, column 4, either way.
    assert _starts(result) == [(1, 4, 3, 8), (2, 6, 14, 10)]


def test_crlf_file_reports_lines_and_keeps_the_match(project, run_cli):
    project.write("a.md", b"Line one.\r\n\r\nA\tzork here.\r\n")
    result = run_cli(["check", "a.md", "--format", "json"], cwd=project.root)
    diags = result.json()["diagnostics"]
    assert [(d["start"], d["end"], d["match"]) for d in diags] == [
        ({"line": 3, "column": 3, "offset": 15}, {"line": 3, "column": 7, "offset": 19}, "zork"),
    ]


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_quotation_runs_on_through_lines_without_marks_until_it_closes(newline):
    src = newline.join(
        [
            'The mayor said "taxes will rise.',
            "Critics slammed the plan.",
            'Roads will crumble," she said.',
            "The council met Monday.",
            'He said "it is over.',
            "Nobody slammed it.",
        ]
    )
    doc = Document.from_text(src)
    assert len(doc.blocks) == 6
    assert doc.in_quote(src.index("Critics")) and doc.in_quote(src.index("Roads"))
    assert not doc.in_quote(src.index("she said")) and not doc.in_quote(src.index("council"))
    assert doc.in_quote(src.index("it is over")) and not doc.in_quote(src.index("Nobody"))  # never closed


def test_one_crlf_is_a_line_break_not_a_blank_line():
    src = "The council voted on Tuesday to close\r\ntwo branch libraries.\r\n\r\nResidents objected."
    assert [src[b.start : b.end] for b in plain_blocks(src)] == [
        "The council voted on Tuesday to close\r\ntwo branch libraries.",
        "Residents objected.",
    ]


def test_a_line_ending_in_a_title_or_an_initial_does_not_end_a_sentence():
    src = "The bill, backed by Sen.\nJane Doe and George W.\nBush, passed on Monday.\nIt goes to the House."
    assert len(plain_blocks(src)) == 1
    ended = (
        "The plant opened Monday in the U.S.\nThe shift ends at 5 p.m.\nThe mayor praised it.\nIt hires 40."
    )
    assert len(plain_blocks(ended)) == 4


def test_markdown_list_items_do_not_continue_an_open_quotation():
    src = '- He called it "a scam\n- *"We slammed nothing,"* the firm said.\n'
    doc = parse(src, "a.md")
    assert doc.in_quote(src.index("We slammed"))
    assert not doc.in_quote(src.index("the firm"))


def test_a_directive_line_does_not_change_how_lines_are_read():
    lines = ['"Taxes will rise.', "Critics slammed the plan.", "The council met.", "It adjourned."]
    plain = "\n".join(lines)
    with_directive = "\n".join(lines[:2] + ["# rhetlint-disable-next-line L104"] + lines[2:])
    for src in (plain, with_directive):
        doc = parse(src, "a.txt")
        assert [src[b.start : b.end] for b in doc.blocks] == lines
        assert not doc.in_quote(src.index("slammed"))
