"""Fixtures: a started ``rhetlint lsp`` per test (pytest-lsp), per editor, and a project folder."""

from __future__ import annotations

from pathlib import Path

import pytest
import pytest_lsp
from lspkit import EDITORS, SERVER, SERVER_ENV, make_client
from pytest_lsp import ClientServerConfig, LanguageClient

CONFIG = ClientServerConfig(server_command=SERVER, server_env=SERVER_ENV, client_factory=make_client)


@pytest_lsp.fixture(config=CONFIG, params=list(EDITORS))
async def client(lsp_client: LanguageClient, request: pytest.FixtureRequest):
    """A started server, not yet initialised (tests choose settings); the parameter is the editor."""
    lsp_client.editor = request.param  # type: ignore[attr-defined]
    yield
    await lsp_client.shutdown_session()


@pytest_lsp.fixture(config=CONFIG)
async def nvim(lsp_client: LanguageClient):
    """One editor (Neovim 0.11, UTF-8) for behaviour that does not depend on the client."""
    lsp_client.editor = "neovim@v0.11.0"  # type: ignore[attr-defined]
    yield
    await lsp_client.shutdown_session()


@pytest.fixture
def news(tmp_path: Path) -> Path:
    """A project folder with an empty rhetlint.toml, so no configuration above tmp_path applies."""
    root = tmp_path / "news"
    root.mkdir()
    (root / "rhetlint.toml").write_text("", encoding="utf-8")
    return root
