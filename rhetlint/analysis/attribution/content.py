"""What an attribution credits: an adjacent quotation, the clause after the cue, or the clause before it.

'"We will appeal," Park said' credits the quotation; "Park said the ruling was wrong" the clause after the
verb; "The ruling was wrong, Park said" the clause before; "The plan, she said, is flawed" the sentence.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rhetlint.analysis.attribution.gaps import gap, hard_gap
from rhetlint.analysis.attribution.grammar import TIME_WORDS
from rhetlint.analysis.attribution.quotes import QUOTE_JOIN

if TYPE_CHECKING:
    from rhetlint.analysis.attribution.mentions import Subject
    from rhetlint.analysis.attribution.reading import Reading
    from rhetlint.model.document import Sentence, Span
    from rhetlint.text.quotes import Quote
    from rhetlint.text.tokens import Token


def content(
    r: Reading, sent: Sentence, toks: list[Token], k: int, cue_end: int, src: Subject, inverted: bool
) -> tuple[Span | None, bool]:
    """The words a verb cue at token k credits to the source at ``src``, and whether they are a quotation."""
    first = min(src[0], k)
    after = src[1] - 1 if inverted else cue_end
    q = r.quotes.before(toks, first)
    if q is not None and not (_ends_a_sentence(r.text, q) and _credits_a_clause(toks, after)):
        # a quotation closed by a full stop ('… village." Officials said on Wednesday that …') is the end
        # of an earlier sentence, not this speaker's words, when the cue goes on to credit its own clause
        return r.span(q.start, q.end), True
    q = r.quotes.after(toks, after, sent.end + 1)
    if q is not None and q.start < sent.end:
        return r.span(q.start, q.end), True
    return _clause_content(r, toks, first, after), False


def _credits_a_clause(toks: list[Token], after: int) -> bool:
    """Whether the cue ending at token ``after`` goes on to credit a "that" clause of its own."""
    s = _past_time_words(toks, after + 1, after)
    return s < len(toks) and toks[s].norm == "that"


def _past_time_words(toks: list[Token], s: int, after: int) -> int:
    """The first token from ``s`` on that is not a time word ("on Monday") within three of the cue."""
    while s < len(toks) and toks[s].norm in TIME_WORDS and s - after < 4:
        s += 1
    return s


def _ends_a_sentence(text: str, q: Quote) -> bool:
    """Whether a quotation's words end with a full stop before the closing mark ('… village."')."""
    inner = text[q.start : q.end].rstrip().rstrip("\"”’'").rstrip()
    return inner.endswith(".") and not inner.endswith("..")


def _clause_content(r: Reading, toks: list[Token], first: int, after: int) -> Span | None:
    """The clause a cue credits when no quotation is next to it: the words after the cue (token ``after``),
    or, when the cue ends the sentence, the words before the source (token ``first``)."""
    text = r.text
    n = len(toks)
    s = after + 1
    if s < n and toks[s].norm == "that":
        s += 1
    s = _past_time_words(toks, s, after)
    if n - s >= 2 and not (_comma_aside(text, toks, first) and _comma_aside(text, toks, s)):
        return r.span(toks[s].start, toks[-1].end)
    if first > 0:
        if s < n:  # "The plan, she said, is flawed."
            return r.span(toks[0].start, toks[-1].end)
        return trimmed(r, toks[0].start, toks[first].start)
    return None


def _comma_aside(text: str, toks: list[Token], i: int) -> bool:
    """A comma between token i-1 and token i: one side of ", she said," set off inside a sentence."""
    return i > 0 and hard_gap(text, toks, i) and "," in gap(text, toks, i)


def trimmed(r: Reading, start: int, end: int) -> Span | None:
    """The span from ``start`` to ``end`` without the commas, spaces and dashes that join it to its cue."""
    text = r.text
    while end > start and text[end - 1] in QUOTE_JOIN:
        end -= 1
    return r.span(start, end) if end > start else None
