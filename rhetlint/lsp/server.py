"""The rhetlint language server (``rhetlint lsp``): diagnostics, quick fixes, hover and source tables in editors.

Built on pygls 2 and lsprotocol. Only this module imports them, so ``rhetlint check`` never pays for them.

Threads: a reader thread cuts standard input into messages (connection.py, framing.py), an asyncio loop
answers them, and lints run on a lint thread (workers.py), so the loop keeps answering (a hover while a lint
runs). Lints do not overlap, except that one running for several seconds is left to finish on its own and
the next ones start on a new thread. Everything that touches the Session or a document's incremental cache
runs on a lint thread.

Positions: rhetlint counts code points; the client counts UTF-8 bytes, UTF-16 units or code points,
whichever the position encoding negotiated at ``initialize`` says. Every position crosses that boundary in
``PositionMap``, built from the very text that was linted, so a range never lands on the wrong letters.
"""

from __future__ import annotations

import asyncio
import io
import logging
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, BinaryIO, TypeVar, cast

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path
from pygls.workspace import PositionCodec

from rhetlint._version import __version__
from rhetlint.hooks.manager import PluginSet
from rhetlint.lint.config import CONFIG_NAMES, Config, ConfigError, find_config_file
from rhetlint.lint.incremental import IncrementalLinter
from rhetlint.lint.linter import Linter
from rhetlint.lint.session import Session
from rhetlint.lsp.actions import KIND_FIX_ALL, CodeActions
from rhetlint.lsp.connection import RhetlintProtocol, run
from rhetlint.lsp.positions import PositionMap, _range_json
from rhetlint.lsp.settings import SETTINGS_SECTION, EditorSettings, settings_section
from rhetlint.lsp.workers import LintWorkers
from rhetlint.model.diagnostics import Diagnostic, Fix
from rhetlint.model.document import Document
from rhetlint.output.sources import render_sources_text
from rhetlint.rules.docs import rule_page

logger = logging.getLogger("rhetlint.lsp.server")

SOURCE = "rhetlint"
SETTINGS_WAIT_S = 2.0  # how long the first lint waits for the client's settings (allowLocalPlugins)
# How long a hover, code action or command waits for the lint of the text the editor has before answering
# from what it has (nothing, if the last lint was of other text): a lint stuck in a plugin must not leave
# the editor waiting on a request.
REQUEST_WAIT_S = 10.0

COMMAND_SHOW_SOURCES = "rhetlint.showSources"
COMMAND_FIX_ALL = "rhetlint.fixAll"
COMMAND_RELOAD = "rhetlint.reload"

SEVERITY = {
    "error": types.DiagnosticSeverity.Error,
    "warning": types.DiagnosticSeverity.Warning,
    "info": types.DiagnosticSeverity.Information,
}
# The editor's language id decides the parser when it names one rhetlint knows; else the file suffix does.
FORMAT_BY_LANGUAGE = {"markdown": "markdown", "html": "html", "plaintext": "text", "text": "text"}

T = TypeVar("T")


class EditorSession(Session):
    """A CLI Session that loads a configuration's local plugin folder only when the user trusts it.

    A local plugin is a Python file in the workspace: opening a cloned repository must not run it.
    """

    def __init__(
        self,
        config_path: Path | None,
        settings: EditorSettings,
        workspace_roots: Callable[[], list[Path]] = list,
    ) -> None:
        super().__init__(config_path, settings.selection, allow_local_plugins=settings.allow_local_plugins)
        self.workspace_roots = workspace_roots

    def plugins_for(self, config: Config) -> PluginSet:
        """Trust reaches only the workspace folders the user opened: a clone opened from elsewhere (a file
        outside them) does not run its plugins because another workspace was trusted."""
        folder = config.plugins_dir
        if (
            folder is not None
            and self.allow_local_plugins
            and not _inside_any(folder, self.workspace_roots())
        ):
            self.blocked_plugin_dirs.setdefault(folder, config.path)
            config = replace(config, plugins_dir=None)
        return super().plugins_for(config)


def _inside_any(folder: Path, roots: list[Path]) -> bool:
    resolved = folder.resolve()
    return any(resolved == root or root in resolved.parents for root in (r.resolve() for r in roots))


def config_stamp(path: Path | None, override: Path | None) -> tuple[Any, ...]:
    """Which configuration file governs ``path`` and its size and mtime: a change means reload.

    The search is repeated without find_config_file's cache, so a configuration created since is found too.
    """
    source = override
    if source is None:
        folder = (path.parent if path is not None else Path.cwd()).resolve()
        source = find_config_file.__wrapped__(folder)
    if source is None:
        return (None,)
    try:
        stat = source.stat()
    except OSError:
        return (str(source), None, None)
    return (str(source), stat.st_mtime_ns, stat.st_size)


# --- one lint of one version -------------------------------------------------------------------------
@dataclass
class Snapshot:
    """A lint of one version of a document: hover and code actions answer from it, never from newer text."""

    uri: str
    version: int | None
    source: str
    positions: PositionMap
    diagnostics: list[Diagnostic] = field(default_factory=list)
    lsp: list[types.Diagnostic] = field(default_factory=list)
    linter: Linter | None = None
    doc: Document | None = None
    notes: list[tuple[types.MessageType, str]] = field(default_factory=list)  # to show once, from the loop
    reloaded: bool = False  # the configuration changed: the other open documents need a new lint too

    @property
    def format(self) -> str:
        return self.doc.format if self.doc is not None else "text"

    def fix_span(self, d: Diagnostic, fix: Fix) -> tuple[int, int]:
        return (d.start.offset, d.end.offset) if fix.start is None else (fix.start, fix.end or fix.start)

    def to_lsp(self, d: Diagnostic) -> types.Diagnostic:
        related = None
        if d.related:
            related = [
                types.DiagnosticRelatedInformation(
                    location=types.Location(uri=self.uri, range=self.positions.range(s.offset, e.offset)),
                    message=message,
                )
                for s, e, message in d.related
            ]
        fixes = [
            {
                "title": f.title,
                "newText": f.replacement,
                "range": _range_json(self.positions.range(*self.fix_span(d, f))),
            }
            for f in d.fixes
        ]
        data: dict[str, Any] = {"rule": d.name, "version": self.version, "fixes": fixes}
        if d.data:
            data["ruleData"] = d.data
        return types.Diagnostic(
            range=self.positions.range(d.start.offset, d.end.offset),
            message=d.message,
            severity=SEVERITY.get(d.severity, types.DiagnosticSeverity.Warning),
            code=d.code,
            code_description=types.CodeDescription(href=d.url) if d.url else None,
            source=SOURCE,
            related_information=related,
            data=data,
        )


@dataclass
class DocumentState:
    """What the server keeps per open document, including its text (applied here, see RhetlintServer)."""

    text: str
    version: int | None
    language_id: str = ""
    task: asyncio.Task[None] | None = None
    incremental: IncrementalLinter | None = None
    config_stamp: tuple[Any, ...] | None = None
    snapshot: Snapshot | None = None


# --- the server --------------------------------------------------------------------------------------
class RhetlintServer(LanguageServer):
    """The language server: one instance per editor connection.

    Documents are synchronised in full: pygls applies incremental edits on lines split by str.splitlines,
    which also breaks at U+2028, form feeds and other characters the protocol does not count as line ends
    (and it rewrites the edit's range in place while doing so), so an edit below such a character would
    land on the wrong line. A whole draft per change costs a few kilobytes on a local pipe. The server keeps
    its own copy of each text and would apply ranged edits correctly (PositionMap) if a client sent them.
    """

    def __init__(self, config_path: Path | None = None) -> None:
        super().__init__(
            "rhetlint",
            __version__,
            text_document_sync_kind=types.TextDocumentSyncKind.Full,
            protocol_cls=RhetlintProtocol,
        )
        self.config_path = config_path
        self.settings = EditorSettings()
        self._initial_settings: dict[
            str, Any
        ] = {}  # initializationOptions: later settings are laid over them
        self.session = EditorSession(config_path, self.settings, self._workspace_roots)
        self.documents: dict[str, DocumentState] = {}
        self.workers = LintWorkers()
        self.rpc.max_body = lambda: self.settings.max_message_bytes
        self.shutdown_requested = False
        self.exit_code = 1
        self._settings_ready = asyncio.Event()
        self._shown: set[str] = set()
        self._register()

    def start_io(self, stdin: BinaryIO | None = None, stdout: BinaryIO | None = None) -> None:
        """Serve over standard input and output with the server's own framing (connection.py), never
        pygls's reader; the exit code the specification asks for is left in ``exit_code``."""
        self.exit_code = run(self.rpc, stdin or sys.stdin.buffer, stdout or sys.stdout.buffer)

    @property
    def rpc(self) -> RhetlintProtocol:
        return cast(RhetlintProtocol, self.protocol)

    def _register(self) -> None:
        features: list[tuple[str, Callable[..., Any], Any]] = [
            (types.INITIALIZE, self.on_initialize, None),
            (types.INITIALIZED, self.on_initialized, None),
            (types.SHUTDOWN, self.on_shutdown, None),
            (types.TEXT_DOCUMENT_DID_OPEN, self.on_open, None),
            (types.TEXT_DOCUMENT_DID_CHANGE, self.on_change, None),
            (types.TEXT_DOCUMENT_DID_SAVE, self.on_save, None),
            (types.TEXT_DOCUMENT_DID_CLOSE, self.on_close, None),
            (types.WORKSPACE_DID_CHANGE_CONFIGURATION, self.on_configuration, None),
            (types.WORKSPACE_DID_CHANGE_WATCHED_FILES, self.on_watched_files, None),
            (types.TEXT_DOCUMENT_HOVER, self.on_hover, None),
            (
                types.TEXT_DOCUMENT_CODE_ACTION,
                self.on_code_action,
                types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix, KIND_FIX_ALL]),
            ),
            (types.TEXT_DOCUMENT_CODE_LENS, self.on_code_lens, None),
        ]
        for method, handler, options in features:
            self.feature(method, options)(_plain(handler))
        self.command(COMMAND_SHOW_SOURCES)(_plain(self.cmd_show_sources))
        self.command(COMMAND_FIX_ALL)(_plain(self.cmd_fix_all))
        self.command(COMMAND_RELOAD)(_plain(self.cmd_reload))

    # --- lifecycle and settings ----------------------------------------------------------------------
    def _workspace_roots(self) -> list[Path]:
        """The folders the client opened as its workspace (the only places allowLocalPlugins trusts)."""
        try:
            workspace = self.workspace
        except RuntimeError:  # before initialize: no workspace yet
            return []
        uris = [folder.uri for folder in workspace.folders.values()]
        if workspace.root_uri:
            uris.append(workspace.root_uri)
        return [p for p in (_path_of(uri) for uri in uris) if p is not None]

    def on_initialize(self, params: types.InitializeParams) -> None:
        self._initial_settings = settings_section(params.initialization_options)
        self._apply_settings({}, reload=False)

    async def on_initialized(self, params: types.InitializedParams) -> None:
        try:
            if self._client_has("workspace", "configuration"):
                await self._pull_settings()
        finally:
            self._settings_ready.set()
        if self._client_has("workspace", "did_change_watched_files", "dynamic_registration"):
            watchers = [types.FileSystemWatcher(glob_pattern=f"**/{name}") for name in CONFIG_NAMES]
            try:
                await self.client_register_capability_async(
                    types.RegistrationParams(
                        registrations=[
                            types.Registration(
                                id="rhetlint-config-files",
                                method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                                register_options=types.DidChangeWatchedFilesRegistrationOptions(
                                    watchers=watchers
                                ),
                            )
                        ]
                    )
                )
            except Exception as exc:  # noqa: BLE001 - the stat check on every lint still sees changes
                logger.info("could not register configuration file watchers: %s", exc)

    def on_shutdown(self, params: None) -> None:
        self.shutdown_requested = True
        for state in self.documents.values():
            if state.task is not None:
                state.task.cancel()
        self.workers.close()

    async def on_configuration(self, params: types.DidChangeConfigurationParams) -> None:
        settings = params.settings
        has_ours = bool(settings_section(settings)) or (
            isinstance(settings, dict) and SETTINGS_SECTION in settings
        )
        if not has_ours and self._client_has("workspace", "configuration"):
            await self._pull_settings()  # the "pull" model: the notification only says something changed
        else:
            self._apply_settings(settings, reload=True)

    async def _pull_settings(self) -> None:
        try:
            result = await self.workspace_configuration_async(
                types.ConfigurationParams(items=[types.ConfigurationItem(section=SETTINGS_SECTION)])
            )
        except Exception as exc:  # noqa: BLE001 - a client that cannot answer keeps the defaults
            logger.info("workspace/configuration failed: %s", exc)
            return
        self._apply_settings(result[0] if result else None, reload=True)

    def _apply_settings(self, data: Any, reload: bool) -> None:
        """Lay the client's settings over the initializationOptions; reload when the result changed."""
        settings, problems = EditorSettings.parse({**self._initial_settings, **settings_section(data)})
        for problem in problems:
            self._show_once(types.MessageType.Warning, f"rhetlint: {problem}")
        if settings == self.settings and reload:
            return
        self.settings = settings
        if reload:
            self._reload()
        else:
            self.session = EditorSession(self.config_path, settings, self._workspace_roots)

    def on_watched_files(self, params: types.DidChangeWatchedFilesParams) -> None:
        self._reload()

    def _reload(self) -> None:
        """Forget configurations, plugins and caches (on the worker, after any lint in flight), then re-lint."""
        settings = self.settings

        self.workers.submit("", self._reset_session, settings)
        for uri in list(self.documents):
            self.schedule(uri, 0)

    def _reset_session(self, settings: EditorSettings) -> None:
        """Runs on the worker: a new Session, and no document keeps a linter or cache from the old one."""
        find_config_file.cache_clear()
        self.session = EditorSession(self.config_path, settings, self._workspace_roots)
        for state in list(self.documents.values()):
            state.incremental = None
            state.config_stamp = None

    def _client_has(self, *path: str) -> bool:
        node: Any = self.client_capabilities
        for name in path:
            node = getattr(node, name, None)
            if node is None:
                return False
        return bool(node)

    def _show_once(self, kind: types.MessageType, message: str) -> None:
        if message not in self._shown:
            self._shown.add(message)
            self.window_show_message(types.ShowMessageParams(type=kind, message=message))

    # --- document events -----------------------------------------------------------------------------
    def on_open(self, params: types.DidOpenTextDocumentParams) -> None:
        item = params.text_document
        self.documents[item.uri] = DocumentState(item.text, item.version, item.language_id)
        self.schedule(item.uri, 0)

    def on_change(self, params: types.DidChangeTextDocumentParams) -> None:
        state = self.documents.get(params.text_document.uri)
        if state is None:
            return
        codec = self.workspace.position_codec
        for change in params.content_changes:
            if isinstance(change, types.TextDocumentContentChangePartial):
                positions = PositionMap(state.text, codec)
                start, end = positions.offset(change.range.start), positions.offset(change.range.end)
                start, end = min(start, end), max(start, end)  # a reversed range is the same range
                state.text = state.text[:start] + change.text + state.text[end:]
            else:
                state.text = change.text
        state.version = params.text_document.version
        self.schedule(params.text_document.uri, self.settings.debounce_ms / 1000)

    def on_save(self, params: types.DidSaveTextDocumentParams) -> None:
        if _is_config(params.text_document.uri):
            self._reload()
        else:
            self.schedule(params.text_document.uri, 0)

    def on_close(self, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        state = self.documents.pop(uri, None)
        if state is not None and state.task is not None:
            state.task.cancel()
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    def schedule(self, uri: str, delay: float) -> None:
        """Lint ``uri`` after ``delay`` seconds, cancelling the lint still pending for it."""
        state = self.documents.get(uri)
        if state is None or _is_config(uri):
            return
        if state.task is not None and not state.task.done():
            state.task.cancel()
        state.task = asyncio.get_running_loop().create_task(self._lint_and_publish(uri, delay))

    async def _lint_and_publish(self, uri: str, delay: float) -> None:
        if delay > 0:
            await asyncio.sleep(delay)
        try:
            snapshot = await self._lint(uri)
        except RuntimeError:  # the worker pool is gone: the server is shutting down
            return
        if snapshot is not None:
            self._publish(snapshot)

    def _publish(self, snapshot: Snapshot) -> None:
        for kind, message in snapshot.notes:
            self._show_once(kind, message)
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(
                uri=snapshot.uri, diagnostics=snapshot.lsp, version=snapshot.version
            )
        )
        if snapshot.reloaded:
            for other in list(self.documents):
                if other != snapshot.uri:
                    self.schedule(other, 0)

    async def _lint(self, uri: str) -> Snapshot | None:
        """Lint the current text of ``uri`` on the worker; None when the document closed meanwhile."""
        state = self.documents.get(uri)
        if state is None or self.shutdown_requested:
            return None
        if not self._settings_ready.is_set():
            try:
                await asyncio.wait_for(self._settings_ready.wait(), SETTINGS_WAIT_S)
            except asyncio.TimeoutError:
                pass
        source, version = state.text, state.version
        codec = self.workspace.position_codec
        too_big = self._over_size_limit(source)
        if too_big:
            state.incremental = None  # its cache would be as big as the document
            snapshot = Snapshot(uri, version, source, PositionMap("", codec))
            snapshot.lsp = [_problem(too_big, types.DiagnosticSeverity.Warning)]
        else:
            snapshot = await self._on_worker(uri, self._lint_now, uri, source, version, state, codec)
        if self.documents.get(uri) is not state:
            return None
        state.snapshot = snapshot
        return snapshot

    async def _on_worker(self, uri: str, function: Callable[..., T], *args: Any) -> T:
        return await self.workers.run(uri, function, *args)

    def _over_size_limit(self, source: str) -> str:
        """Why ``source`` is too big to lint ("" when it is not): its UTF-8 size against maxDocumentSize."""
        limit = self.settings.max_document_bytes
        if len(source) * 4 <= limit:  # no character takes more than four bytes
            return ""
        size = len(source) if len(source) > limit else len(source.encode("utf-8", "surrogatepass"))
        if size <= limit:
            return ""
        return (
            f"rhetlint: this document is {size / 1_000_000:.3g} MB, over the maxDocumentSize of "
            f"{self.settings.max_document_size:g} MB; not linted (raise rhetlint.maxDocumentSize to lint it)"
        )

    def _lint_now(
        self, uri: str, source: str, version: int | None, state: DocumentState, codec: PositionCodec
    ) -> Snapshot:
        """Runs on the worker thread."""
        snapshot = Snapshot(uri, version, source, PositionMap(source, codec))
        path = _path_of(uri)
        try:
            stamp = config_stamp(path, self.config_path)
            if state.config_stamp is not None and stamp != state.config_stamp:
                self._reset_session(self.settings)
                snapshot.reloaded = True
            state.config_stamp = stamp  # kept after a configuration error too, so fixing the file is noticed
            if state.incremental is None:
                state.incremental = IncrementalLinter(self.session.linter_for(path))
            linter = state.incremental.linter
            fmt = FORMAT_BY_LANGUAGE.get(state.language_id)
            snapshot.doc, snapshot.diagnostics = state.incremental.lint(
                source, str(path) if path else None, fmt
            )
            snapshot.linter = linter
        except ConfigError as exc:
            state.incremental = None
            message = str(exc)
            if self.session.blocked_plugin_dirs:
                message += (
                    " (local plugins were not loaded: set rhetlint.allowLocalPlugins to true if you "
                    "trust this workspace)"
                )
            snapshot.lsp = [_problem(f"rhetlint configuration error: {message}")]
            snapshot.notes.append((types.MessageType.Error, f"rhetlint: {message}"))
            return snapshot
        except Exception as exc:  # noqa: BLE001 - a crash must not take the editor's server down
            logger.exception("linting %s failed", uri)
            state.incremental = None
            snapshot.lsp = [_problem(f"rhetlint failed: {type(exc).__name__}: {exc}")]
            return snapshot
        for folder in sorted(self.session.blocked_plugin_dirs):
            snapshot.notes.append(
                (
                    types.MessageType.Warning,
                    f"rhetlint: not loading the local plugins in {folder}: plugins run code. "
                    f"Set rhetlint.allowLocalPlugins to true if you trust this workspace "
                    f"(it trusts only folders inside the workspace you opened).",
                )
            )
        for problem in self.session.plugin_problems():
            snapshot.notes.append((types.MessageType.Error, f"rhetlint: {problem}"))
        snapshot.lsp = [snapshot.to_lsp(d) for d in snapshot.diagnostics]
        return snapshot

    async def current(self, uri: str) -> Snapshot | None:
        """The snapshot of the text the client has now, linting it first if the last one is older."""
        state = self.documents.get(uri)
        if state is None:
            return None
        snapshot = state.snapshot
        if snapshot is not None and snapshot.version == state.version and snapshot.source == state.text:
            return snapshot
        lint = asyncio.ensure_future(self._lint(uri))
        lint.add_done_callback(self._publish_done)
        done, _ = await asyncio.wait({lint}, timeout=REQUEST_WAIT_S)
        if lint in done:
            return lint.result()
        logger.warning("answering a request for %s before its lint ended", uri)
        snapshot = state.snapshot
        if snapshot is not None and snapshot.source == state.text:
            return snapshot
        return None

    def _publish_done(self, lint: asyncio.Future[Snapshot | None]) -> None:
        if lint.cancelled() or lint.exception() is not None:
            return
        snapshot = lint.result()
        if snapshot is not None:
            self._publish(snapshot)

    # --- hover ---------------------------------------------------------------------------------------
    async def on_hover(self, params: types.HoverParams) -> types.Hover | None:
        snapshot = await self.current(params.text_document.uri)
        if snapshot is None:
            return None
        offset = snapshot.positions.offset(params.position)
        hits = [
            d
            for d in snapshot.diagnostics
            if d.start.offset <= offset < d.end.offset or d.start.offset == offset == d.end.offset
        ]
        if not hits:
            return None
        markdown = "markdown" in (self._hover_formats() or ["markdown"])
        parts: list[str] = []
        seen: set[str] = set()
        for d in hits:
            if d.code in seen:
                continue
            seen.add(d.code)
            rule = snapshot.linter.registry.get(d.code) if snapshot.linter else None
            head = f"**{d.code} {d.name}**: {d.message}" if markdown else f"{d.code} {d.name}: {d.message}"
            parts.append(head + ("\n\n" + rule_page(rule) if rule is not None else ""))
        first = hits[0]
        return types.Hover(
            contents=types.MarkupContent(
                kind=types.MarkupKind.Markdown if markdown else types.MarkupKind.PlainText,
                value="\n\n---\n\n".join(parts),
            ),
            range=snapshot.positions.range(first.start.offset, first.end.offset),
        )

    def _hover_formats(self) -> list[str] | None:
        hover = getattr(self.client_capabilities.text_document, "hover", None)
        formats = getattr(hover, "content_format", None)
        return [str(getattr(f, "value", f)) for f in formats] if formats else None

    # --- code actions --------------------------------------------------------------------------------
    async def on_code_action(self, params: types.CodeActionParams) -> list[types.CodeAction] | None:
        snapshot = await self.current(params.text_document.uri)
        if snapshot is None:
            return None
        lo, hi = sorted(
            (snapshot.positions.offset(params.range.start), snapshot.positions.offset(params.range.end))
        )  # a reversed range is the same range, as for didChange
        here = [d for d in snapshot.diagnostics if d.start.offset <= hi and lo <= d.end.offset]
        only = [str(getattr(k, "value", k)) for k in (params.context.only or [])]
        actions = CodeActions(snapshot, self._versioned_edits()).build(here, only)
        return actions

    def _versioned_edits(self) -> bool:
        return self._client_has("workspace", "workspace_edit", "document_changes")

    # --- code lens and commands ----------------------------------------------------------------------
    def on_code_lens(self, params: types.CodeLensParams) -> list[types.CodeLens]:
        if params.text_document.uri not in self.documents:
            return []
        top = types.Range(start=types.Position(line=0, character=0), end=types.Position(line=0, character=0))
        command = types.Command(
            title="rhetlint: show the story's sources",
            command=COMMAND_SHOW_SOURCES,
            arguments=[params.text_document.uri],
        )
        return [types.CodeLens(range=top, command=command)]

    async def cmd_show_sources(self, *args: Any) -> str:
        """Render who is credited with what in the document; also shown as a message for simple clients.

        Arguments: the document's URI.
        """
        uri = str(args[0]) if args else ""
        snapshot = await self.current(uri)
        if snapshot is None or snapshot.doc is None:
            text = f"rhetlint: {uri or 'no document'} is not open or did not lint"
        else:
            text = await self._on_worker(uri, _render_sources, snapshot.doc)
        self.window_show_message(types.ShowMessageParams(type=types.MessageType.Info, message=text))
        return text

    async def cmd_fix_all(self, *args: Any) -> bool:
        """Apply every fix in the document (of one rule, when named) through workspace/applyEdit.

        Arguments: the document's URI, then optionally a rule name or code.
        """
        uri = str(args[0]) if args else ""
        rule = str(args[1]) if len(args) > 1 else ""
        snapshot = await self.current(uri)
        if snapshot is None:
            return False
        targets = [d for d in snapshot.diagnostics if d.fixes and rule in ("", d.name, d.code)]
        if not targets:
            return False
        edit = CodeActions(snapshot, self._versioned_edits()).edit_for(targets)
        result = await self.workspace_apply_edit_async(
            types.ApplyWorkspaceEditParams(edit=edit, label="rhetlint: fix all")
        )
        return bool(result.applied)

    def cmd_reload(self, *args: Any) -> None:
        self._reload()


def _plain(method: Callable[..., Any]) -> Callable[..., Any]:
    """A plain function calling a bound method: pygls tags handlers with attributes, which methods refuse.

    Its only parameter is ``*args``, so pygls passes the message parameters (or command arguments) as given.
    """
    handler: Callable[..., Any]
    if asyncio.iscoroutinefunction(method):

        async def call_async(*args: Any) -> Any:
            return await method(*args)

        handler = call_async
    else:

        def call(*args: Any) -> Any:
            return method(*args)

        handler = call
    handler.__name__ = handler.__qualname__ = method.__name__
    handler.__doc__ = method.__doc__
    return handler


def _problem(
    message: str, severity: types.DiagnosticSeverity = types.DiagnosticSeverity.Error
) -> types.Diagnostic:
    top = types.Range(start=types.Position(line=0, character=0), end=types.Position(line=0, character=0))
    return types.Diagnostic(range=top, message=message, severity=severity, source=SOURCE)


def _path_of(uri: str) -> Path | None:
    path = to_fs_path(uri) if uri.startswith("file:") else None
    return Path(path) if path else None


def _is_config(uri: str) -> bool:
    return uri.rsplit("/", 1)[-1] in CONFIG_NAMES


def _render_sources(doc: Document) -> str:
    buffer = io.StringIO()
    render_sources_text([doc], buffer)
    return buffer.getvalue()


def serve(config_path: Path | None = None) -> int:
    """Run the server on stdin/stdout until the client says exit; 0 after a clean shutdown."""
    level = getattr(logging, os.environ.get("RHETLINT_LSP_LOG", "WARNING").upper(), logging.WARNING)
    logging.basicConfig(
        level=level, stream=sys.stderr, format="rhetlint-lsp %(levelname)s %(name)s: %(message)s"
    )
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr  # a plugin's print() must not corrupt the protocol stream
    server = RhetlintServer(config_path.resolve() if config_path else None)
    try:
        server.start_io(stdin, stdout)
    except KeyboardInterrupt:
        pass
    code = server.exit_code
    # End the process now: a lint thread stuck in a plugin cannot be stopped, and the interpreter would
    # wait for it before exiting. Nothing is left to write: the editor's files are changed only by the editor.
    for stream in (stdout, sys.stderr, sys.__stderr__):
        try:
            if stream is not None:
                stream.flush()
        except (OSError, ValueError):
            pass
    logging.shutdown()
    os._exit(code)
