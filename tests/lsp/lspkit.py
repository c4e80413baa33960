"""Helpers to drive ``rhetlint lsp`` in a subprocess with pytest-lsp, as Neovim, VS Code and Emacs would.

Each editor's recorded capabilities (shipped with pytest-lsp) decide the position encoding the server
negotiates: Neovim 0.11 offers UTF-8 first, Emacs 29 UTF-32, VS Code and Neovim 0.7 offer nothing and so get
UTF-16. Edits are applied here, on the client side, by an implementation of the encodings independent of the
server's, so a range in the wrong units shows up as the wrong text.
"""

from __future__ import annotations

import asyncio
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.protocol import default_converter
from pytest_lsp import LanguageClient, client_capabilities
from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, register_lsp_features

# editor spec (pytest-lsp's recorded capabilities) -> the position encoding the server must pick
EDITORS = {
    "neovim@v0.11.0": "utf-8",
    "neovim@v0.7.0": "utf-16",
    "visual-studio-code@v1.65.2": "utf-16",
    "emacs@v29.1": "utf-32",
}
SERVER = [sys.executable, "-m", "rhetlint", "lsp"]
# The built-in loaded-language rules only: the tests' expectations do not depend on other plugins installed.
SERVER_ENV = {
    **{k: v for k, v in os.environ.items() if k != "RHETLINT_ALLOW_LOCAL_PLUGINS"},
    "RHETLINT_LOAD_PLUGINS": "loaded-language",
    "NO_COLOR": "1",
}
TIMEOUT = 15.0


def make_client() -> LanguageClient:
    """pytest-lsp's client, also recording every publishDiagnostics (with its version), registration and
    workspace/applyEdit the server sends."""
    client = LanguageClient(converter_factory=default_converter)
    register_lsp_features(
        client,
        {k: v for k, v in DEFAULT_CLIENT_FEATURES.items() if k != types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS},
    )
    client.published = []  # type: ignore[attr-defined]
    client.registrations = []  # type: ignore[attr-defined]
    client.applied_edits = []  # type: ignore[attr-defined]

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def on_publish(ls: LanguageClient, params: types.PublishDiagnosticsParams) -> None:
        ls.diagnostics[params.uri] = params.diagnostics
        ls.published.append((time.perf_counter(), params))  # type: ignore[attr-defined]

    @client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def on_register(ls: LanguageClient, params: types.RegistrationParams) -> None:
        ls.registrations.extend(params.registrations)  # type: ignore[attr-defined]

    @client.feature(types.WORKSPACE_APPLY_EDIT)
    def on_apply(
        ls: LanguageClient, params: types.ApplyWorkspaceEditParams
    ) -> types.ApplyWorkspaceEditResult:
        ls.applied_edits.append(params.edit)  # type: ignore[attr-defined]
        return types.ApplyWorkspaceEditResult(applied=True)

    return client


def uri_of(path: Path) -> str:
    return path.resolve().as_uri()


async def initialize(
    client: LanguageClient,
    root: Path,
    options: dict[str, Any] | None = None,
    settings: dict[str, Any] | None = None,
) -> types.InitializeResult:
    """``initialize`` with the editor's recorded capabilities; ``settings`` answer workspace/configuration."""
    if settings is not None:
        client.set_configuration(settings, section="rhetlint")
    return await client.initialize_session(
        types.InitializeParams(
            capabilities=client_capabilities(client.editor),  # type: ignore[attr-defined]
            root_uri=uri_of(root),
            initialization_options=options,
            workspace_folders=[types.WorkspaceFolder(uri=uri_of(root), name=root.name)],
        )
    )


def encoding_of(client: LanguageClient) -> str:
    return EDITORS[client.editor]  # type: ignore[attr-defined]


def open_doc(client: LanguageClient, path: Path, text: str, language: str = "markdown") -> str:
    path.write_text(text, encoding="utf-8")
    uri = uri_of(path)
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=uri, language_id=language, version=1, text=text)
        )
    )
    return uri


async def wait_until(predicate: Callable[[], Any], timeout: float = TIMEOUT) -> Any:
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError("timed out waiting for the server")
        await asyncio.sleep(0.01)


def publishes(client: LanguageClient, uri: str) -> list[types.PublishDiagnosticsParams]:
    return [p for _, p in client.published if p.uri == uri]  # type: ignore[attr-defined]


async def diagnostics_for(
    client: LanguageClient, uri: str, version: int | None = None, after: int = 0
) -> list[types.Diagnostic]:
    """Wait for the diagnostics the server publishes for ``version`` of ``uri``; with no version, for the
    first publish for ``uri`` among those after the first ``after`` (take ``len(client.published)`` before
    the action that should cause it)."""

    def ready() -> list[types.PublishDiagnosticsParams]:
        found = [p for _, p in client.published[after:] if p.uri == uri]  # type: ignore[attr-defined]
        return [p for p in found if version is None or p.version == version]

    found = await wait_until(ready)
    return list((found[-1] if version is not None else found[0]).diagnostics)


# --- an independent implementation of the three position encodings ---------------------------------
UNIT_BYTES = {"utf-8": ("utf-8", 1), "utf-16": ("utf-16-le", 2), "utf-32": ("utf-32-le", 4)}


def offset_at(text: str, position: types.Position, encoding: str) -> int:
    """The code-point offset of an LSP position: encode the line and count back the code units."""
    codec, width = UNIT_BYTES[encoding]
    lines = text.split("\n")  # the test texts use LF only
    start = sum(len(line) + 1 for line in lines[: position.line])
    line = lines[position.line] if position.line < len(lines) else ""
    prefix = line.encode(codec)[: position.character * width].decode(codec)
    return start + len(prefix)


def apply_edits(text: str, edits: list[types.TextEdit], encoding: str) -> str:
    spans = [
        (offset_at(text, e.range.start, encoding), offset_at(text, e.range.end, encoding), e.new_text)
        for e in edits
    ]
    for start, end, new in sorted(spans, reverse=True):
        text = text[:start] + new + text[end:]
    return text


def edits_of(edit: types.WorkspaceEdit, uri: str) -> list[types.TextEdit]:
    if edit.document_changes:
        return [
            e for change in edit.document_changes if change.text_document.uri == uri for e in change.edits
        ]
    return list((edit.changes or {}).get(uri, []))


def as_tuple(r: types.Range) -> tuple[int, int, int, int]:
    return (r.start.line, r.start.character, r.end.line, r.end.character)
