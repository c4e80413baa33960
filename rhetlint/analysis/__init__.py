"""Analyses shared by every plugin: who is credited with which words, the sources, and their sides.

Analysis is not a rule: it lives in the core, is computed once per document on first use, and is read by the
attribution and sourcing plugins and by third-party ones through ``doc.attributions`` and ``doc.sources``.
Importing this package registers the analyses with the document model.
"""

from __future__ import annotations

from bisect import bisect_left

from rhetlint.analysis.attribution import NOUN_MARKERS, Attribution, find_attributions, lexicon
from rhetlint.analysis.attribution.signatures import signed_posts
from rhetlint.analysis.headlines import outside_headlines
from rhetlint.analysis.organisations import StoryOrganisations
from rhetlint.analysis.sides import assign_sides, story_parties
from rhetlint.analysis.sources import Source, group_sources
from rhetlint.analysis.wordlists import tagged_phrases, word_lines, word_set
from rhetlint.model.document import Document, register_analysis

__all__ = [
    "NOUN_MARKERS",
    "Attribution",
    "Source",
    "lexicon",
    "story_parties",
    "tagged_phrases",
    "word_lines",
    "word_set",
]


def _sources(doc: Document) -> list[Source]:
    sources = group_sources(doc)
    assign_sides(doc, sources, doc.context.sides)
    return sources


def _attributions(doc: Document) -> list[Attribution]:
    found = find_attributions(doc)
    posts = _unread(signed_posts(doc), found)
    if posts:
        # a reporting verb inside a post ("the court knows it") is the post's own words, not the writer's
        inside = [(p.content.start, p.content.end) for p in posts if p.content is not None]
        found = [a for a in found if not any(s <= _position(a) < e for s, e in inside)]
        found = sorted(found + posts, key=_position)
    return outside_headlines(doc, found)


def _unread(posts: list[Attribution], found: list[Attribution]) -> list[Attribution]:
    """The signed posts whose signature the extractor did not already read ("“…” — Jane Roe"), so that no
    post is credited twice; one bisection per post."""
    spans = sorted((a.source.start, a.source.end) for a in found if a.source is not None)
    starts = [start for start, _ in spans]
    longest = max((end - start for start, end in spans), default=0)
    out = []
    for post in posts:
        assert post.source is not None  # every signed post names its account holder
        lo = bisect_left(starts, post.source.start - longest)
        hi = bisect_left(starts, post.source.end)
        if not any(spans[k][1] > post.source.start for k in range(lo, hi)):
            out.append(post)
    return out


def _position(att: Attribution) -> int:
    anchor = att.cue or att.source or att.content
    return anchor.start if anchor is not None else 0


register_analysis("attributions", _attributions)
register_analysis("sources", _sources)
register_analysis("organisations", StoryOrganisations)
