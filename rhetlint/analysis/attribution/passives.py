"""Passive reports: "it is believed", "is widely seen as", "was criticized by unions", "…, backed by X".

A passive with an agent ("by the unions") credits the agent like an active verb. Without one it is a
sourceless attribution, and a vague one when the report is general ("is widely believed", "it is said")
rather than a passive that merely leaves the speaker out ("was asked").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from rhetlint.analysis.attribution.gaps import comma_gap, gap, hard_gap
from rhetlint.analysis.attribution.grammar import AUX_SKIP, BE, CLAUSE_WORDS, PREPOSITIONS
from rhetlint.analysis.attribution.mentions import right_np
from rhetlint.analysis.attribution.model import SpeakerGuess
from rhetlint.analysis.attribution.speakers import classify

if TYPE_CHECKING:
    from rhetlint.analysis.attribution.lexicon import Cue
    from rhetlint.analysis.attribution.reading import Reading
    from rhetlint.model.document import Span
    from rhetlint.text.tokens import Token

# Adverbs that make a passive report general ("is widely believed", "has long been seen as").
GENERAL_ADVERBS = frozenset(
    {
        "widely",
        "generally",
        "commonly",
        "often",
        "broadly",
        "popularly",
        "universally",
        "increasingly",
        "largely",
        "frequently",
        "sometimes",
        "traditionally",
        "long",
        "usually",
        "typically",
        "occasionally",
        "variously",
        "repeatedly",
        "roundly",
    }
)
# Adverbs allowed between "be" and a participle ("is widely believed", "was not expected").
PASSIVE_SKIP = GENERAL_ADVERBS | frozenset(
    {
        "not",
        "also",
        "still",
        "now",
        "being",
        "been",
        "already",
        "even",
        "once",
        "then",
        "never",
        "previously",
        "privately",
        "publicly",
        "reportedly",
        "initially",
        "originally",
        "first",
    }
)
# What may stand before a passive participle back to its subject: those adverbs and forms of "be".
PASSIVE_LEFT = PASSIVE_SKIP | BE
# Speech verbs whose passive still reports what someone said ("was criticized", "was asked").
PASSIVE_SPEECH = frozenset(
    {
        "ask",
        "criticize",
        "criticise",
        "accuse",
        "praise",
        "condemn",
        "blame",
        "predict",
        "confirm",
        "estimate",
        "quote",
        "cite",
        "warn",
        "urge",
        "promise",
        "deny",
        "question",
        "dismiss",
        "reject",
        "challenge",
        "dispute",
        "hail",
        "label",
        "brand",
        "dub",
        "describe",
        "characterize",
        "characterise",
        "deem",
        "call",
    }
)
# Describing verbs whose agentless passive is a vague attribution even without "to"/"as" ("was called a hoax").
DESCRIBING = frozenset({"call", "describe", "label", "brand", "dub", "deem", "consider", "regard", "term"})
# Verbs that name rather than judge when a name follows ("is called `the Twenties'", "is known as Teesside").
NAMING = frozenset({"call", "name", "dub", "term", "know", "title", "nickname", "style"})
# A quotation mark of any style, including TeX and typewriter quotes.
QUOTE_MARK = re.compile(r"[\"“”‘'`«»]")
# Particles after "called" that make it a different verb ("called off", "called up").
CALL_PARTICLES = frozenset({"off", "up", "in", "out", "back", "for", "on", "to", "upon", "into"})


def read_participle(r: Reading, toks: list[Token], k: int, cue_end: int, entry: Cue) -> int:
    """Read a past participle at token k as a passive report ("is believed") or as a participle with its
    agent after a comma ("…, criticized by unions"); return the last token index it used, or -1 when it is
    neither (an active verb: "said")."""
    text = r.text
    j = k - 1
    general = False  # an adverb makes the report general: "is widely believed"
    be = -1
    while j >= 0 and not hard_gap(text, toks, j + 1) and toks[j].norm in PASSIVE_LEFT:
        general = general or toks[j].norm in GENERAL_ADVERBS
        if toks[j].norm in BE:
            be = j
        j -= 1
    if be >= 0:
        return _passive(r, toks, be, cue_end, entry, general)
    if k > 0 and comma_gap(text, toks, k) or (k == 1 and toks[0].norm == "as") or k == 0:
        # "…, criticized by unions", "As reported by the Journal, …", "Asked by Smith whether …"
        return _reduced_passive(r, toks, k, cue_end, entry.cls)
    return -1


def _passive(r: Reading, toks: list[Token], be: int, cue_end: int, entry: Cue, general: bool) -> int:
    """Read a passive whose form of "be" is token ``be``; return the last token index it used."""
    n = len(toks)
    nxt = toks[cue_end + 1].norm if cue_end + 1 < n else ""
    if entry.base == "call" and nxt in CALL_PARTICLES:
        return cue_end
    if entry.cls in ("impression", "refusal", "quote"):
        return cue_end
    if nxt == "by" and cue_end + 2 < n:
        # any reporting verb credits its agent: "was denounced by the party's chairman", "is backed by unions"
        cue = r.span(toks[be].start, toks[cue_end].end)
        used = _credit_agent(r, toks, cue_end + 2, cue, (0, be), entry.cls)
        if used >= 0:
            return used
    if not _reports(entry):
        return cue_end  # "was endorsed": without its agent, a passive that reports no one's words
    if entry.cls == "as" and not any(t.norm in ("as", "to") for t in toks[cue_end + 1 : cue_end + 4]):
        return cue_end  # "are often seen in trees": seeing, not a view
    _agentless(r, toks, be, cue_end, entry, general, nxt)
    return cue_end


def _reduced_passive(r: Reading, toks: list[Token], k: int, cue_end: int, cls: str) -> int:
    """A participle after a comma with its agent ("the plan, criticized by unions as unfair,"): return the
    last token index used, or -1 when no agent follows."""
    n = len(toks)
    by = next((i for i in range(cue_end + 1, min(n, cue_end + 6)) if toks[i].norm == "by"), -1)
    if by > 0 and by + 1 < n:
        return _credit_agent(r, toks, by + 1, r.tok_span(toks, k, cue_end + 1), (cue_end + 1, by), cls)
    return -1


def _credit_agent(
    r: Reading, toks: list[Token], i: int, cue: Span, content: tuple[int, int], cls: str
) -> int:
    """Record a paraphrase whose source is the agent starting at token i and whose content is the tokens in
    ``content``; return the agent's last token index, or -1 when it does not look like a source."""
    right = right_np(r, toks, i)
    if right is None:
        return -1
    guess = classify(r, toks, right[0], right[1], "speech")
    if guess is None:
        return -1
    a, b = content
    r.record(
        "paraphrase",
        cue,
        r.tok_span(toks, right[0], right[1]),
        r.tok_span(toks, a, b) if b > a else None,
        guess,
        cls,
    )
    return right[1] - 1


def _reports(entry: Cue) -> bool:
    """Whether an agentless passive of this verb still reports speech or thought ("was told", "is feared")."""
    return entry.cls in ("say", "clause", "belief", "as") or entry.hearsay or entry.base in PASSIVE_SPEECH


def _agentless(
    r: Reading, toks: list[Token], j: int, cue_end: int, entry: Cue, general: bool, nxt: str
) -> None:
    """Record a passive with no agent ("is believed", "it is said that …") as a sourceless attribution."""
    n = len(toks)
    it = _expletive_it(r.text, toks, j)
    expletive = it >= 0 or toks[j].norm == "it's"
    vague = (
        entry.hearsay
        and not _naming(r, toks, cue_end, entry, nxt)
        and (
            expletive
            or general
            or (entry.base in DESCRIBING and _complement(r, toks, cue_end, nxt))
            or nxt in ("to", "as")
            or entry.cls == "as"
        )
    )
    if expletive and nxt == "that" and cue_end + 2 < n:
        content = r.tok_span(toks, cue_end + 2, n)
    else:
        content = r.tok_span(toks, 0, n)
    cue_start = toks[it].start if it >= 0 and toks[j].norm != "it's" else toks[j].start  # "it is said"
    r.record(
        "sourceless",
        r.span(cue_start, toks[cue_end].end),
        None,
        content,
        SpeakerGuess("vague" if vague else "none", "", None, ()),
        entry.cls,
    )


def _expletive_it(text: str, toks: list[Token], j: int) -> int:
    """The index of an "it" that opens the passive whose "be" is token j ("it is widely believed", "it has
    long been said"), or -1."""
    e = j - 1
    while e >= 0 and toks[e].norm in AUX_SKIP and not hard_gap(text, toks, e + 1):
        e -= 1
    return e if e >= 0 and toks[e].norm == "it" and not hard_gap(text, toks, e + 1) else -1


def _naming(r: Reading, toks: list[Token], cue_end: int, entry: Cue, nxt: str) -> bool:
    """A naming verb followed by a name or a quoted term ("is called `the Twenties'", "is known as Teesside")."""
    return entry.base in NAMING and (
        nxt == "as"
        or any(
            toks[i].text[:1].isupper() or QUOTE_MARK.search(gap(r.text, toks, i))
            for i in range(cue_end + 1, min(len(toks), cue_end + 3))
        )
    )


def _complement(r: Reading, toks: list[Token], cue_end: int, nxt: str) -> bool:
    """A describing verb followed directly by what it calls the subject ("was called a hoax")."""
    return (
        bool(nxt)
        and not hard_gap(r.text, toks, cue_end + 1)
        and nxt not in PREPOSITIONS
        and nxt not in CLAUSE_WORDS
    )
