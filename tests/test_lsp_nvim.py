"""The language server in a real editor: headless Neovim stores diagnostics on exactly the flagged words.

Skipped when ``nvim`` is not on PATH (Debian: ``apt-get install neovim`` gives 0.7, which negotiates UTF-16;
0.11 negotiates UTF-8; Neovim stores byte columns either way, converted by its own code). Run alone with::

    python -m pytest tests/test_lsp_nvim.py
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

NVIM = shutil.which("nvim")
SCRIPT = Path(__file__).resolve().parent / "lsp" / "nvim" / "check_diagnostics.lua"
DRAFT = (
    "# Council budget\n"
    "\n"
    "“Fine,” she wrote — 🎉 Jones claimed the vote was fair.\n"
    "\n"
    "The mayor claimed the budget was balanced.\n"
)

pytestmark = pytest.mark.skipif(NVIM is None, reason="nvim is not installed")


def test_neovim_stores_diagnostics_on_the_flagged_words(tmp_path):
    (tmp_path / "rhetlint.toml").write_text("", encoding="utf-8")
    draft = tmp_path / "draft.md"
    draft.write_text(DRAFT, encoding="utf-8")
    out = tmp_path / "out.json"
    env = {
        **os.environ,
        "RHETLINT_LOAD_PLUGINS": "loaded-language",
        "RHETLINT_NVIM_DRAFT": str(draft),
        "RHETLINT_NVIM_OUT": str(out),
        "RHETLINT_NVIM_CMD": json.dumps([sys.executable, "-m", "rhetlint", "lsp"]),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_STATE_HOME": str(tmp_path / "state"),
    }
    subprocess.run(
        [NVIM, "--headless", "--clean", "-u", "NONE", "-c", f"luafile {SCRIPT}"],
        env=env,
        cwd=tmp_path,
        timeout=120,
        check=False,
        capture_output=True,
    )
    report = json.loads(out.read_text(encoding="utf-8"))
    assert "error" not in report, report["error"]

    # byte columns: “ ” — are 3 bytes and 🎉 4, so "claimed" (code points 28..35) sits at bytes 37..44
    stored = [
        (d["lnum"], d["col"], d["end_lnum"], d["end_col"], d["text"], d["code"], d["source"])
        for d in report["diagnostics"]
    ]
    assert stored == [
        (2, 37, 2, 44, "claimed", "L103", "rhetlint"),
        (4, 10, 4, 17, "claimed", "L103", "rhetlint"),
    ]
    # the first range in the negotiated units: UTF-16 adds 1 for the emoji, UTF-8 adds 9
    expected_start = {"utf-16": 29, "utf-8": 37, "utf-32": 28}[report["offset_encoding"]]
    assert report["first_range"]["start"] == {"line": 2, "character": expected_start}
    assert report["hover"].startswith("**L103 loaded-saying-verb**")
    assert report["actions"] == [
        "Replace 'claimed' with 'said'",
        "Fix all of loaded-saying-verb in this file",
        "Disable loaded-saying-verb for this line",
    ]
    assert report["fixed_line"] == "“Fine,” she wrote — 🎉 Jones said the vote was fair."
    assert [(d["lnum"], d["col"], d["text"]) for d in report["after_edit"]] == [(4, 10, "claimed")]


def documented_lua_block(heading: str) -> str:
    """The Lua block under ``heading`` in docs/integrations/neovim.md."""
    page = (Path(__file__).resolve().parent.parent / "docs" / "integrations" / "neovim.md").read_text(
        encoding="utf-8"
    )
    section = page[page.index(heading) :]
    return section[section.index("```lua\n") + len("```lua\n") : section.index("\n```\n")] + "\n"


def test_documented_neovim_07_setup_attaches_one_server_per_project(tmp_path):
    """The docs' Neovim 0.7 block, as written, is the whole init.lua; rhetlint is found on PATH."""
    project = tmp_path / "newsroom"
    (project / "drafts").mkdir(parents=True)
    (project / "rhetlint.toml").write_text("", encoding="utf-8")
    (project / "drafts" / "a.md").write_text(DRAFT, encoding="utf-8")
    (project / "drafts" / "b.txt").write_text("Critics slammed the plan.\n", encoding="utf-8")
    init = tmp_path / "init.lua"
    init.write_text(documented_lua_block("## Neovim 0.7: `vim.lsp.start_client`"), encoding="utf-8")
    out = tmp_path / "out.json"
    env = {
        **os.environ,
        "PATH": os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")]),
        "RHETLINT_LOAD_PLUGINS": "loaded-language",
        "RHETLINT_NVIM_OUT": str(out),
        "RHETLINT_NVIM_SECOND": str(project / "drafts" / "b.txt"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_STATE_HOME": str(tmp_path / "state"),
    }
    script = Path(__file__).resolve().parent / "lsp" / "nvim" / "check_documented_07.lua"
    proc = subprocess.run(
        [NVIM, "--headless", "-i", "NONE", "-u", str(init), "drafts/a.md", "-c", f"luafile {script}"],
        env=env,
        cwd=project,
        timeout=120,
        check=False,
        capture_output=True,
    )
    assert out.is_file(), proc.stderr
    report = json.loads(out.read_text(encoding="utf-8"))
    assert "error" not in report, report["error"]
    assert report["filetype"] == "markdown"
    assert [(d["lnum"], d["text"]) for d in report["first"]] == [(2, "claimed"), (4, "claimed")]
    assert [(d["lnum"], d["text"]) for d in report["second"]] == [(0, "slammed")]
    # one server for the project, rooted at the folder with rhetlint.toml, shared by both drafts
    assert report["clients"] == [{"name": "rhetlint", "root_dir": str(project)}]
