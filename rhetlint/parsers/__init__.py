"""Built-in document parsers: plain text, Markdown and HTML.

Each parser keeps the prose where it is and blanks everything else (code, markup, link targets, URLs,
comments, front matter) with spaces, keeping line breaks, so offsets in ``doc.text`` are file offsets.
They are registered as an essential plugin; a plugin can take over a format with ``rhetlint_parse_document``.
"""

from __future__ import annotations

from pathlib import PurePath

from rhetlint.hooks.specs import hookimpl
from rhetlint.model.document import Document, register_parser
from rhetlint.parsers.common import blank
from rhetlint.parsers.html import parse_html
from rhetlint.parsers.markdown import parse_markdown
from rhetlint.parsers.plain import parse_text

__all__ = ["FORMATS", "blank", "guess_format", "parse", "parse_html", "parse_markdown", "parse_text"]

MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkd", ".mdx", ".qmd", ".rmd"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
FORMATS = ("text", "markdown", "html")


def guess_format(path: str | None) -> str:
    suffix = PurePath(path).suffix.lower() if path else ""
    if suffix in MARKDOWN_SUFFIXES:
        return "markdown"
    if suffix in HTML_SUFFIXES:
        return "html"
    return "text"


def parse(source: str, path: str | None = None, format: str | None = None) -> Document:
    format = format or guess_format(path)
    if format == "markdown":
        return parse_markdown(source, path)
    if format == "html":
        return parse_html(source, path)
    if format == "text":
        return parse_text(source, path)
    raise ValueError(f"unknown format {format!r}; expected one of {', '.join(FORMATS)}")


@hookimpl(trylast=True)
def rhetlint_parse_document(path: str | None, source: str, format: str | None) -> Document:
    return parse(source, path=path, format=format)


register_parser(lambda source, path, format: parse(source, path=path, format=format))
