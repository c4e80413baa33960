"""The pre-commit hook, run by the real pre-commit (``pre-commit try-repo``) on a repository of drafts.

try-repo installs the hook's package into a fresh environment with pip, so this test needs pip to reach
the package index (for hatchling, pluggy, nltk, markdown-it-py); it is marked ``slow`` (deselect with
``-m "not slow"``) and takes about 10-40 s.

try-repo on a dirty checkout clones HEAD and adds only *tracked* changes, so a new, uncommitted file (such
as a new ``.pre-commit-hooks.yaml``) would be missing. The test therefore copies the checkout's files
(tracked and untracked, minus what .gitignore excludes) into a temporary repository and commits them: it
tests the work tree as it is, and behaves the same on a clean CI checkout.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from sample_plugins import word_plugin

REPO_ROOT = Path(__file__).resolve().parent.parent
IGNORED = shutil.ignore_patterns(
    ".git", ".venv", "__pycache__", "*.pyc", "*.egg-info", "build", "dist", ".pytest_cache", ".ruff_cache"
)

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed"),
    pytest.mark.skipif(
        importlib.util.find_spec("pre_commit") is None,
        reason="pre-commit is not installed (pip install pre-commit, or the test extra)",
    ),
]

GIT_IDENTITY = {
    "GIT_AUTHOR_NAME": "rhetlint tests",
    "GIT_AUTHOR_EMAIL": "tests@rhetlint.invalid",
    "GIT_COMMITTER_NAME": "rhetlint tests",
    "GIT_COMMITTER_EMAIL": "tests@rhetlint.invalid",
}

# T101 flags "zork": the newsroom's local plugin keeps the test independent of the built-in lexicons.
MARKER = word_plugin("T101", "marker-word", "testing", "zork")

DRAFTS = {
    "rhetlint.toml": 'plugins-dir = "plugins"\n',
    "plugins/marker.py": MARKER,
    "drafts/loaded.md": "# Budget\n\nThe mayor's zork plan passed.\n",
    "drafts/loaded.txt": "A zork in plain text.\n",
    "drafts/loaded.html": "<html><body><p>An HTML zork.</p></body></html>\n",
    "drafts/clean.md": "# Budget\n\nThe council met on Tuesday.\n",
    "notes/data.json": '{"note": "zork"}\n',
    "notes/tool.py": "ZORK = 'zork'\n",
}


def _git(*args: str, cwd: Path) -> str:
    env = dict(os.environ, **GIT_IDENTITY)
    out = subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, f"git {' '.join(args)} failed: {out.stderr}"
    return out.stdout


def _files_of_checkout() -> list[str]:
    """Files of this checkout that git would commit (reads only; never writes the checkout's index)."""
    if (REPO_ROOT / ".git").exists():
        out = subprocess.run(
            ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
            cwd=REPO_ROOT,
            capture_output=True,
            timeout=60,
        )
        if out.returncode == 0:
            names = out.stdout.decode("utf-8", "surrogateescape").split("\0")
            return [n for n in names if n and (REPO_ROOT / n).is_file()]
    return []


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory) -> Path:
    """A committed snapshot of the work tree, the way a newsroom would reference a tag."""
    repo = tmp_path_factory.mktemp("hook") / "rhetlint"
    files = _files_of_checkout()
    if files:
        for name in files:
            target = repo / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(REPO_ROOT / name, target)
    else:  # not a git checkout (an unpacked sdist): copy everything but build debris
        shutil.copytree(REPO_ROOT, repo, ignore=IGNORED)
    assert (repo / ".pre-commit-hooks.yaml").is_file()
    _git("init", "-q", cwd=repo)
    _git("add", "-A", cwd=repo)
    _git("commit", "-q", "--no-verify", "-m", "snapshot", cwd=repo)
    return repo


@pytest.fixture
def newsroom(tmp_path) -> Path:
    repo = tmp_path / "newsroom"
    for name, text in DRAFTS.items():
        path = repo / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    _git("init", "-q", cwd=repo)
    _git("add", "-A", cwd=repo)
    return repo


def _pre_commit_env(newsroom: Path) -> dict[str, str]:
    """The environment pre-commit runs in: no RHETLINT_ settings from outside, its own home, and a newsroom
    that trusts its own configuration's plugins-dir, as a maintainer's machine or CI would say so."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("RHETLINT_")}
    env.update(
        GIT_IDENTITY,
        PRE_COMMIT_HOME=str(newsroom.parent / "pre-commit-home"),
        NO_COLOR="1",
        RHETLINT_ALLOW_LOCAL_PLUGINS="1",
    )
    return env


def try_repo(hook_repo: Path, newsroom: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = _pre_commit_env(newsroom)
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "pre_commit",
            "try-repo",
            str(hook_repo),
            "rhetlint",
            "--color",
            "never",
            *args,
        ],
        cwd=newsroom,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


def test_hook_fails_on_loaded_drafts_and_skips_other_files(hook_repo, newsroom):
    result = try_repo(hook_repo, newsroom, "--all-files")
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "rhetlint" in output and "Failed" in output
    for name in ("drafts/loaded.md", "drafts/loaded.txt", "drafts/loaded.html"):
        assert f"{name}:" in output, f"{name} was not checked:\n{output}"
    assert "drafts/loaded.md:3:13: warning: marker 'zork' found [T101 marker-word]" in output
    for name in ("notes/data.json", "notes/tool.py", "rhetlint.toml", "plugins/marker.py", "drafts/clean.md"):
        assert f"{name}:" not in output, f"{name} should not have been reported:\n{output}"


def test_hook_passes_on_a_clean_draft_and_skips_non_prose(hook_repo, newsroom):
    result = try_repo(hook_repo, newsroom, "--files", "drafts/clean.md", "notes/data.json", "notes/tool.py")
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "Passed" in output and "zork" not in output
    only_other = try_repo(hook_repo, newsroom, "--files", "notes/data.json", "notes/tool.py")
    assert only_other.returncode == 0, only_other.stdout + only_other.stderr
    assert "(no files to check)Skipped" in only_other.stdout


def run_pre_commit(newsroom: Path, *args: str, path: str | None = None) -> subprocess.CompletedProcess[str]:
    env = _pre_commit_env(newsroom)
    if path is not None:
        env["PATH"] = path
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", *args, "--color", "never"],
        cwd=newsroom,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


def documented_snippets() -> tuple[str, str]:
    from doc_blocks import DOCS, fenced_blocks

    remote, local = fenced_blocks(DOCS / "integrations" / "pre-commit.md", "yaml")
    return remote, local


def test_documented_remote_snippet_after_autoupdate_blocks_a_loaded_draft(hook_repo, newsroom):
    """The snippet as written, with the repository's URL filled in and `rev` set by the documented
    `pre-commit autoupdate --bleeding-edge --freeze --repo URL`."""
    remote, _local = documented_snippets()
    url = str(hook_repo)
    (newsroom / ".pre-commit-config.yaml").write_text(
        remote.replace("<rhetlint-repo-url>", url), encoding="utf-8"
    )
    update = run_pre_commit(newsroom, "autoupdate", "--bleeding-edge", "--freeze", "--repo", url)
    assert update.returncode == 0, update.stdout + update.stderr
    head = _git("rev-parse", "HEAD", cwd=hook_repo).strip()
    config = (newsroom / ".pre-commit-config.yaml").read_text(encoding="utf-8")
    assert f"rev: {head}" in config, config
    result = run_pre_commit(newsroom, "run", "--all-files")
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "drafts/loaded.md:3:13: warning: marker 'zork' found [T101 marker-word]" in output
    assert "notes/data.json:" not in output and "drafts/clean.md:" not in output


def test_documented_local_snippet_runs_the_installed_rhetlint(newsroom):
    _remote, local = documented_snippets()
    (newsroom / ".pre-commit-config.yaml").write_text(local, encoding="utf-8")
    path = os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")])
    result = run_pre_commit(newsroom, "run", "--all-files", path=path)
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "drafts/loaded.md:3:13: warning: marker 'zork' found [T101 marker-word]" in output
    assert "drafts/loaded.html:" in output and "drafts/loaded.txt:" in output
    assert "notes/tool.py:" not in output
    # the layout docs/integrations/pre-commit.md shows
    assert re.search(r"^rhetlint\.+Failed\n- hook id: rhetlint\n- exit code: 1\n\n", result.stdout, re.M), (
        output
    )
    _git("rm", "-q", "--cached", "drafts/loaded.md", "drafts/loaded.txt", "drafts/loaded.html", cwd=newsroom)
    clean = run_pre_commit(newsroom, "run", "--all-files", path=path)
    assert clean.returncode == 0, clean.stdout + clean.stderr
