"""Scare quotes: a word or short phrase in quotation marks that no one is quoted as saying."""

from __future__ import annotations

import re
from collections.abc import Iterator

from rhetlint.document import Document
from rhetlint.quotes import Quote

# Words in the sentence that credit a quoted word to someone ("what she called 'a disaster'").
SPEAKER_CUE = re.compile(
    r"\b(?:said|says|say|told|tells|call(?:s|ed|ing)?|describ(?:ed|es|ing)|dubb(?:ed|ing)|term(?:s|ed)|"
    r"label(?:l)?(?:ed|ing|s)?|brand(?:s|ed|ing)|wrote|writes|tweet(?:s|ed)|post(?:s|ed)|according|"
    r"nicknamed?|known as|refer(?:s|red)? to|put it|chant(?:s|ed|ing)|shout(?:s|ed|ing)|ask(?:s|ed)|"
    r"read(?:s)?|insist(?:s|ed)|argu(?:es|ed)|warn(?:s|ed)|promis(?:es|ed)|vow(?:s|ed))\b",
    re.I,
)
# Nouns after which a quoted word is mentioned, not used: the word "liberal", the slogan "Yes We Can".
MENTION_NOUNS = re.compile(
    r"\b(?:word|words|term|terms|phrase|phrases|slogan|slogans|title|titled|entitled|headline|name|named|"
    r"label|labels|motto|hashtag|nickname|song|album|film|movie|book|novel|show|series|play|poem|"
    r"article|column|essay|report titled|campaign|program|programme|operation|initiative|dubbed|"
    r"letters?|sign|signs|banner|banners|placards?|chants?|message|messages|code|codenamed)\W*$",
    re.I,
)
WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")


def scare_quotes(doc: Document, max_words: int = 3) -> Iterator[tuple[Quote, str]]:
    """Yield (quotation, inner text) for short quotations with no speaker in sight."""
    text = doc.text
    for quote in doc.quotes:
        if quote.kind not in ("double", "single") or not quote.closed:
            continue
        inner = text[quote.inner_start : quote.inner_end]
        words = WORD.findall(inner)
        if not words or len(words) > max_words:
            continue
        stripped = inner.strip()
        if stripped[-1:] in ".!?," or stripped[:1] in "…":
            continue  # a clipped sentence someone said: "We will win," …
        if all(w[:1].isupper() for w in words):
            continue  # a title or name: "Jaws", "Operation Iron Wall"
        if quote.level == 2:
            continue  # inside a quotation: the speaker's own quoting
        sentence = doc.sentence_at(quote.start)
        if sentence is None:
            continue
        before = text[sentence.start : quote.start]
        if MENTION_NOUNS.search(before):
            continue
        if SPEAKER_CUE.search(sentence.text):
            continue
        # A quotation that another quotation in the same paragraph continues is part of a longer quote.
        block = doc.block_at(quote.start)
        if block is not None and sum(1 for q in doc.quotes if block.start <= q.start < block.end
                                     and q.level == 1) > 2:
            continue
        yield quote, stripped
