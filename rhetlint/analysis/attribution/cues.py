"""The cues that are not verbs: "according to X", sourceless phrases, and a headline's "Smith: …".

Each takes its source from a fixed place (the noun phrase after "according to", the words before the
colon) or has none ("conventional wisdom"), so they need none of the tests a verb needs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rhetlint.analysis.attribution.content import trimmed
from rhetlint.analysis.attribution.gaps import gap, hard_gap
from rhetlint.analysis.attribution.mentions import right_np
from rhetlint.analysis.attribution.model import SpeakerGuess
from rhetlint.analysis.attribution.speakers import classify

if TYPE_CHECKING:
    from rhetlint.analysis.attribution.reading import Reading
    from rhetlint.model.document import Sentence, Span
    from rhetlint.text.tokens import Token


def read_according(r: Reading, toks: list[Token], k: int) -> int:
    """Read "according to X" at token k; return the last token index it used."""
    n = len(toks)
    if k + 2 >= n:
        return k + 1
    right = right_np(r, toks, k + 2)
    if right is None:
        return k + 1
    guess = classify(r, toks, right[0], right[1], "according")
    if guess is None:
        return k + 1
    content: Span | None = None
    if k == 0 and right[1] < n:
        content = r.tok_span(toks, right[1], n)
    elif k > 0:
        content = trimmed(r, toks[0].start, toks[k].start)
    r.record(
        "according-to",
        r.tok_span(toks, k, k + 2),
        r.tok_span(toks, right[0], right[1]),
        content,
        guess,
        "according",
    )
    return right[1] - 1


def read_phrase(
    r: Reading, toks: list[Token], k: int, options: tuple[tuple[tuple[str, ...], str], ...]
) -> int:
    """Read a sourceless phrase ("conventional wisdom", "it is no secret") starting at token k; return the
    last token index it used."""
    for rest, kind in options:
        m = len(rest)
        if tuple(t.norm for t in toks[k + 1 : k + 1 + m]) == rest:
            r.record(
                "sourceless",
                r.tok_span(toks, k, k + 1 + m),
                None,
                r.tok_span(toks, 0, len(toks)),
                SpeakerGuess(kind, "", None, ()),
                "phrase",
            )
            return k + m
    return k


def read_colon_quote(r: Reading, sent: Sentence, toks: list[Token]) -> None:
    """A headline-style attribution: 'Smith: "We will win."'."""
    text = r.text
    for i in range(min(5, len(toks) - 1)):
        between = gap(text, toks, i + 1)
        if ":" in between:
            if not all(t.text[:1].isupper() for t in toks[: i + 1]):
                return
            colon = toks[i].end + between.index(":")
            p = colon + 1
            while p < len(text) and text[p] in " \t":
                p += 1
            q = r.quotes.by_start.get(p)
            if q is not None:
                content = r.span(q.start, q.end)
            elif _speaker_label(r, toks, i, sent) and i + 3 < len(toks):
                content = r.span(toks[i + 1].start, toks[-1].end)  # "FALLIN: Well, I think …"
            else:
                return
            guess = classify(r, toks, 0, i + 1, "speech")
            if guess is not None:
                r.record(
                    "quote" if q is not None else "paraphrase",
                    r.span(colon, colon + 1),
                    r.tok_span(toks, 0, i + 1),
                    content,
                    guess,
                    "colon",
                )
            return
        if hard_gap(text, toks, i + 1):
            return


def _speaker_label(r: Reading, toks: list[Token], i: int, sent: Sentence) -> bool:
    """A colon after a transcript speaker ("FALLIN:") or a headline source ("Lynch: No outside …")."""
    if all(t.text.isupper() and len(t.text) > 1 for t in toks[: i + 1]):
        return True
    block = r.doc.blocks[sent.block]
    return block.kind in ("heading", "title") or sent.block == 0
