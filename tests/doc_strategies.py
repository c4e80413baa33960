"""Hypothesis strategies for drafts in every input format: realistic structure with hostile characters.

The documents look like news copy (headlines, attributions, loaded wording that the rules flag and fix,
quotations) built into the structure of their format (Markdown headings, lists nested past markdown-it's
limit, block quotations, links, HTML tags, comments holding suppression directives), and every piece of
text may carry the characters that break offset arithmetic: astral characters, combining marks,
right-to-left text and controls, zero-width characters, NUL, and CRLF, CR or LF line ends.
"""

from __future__ import annotations

from dataclasses import dataclass

from hypothesis import strategies as st

# Words and phrases the rules react to, so that findings, fixes and attributions are common.
NEWS_PHRASES = (
    "The council",
    "slammed",
    "the plan",
    "claimed",
    "admitted",
    "the regime",
    "so-called",
    "critics say",
    "officials said",
    "according to Ana Ruiz",
    "said Ana Ruiz, the mayor",
    "Clearly",
    "blatant",
    "sweeping",
    "death tax",
    "world-class",
    "collateral damage",
    "thug",
    "It is widely believed",
    "Israel sees",
    "Smith told reporters",
    "he said",
    "a spokesman, who asked not to be named",
    "The union argued",
    "“very good”",
    '"alleged"',
    "‘so-called’",
    "«Ça va»",
    "café",
    "naïve",
)
# Characters that upset offsets, widths and word boundaries.
ASTRAL = ("😀", "👩\u200d👩\u200d👧", "🇫🇷", "𝕏", "𠀀", "𓀀", "\U0010fffd")
COMBINING = ("e\u0301", "a\u0308", "\u0301", "\u20dd", "n\u0303\u0323", "\u0915\u094d\u0937")
RTL = ("שלום", "مرحبا بالعالم", "\u200f", "\u200e", "\u202e", "\u202c", "\u2067", "\u2069", "עִברִית")
INVISIBLE = ("\u200b", "\u200c", "\u200d", "\ufeff", "\u034f", "\u2060", "\u00ad", "\u180e")
CONTROLS = (
    "\x00",
    "\x0b",
    "\x0c",
    "\x1c",
    "\x1d",
    "\x1e",
    "\x85",
    "\u2028",
    "\u2029",
    "\t",
    "\x7f",
    "\x1b[31m",
)
QUOTES = ("“", "”", "‘", "’", '"', "'", "«", "»", "„", "‹", "›", "`")
PUNCTUATION = (
    ".",
    ",",
    ";",
    ":",
    "!",
    "?",
    "…",
    "—",
    "–",
    "-",
    "(",
    ")",
    "[",
    "]",
    "&",
    "*",
    "_",
    "#",
    "<",
    ">",
)
DIRECTIVE_ACTIONS = ("disable", "enable", "disable-line", "disable-next-line", "disable-nextline", "")
RULE_NAMES = ("L101", "L1", "emotive-language", "loaded-language", "A102", "RL001", "nope", "ALL", "")
LINE_ENDS = ("\n", "\r\n", "\r")

# Any Unicode scalar value except surrogates (which no decoded file holds), biased to the odd ones above.
ANY_CHAR = st.characters(codec=None, exclude_categories=("Cs",))
ODD_CHAR = st.sampled_from(ASTRAL + COMBINING + RTL + INVISIBLE + CONTROLS + QUOTES + PUNCTUATION)


@dataclass(frozen=True)
class Draft:
    """A generated draft: its text, the format it is written in and a file name with the matching suffix."""

    source: str
    format: str

    @property
    def path(self) -> str:
        return {"text": "draft.txt", "markdown": "draft.md", "html": "draft.html"}[self.format]


def _word() -> st.SearchStrategy[str]:
    return st.one_of(
        st.sampled_from(NEWS_PHRASES),
        st.sampled_from(NEWS_PHRASES).map(str.upper),
        ODD_CHAR,
        st.text(ANY_CHAR, min_size=1, max_size=6),
        st.builds(
            lambda a, b, c: a + b + c, st.sampled_from(NEWS_PHRASES), ODD_CHAR, st.sampled_from(NEWS_PHRASES)
        ),
    )


@st.composite
def sentence(draw: st.DrawFn, inline: st.SearchStrategy[str] | None = None) -> str:
    """Words joined by spaces (or nothing), sometimes quoted, ending in punctuation or not."""
    piece = _word() if inline is None else st.one_of(_word(), inline)
    words = draw(st.lists(piece, min_size=1, max_size=10))
    separators = draw(st.lists(st.sampled_from((" ", " ", " ", "", "\u00a0", "  ")), min_size=len(words)))
    out = "".join(w + s for w, s in zip(words, separators, strict=False)).strip(" ")
    if draw(st.booleans()):
        left, right = draw(st.sampled_from((("“", "”"), ('"', '"'), ("‘", "’"), ("«", "»"), ("“", ""))))
        out = f"{left}{out}{right}"
        if draw(st.booleans()):
            out += draw(st.sampled_from((", she said", " said Smith", ", critics say", ", officials said")))
    return out + draw(st.sampled_from((".", ".", "!", "?", "", "…", ".”", ":")))


@st.composite
def paragraph(draw: st.DrawFn, inline: st.SearchStrategy[str] | None = None) -> str:
    sentences = draw(st.lists(sentence(inline), min_size=1, max_size=4))
    return " ".join(sentences)


def directive() -> st.SearchStrategy[str]:
    """The body of a suppression comment: valid, misspelt and truncated directives with reasons."""
    names = st.lists(st.sampled_from(RULE_NAMES), max_size=3).map(lambda ns: ", ".join(ns))
    reason = st.sampled_from(("", " -- quoting the court", " --", " -- ", "--x", " — why"))
    valid = st.builds(
        lambda a, n, r: f" rhetlint-{a} {n}{r} ",
        st.sampled_from(DIRECTIVE_ACTIONS),
        names,
        reason,
    )
    return st.one_of(valid, st.text(ANY_CHAR, max_size=12).map(lambda t: f" rhetlint-{t}"), _word())


def html_comment() -> st.SearchStrategy[str]:
    return st.one_of(
        directive().map(lambda d: f"<!--{d}-->"),
        st.sampled_from(("<!---->", "<!-- -->", "<!--", "-->", "<!-- a -- b -->", "<!--->")),
    )


def _join_lines(draw: st.DrawFn, lines: list[str]) -> str:
    """Lines joined by one chosen line end, or by a mix of LF, CRLF and CR."""
    if draw(st.booleans()):
        end = draw(st.sampled_from(LINE_ENDS))
        return end.join(lines) + draw(st.sampled_from(("", end)))
    ends = draw(st.lists(st.sampled_from(LINE_ENDS), min_size=len(lines), max_size=len(lines)))
    return "".join(line + e for line, e in zip(lines, ends, strict=True))


# --- plain text --------------------------------------------------------------------------------------
@st.composite
def plain_drafts(draw: st.DrawFn) -> Draft:
    block = st.one_of(
        paragraph(),
        paragraph(),
        st.builds(lambda d: f"# {d.strip()}", directive()),
        st.builds(lambda d: f"  //{d}", directive()),
        html_comment(),
        st.sampled_from(("Related: The council's budget", "Photo: Ana Ruiz/Reuters", "Hover text: x", "")),
        st.text(ANY_CHAR, max_size=20),
    )
    blocks = draw(st.lists(block, min_size=1, max_size=8))
    lines: list[str] = []
    for b in blocks:
        lines += [b, ""] if draw(st.booleans()) else [b]
    return Draft(_join_lines(draw, lines), "text")


# --- Markdown ----------------------------------------------------------------------------------------
def _md_inline() -> st.SearchStrategy[str]:
    text = st.sampled_from(NEWS_PHRASES)
    url = st.sampled_from(("https://example.org/a?b=c&d", "<https://x.y/z>", "/rel", "", "a b", "#frag"))
    return st.one_of(
        st.builds(lambda t, u: f"[{t}]({u})", text, url),
        st.builds(lambda t, u: f'[{t}]({u} "{t}")', text, url),
        st.builds(lambda t, u: f"![{t}]({u})", text, url),
        st.builds(lambda t: f"[{t}][ref]", text),
        st.builds(lambda t: f"*{t}*", text),
        st.builds(lambda t: f"**{t}**", text),
        st.builds(lambda t: f"_{t}_", text),
        st.builds(lambda t: f"`{t}`", text),
        st.builds(lambda t: f"~~{t}~~", text),
        st.builds(lambda t: f"<em>{t}</em>", text),
        st.sampled_from(
            ("&amp;", "&eacute;", "&#x1F600;", "&#10;", "&#13;", "&nbsp;", "&#0;", "&bogus;", "&#x110000;")
        ),
        st.sampled_from(("<br>", "\\*", "\\", "[^1]", "<span>", "</span>", "<", "https://auto.link/x")),
        html_comment(),
    )


@st.composite
def markdown_block(draw: st.DrawFn, depth: int = 0) -> list[str]:
    """One Markdown block as lines (without line ends)."""
    inline = _md_inline()
    kind = draw(
        st.sampled_from(
            (
                "para",
                "para",
                "heading",
                "setext",
                "list",
                "quote",
                "fence",
                "indented",
                "html",
                "comment",
                "table",
                "refdef",
                "rule",
                "footnote",
            )
        )
    )
    if kind == "para":
        return draw(st.lists(paragraph(inline), min_size=1, max_size=3))
    if kind == "heading":
        return [draw(st.sampled_from(("#", "##", "###", "######", "#######"))) + " " + draw(sentence(inline))]
    if kind == "setext":
        return [draw(sentence(inline)), draw(st.sampled_from(("===", "---", "-")))]
    if kind == "list":
        return draw(nested_list(inline))
    if kind == "quote":
        inner = draw(st.lists(paragraph(inline), min_size=1, max_size=3))
        level = draw(st.integers(1, 12))
        marker = draw(st.sampled_from((">", "> ", ">>")))
        return [marker * level + " " + line for line in inner]
    if kind == "fence":
        fence = draw(st.sampled_from(("```", "~~~", "````")))
        body = draw(st.lists(paragraph(), max_size=2))
        closed = draw(st.booleans())
        return [fence + draw(st.sampled_from(("", "python", "md"))), *body] + ([fence] if closed else [])
    if kind == "indented":
        return ["    " + p for p in draw(st.lists(paragraph(), min_size=1, max_size=2))]
    if kind == "html":
        tag = draw(st.sampled_from(("div", "p", "script", "style", "pre", "aside", "figure")))
        return [f"<{tag}>", draw(paragraph(inline)), f"</{tag}>"]
    if kind == "comment":
        return [draw(html_comment())]
    if kind == "table":
        cells = draw(st.lists(sentence(inline).map(lambda s: s.replace("|", "\\|")), min_size=1, max_size=3))
        return ["| " + " | ".join(cells) + " |", "|" + "---|" * len(cells), "| " + " | ".join(cells) + " |"]
    if kind == "refdef":
        return ["[ref]: https://example.org/ref 'Title'"]
    if kind == "footnote":
        return ["[^1]: " + draw(sentence(inline))]
    return [draw(st.sampled_from(("---", "***", "___", "- - -")))]


@st.composite
def nested_list(draw: st.DrawFn, inline: st.SearchStrategy[str]) -> list[str]:
    """A list whose items nest up to 14 levels deep (markdown-it stops nesting at about ten)."""
    items = draw(st.lists(st.tuples(st.integers(0, 14), sentence(inline)), min_size=1, max_size=14))
    marker = draw(st.sampled_from(("-", "*", "+", "1.", "1)")))
    out, level = [], 0
    for wanted, text in items:
        level = min(wanted, level + 1)  # a list nests one level at a time
        out.append("  " * level * (len(marker) + 1 if marker[0].isdigit() else 1) + f"{marker} {text}")
    return out


@st.composite
def markdown_drafts(draw: st.DrawFn) -> Draft:
    lines: list[str] = []
    if draw(st.booleans()):
        lines += ["---", "title: " + draw(sentence()), "sides:", "  a: [Israel, Israeli]", "- x", "---"]
    for block in draw(st.lists(markdown_block(), min_size=1, max_size=8)):
        lines += block + [""]
    return Draft(_join_lines(draw, lines), "markdown")


# --- HTML --------------------------------------------------------------------------------------------
HTML_BLOCK_TAGS = (
    "p",
    "div",
    "h1",
    "h2",
    "h6",
    "blockquote",
    "li",
    "ul",
    "ol",
    "section",
    "article",
    "td",
    "pre",
)
HTML_INLINE_TAGS = ("em", "strong", "a", "span", "q", "cite", "code", "abbr", "b", "i")
HTML_RAW = (
    "<br>",
    "<br/>",
    "<img alt='the regime slammed' src=x>",
    "<!DOCTYPE html>",
    "<![CDATA[ claimed ]]>",
    "<![**",
    "<?xml version='1.0'?>",
    "</p>",
    "</",
    "<",
    '<a href="x"',
    "<script>var x = 'slammed';</script>",
    "<style>p { color: red }</style>",
    "<title>The regime</title>",
    "<figcaption>Photo: Reuters</figcaption>",
    "&amp;",
    "&eacute;",
    "caf&eacute;&rsquo;s",
    "&#x1F600;",
    "&#10;",
    "&#13;",
    "&#133;",
    "&#0;",
    "&nbsp;",
    "&notanentity;",
    "&#xD800;",
)


@st.composite
def html_element(draw: st.DrawFn, depth: int = 0) -> str:
    choice = draw(st.integers(0, 9))
    if choice <= 2 or depth >= 16:
        return draw(paragraph())
    if choice == 3:
        return draw(st.sampled_from(HTML_RAW))
    if choice == 4:
        return draw(html_comment())
    tag = draw(st.sampled_from(HTML_BLOCK_TAGS + HTML_INLINE_TAGS))
    attrs = draw(
        st.sampled_from(("", ' class="x"', " href='https://e.org/?a=1&b=2'", ' title="slammed"', " hidden"))
    )
    # wide near the top, a chain of single children below: deep nesting without exponential size
    children = draw(st.lists(html_element(depth + 1), max_size=3 if depth < 3 else 1))
    close = draw(st.sampled_from((f"</{tag}>", f"</{tag}>", f"</{tag}>", "", "</div>")))
    sep = draw(st.sampled_from(("", "\n", " ", "\r\n", "\r")))
    return f"<{tag}{attrs}>" + sep.join(children) + close


@st.composite
def html_drafts(draw: st.DrawFn) -> Draft:
    parts = draw(st.lists(html_element(), min_size=1, max_size=8))
    if draw(st.booleans()):
        parts = ["<!DOCTYPE html>", "<html><head><title>x</title></head><body>", *parts, "</body></html>"]
    return Draft(_join_lines(draw, parts), "html")


# --- all formats -------------------------------------------------------------------------------------
@st.composite
def spliced(draw: st.DrawFn, drafts: st.SearchStrategy[Draft]) -> Draft:
    """A draft with random characters inserted at random places (breaking words, tags and line ends)."""
    draft = draw(drafts)
    source = draft.source
    for _ in range(draw(st.integers(0, 4))):
        at = draw(st.integers(0, len(source)))
        source = source[:at] + draw(st.one_of(ODD_CHAR, st.sampled_from(LINE_ENDS), ANY_CHAR)) + source[at:]
    return Draft(source, draft.format)


def drafts() -> st.SearchStrategy[Draft]:
    """A draft of any format: structured, structured with random characters spliced in, or random text."""
    structured = st.one_of(plain_drafts(), markdown_drafts(), html_drafts())
    return st.one_of(
        structured,
        spliced(structured),
        st.builds(Draft, st.text(ANY_CHAR, max_size=200), st.sampled_from(("text", "markdown", "html"))),
    )
