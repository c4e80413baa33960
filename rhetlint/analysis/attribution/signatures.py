"""Posts embedded in copy pasted from the web, credited by their signature line.

A social-media post embedded in a story arrives as its text followed by a signature: "— Jane Roe
(@janeroe) March 3, 2019". The words of the post are the account holder's, not the writer's, so the
signature credits the paragraph just before it, as a direct quotation of the named account.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from rhetlint.analysis.attribution.model import Attribution
from rhetlint.analysis.wordlists import word_set
from rhetlint.model.document import Span

if TYPE_CHECKING:
    from rhetlint.model.document import Document

__all__ = ["signed_posts"]

# "— Jane Roe (@janeroe) March 3, 2019", "- NRA (@NRA) June 1, 2020", "— Jane Roe (@jane_roe)"
SIGNATURE = re.compile(
    r"[ \t]*(?P<dash>[—–-]{1,2})[ \t]*"
    r"(?P<name>[^\s(@—–][^()\n@]{0,60}?)[ \t]*\((?P<handle>@\w{1,30})\)"
)


def signed_posts(doc: Document) -> list[Attribution]:
    """One quotation attribution per signed post: the signature's name credited with the post's text."""
    out: list[Attribution] = []
    org_words = word_set("attribution_org_words")
    text = doc.text
    for index, block in enumerate(doc.blocks):
        m = SIGNATURE.match(text, block.start, block.end)
        if m is None or index == 0:
            continue
        name = " ".join(m.group("name").split())
        if not name[:1].isupper():
            continue
        post = doc.blocks[index - 1]
        if post.kind != "paragraph" or SIGNATURE.match(text, post.start, post.end):
            continue
        kind = (
            "named-organisation"
            if any(w.lower() in org_words for w in name.split()) or name.isupper()
            else "named-person"
        )
        start, end = m.start("name"), m.start("name") + len(m.group("name"))
        dash = Span(m.start("dash"), m.end("dash"), m.group("dash"))
        out.append(
            Attribution(
                kind="quote",
                cue=dash,
                source=Span(start, end, text[start:end]),
                content=Span(post.start, post.end, text[post.start : post.end]),
                source_type=kind,
                speaker=name,
                cue_class="quote",
                head=name.split()[-1].lower(),
            )
        )
    return out
