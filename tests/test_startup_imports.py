"""A check of drafts named on the command line imports nothing it does not use: the gitignore matcher only
when a folder is walked, the TOML reader only when there is a configuration, and never the third-party regex
engine."""

from __future__ import annotations

import json
import os
import subprocess
import sys

CHECK = """
import json, sys
from rhetlint import cli
code = cli.main(["check", "--no-cache", *sys.argv[1:]])
loaded = {name: name in sys.modules for name in ("pathspec", "regex", "tomllib")}
print(json.dumps({**loaded, "code": code}))
"""


def check(*args: str) -> dict[str, object]:
    """Run a check in a new process, once before to fill the built-lexicon cache (a fresh one reads the
    lexicons' TOML), and say what the second run imported."""
    run(*args)
    return run(*args)


def run(*args: str) -> dict[str, object]:
    env = {
        k: v for k, v in os.environ.items() if k != "RHETLINT_LOAD_PLUGINS"
    }  # the built-in rules, as installed
    result = subprocess.run(
        [sys.executable, "-c", CHECK, *args], capture_output=True, text=True, check=True, env=env
    )
    return json.loads(result.stdout.splitlines()[-1])


def test_a_named_draft_needs_no_gitignore_matcher(tmp_path):
    draft = tmp_path / "draft.md"
    draft.write_text("Critics say the plan “slammed” the café. 😀\r\n", encoding="utf-8")
    assert check(str(draft)) == {"pathspec": False, "regex": False, "tomllib": False, "code": 1}


def test_a_configuration_file_is_still_read(tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / "rhetlint.toml").write_text('ignore = ["A102"]\n', encoding="utf-8")
    draft = tmp_path / "draft.md"
    draft.write_text("Critics say the plan will fail.\n", encoding="utf-8")
    assert check(str(draft)) == {"pathspec": False, "regex": False, "tomllib": True, "code": 0}


def test_a_walked_folder_still_honours_gitignore_and_exclude(tmp_path):
    (tmp_path / ".gitignore").write_text("ignored.md\n", encoding="utf-8")
    (tmp_path / "ignored.md").write_text("Critics say the plan is a blatant grab.\n", encoding="utf-8")
    (tmp_path / "clean.md").write_text("The council met on Tuesday.\n", encoding="utf-8")
    assert check(str(tmp_path)) == {"pathspec": True, "regex": False, "tomllib": False, "code": 0}
