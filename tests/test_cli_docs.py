"""The samples in docs/cli.md are what the commands really print, run one after the other.

After changing the page or the output, ``RHETLINT_UPDATE_DOCS=1 pytest tests/test_cli_docs.py`` writes the
real outputs into the page; read the diff before committing it.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PAGE = ROOT / "docs" / "cli.md"
# A ```console block: "$ rhetlint ..." and then what it prints (standard output, then standard error).
SAMPLE = re.compile(r"```console\n\$ rhetlint (?P<command>[^\n]*)\n(?P<output>.*?)```", re.S)


def samples(text: str) -> list[tuple[str, str]]:
    return [(m["command"], m["output"]) for m in SAMPLE.finditer(text)]


def run_samples(tmp_path: Path, run_cli) -> str:
    """docs/cli.md with each sample's output replaced by the real one."""
    (tmp_path / ".git").mkdir()
    shutil.copy(ROOT / "examples" / "draft.md", tmp_path / "draft.md")
    text = PAGE.read_text(encoding="utf-8")

    def real(match: re.Match[str]) -> str:
        result = run_cli(shlex.split(match["command"]), cwd=tmp_path)
        return f"```console\n$ rhetlint {match['command']}\n{result.out}{result.err}```"

    return SAMPLE.sub(real, text)


def test_cli_page_samples_are_real_runs(tmp_path, run_cli, monkeypatch):
    monkeypatch.delenv("RHETLINT_LOAD_PLUGINS")
    page = PAGE.read_text(encoding="utf-8")
    assert len(samples(page)) >= 7
    real = run_samples(tmp_path, run_cli)
    if os.environ.get("RHETLINT_UPDATE_DOCS"):
        PAGE.write_text(real, encoding="utf-8")
    assert real == page
