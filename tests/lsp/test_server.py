"""open → diagnostics → hover → code action → edit → new diagnostics → close, in four editors' encodings."""

from __future__ import annotations

import pytest
from lspkit import (
    apply_edits,
    as_tuple,
    diagnostics_for,
    edits_of,
    encoding_of,
    initialize,
    open_doc,
    publishes,
    wait_until,
)
from lsprotocol import types
from pytest_lsp import LanguageClient

pytestmark = [pytest.mark.asyncio, pytest.mark.filterwarnings("error::pytest_lsp.LspSpecificationWarning")]

DRAFT = (
    "# Council budget\n"
    "\n"
    "“Fine,” she wrote — 🎉 Jones claimed the vote was fair.\n"
    "\n"
    "The mayor claimed the budget was balanced.\n"
)
# "claimed" on line 2 starts after 28 code points: “ Fine , ” she wrote — 🎉 Jones and the spaces. Before it
# stand four non-ASCII characters: “ ” — (3 UTF-8 bytes, 1 UTF-16 unit each) and 🎉 (4 bytes, 2 units).
# UTF-8 adds 2+2+2+3 = 9 to the code-point column, UTF-16 adds 1 (the emoji's second unit), UTF-32 nothing.
FIRST = {"utf-8": (37, 44), "utf-16": (29, 36), "utf-32": (28, 35)}
LINE_END = {"utf-8": 63, "utf-16": 55, "utf-32": 54}  # line 2 is 54 code points long
SECOND = (4, 10, 4, 17)  # "The mayor " is ASCII: the same in every encoding
RULE_URL = "https://github.com/rhetlint/rhetlint/blob/main/docs/rules/loaded-saying-verb.md"


def pos(line: int, character: int) -> types.Position:
    return types.Position(line=line, character=character)


async def code_actions(
    client: LanguageClient, uri: str, diagnostic: types.Diagnostic, only: list[str] | None = None
) -> list[types.CodeAction]:
    result = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=diagnostic.range,
            context=types.CodeActionContext(diagnostics=[diagnostic], only=only),
        )
    )
    return [a for a in result or [] if isinstance(a, types.CodeAction)]


async def test_position_encoding_and_sync_are_negotiated(client: LanguageClient, news):
    result = await initialize(client, news)
    assert result.capabilities.position_encoding == encoding_of(client)
    sync = result.capabilities.text_document_sync
    assert (sync.open_close, sync.change, bool(sync.save)) == (True, types.TextDocumentSyncKind.Full, True)


async def test_open_hover_fix_edit_close(client: LanguageClient, news):
    await initialize(client, news)
    enc = encoding_of(client)
    uri = open_doc(client, news / "budget.md", DRAFT)

    # open -> diagnostics, on exactly the two words, in the negotiated units
    diagnostics = await diagnostics_for(client, uri, 1)
    start, end = FIRST[enc]
    assert [as_tuple(d.range) for d in diagnostics] == [(2, start, 2, end), SECOND]
    for d in diagnostics:
        assert (d.code, d.source, d.severity) == ("L103", "rhetlint", types.DiagnosticSeverity.Warning)
        assert d.code_description.href == RULE_URL
        assert d.data["rule"] == "loaded-saying-verb"
        assert d.data["version"] == 1
        assert [(f["title"], f["newText"]) for f in d.data["fixes"]] == [
            ("Replace 'claimed' with 'said'", "said")
        ]
        fix_range = d.data["fixes"][0]["range"]
        assert (fix_range["start"]["character"], fix_range["end"]["character"]) == (
            d.range.start.character,
            d.range.end.character,
        )
    first = diagnostics[0]

    # hover: on the word shows the rule page; one unit before it (the space) shows nothing
    hover = await client.text_document_hover_async(
        types.HoverParams(text_document=types.TextDocumentIdentifier(uri=uri), position=pos(2, start))
    )
    assert hover is not None and as_tuple(hover.range) == (2, start, 2, end)
    assert "L103 loaded-saying-verb" in hover.contents.value
    assert "## What it flags" in hover.contents.value
    assert (
        await client.text_document_hover_async(
            types.HoverParams(text_document=types.TextDocumentIdentifier(uri=uri), position=pos(2, start - 1))
        )
        is None
    )
    inside = await client.text_document_hover_async(
        types.HoverParams(text_document=types.TextDocumentIdentifier(uri=uri), position=pos(2, end - 1))
    )
    assert inside is not None
    assert (
        await client.text_document_hover_async(
            types.HoverParams(text_document=types.TextDocumentIdentifier(uri=uri), position=pos(2, end))
        )
        is None
    )

    # code actions: the fix, fix-all for the rule (two in the file), and the per-line suppression
    actions = await code_actions(client, uri, first)
    titles = [a.title for a in actions]
    assert titles == [
        "Replace 'claimed' with 'said'",
        "Fix all of loaded-saying-verb in this file",
        "Disable loaded-saying-verb for this line",
    ]
    assert actions[0].is_preferred and actions[0].kind == types.CodeActionKind.QuickFix
    edits = edits_of(actions[0].edit, uri)
    assert [as_tuple(e.range) for e in edits] == [(2, start, 2, end)]

    # edit: apply the fix as the editor would, send the text (the server asks for full sync), get diagnostics
    fixed = apply_edits(DRAFT, edits, enc)
    assert fixed.splitlines()[2] == "“Fine,” she wrote — 🎉 Jones said the vote was fair."
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=fixed)],
        )
    )
    diagnostics = await diagnostics_for(client, uri, 2)
    assert [as_tuple(d.range) for d in diagnostics] == [SECOND]

    # close -> the document's diagnostics are cleared
    client.text_document_did_close(
        types.DidCloseTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri))
    )
    await wait_until(lambda: len(publishes(client, uri)) == 3)
    last = publishes(client, uri)[-1]
    assert (last.version, list(last.diagnostics)) == (None, [])


async def test_disable_for_this_line(client: LanguageClient, news):
    await initialize(client, news)
    enc = encoding_of(client)
    uri = open_doc(client, news / "budget.md", DRAFT)
    first = (await diagnostics_for(client, uri, 1))[0]
    action = next(a for a in await code_actions(client, uri, first) if a.title.startswith("Disable"))
    edits = edits_of(action.edit, uri)
    # the comment goes at the end of the line, so the Markdown paragraph is not split
    assert [as_tuple(e.range) for e in edits] == [(2, LINE_END[enc], 2, LINE_END[enc])]
    disabled = apply_edits(DRAFT, edits, enc)
    assert disabled.splitlines()[2].endswith("was fair. <!-- rhetlint-disable-line loaded-saying-verb -->")
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=disabled)],
        )
    )
    diagnostics = await diagnostics_for(client, uri, 2)
    assert [(d.code, as_tuple(d.range)) for d in diagnostics] == [("L103", SECOND)]  # and no RL001


async def test_fix_all_of_rule(client: LanguageClient, news):
    await initialize(client, news)
    enc = encoding_of(client)
    uri = open_doc(client, news / "budget.md", DRAFT)
    second = (await diagnostics_for(client, uri, 1))[1]
    action = next(a for a in await code_actions(client, uri, second) if a.title.startswith("Fix all"))
    assert len(action.diagnostics) == 2
    fixed = apply_edits(DRAFT, edits_of(action.edit, uri), enc)
    assert fixed == DRAFT.replace("claimed", "said")


async def test_plain_text_suppression_goes_on_the_line_above(client: LanguageClient, news):
    await initialize(client, news)
    enc = encoding_of(client)
    text = "Council news\n\n  “Fine,” — 🎉 Jones claimed the vote was fair.\n"
    uri = open_doc(client, news / "budget.txt", text, language="text")
    diagnostic = (await diagnostics_for(client, uri, 1))[0]
    action = next(a for a in await code_actions(client, uri, diagnostic) if a.title.startswith("Disable"))
    edits = edits_of(action.edit, uri)
    assert [as_tuple(e.range) for e in edits] == [(2, 0, 2, 0)]
    disabled = apply_edits(text, edits, enc)
    assert disabled.splitlines()[2:] == [
        "  # rhetlint-disable-next-line loaded-saying-verb",
        "  “Fine,” — 🎉 Jones claimed the vote was fair.",
    ]
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=disabled)],
        )
    )
    assert await diagnostics_for(client, uri, 2) == []


async def test_only_source_fix_all(client: LanguageClient, news):
    await initialize(client, news)
    enc = encoding_of(client)
    uri = open_doc(client, news / "budget.md", DRAFT)
    first = (await diagnostics_for(client, uri, 1))[0]
    actions = await code_actions(client, uri, first, only=["source.fixAll"])
    assert [(a.title, a.kind) for a in actions] == [
        ("Fix all rhetlint problems in this file", "source.fixAll.rhetlint")
    ]
    assert apply_edits(DRAFT, edits_of(actions[0].edit, uri), enc) == DRAFT.replace("claimed", "said")


async def test_ranges_below_a_unicode_line_separator(client: LanguageClient, news):
    """U+2028 is not a line break in LSP, whatever str.splitlines thinks."""
    await initialize(client, news)
    enc = encoding_of(client)
    text = "Intro 🎉\u2028still intro.\n\n“Fine” — the mayor claimed it.\n"
    uri = open_doc(client, news / "sep.md", text)
    # line 2: “Fine” — the mayor (19 code points, “ ” — 2 extra UTF-8 bytes each), then "claimed"
    claimed = {"utf-8": (25, 32), "utf-16": (19, 26), "utf-32": (19, 26)}[enc]
    [diagnostic] = await diagnostics_for(client, uri, 1)
    assert as_tuple(diagnostic.range) == (2, *claimed[:1], 2, claimed[1])
    edits = edits_of((await code_actions(client, uri, diagnostic))[0].edit, uri)
    assert apply_edits(text, edits, enc).split("\n")[2] == "“Fine” — the mayor said it."
