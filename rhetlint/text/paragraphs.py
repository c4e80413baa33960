"""How plain text falls into paragraphs: blank lines, or one paragraph per line in unwrapped text.

Drafts pasted from the web or typed in an editor that wraps long lines put one paragraph on each line with
no blank line between; hard-wrapped prose breaks lines mid-sentence. The heuristics here tell the two apart
(docs/input-formats.md).
"""

from __future__ import annotations

from rhetlint.text.lines import BLANK_LINES, LINE_BREAK


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Narrow ``text[start:end]`` to exclude white space at either end; start == end when nothing else is left."""
    chunk = text[start:end]
    lead = len(chunk) - len(chunk.lstrip())
    return start + lead, start + max(lead, len(chunk.rstrip()))


def paragraph_spans(text: str, lo: int = 0, hi: int | None = None) -> list[tuple[int, int]]:
    """Paragraphs of text[lo:hi] separated by blank lines, or by single line breaks in unwrapped text."""
    hi = len(text) if hi is None else hi
    blocks: list[tuple[int, int]] = []
    pos = lo
    for m in [*BLANK_LINES.finditer(text, lo, hi), None]:
        start, end = trim(text, pos, m.start() if m else hi)
        if start < end:
            blocks.extend(_unwrapped_lines(text, start, end))
        if m:
            pos = m.end()
    return blocks


# Hard-wrapped prose keeps its lines well under this width; a paragraph whose lines run longer was typed one
# paragraph per line (soft-wrapped editors, copy from the web, corpus exports).
WRAP_WIDTH = 100
# Closing marks that may follow a sentence's final punctuation at the end of a line.
CLOSING_MARKS = "\"”’')]"
# What a parser writes over a line that is not prose but must not end its paragraph (a suppression
# directive): such a line is left out when deciding whether a paragraph's lines are paragraphs.
IGNORED_LINE = "\x00"


# Abbreviations that stand before a name, so a line ending in one ("Sen.", "J.") runs on into the next.
# ("U.S.", "p.m." or "Inc." end sentences as often as not.)
NAME_TITLES = frozenset(
    "mr mrs ms dr prof sen rep gov lt gen col maj capt cmdr adm sgt cpl pvt st rev fr hon pres supt det insp "
    "atty amb sec messrs mme mlle".split()
)


def _ends_sentence(line: str) -> bool:
    """Whether a line ends with a sentence: terminal punctuation, not after a title or an initial ("Sen.",
    "George W.")."""
    core = line.rstrip().rstrip(CLOSING_MARKS)
    if core[-1:] in ("!", "?", ":", "…"):
        return True
    if core[-1:] != ".":
        return False
    words = core[:-1].split()
    last = words[-1].lstrip("(\"“‘'").lower() if words else ""
    return not (last in NAME_TITLES or (len(last) == 1 and last.isalpha() and words[-1][-1:].isupper()))


def _unwrapped_lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """One block, or one per line when the lines are paragraphs: when at least half of them are too long
    to be hard-wrapped, or when three or more lines nearly all end a sentence (hard wrapping breaks lines
    mid-sentence far more often than not)."""
    breaks = list(LINE_BREAK.finditer(text, start, end))
    if not breaks:
        return [(start, end)]
    spans = [(start if k == 0 else breaks[k - 1].end(), m.start()) for k, m in enumerate(breaks)]
    spans.append((breaks[-1].end(), end))
    lines = [text[a:b] for a, b in spans if text[a:b].strip(IGNORED_LINE + " \t")]
    long_lines = 2 * sum(1 for line in lines if len(line) > WRAP_WIDTH) >= len(lines)
    ended = sum(1 for line in lines[:-1] if _ends_sentence(line))
    if not long_lines and not (len(lines) >= 3 and ended >= 0.8 * (len(lines) - 1)):
        return [(start, end)]
    blocks: list[tuple[int, int]] = []
    for a, b in spans:
        a, b = trim(text, a, b)
        if a < b and text[a:b].strip(IGNORED_LINE):
            blocks.append((a, b))
    return blocks
