"""Debounce, settings, configuration reload, local-plugin trust, related information and commands."""

from __future__ import annotations

import asyncio
import textwrap
import time

import pytest
from lspkit import (
    as_tuple,
    diagnostics_for,
    edits_of,
    initialize,
    open_doc,
    publishes,
    uri_of,
    wait_until,
)
from lsprotocol import types
from pytest_lsp import LanguageClient

pytestmark = [pytest.mark.asyncio, pytest.mark.filterwarnings("error::pytest_lsp.LspSpecificationWarning")]

DRAFT = "The mayor claimed the budget was balanced.\n\nCritics slammed the plan.\n"
L101 = (2, 8, 2, 15)  # "slammed"
L103 = (0, 10, 0, 17)  # "claimed"

# A document-scope rule with related places, as the sourcing rules have: every "said" is one "source".
SOURCES_PLUGIN = textwrap.dedent('''
    from rhetlint import Finding, Related, hookimpl, rule


    @rule(code="T301", name="one-sided", category="sourcing", severity="info", scope="document")
    def one_sided(doc, options):
        """Flags a story whose quotes all hang on "said"."""
        saids = [t for t in doc.tokens if t.norm == "said"]
        if len(saids) >= 2:
            related = tuple(Related(t.start, t.end, f"source {i + 1}") for i, t in enumerate(saids))
            yield Finding(saids[0].start, saids[0].end, "every source is on one side", related=related)


    @hookimpl
    def rhetlint_register_rules(register):
        register(one_sided)
''')
SOURCED = "Ann said yes.\n\n“Fine,” — 🎉 Bob said no.\n"


def change(client: LanguageClient, uri: str, version: int, text: str) -> None:
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
        )
    )


def codes(diagnostics: list[types.Diagnostic]) -> list[tuple[str, tuple[int, int, int, int]]]:
    return [(str(d.code), as_tuple(d.range)) for d in diagnostics]


async def test_a_newer_change_cancels_the_pending_lint(nvim: LanguageClient, news):
    await initialize(nvim, news)
    uri = open_doc(nvim, news / "draft.md", DRAFT)
    await diagnostics_for(nvim, uri, 1)
    sent = time.perf_counter()
    for version in range(2, 7):  # five keystrokes 20 ms apart: well inside the 250 ms debounce
        change(nvim, uri, version, DRAFT + "x" * version)
        await asyncio.sleep(0.02)
    assert codes(await diagnostics_for(nvim, uri, 6)) == [("L103", L103), ("L101", L101)]
    await asyncio.sleep(0.4)
    assert [p.version for p in publishes(nvim, uri)] == [1, 6]
    arrived = next(t for t, p in nvim.published if p.version == 6)
    assert arrived - sent >= 0.08 + 0.25  # the debounce counted from the last keystroke


async def test_save_lints_at_once(nvim: LanguageClient, news):
    await initialize(nvim, news, options={"rhetlint": {"debounceMs": 5000}})
    uri = open_doc(nvim, news / "draft.md", DRAFT)
    await diagnostics_for(nvim, uri, 1)
    change(nvim, uri, 2, "Critics slammed the plan.\n")
    nvim.text_document_did_save(
        types.DidSaveTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri))
    )
    assert codes(await diagnostics_for(nvim, uri, 2)) == [("L101", (0, 8, 0, 15))]


async def test_settings_override_select_and_ignore(nvim: LanguageClient, news):
    await initialize(nvim, news)
    uri = open_doc(nvim, news / "draft.md", DRAFT)
    assert codes(await diagnostics_for(nvim, uri, 1)) == [("L103", L103), ("L101", L101)]
    # pushed settings
    mark = len(nvim.published)
    nvim.workspace_did_change_configuration(
        types.DidChangeConfigurationParams(settings={"rhetlint": {"ignore": ["loaded-saying-verb"]}})
    )
    assert codes(await diagnostics_for(nvim, uri, after=mark)) == [("L101", L101)]
    # pulled settings: the notification carries nothing, the server asks workspace/configuration
    mark = len(nvim.published)
    nvim.set_configuration({"select": ["L103"]}, section="rhetlint")
    nvim.workspace_did_change_configuration(types.DidChangeConfigurationParams(settings=None))
    assert codes(await diagnostics_for(nvim, uri, after=mark)) == [("L103", L103)]


async def test_initial_settings_are_pulled_before_the_first_lint(nvim: LanguageClient, news):
    await initialize(nvim, news, settings={"ignore": ["emotive-language"]})
    uri = open_doc(nvim, news / "draft.md", DRAFT)
    assert codes(await diagnostics_for(nvim, uri, 1)) == [("L103", L103)]


async def test_bad_setting_is_reported(nvim: LanguageClient, news):
    await initialize(nvim, news, options={"rhetlint": {"ignore": "L101", "allowLocalPlugins": "yes"}})
    uri = open_doc(nvim, news / "draft.md", DRAFT)
    assert codes(await diagnostics_for(nvim, uri, 1)) == [("L103", L103)]  # "L101" as a string still works
    assert any("allowLocalPlugins must be true or false" in m.message for m in nvim.messages)


async def test_configuration_file_change_is_picked_up(nvim: LanguageClient, news):
    await initialize(nvim, news)
    uri = open_doc(nvim, news / "draft.md", DRAFT)
    other = open_doc(nvim, news / "other.md", "Critics slammed it.\n")
    await diagnostics_for(nvim, uri, 1)
    await diagnostics_for(nvim, other, 1)
    mark = len(nvim.published)
    (news / "rhetlint.toml").write_text('ignore = ["L101"]\n', encoding="utf-8")
    nvim.text_document_did_save(
        types.DidSaveTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri))
    )
    assert codes(await diagnostics_for(nvim, uri, after=mark)) == [("L103", L103)]
    assert await diagnostics_for(nvim, other, after=mark) == []  # the other open document is re-linted too
    # a watched-file notification re-lints without any edit
    mark = len(nvim.published)
    (news / "rhetlint.toml").write_text('ignore = ["L103"]\n', encoding="utf-8")
    nvim.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams(
            changes=[types.FileEvent(uri=uri_of(news / "rhetlint.toml"), type=types.FileChangeType.Changed)]
        )
    )
    assert codes(await diagnostics_for(nvim, uri, after=mark)) == [("L101", L101)]


async def test_nearer_configuration_created_later_is_found(nvim: LanguageClient, news):
    await initialize(nvim, news)
    (news / "desk").mkdir()
    uri = open_doc(nvim, news / "desk" / "draft.md", DRAFT)
    assert len(await diagnostics_for(nvim, uri, 1)) == 2
    (news / "desk" / ".rhetlint.toml").write_text('select = ["L101"]\n', encoding="utf-8")
    change(nvim, uri, 2, DRAFT + "\n")
    assert codes(await diagnostics_for(nvim, uri, 2)) == [("L101", L101)]


async def test_configuration_error_is_shown_on_the_document(nvim: LanguageClient, news):
    (news / "rhetlint.toml").write_text('selekt = ["L101"]\n', encoding="utf-8")
    await initialize(nvim, news)
    uri = open_doc(nvim, news / "draft.md", DRAFT)
    [problem] = await diagnostics_for(nvim, uri, 1)
    assert as_tuple(problem.range) == (0, 0, 0, 0) and problem.severity == types.DiagnosticSeverity.Error
    assert "unknown key 'selekt'" in problem.message
    (news / "rhetlint.toml").write_text('select = ["L101"]\n', encoding="utf-8")
    change(nvim, uri, 2, DRAFT)
    assert codes(await diagnostics_for(nvim, uri, 2)) == [("L101", L101)]


def write_plugin(news) -> None:
    (news / "plugins").mkdir()
    (news / "plugins" / "sources.py").write_text(SOURCES_PLUGIN, encoding="utf-8")
    (news / "rhetlint.toml").write_text('plugins-dir = "plugins"\n', encoding="utf-8")


async def test_local_plugins_do_not_run_unless_allowed(nvim: LanguageClient, news):
    write_plugin(news)
    (news / "plugins" / "evil.py").write_text(
        f"open({str(news / 'ran.txt')!r}, 'w').write('ran')\n", encoding="utf-8"
    )
    await initialize(nvim, news)
    uri = open_doc(nvim, news / "story.md", SOURCED)
    assert await diagnostics_for(nvim, uri, 1) == []
    assert not (news / "ran.txt").exists()
    await wait_until(lambda: any("not loading the local plugins" in m.message for m in nvim.messages))
    # a configuration that selects a local rule explains why the rule is unknown
    (news / "rhetlint.toml").write_text('plugins-dir = "plugins"\nselect = ["T301"]\n', encoding="utf-8")
    change(nvim, uri, 2, SOURCED)
    [problem] = await diagnostics_for(nvim, uri, 2)
    assert "unknown rule" in problem.message and "allowLocalPlugins" in problem.message


async def test_document_findings_carry_related_information(nvim: LanguageClient, news):
    write_plugin(news)
    await initialize(nvim, news, options={"rhetlint": {"allowLocalPlugins": True}})
    uri = open_doc(nvim, news / "story.md", SOURCED)
    [finding] = await diagnostics_for(nvim, uri, 1)
    assert (finding.code, as_tuple(finding.range)) == ("T301", (0, 4, 0, 8))
    assert finding.severity == types.DiagnosticSeverity.Information
    # "said" after “Fine,” — 🎉 Bob: code points 16..20; “ ” — take 3 UTF-8 bytes and 🎉 4, so +9 in Neovim 0.11
    assert [(r.location.uri, as_tuple(r.location.range), r.message) for r in finding.related_information] == [
        (uri, (0, 4, 0, 8), "source 1"),
        (uri, (2, 25, 2, 29), "source 2"),
    ]


async def test_configuration_watchers_are_registered_where_supported(client: LanguageClient, news):
    await initialize(client, news)
    uri = open_doc(client, news / "draft.md", DRAFT)
    await diagnostics_for(client, uri, 1)  # initialized has been handled
    globs = [w["globPattern"] for r in client.registrations for w in r.register_options["watchers"]]
    dynamic = client.editor in ("visual-studio-code@v1.65.2", "emacs@v29.1")
    assert globs == (["**/rhetlint.toml", "**/.rhetlint.toml", "**/pyproject.toml"] if dynamic else [])


async def test_fix_all_command_applies_an_edit(nvim: LanguageClient, news):
    await initialize(nvim, news)
    uri = open_doc(nvim, news / "draft.md", DRAFT)
    await diagnostics_for(nvim, uri, 1)
    assert (
        await nvim.workspace_execute_command_async(
            types.ExecuteCommandParams(command="rhetlint.fixAll", arguments=[uri, "loaded-saying-verb"])
        )
        is True
    )
    [edit] = nvim.applied_edits
    assert [(as_tuple(e.range), e.new_text) for e in edits_of(edit, uri)] == [(L103, "said")]


async def test_show_sources_command(nvim: LanguageClient, news):
    await initialize(nvim, news)
    uri = open_doc(nvim, news / "draft.md", DRAFT)
    await diagnostics_for(nvim, uri, 1)
    text = await nvim.workspace_execute_command_async(
        types.ExecuteCommandParams(command="rhetlint.showSources", arguments=[uri])
    )
    lenses = await nvim.text_document_code_lens_async(
        types.CodeLensParams(text_document=types.TextDocumentIdentifier(uri=uri))
    )
    assert [lens.command.command for lens in lenses] == ["rhetlint.showSources"]
    assert "draft.md: 2 sources, 2 attributions" in text and "The mayor [" in text
    assert any(m.message == text for m in nvim.messages)


async def test_a_ranged_edit_is_applied_on_protocol_lines(nvim: LanguageClient, news):
    """The server asks for full sync, but applies a ranged edit correctly if a client sends one anyway,
    counting only CR, LF and CRLF as line ends (not the U+2028 on line 0)."""
    await initialize(nvim, news)
    text = "Intro\u2028still intro.\n\nThe mayor claimed it.\n"
    uri = open_doc(nvim, news / "sep.md", text)
    assert codes(await diagnostics_for(nvim, uri, 1)) == [("L103", (2, 10, 2, 17))]
    mayor = types.Range(start=types.Position(line=2, character=4), end=types.Position(line=2, character=9))
    nvim.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
            content_changes=[types.TextDocumentContentChangePartial(range=mayor, text="council")],
        )
    )
    assert codes(await diagnostics_for(nvim, uri, 2)) == [("L103", (2, 12, 2, 19))]


async def test_trust_reaches_only_the_opened_workspace(nvim: LanguageClient, news):
    """allowLocalPlugins for one workspace does not run the plugins of a clone opened from elsewhere."""
    other = news.parent / "other-clone"
    other.mkdir()
    write_plugin(other)
    await initialize(nvim, news, options={"rhetlint": {"allowLocalPlugins": True}})
    uri = open_doc(nvim, other / "story.md", SOURCED)
    assert await diagnostics_for(nvim, uri, 1) == []
    await wait_until(lambda: any("not loading the local plugins" in m.message for m in nvim.messages))
