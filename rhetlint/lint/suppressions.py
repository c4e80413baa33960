"""Inline suppression directives written in the draft's comments.

Accepted forms (names, codes, code prefixes or categories; several separated by commas or spaces; a reason
may follow ``--``)::

    <!-- rhetlint-disable loaded-saying-verb -->      until the matching enable, or the end of the file
    <!-- rhetlint-enable loaded-saying-verb -->
    <!-- rhetlint-disable-next-line contentious-label -- quoting the court -->
    <!-- rhetlint-disable-line L101 -->               on the line the comment stands on
    <!-- rhetlint-disable -->                          every rule

Plain text uses a line of its own starting with ``#``, ``//`` or ``%``: ``# rhetlint-disable-next-line L101``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rhetlint.model.document import Document

# "rhetlint-<action> [rules] [-- reason]" inside a comment body.
DIRECTIVE = re.compile(
    r"rhetlint-(disable-next-line|disable-line|disable|enable)\b([^\r\n]*?)(?:\s--\s.*)?\s*$", re.S
)


@dataclass
class Directive:
    action: str
    rules: tuple[str, ...]  # empty: every rule
    start: int  # the comment's offsets, for RL001
    end: int
    lo: int = 0  # the stretch of the file it covers
    hi: int = 0
    used: set[str] = field(default_factory=set)

    def covers(self, selector_matches, offset: int, rule) -> bool:
        if not (self.lo <= offset < self.hi):
            return False
        return not self.rules or any(selector_matches(s, rule) for s in self.rules)


def parse_directives(doc: Document) -> list[Directive]:
    lines = doc.lines
    directives: list[Directive] = []
    open_ranges: list[Directive] = []
    for comment in doc.comments:
        m = DIRECTIVE.search(comment.body.strip())
        if not m:
            continue
        action = m.group(1)
        names = tuple(n for n in re.split(r"[\s,]+", m.group(2).strip()) if n)
        d = Directive(action, names, comment.start, comment.end)
        if action in ("disable-line", "disable-next-line"):
            if action == "disable-line":
                line = lines.position(comment.start)[0]
            else:
                line = lines.position(comment.end)[0] + 1
                while line <= lines.line_count() and not lines.line_text(line).strip():
                    line += 1  # the next line with text
            if line > lines.line_count():
                d.lo = d.hi = len(doc.source)
            else:  # the line and its line break
                d.lo, d.hi = lines.starts[line - 1], lines.line_span(line)[1] + 1
        elif action == "disable":
            d.lo, d.hi = comment.end, len(doc.source) + 1
            open_ranges.append(d)
        else:  # enable closes the latest matching disable
            for opened in reversed(open_ranges):
                if opened.rules == names or not names:
                    opened.hi = comment.start
                    open_ranges.remove(opened)
                    break
            continue
        directives.append(d)
    return directives
