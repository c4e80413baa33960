"""The cues that are not verbs: "according to X", sourceless phrases, a headline's "Smith: …", a name
before a colon that opens a quotation, and a signature after one ("“…” ― Jane Roe").

Each takes its source from a fixed place (the noun phrase after "according to", the words before the
colon, the name after the dash) or has none ("conventional wisdom"), so they need none of the tests a verb
needs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rhetlint.analysis.attribution.content import trimmed
from rhetlint.analysis.attribution.gaps import gap, hard_gap
from rhetlint.analysis.attribution.grammar import MAX_NP
from rhetlint.analysis.attribution.mentions import right_np
from rhetlint.analysis.attribution.model import SpeakerGuess
from rhetlint.analysis.attribution.speakers import classify, names_someone

if TYPE_CHECKING:
    from rhetlint.analysis.attribution.reading import Reading
    from rhetlint.model.document import Sentence, Span
    from rhetlint.text.quotes import Quote
    from rhetlint.text.tokens import Token

# What "according to" may mean "in keeping with": a rule or a plan, which says nothing itself.
NORMS_FOLLOWED = frozenset(
    {"law", "laws", "plan", "plans", "schedule", "rules", "rule", "script", "tradition", "custom", "protocol"}
)
# Nouns for work that has an author, beside the documents list ("calculations by", "interviews with").
WORK_NOUNS = frozenset(
    {
        "calculations",
        "calculation",
        "interviews",
        "count",
        "tally",
        "tallies",
        "remarks",
        "comments",
        "disclosures",
        "filings",
        "accounts",
        "testimony",
    }
)
# Dashes that sign a quotation ("“…” ― Jane Roe"); a hyphen never does.
SIGNATURE_DASHES = "―—–"
# Longest signature name, in words ("Oscar P. Quintero", "Carlos Raúl Ortiz Díaz").
SIGNATURE_WORDS = 5
# How far after its dash a signature's line is read, in characters.
SIGNATURE_REACH = 120
# Space between a quotation and the dash that signs it: the same line or the next.
SIGNATURE_GAP = 4


def read_according(r: Reading, toks: list[Token], k: int) -> int:
    """Read "according to X" at token k; return the last token index it used."""
    n = len(toks)
    if k + 2 >= n:
        return k + 1
    right = right_np(r, toks, k + 2)
    if right is None:
        return k + 1
    if right[1] - right[0] <= 2 and toks[right[1] - 1].norm in NORMS_FOLLOWED:
        return k + 1  # "according to the law", "according to plan": in keeping with it, not a source
    cue_end = k + 2
    author = _author(r, toks, right)
    if author is not None:  # "according to calculations by Amy Glasmeier": the author is the source
        cue_end, right = right[1] + 1, author
    guess = classify(r, toks, right[0], right[1], "according")
    if guess is None and right[1] - right[0] > MAX_NP:
        # "according to early results of the exit polls conducted for …": typed by its first words
        guess = classify(r, toks, right[0], right[0] + MAX_NP, "according")
    if guess is None:
        return k + 1
    content: Span | None = None
    if k == 0 and right[1] < n:
        content = r.tok_span(toks, right[1], n)
    elif k > 0:
        content = trimmed(r, toks[0].start, toks[k].start)
    r.record(
        "according-to",
        r.tok_span(toks, k, cue_end),
        r.tok_span(toks, right[0], right[1]),
        content,
        guess,
        "according",
    )
    return right[1] - 1


def _author(r: Reading, toks: list[Token], right: tuple[int, int]) -> tuple[int, int] | None:
    """The author after a document or count in "according to a review by X", "according to interviews with X":
    the noun phrase after "by", "from" or "with" when the words before it name no one."""
    s, e = right
    if e + 1 >= len(toks) or toks[e].norm not in ("by", "from", "with") or hard_gap(r.text, toks, e):
        return None
    if any(t.text[:1].isupper() for t in toks[s:e]):
        return None  # "according to the Pew survey by …": the named document is the source
    head = toks[e - 1].norm
    if e - 1 > s and head.endswith("ed") and toks[e - 1].text.islower():
        head = toks[e - 2].norm  # "according to data collected by X", "figures compiled by X"
    if not (head in r.lex.documents or head in r.lex.vague or head in WORK_NOUNS):
        return None  # "according to a senior official with knowledge of …": a person, not a document
    return right_np(r, toks, e + 1)


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


def read_speaker_colon(r: Reading, toks: list[Token], colon: int) -> bool:
    """A name right before a colon that opens a quotation ("…, said the pollster Dan Shaw: “…”" aside, "The
    surge does not surprise pollster Daron Shaw: “Historically …”"); return whether one was recorded."""
    text = r.text
    q = quote_after_colon(r, colon)
    if q is None:
        return False
    i = next((i for i in range(len(toks) - 1, -1, -1) if toks[i].end <= colon), -1)
    if i < 0 or text[toks[i].end : colon].strip() or not names_someone(r, toks[i]):
        return False  # the word before the colon must be part of a name ("Shaw:"), not "said:" or "this:"
    s = i
    titles = r.lex.titles
    while s > 0 and i - s < SIGNATURE_WORDS and not hard_gap(text, toks, s):
        before = toks[s - 1]
        if not (before.text[:1].isupper() or before.norm in titles):
            break  # "Republican pollster Daron Shaw:", but not "doesn't surprise"
        s -= 1
    guess = classify(r, toks, s, i + 1, "speech")
    if guess is None or guess.type != "named-person" or not guess.speaker:
        return False
    r.record(
        "quote", r.span(colon, colon + 1), r.tok_span(toks, s, i + 1), r.span(q.start, q.end), guess, "colon"
    )
    return True


def quote_after_colon(r: Reading, colon: int) -> Quote | None:
    """The quotation that opens right after a colon, on the same line."""
    text = r.text
    p = colon + 1
    while p < len(text) and text[p] in " \t":
        p += 1
    return r.quotes.by_start.get(p)


def read_signatures(r: Reading) -> None:
    """Quotations signed with a dash and a name ("“He is our greatest shame.” ― Sonya Herridge"), as in
    collected reader comments and social-media posts ("— Jane Roe (@janeroe)")."""
    text, doc = r.text, r.doc
    credited = {a.content.start for a in r.found if a.content is not None and a.kind == "quote"}
    for dash_char in SIGNATURE_DASHES:
        dash = text.find(dash_char)
        while dash >= 0:
            q = _quote_before(r, dash)
            if q is not None and q.start not in credited:
                name = _signature_name(r, doc.tokens, doc.token_index(dash + 1), dash)
                if name is not None:
                    toks, s, e = name
                    guess = classify(r, toks, s, e, "speech")
                    if (
                        guess is not None
                        and guess.type in ("named-person", "named-organisation")
                        and guess.speaker
                    ):
                        r.record(
                            "quote",
                            r.span(dash, dash + 1),
                            r.tok_span(toks, s, e),
                            r.span(q.start, q.end),
                            guess,
                            "signature",
                        )
                        credited.add(q.start)
            dash = text.find(dash_char, dash + 1)


def _quote_before(r: Reading, dash: int) -> Quote | None:
    """The quotation that ends just before a dash, on its line or the line above."""
    text = r.text
    p = dash
    while p > 0 and dash - p < SIGNATURE_GAP and text[p - 1] in " \t\r\n":
        p -= 1
    return r.quotes.by_end.get(p)


def _signature_name(
    r: Reading, tokens: list[Token], a: int, dash: int
) -> tuple[list[Token], int, int] | None:
    """The name after a signing dash: capitalised words that end their line, or a handle in brackets or a
    comma after them ("― Jane Roe (@janeroe)", "— Ann Lee, Ohio"); as (tokens, start, end)."""
    text = r.text
    reach = min(len(text), dash + SIGNATURE_REACH)
    line_end = text.find("\n", dash, reach)
    line_end = reach if line_end < 0 else line_end
    e = a
    while e < len(tokens) and tokens[e].end <= line_end and e - a < SIGNATURE_WORDS:
        between = text[(tokens[e - 1].end if e > a else dash + 1) : tokens[e].start]
        if between.strip(" .\u00a0"):
            break
        if not tokens[e].text[:1].isupper():
            return None  # "— and then it ended": a dash inside a sentence
        e += 1
    if e == a or not any(names_someone(r, t) for t in tokens[a:e]):
        return None
    rest = text[tokens[e - 1].end : line_end].strip(" .\u00a0\t\r")
    if rest and rest[0] not in "(,":
        return None
    return tokens, a, e
