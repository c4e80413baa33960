"""The document model every rule reads: prose text, blocks, sentences, tokens and quotations.

Parsers blank non-prose (code, markup, URLs, comments) with spaces but keep line breaks, so ``doc.text`` has
the same length as ``doc.source`` and every offset in it is an offset into the file. Everything derived from
the text is computed once, lazily, and shared by all rules.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from operator import itemgetter
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol, TypeVar

from rhetlint.text.lines import LineIndex
from rhetlint.text.paragraphs import paragraph_spans
from rhetlint.text.quotes import Quote, find_quotes
from rhetlint.text.tokens import Token, tokenize

if TYPE_CHECKING:  # types only: the analyses import this module, never the other way round
    from rhetlint.analysis.attribution import Attribution
    from rhetlint.analysis.sources import Source


class _Ending(Protocol):
    @property
    def end(self) -> int: ...


_S = TypeVar("_S", bound=_Ending)


class Span(NamedTuple):
    start: int
    end: int
    text: str


class Block(NamedTuple):
    """A run of prose the parser found: a paragraph, heading, list item, table cell or title."""

    start: int
    end: int
    kind: str  # "paragraph", "heading", "item", "cell" or "title"
    quoted: bool = False  # inside a block quotation


class Sentence(NamedTuple):
    start: int
    end: int
    text: str
    block: int  # index into doc.blocks


class Comment(NamedTuple):
    """A comment in the source (``<!-- … -->``); suppression directives live here."""

    start: int
    end: int
    body: str


class Link(NamedTuple):
    start: int  # the link text
    end: int
    target: str


@dataclass(frozen=True)
class LintContext:
    """What the configuration tells the analyses about a document; the linter sets it after parsing.

    ``sides`` maps a side's name to the names of the parties on it (``[tool.rhetlint.sides]``); None lets the
    sides analysis infer them from the story.
    """

    sides: Mapping[str, Sequence[str]] | None = None


# name -> function computing that analysis for a document; filled by ``register_analysis``.
_ANALYSES: dict[str, Callable[[Document], Any]] = {}


def register_analysis(name: str, compute: Callable[[Document], Any]) -> None:
    """Make ``doc.analysis(name)`` compute ``compute(doc)`` once per document.

    The analyses (``rhetlint.analysis``) register themselves when imported, so the model needs no import of
    the layers above it; the linter imports them, and so does the first use of a name from ``rhetlint``.
    """
    _ANALYSES[name] = compute


# The built-in parsers (``rhetlint.parsers``) register themselves here, for ``Document.from_text``.
_PARSER: Callable[[str, str | None, str | None], Document] | None = None


def register_parser(parse: Callable[[str, str | None, str | None], Document]) -> None:
    """Make ``Document.from_text`` parse with ``parse(source, path, format)``."""
    global _PARSER
    _PARSER = parse


def _starts_of(name: str) -> cached_property[list[int]]:
    """A cached list of the starts of ``doc.<name>``, for bisection."""
    return cached_property(lambda doc: [item.start for item in getattr(doc, name)])


class Document:
    """A parsed draft. Construct through a parser (``rhetlint.parsers``) or ``Document.from_text``."""

    def __init__(
        self,
        source: str,
        text: str | None = None,
        *,
        path: str | None = None,
        format: str = "text",
        blocks: list[Block] | None = None,
        comments: list[Comment] | None = None,
        links: list[Link] | None = None,
        front_matter: dict[str, Any] | None = None,
        quote_regions: list[tuple[int, int]] | None = None,
        notes: list[str] | None = None,
    ) -> None:
        text = source if text is None else text
        if len(text) != len(source):
            raise ValueError("a parser must keep the prose text the same length as the source")
        self.source = source
        self.text = text
        self.path = path
        self.format = format
        self.blocks = blocks if blocks is not None else plain_blocks(text)
        self.comments = comments or []
        self.links = links or []
        self.front_matter = front_matter or {}
        self.quote_regions = quote_regions or []
        # What the parser could not do as usual, one line each, told to the user (the linting goes on).
        self.notes = notes or []
        # What the configuration says that analyses need (e.g. sides); the linter sets it after parsing.
        self.context = LintContext()
        self._analysed: dict[str, Any] = {}

    @classmethod
    def from_text(cls, source: str, path: str | None = None, format: str | None = None) -> Document:
        """Parse ``source`` with the built-in parser for ``format`` (guessed from ``path`` when omitted)."""
        if _PARSER is None:
            raise LookupError("no parser is registered (import rhetlint.parsers)")
        return _PARSER(source, path, format)

    # --- positions -------------------------------------------------------------------------------
    @cached_property
    def lines(self) -> LineIndex:
        return LineIndex(self.source)

    def position(self, offset: int) -> tuple[int, int]:
        """Return the 1-based (line, column) of an offset; columns count code points."""
        return self.lines.position(offset)

    # --- structure -------------------------------------------------------------------------------
    @cached_property
    def paragraphs(self) -> list[Span]:
        return [Span(b.start, b.end, self.text[b.start : b.end]) for b in self.blocks]

    _block_starts = _starts_of("blocks")

    def block_index(self, offset: int) -> int:
        """Index of the block containing (or preceding) ``offset``; -1 before the first."""
        return bisect_right(self._block_starts, offset) - 1

    def block_at(self, offset: int) -> Block | None:
        return _containing(self.blocks, self.block_index(offset), offset)

    @cached_property
    def sentences(self) -> list[Sentence]:
        from rhetlint.text.sentences import split_spans

        text = self.text
        out = []
        for index, block in enumerate(self.blocks):
            for start, end in split_spans(text, block.start, block.end):
                out.append(Sentence(start, end, text[start:end], index))
        return out

    _sentence_starts = _starts_of("sentences")

    def sentence_index(self, offset: int) -> int:
        """Index of the sentence containing (or preceding) ``offset``; -1 before the first."""
        return bisect_right(self._sentence_starts, offset) - 1

    def sentence_at(self, offset: int) -> Sentence | None:
        return _containing(self.sentences, self.sentence_index(offset), offset)

    def starts_sentence(self, offset: int) -> bool:
        """Return True when a sentence starts exactly at ``offset``."""
        i = self.sentence_index(offset)
        return i >= 0 and self.sentences[i].start == offset

    # --- words -----------------------------------------------------------------------------------
    @cached_property
    def tokens(self) -> list[Token]:
        return tokenize(self.text)

    @cached_property
    def _token_starts(self) -> list[int]:
        return [t.start for t in self.tokens]

    def token_index(self, offset: int, lo: int = 0, hi: int | None = None) -> int:
        """Index of the first token starting at or after ``offset`` (searching tokens ``lo`` to ``hi``)."""
        starts = self._token_starts
        return bisect_left(starts, offset, lo, len(starts) if hi is None else hi)

    def tokens_between(self, start: int, end: int) -> list[Token]:
        """Return the tokens that start inside [start, end)."""
        return self.tokens[self.token_index(start) : self.token_index(end)]

    @cached_property
    def word_count(self) -> int:
        norms = map(itemgetter(3), self.tokens)  # C-level loops: this runs on every document
        return len(self.tokens) - sum(map(str.isdigit, norms))

    # --- quotations ------------------------------------------------------------------------------
    @cached_property
    def quotes(self) -> list[Quote]:
        """Quotations in order; level-2 entries are quotations inside quotations."""
        blocks = [(b.start, b.end, b.quoted) for b in self.blocks]
        found = find_quotes(self.text, blocks, continue_lines=self.format == "text")
        found.extend(Quote(s, e, 1, "inline", True) for s, e in self.quote_regions)
        found.sort()
        return found

    @cached_property
    def _quote_intervals(self) -> tuple[list[int], list[int]]:
        merged: list[list[int]] = []
        for q in self.quotes:
            if q.level != 1:
                continue
            if merged and q.start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], q.end)
            else:
                merged.append([q.start, q.end])
        return [m[0] for m in merged], [m[1] for m in merged]

    def in_quote(self, offset: int) -> bool:
        """Return True when ``offset`` lies inside a direct quotation (the speaker's words)."""
        starts, ends = self._quote_intervals
        i = bisect_right(starts, offset) - 1
        return i >= 0 and offset < ends[i]

    def quote_at(self, offset: int) -> Quote | None:
        """Return the outermost quotation containing ``offset``."""
        for q in self.quotes:
            if q.start > offset:
                break
            if q.level == 1 and q.start <= offset < q.end:
                return q
        return None

    # --- analysis --------------------------------------------------------------------------------
    def analysis(self, name: str) -> Any:
        """Return the registered analysis ``name`` for this document, computing it on first use."""
        if name not in self._analysed:
            try:
                compute = _ANALYSES[name]
            except KeyError:
                raise LookupError(
                    f"no analysis named {name!r} is registered (import rhetlint.analysis)"
                ) from None
            self._analysed[name] = compute(self)
        return self._analysed[name]

    @property
    def attributions(self) -> list[Attribution]:
        """Who is credited with which words: see ``rhetlint.analysis.attribution``."""
        result: list[Attribution] = self.analysis("attributions")
        return result

    @property
    def sources(self) -> list[Source]:
        """The attributions grouped into sources (people, organisations, anonymous groups), with sides."""
        result: list[Source] = self.analysis("sources")
        return result

    def __repr__(self) -> str:
        return f"<Document {self.path or '<text>'} format={self.format} chars={len(self.source)}>"


def _containing(items: Sequence[_S], index: int, offset: int) -> _S | None:
    """``items[index]`` when it contains ``offset`` (``index`` from a bisection of the starts), else None."""
    return items[index] if index >= 0 and offset < items[index].end else None


def plain_blocks(text: str, lo: int = 0, hi: int | None = None) -> list[Block]:
    """Paragraphs of text[lo:hi] separated by blank lines, or by single line breaks in unwrapped text."""
    return [Block(start, end, "paragraph") for start, end in paragraph_spans(text, lo, hi)]
