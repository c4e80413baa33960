"""What a rule reports (Finding, in document offsets) and what rhetlint prints (Diagnostic, with positions)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rhetlint.text.lines import LineIndex

SEVERITIES = ("error", "warning", "info")
SEVERITY_RANK = {"error": 3, "warning": 2, "info": 1}


@dataclass(frozen=True)
class Fix:
    """Replace the finding's span (or ``start``..``end`` when given) with ``replacement``.

    ``safe=False`` says the replacement may change what the sentence asserts (naming what a euphemism
    hides, say): ``rhetlint check --fix`` applies it only with ``--unsafe-fixes``.
    """

    title: str
    replacement: str
    start: int | None = None
    end: int | None = None
    safe: bool = True


@dataclass(frozen=True)
class Related:
    """Another place in the document that explains a finding (e.g. each source of a one-sided story)."""

    start: int
    end: int
    message: str


@dataclass(frozen=True)
class Finding:
    """A rule's report: character offsets into ``doc.source`` (end exclusive) and a message quoting the match."""

    start: int
    end: int
    message: str
    fixes: tuple[Fix, ...] = ()
    related: tuple[Related, ...] = ()
    data: dict[str, Any] | None = None
    severity: str | None = None  # overrides the rule's severity for this finding (e.g. weaker cues)


@dataclass(frozen=True)
class Position:
    line: int  # 1-based
    column: int  # 1-based, in code points
    offset: int  # 0-based code-point index into the decoded file

    @classmethod
    def at(cls, lines: LineIndex, offset: int) -> Position:
        """The position of ``offset`` in the file ``lines`` indexes."""
        return cls(*lines.position(offset), offset)

    def as_dict(self) -> dict[str, int]:
        return {"line": self.line, "column": self.column, "offset": self.offset}


@dataclass(frozen=True)
class Diagnostic:
    path: str
    code: str
    name: str
    category: str
    severity: str
    message: str
    start: Position
    end: Position
    match: str
    fixes: tuple[Fix, ...] = ()
    url: str = ""
    related: tuple[tuple[Position, Position, str], ...] = ()
    plugin: str = ""
    data: dict[str, Any] | None = field(default=None, compare=False)

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.start.offset, self.end.offset, self.code)

    def as_dict(self) -> dict[str, Any]:
        """The stable JSON shape documented in docs/json-format.md."""
        out: dict[str, Any] = {
            "path": self.path,
            "code": self.code,
            "name": self.name,
            "category": self.category,
            "severity": self.severity,
            "message": self.message,
            "start": self.start.as_dict(),
            "end": self.end.as_dict(),
            "match": self.match,
            "fixes": [
                {"title": f.title, "replacement": f.replacement} | _fix_range(f) | {"safe": f.safe}
                for f in self.fixes
            ],
            "url": self.url,
            "plugin": self.plugin,
        }
        if self.related:
            out["related"] = [
                {"message": message, "start": start.as_dict(), "end": end.as_dict()}
                for start, end, message in self.related
            ]
        if self.data:
            out["data"] = self.data
        return out


def _fix_range(fix: Fix) -> dict[str, int]:
    if fix.start is None or fix.end is None:
        return {}
    return {"start": fix.start, "end": fix.end}
