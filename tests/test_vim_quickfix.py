"""Vim's quickfix list parses ``rhetlint check`` output with the errorformat docs/integrations/vim.md gives.

The ``set errorformat=`` and ``set makeprg=`` lines are read from the documentation itself, so the snippet
users copy is the one tested. Vim runs headless (``vim -es``); the test skips when no Vim with +eval and
+quickfix is installed (``apt-get install vim-nox``).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
VIM_DOC = REPO_ROOT / "docs" / "integrations" / "vim.md"


def _vim() -> str | None:
    vim = shutil.which("vim")
    if vim is None:
        return None
    version = subprocess.run([vim, "--version"], capture_output=True, text=True, timeout=30).stdout
    return vim if "+eval" in version and "+quickfix" in version else None


VIM = _vim()
pytestmark = pytest.mark.skipif(VIM is None, reason="vim with +eval and +quickfix is not installed")

# Accented letters and curly quotes are one screen column each, as in most news copy: %v is exact there.
DRAFT = "# Café\n\nZoë’s café zork was “fine”.\nA plain zork and a blorp.\n"


def doc_setting(name: str) -> str:
    """The ``set NAME=...`` line of the Vim page's code blocks."""
    text = VIM_DOC.read_text(encoding="utf-8")
    found = re.findall(rf"^set {name}=.*$", text, flags=re.MULTILINE)
    assert found, f"{VIM_DOC} has no 'set {name}=' line"
    return found[0]


def run_vim(script: str, cwd: Path) -> None:
    (cwd / "test.vim").write_text(
        "set nocompatible encoding=utf-8\n" + script + "\nqall!\n", encoding="utf-8"
    )
    env = dict(
        os.environ,
        LC_ALL="C.UTF-8",
        PATH=os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")]),
    )
    proc = subprocess.run(
        [VIM, "-N", "-u", "NONE", "-i", "NONE", "-es", "-S", "test.vim"],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )
    assert proc.returncode == 0, f"vim failed: {proc.stdout}{proc.stderr}"


DUMP = """
call writefile([json_encode(getqflist())], 'qf.json')
let s:here = []
for s:i in range(1, len(filter(getqflist(), 'v:val.valid')))
  execute 'cc' s:i
  call add(s:here, [line('.'), strpart(getline('.'), col('.') - 1, 4)])
endfor
call writefile([json_encode(s:here)], 'cursor.json')
"""


def expected(run_process, project) -> list[dict]:
    return run_process(["check", "draft.md", "--format", "json"], cwd=project.root).json()["diagnostics"]


def check_quickfix(project, diagnostics: list[dict]) -> None:
    entries = [e for e in json.loads((project.root / "qf.json").read_text(encoding="utf-8")) if e["valid"]]
    assert len(entries) == len(diagnostics) == 3
    for entry, d in zip(entries, diagnostics, strict=True):
        assert (entry["lnum"], entry["col"], entry["vcol"]) == (d["start"]["line"], d["start"]["column"], 1)
        assert entry["type"] == d["severity"][0]
        assert entry["text"] == f"{d['message']} [{d['code']} {d['name']}]"
    cursor = json.loads((project.root / "cursor.json").read_text(encoding="utf-8"))
    assert cursor == [[d["start"]["line"], d["match"][:4]] for d in diagnostics], (
        "jumps land on the flagged words"
    )


def test_cgetfile_parses_text_output_with_the_documented_errorformat(project, run_process):
    project.write("draft.md", DRAFT)
    result = run_process(["check", "draft.md"], cwd=project.root)
    assert result.code == 1
    (project.root / "out.txt").write_text(result.out, encoding="utf-8")
    run_vim(f"{doc_setting('errorformat')}\ncgetfile out.txt\n{DUMP}", project.root)
    check_quickfix(project, expected(run_process, project))


def test_make_runs_rhetlint_with_the_documented_makeprg(project, run_process):
    project.write("draft.md", DRAFT)
    if shutil.which("rhetlint", path=str(Path(sys.executable).parent)) is None:
        pytest.skip("the rhetlint script is not installed beside this Python")
    script = f"{doc_setting('makeprg')}\n{doc_setting('errorformat')}\nedit draft.md\nsilent make!\n{DUMP}"
    run_vim(script, project.root)
    check_quickfix(project, expected(run_process, project))


def test_a_wrong_errorformat_is_caught(project, run_process):
    """The checks can fail: %c reads the column as bytes, which puts the cursor before 'zork' after 'ë’é'."""
    project.write("draft.md", DRAFT)
    (project.root / "out.txt").write_text(
        run_process(["check", "draft.md"], cwd=project.root).out, encoding="utf-8"
    )
    run_vim("set errorformat=%f:%l:%c:\\ %t%*[^:]:\\ %m\ncgetfile out.txt\n" + DUMP, project.root)
    with pytest.raises(AssertionError):
        check_quickfix(project, expected(run_process, project))
