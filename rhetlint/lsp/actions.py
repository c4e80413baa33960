"""Code actions for one linted snapshot: quick fixes, per-line suppressions and fix-all."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from lsprotocol import types

from rhetlint.model.diagnostics import Diagnostic

if TYPE_CHECKING:
    from rhetlint.lsp.server import Snapshot

# --- code action construction ------------------------------------------------------------------------
# The code-action kind of "fix everything rhetlint can in this file".
KIND_FIX_ALL = "source.fixAll.rhetlint"


class CodeActions:
    """Quick fixes, per-line suppressions and fix-all actions for diagnostics of one snapshot."""

    def __init__(self, snapshot: Snapshot, versioned: bool) -> None:
        self.snapshot = snapshot
        self.versioned = versioned

    def build(self, here: list[Diagnostic], only: list[str]) -> list[types.CodeAction]:
        snap = self.snapshot
        actions: list[types.CodeAction] = []
        preferred_given = False
        for d in here:
            for fix in d.fixes:
                start, end = snap.fix_span(d, fix)
                actions.append(
                    types.CodeAction(
                        title=fix.title,
                        kind=types.CodeActionKind.QuickFix,
                        diagnostics=[snap.to_lsp(d)],
                        edit=self._edit(
                            [types.TextEdit(range=snap.positions.range(start, end), new_text=fix.replacement)]
                        ),
                        is_preferred=not preferred_given or None,
                    )
                )
                preferred_given = True
        seen_rules: set[str] = set()
        for d in here:
            if d.name in seen_rules or not d.fixes:
                continue
            seen_rules.add(d.name)
            same = [x for x in snap.diagnostics if x.name == d.name and x.fixes]
            if len(same) > 1:
                actions.append(
                    types.CodeAction(
                        title=f"Fix all of {d.name} in this file",
                        kind=types.CodeActionKind.QuickFix,
                        diagnostics=[snap.to_lsp(x) for x in same],
                        edit=self.edit_for(same),
                    )
                )
        seen_lines: set[tuple[str, int]] = set()
        for d in here:
            if d.category == "meta" or (d.name, d.start.line) in seen_lines:
                continue
            seen_lines.add((d.name, d.start.line))
            actions.append(
                types.CodeAction(
                    title=f"Disable {d.name} for this line",
                    kind=types.CodeActionKind.QuickFix,
                    diagnostics=[snap.to_lsp(d)],
                    edit=self._edit([self._suppression(d)]),
                )
            )
        fixable = [x for x in snap.diagnostics if x.fixes]
        if fixable and any(_kind_matches(KIND_FIX_ALL, o) for o in only):
            actions.append(
                types.CodeAction(
                    title="Fix all rhetlint problems in this file",
                    kind=KIND_FIX_ALL,
                    edit=self.edit_for(fixable),
                )
            )
        if only:
            actions = [a for a in actions if any(_kind_matches(str(a.kind), o) for o in only)]
        return actions

    def edit_for(self, diagnostics: Iterable[Diagnostic]) -> types.WorkspaceEdit:
        """One edit applying the first fix of each diagnostic, skipping fixes that overlap an earlier one."""
        snap = self.snapshot
        edits: list[types.TextEdit] = []
        taken_until = -1
        # by span only: two fixes of one span (a rule file fixing a word a built-in rule fixes too) do not compare
        spans = sorted(
            ((snap.fix_span(d, d.fixes[0]), d.fixes[0]) for d in diagnostics if d.fixes),
            key=lambda item: item[0],
        )
        for (start, end), fix in spans:
            if start < taken_until or (start == taken_until and start == end):
                continue
            edits.append(types.TextEdit(range=snap.positions.range(start, end), new_text=fix.replacement))
            taken_until = end
        return self._edit(edits)

    def _suppression(self, d: Diagnostic) -> types.TextEdit:
        """Markup gets a comment at the end of the line (a comment line of its own would split a Markdown
        paragraph); plain text gets a ``#`` line above, the only form it has."""
        snap = self.snapshot
        index = snap.positions.index
        line_start, line_end = index.line_span(d.start.line)
        if snap.format in ("markdown", "html"):
            at = snap.positions.position(line_end)
            return types.TextEdit(
                range=types.Range(start=at, end=at), new_text=f" <!-- rhetlint-disable-line {d.name} -->"
            )
        text = index.line_text(d.start.line)
        indent = text[: len(text) - len(text.lstrip())]
        newline = "\r\n" if "\r\n" in snap.source else ("\r" if "\r" in snap.source else "\n")
        at = snap.positions.position(line_start)
        return types.TextEdit(
            range=types.Range(start=at, end=at),
            new_text=f"{indent}# rhetlint-disable-next-line {d.name}{newline}",
        )

    def _edit(self, edits: list[types.TextEdit]) -> types.WorkspaceEdit:
        uri = self.snapshot.uri
        if self.versioned:
            return types.WorkspaceEdit(
                document_changes=[
                    types.TextDocumentEdit(
                        text_document=types.OptionalVersionedTextDocumentIdentifier(
                            uri=uri, version=self.snapshot.version
                        ),
                        edits=list(edits),
                    )
                ]
            )
        return types.WorkspaceEdit(changes={uri: list(edits)})


def _kind_matches(kind: str, wanted: str) -> bool:
    return kind == wanted or kind.startswith(wanted + ".")
