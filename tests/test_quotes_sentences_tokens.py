"""Sentences (Punkt with shipped abbreviations), tokens with lemma-like forms, and quotations."""

from __future__ import annotations

import pytest

from rhetlint import Document
from rhetlint.text.quotes import Quote, find_quotes
from rhetlint.text.sentences import abbreviations, split_spans
from rhetlint.text.tokens import lemma, normalise, strip_possessive, tokenize


def sentences(text: str, path: str = "a.txt") -> list[str]:
    return [s.text for s in Document.from_text(text, path).sentences]


# --- sentences ---------------------------------------------------------------------------------------
def test_senator_of_north_carolina_is_one_sentence():
    assert sentences("Sen. Jane Doe of N.C. said the bill would pass. It did not.") == [
        "Sen. Jane Doe of N.C. said the bill would pass.",
        "It did not.",
    ]


def test_sentence_ending_with_an_ellipsis_character():
    assert sentences("Sen. Jane Doe of N.C. said\u2026 nothing.") == [
        "Sen. Jane Doe of N.C. said\u2026 nothing."
    ]


@pytest.mark.parametrize(
    "first",
    [
        "J. R. Smith scored 3.5 points on average.",  # initials and a decimal
        "Gov. Smith and Gen. Jones met Lt. Brown.",
        "The U.S. and the U.N. agreed on Jan. 5.",
        "He lives at No. 10 with Mr. Smith.",
        "Dr. Who lives on St. James Street.",
        "The rate rose 3.5 percent to $4.25 a share.",
        "Rep. Ann Lee, D-Calif., and Sen. Bo Ray, R-Tex., spoke.",
    ],
)
def test_abbreviations_do_not_end_sentences(first):
    assert sentences(f"{first} Then they left.") == [first, "Then they left."]


@pytest.mark.parametrize(
    "word", ["sen", "gov", "gen", "lt", "u.s", "u.n", "n.c", "jan", "no", "mr", "dr", "st"]
)
def test_shipped_abbreviations_include(word):
    assert word in abbreviations()


def test_single_letters_are_abbreviations_for_initials():
    assert {"a", "j", "z"} <= abbreviations()


def test_sentence_end_punctuation():
    assert sentences("He said it. She agreed! Did they? Yes.") == [
        "He said it.",
        "She agreed!",
        "Did they?",
        "Yes.",
    ]


def test_sentences_never_cross_blocks():
    assert sentences("A heading\n\nBody text here. More.", "a.md") == [
        "A heading",
        "Body text here.",
        "More.",
    ]


def test_split_spans_are_relative_to_the_whole_text():
    text = "xxxx One. Two. yyyy"
    assert split_spans(text, 5, 14) == [(5, 9), (10, 14)]
    assert split_spans("   ", 0, 3) == []


def test_sentence_offsets_in_markdown_skip_markup():
    src = "Intro `code`. Then [link](http://x.example) ends."
    doc = Document.from_text(src, "a.md")
    assert [(s.start, s.end) for s in doc.sentences] == [(0, 13), (14, len(src))]


# --- tokens ------------------------------------------------------------------------------------------
def test_tokens_keep_hyphens_and_apostrophes_and_drop_underscores():
    tokens = tokenize("The so-called reform\u2019s critics don't _care_ about 2024.")
    assert [(t.start, t.text, t.norm) for t in tokens] == [
        (0, "The", "the"),
        (4, "so-called", "so-called"),
        (14, "reform\u2019s", "reform's"),
        (23, "critics", "critics"),
        (31, "don't", "don't"),
        (38, "care", "care"),
        (44, "about", "about"),
        (50, "2024", "2024"),
    ]


def test_unicode_hyphen_is_normalised():
    assert tokenize("so\u2010called")[0].norm == "so-called"
    assert normalise("Bush\u2019s") == "bush's"


def test_tokens_of_non_ascii_words():
    tokens = tokenize("Caf\u00e9 \u4e2d\u6587 na\u00efve")
    assert [(t.start, t.end, t.norm) for t in tokens] == [
        (0, 4, "caf\u00e9"),
        (5, 7, "\u4e2d\u6587"),
        (8, 13, "na\u00efve"),
    ]


@pytest.mark.parametrize(
    ("norm", "expected"),
    [
        ("went", "go"),  # irregular verbs from the shipped table
        ("ran", "run"),
        ("were", "be"),
        ("slammed", "slam"),  # regular forms: the Porter stem
        ("slams", "slam"),
        ("slamming", "slam"),
        ("critics", "critic"),
        ("bush's", "bush"),  # possessive dropped
        ("claimed", "claim"),
        ("claims", "claim"),
    ],
)
def test_lemma_like_forms(norm, expected):
    assert lemma(norm) == expected


def test_token_lemma_property():
    doc = Document.from_text("Critics slammed it; aides went.")
    assert [t.lemma for t in doc.tokens] == ["critic", "slam", "it", "aid", "go"]


def test_strip_possessive():
    assert strip_possessive("mayor's") == "mayor"
    assert strip_possessive("its") == "its"


# --- quotations --------------------------------------------------------------------------------------
def quotes_of(src: str, path: str = "a.txt") -> list[tuple[int, int, int, str, bool]]:
    return [tuple(q) for q in Document.from_text(src, path).quotes]


def quoted_mask(src: str, path: str = "a.txt") -> str:
    doc = Document.from_text(src, path)
    return "".join("^" if doc.in_quote(i) else "." for i in range(len(src)))


def test_straight_double_quotes():
    src = 'He said "it is a zork plan" and left.'
    assert quotes_of(src) == [(8, 27, 1, "double", True)]
    assert quoted_mask(src) == "." * 8 + "^" * 19 + "." * 10


def test_curly_double_quotes():
    src = "He said \u201cit is a zork plan\u201d and left."
    assert quotes_of(src) == [(8, 27, 1, "double", True)]
    doc = Document.from_text(src)
    assert doc.in_quote(8) and doc.in_quote(26) and not doc.in_quote(27) and not doc.in_quote(7)


def test_nested_curly_single_quotes_are_level_two():
    src = "He said \u201cit is a \u2018zork\u2019 plan\u201d and left."
    assert quotes_of(src) == [(8, 29, 1, "double", True), (17, 23, 2, "single", True)]


def test_nested_straight_single_quotes_are_level_two():
    src = "He said \"a 'zork' plan\" then."
    assert quotes_of(src) == [(8, 23, 1, "double", True), (11, 17, 2, "single", True)]


def test_apostrophes_inside_a_quotation_are_not_quotes():
    src = "\u201cIt\u2019s the mayor\u2019s plan,\u201d she said."
    assert quotes_of(src) == [(0, 24, 1, "double", True)]


def test_quote_spanning_two_sentences():
    src = "\u201cFirst sentence. Second sentence,\u201d she said."
    doc = Document.from_text(src)
    assert quotes_of(src) == [(0, 34, 1, "double", True)]
    assert len(doc.sentences) == 2
    assert doc.in_quote(src.index("Second"))


@pytest.mark.parametrize("mark", ["\u201c", '"'], ids=["curly", "straight"])
def test_quote_continued_into_the_next_paragraph(mark):
    close = "\u201d" if mark == "\u201c" else '"'
    src = f"{mark}A quote that runs on.\n\n{mark}And continues here,{close} she said. After."
    doc = Document.from_text(src)
    assert quotes_of(src) == [(0, 45, 1, "double", True)]
    assert doc.in_quote(src.index("runs")) and doc.in_quote(src.index("continues"))
    assert not doc.in_quote(src.index("After"))


def test_unclosed_quote_ends_with_its_paragraph_when_not_continued():
    src = "\u201cA quote never closed.\n\nNarration zork."
    doc = Document.from_text(src)
    assert quotes_of(src) == [(0, 22, 1, "double", False)]
    assert not doc.in_quote(src.index("zork"))


def test_inches_mark_is_not_a_quote():
    src = 'He is 6\'2" tall and said "hi."'
    assert quotes_of(src) == [(25, 30, 1, "double", True)]


def test_stray_closer_is_ignored():
    assert quotes_of("the end of it\u201d, she said.") == []


def test_curly_single_quotes_as_primary_marks():
    src = "The writers\u2019 union said \u2018no zork\u2019 today."
    assert quotes_of(src) == [(24, 33, 1, "single", True)]


def test_markdown_block_quote_is_a_quotation():
    src = "> A zork said in a block quote.\n\nNarration zork.\n"
    doc = Document.from_text(src, "a.md")
    assert quotes_of(src, "a.md") == [(2, 31, 1, "block", True)]
    assert doc.in_quote(src.index("zork"))
    assert not doc.in_quote(src.rindex("zork"))


def test_quote_at_returns_the_outer_quotation():
    src = "He said \u201cit is a \u2018zork\u2019 plan\u201d and left."
    doc = Document.from_text(src)
    assert doc.quote_at(src.index("zork")) == Quote(8, 29, 1, "double", True)
    assert doc.quote_at(0) is None


def test_quote_inner_offsets():
    closed = Quote(8, 30, 1, "double", True)
    assert (closed.inner_start, closed.inner_end) == (9, 29)
    block = Quote(2, 31, 1, "block", True)
    assert (block.inner_start, block.inner_end) == (2, 31)
    unclosed = Quote(0, 22, 1, "double", False)
    assert unclosed.inner_end == 22


def test_find_quotes_takes_block_quote_blocks_whole():
    assert find_quotes("abc def", [(0, 7, True)]) == [Quote(0, 7, 1, "block", True)]


def test_an_overlong_run_without_full_stops_is_cut_at_line_breaks():
    from rhetlint.text.sentences import MAX_SENTENCE, split_spans

    text = "\n".join(f"line {i} of a list that never stops" for i in range(2000))
    spans = split_spans(text)
    assert len(spans) > 1 and all(e - s <= MAX_SENTENCE for s, e in spans)
    assert all(text[e] == "\n" for _, e in spans[:-1])  # each piece ends at a line break
    words = [w for s, e in spans for w in text[s:e].split()]
    assert words == text.split()  # nothing lost, nothing repeated
