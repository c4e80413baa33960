"""Scare quotes: a word or short phrase in quotation marks that no one is quoted as saying."""

from __future__ import annotations

import re
from collections.abc import Iterator

from rhetlint import Document
from rhetlint.text import WORD, Quote

# Stems (Porter, as ``Token.lemma`` gives them) of verbs that credit words to a speaker: a short quotation
# in a paragraph that has one of them is a partial quote ("accused her of 'sitting there laughing'").
SPEECH_STEMS = frozenset(
    "say said tell told call describ dub term label brand write wrote tweet post accord nicknam refer chant "
    "shout ask insist argu warn promis vow accus urg spoke speak suggest prais attack report reject deni deny "
    "rebuk criticis criticiz pledg demand stress add note claim admit announc declar state testifi complain "
    "conced explain predict recal repli respond acknowledg alleg agre boast charg contend maintain observ "
    "remark reveal comment quot dismiss hail condemn denounc decri blast slam mock dub label tout cite "
    "characteris characteriz character critic speak sai "
    # nouns that name something said or written: "in a statement", "during an interview", "the ruling"
    "statement interview speech testimoni letter opinion rule memo".split()
)
# Phrases that credit a quotation without a verb: "in his words", "what she called".
SPEAKER_PHRASE = re.compile(r"(?:known as|put it|in (?:his|her|their) words|according to)", re.I)
# Nouns after which a quoted word is mentioned, not used: the word "liberal", the slogan "Yes We Can".
MENTION_NOUNS = re.compile(
    r"\b(?:word|words|term|terms|phrase|phrases|slogan|slogans|title|titled|entitled|headline|name|named|"
    r"label|labels|motto|hashtag|nickname|song|album|film|movie|book|novel|show|series|play|poem|"
    r"article|column|essay|report titled|campaign|program|programme|operation|initiative|dubbed|"
    r"letters?|sign|signs|banner|banners|placards?|chants?|message|messages|code|codenamed)\W*$",
    re.I,
)

MENTION_WINDOW = 40  # characters before a quotation searched for a mention noun (longest + punctuation)


def _credited(doc: Document, start: int, end: int) -> bool:
    """Whether the paragraph credits words to someone (a verb of saying outside the quotations)."""
    if SPEAKER_PHRASE.search(doc.text, start, end):
        return True
    return any(t.lemma in SPEECH_STEMS and not doc.in_quote(t.start) for t in doc.tokens_between(start, end))


def scare_quotes(doc: Document, max_words: int = 3) -> Iterator[tuple[Quote, str]]:
    """Yield (quotation, inner text) for short quotations with no speaker in sight."""
    text = doc.text
    credited: dict[int, bool] = {}  # block start -> whether the paragraph credits a speaker (asked once)
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
        # The noun sits just before the quotation; a bounded window keeps this linear in long sentences.
        if MENTION_NOUNS.search(text[max(sentence.start, quote.start - MENTION_WINDOW) : quote.start]):
            continue
        block = doc.block_at(quote.start)
        if block is None:
            continue
        if block.start not in credited:
            credited[block.start] = _credited(doc, block.start, block.end)
        if credited[block.start]:
            continue
        yield quote, stripped
