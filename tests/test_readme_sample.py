"""The README's sample output is what ``rhetlint check examples/draft.md`` really prints."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
COMMAND = "$ rhetlint check examples/draft.md\n"


def test_readme_sample_output_is_a_real_run():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start = readme.index(COMMAND) + len(COMMAND)
    sample = readme[start : readme.index("```", start)]
    env = {k: v for k, v in os.environ.items() if k not in ("RHETLINT_LOAD_PLUGINS", "NO_COLOR")}
    run = subprocess.run(
        [sys.executable, "-m", "rhetlint", "check", "examples/draft.md"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 1
    assert run.stdout + run.stderr == sample
