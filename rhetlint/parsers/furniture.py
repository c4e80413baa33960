"""Page furniture in copy pasted from the web: captions, video blurbs, link hover text, "Related:" lines.

None of it is the story's prose, and read as prose it yields false speakers ("FILE PHOTO", "Story
Highlights Iran's president") and loaded words nobody wrote for the story. The plain-text parser blanks it
like any other non-prose, so offsets stay file offsets. Each pattern is narrow: a whole line that starts
with a furniture label, a parenthesised photo credit, or a news site's hover text, never ordinary prose.
"""

from __future__ import annotations

import re

# A line that is a caption, a video blurb, an advertisement marker, a "story highlights" box or a link list.
FURNITURE_LINE = re.compile(
    r"^[ \t]*(?:"
    r"(?:FILE )?PHOTOS?[ \t]*:|(?:File )?Photos?[ \t]*:|IMAGE[ \t]*:|Image[ \t]*:|VIDEO[ \t]*:|Video[ \t]*:"
    r"|(?:Related|RELATED|Read [Mm]ore|READ MORE|More|MORE|See also|SEE ALSO)[ \t]*:"
    r"|(?:Advertisement|ADVERTISEMENT)[ \t]*(?=\r?\n|\Z)"
    r"|CLOSE[ \t]+(?=[A-Z])"
    r"|Story [Hh]ighlights\b|STORY HIGHLIGHTS\b"
    r")[^\r\n]*",
    re.M,
)
# A parenthesised photo credit or caption inside a line: "(Photo: Jane Roe, AP)", "( PHOTOS: …)",
# "(AP Photo/Jane Roe, File)"; and a "Story Highlights" box run into the end of a caption line.
# (Each pattern starts with a literal, which the regex engine searches for fast.)
PHOTO_CREDIT = re.compile(
    r"\((?:[ \t]*(?:PHOTOS?|Photos?|Image|IMAGE|Video|VIDEO)[ \t]*:[^()\r\n]{0,300}"
    r"|(?:AP|AFP) Photo/[^()\r\n]{0,120}|[^()\r\n]{0,80}/Getty Images)\)"
)
# A highlights box run into the end of a caption: "… AFP/Getty Images) Story Highlights Iran's president …".
HIGHLIGHTS = re.compile(r"(?<=\) )Story [Hh]ighlights\b[^\r\n]*")
# A link's hover text run into the prose: the person's full name, then (with no space) the site's
# headlines, up to "MORE": "President Trump Donald John TrumpGOP senators balk … MORE on Thursday said".
# The visible name ("Trump") is kept; the hover text starts at the full name that ends with it.
# Words are bounded (a name's word is short) so a long run of capitals costs linear time.
HOVER_TEXT = re.compile(
    r"\b([A-Z][\w.'’-]{0,30})[ \t]+((?:[A-Z][\w.'’-]{0,30}[ \t]+){0,3}?\1(?=[A-Z\d\"'“‘])[^\r\n]{1,400}? MORE)\b"
)


def furniture_spans(text: str) -> list[tuple[int, int]]:
    """Spans of ``text`` that are page furniture, in order (they may touch but never need merging)."""
    spans = [(m.start(), m.end()) for m in FURNITURE_LINE.finditer(text)]
    spans += [(m.start(), m.end()) for m in PHOTO_CREDIT.finditer(text)]
    spans += [(m.start(), m.end()) for m in HIGHLIGHTS.finditer(text)]
    if " MORE" in text:
        spans += [(m.start(2), m.end(2)) for m in HOVER_TEXT.finditer(text)]
    return sorted(spans)
