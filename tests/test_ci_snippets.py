"""The CI snippets of docs/integrations work as written.

Every YAML block of the GitHub Actions and GitLab CI pages is parsed, checked for the keys its CI service
needs, and its commands are run the way that service runs them, in a scratch repository of drafts: GitHub's
``run:`` steps with ``bash -eo pipefail`` and the workflow's, job's and step's ``env``; GitLab's ``script``
lines one after another, stopping at the first that fails. ``uses:`` steps (checkout, setup-python, the
upload actions) are GitHub's own and are not run; a stand-in ``reviewdog`` validates what it reads against
reviewdog's schema. The fast tests use the rhetlint of this environment and check that the install step is
``pip install "$RHETLINT"``; the slow ones run that step too, from a wheel built from this checkout.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import venv
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from doc_blocks import DOCS, ROOT, fenced_blocks

GITHUB = DOCS / "integrations" / "github-actions.md"
GITLAB = DOCS / "integrations" / "gitlab-ci.md"
INSTALL = 'pip install "$RHETLINT"'
PLACEHOLDER = "rhetlint @ git+<rhetlint-repo-url>@<commit-sha>"
SCHEMAS = Path(__file__).resolve().parent / "schemas"

LOADED = "# Council\n\nThe mayor claimed the budget was balanced.\n"
CLEAN = "# Council\n\nThe council met on Tuesday.\n"

# Stands in for reviewdog: reads rdjson from standard input, validates it, keeps a copy next to it.
FAKE_REVIEWDOG = """\
import json, sys
from pathlib import Path
import jsonschema
schema = json.loads(Path({schema!r}).read_text(encoding="utf-8"))
data = sys.stdin.read()
jsonschema.Draft4Validator(schema).validate(json.loads(data))
assert "-f=rdjson" in sys.argv, sys.argv
Path("reviewdog-input.json").write_text(data, encoding="utf-8")
"""


def workflows() -> list[dict[str, Any]]:
    return [yaml.safe_load(block) for block in fenced_blocks(GITHUB, "yaml")]


def gitlab_jobs() -> list[dict[str, Any]]:
    return [yaml.safe_load(block) for block in fenced_blocks(GITLAB, "yaml")]


def test_github_workflows_are_complete_workflow_files():
    found = workflows()
    assert len(found) == 3
    for workflow in found:
        # YAML 1.1 reads the key `on` as True; GitHub reads it as "on".
        assert workflow.get("on", workflow.get(True)) == ["pull_request"]
        assert workflow["env"]["RHETLINT"] == PLACEHOLDER
        for job in workflow["jobs"].values():
            assert job["runs-on"] == "ubuntu-latest"
            steps = job["steps"]
            assert all(("uses" in step) != ("run" in step) for step in steps), steps
            runs = [step["run"] for step in steps if "run" in step]
            assert runs[0] == INSTALL
            assert not any("pip install" in command for command in runs[1:])
            assert steps[0]["uses"] == "actions/checkout@v4"


def test_gitlab_job_is_complete():
    [config] = gitlab_jobs()
    job = config["rhetlint"]
    assert job["variables"]["RHETLINT"] == PLACEHOLDER
    assert job["script"][0] == INSTALL
    assert job["artifacts"]["when"] == "always"
    assert set(job["artifacts"]["reports"]) == {"codequality", "junit"}


@pytest.fixture
def drafts(tmp_path) -> Path:
    """A newsroom repository: a loaded draft and a clean one under drafts/."""
    repo = tmp_path / "newsroom"
    (repo / "drafts").mkdir(parents=True)
    (repo / "drafts" / "loaded.md").write_text(LOADED, encoding="utf-8")
    (repo / "drafts" / "clean.md").write_text(CLEAN, encoding="utf-8")
    bindir = tmp_path / "fake-bin"
    bindir.mkdir()
    fake = bindir / "reviewdog"
    fake.write_text(
        f"#!{sys.executable}\n"
        + FAKE_REVIEWDOG.format(schema=str(SCHEMAS / "reviewdog-rdf-DiagnosticResult.json")),
        encoding="utf-8",
    )
    fake.chmod(0o755)
    return repo


def ci_environment(repo: Path, bindir: Path) -> dict[str, str]:
    """A CI machine's environment: rhetlint and a stand-in reviewdog on PATH, no test-only settings."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("RHETLINT_") and k != "NO_COLOR"}
    env["PATH"] = os.pathsep.join([str(bindir), str(repo.parent / "fake-bin"), env.get("PATH", "")])
    return env


def run_github_job(
    job: dict[str, Any], workflow_env: dict[str, str], repo: Path, env: dict[str, str], install: bool
):
    """Run the job's steps as GitHub does; the result of the first step that fails, else of the last."""
    result = None
    for step in job["steps"]:
        if "run" not in step:
            continue
        if step["run"] == INSTALL and not install:
            continue
        step_env = {**env, **workflow_env, **job.get("env", {}), **step.get("env", {})}
        result = subprocess.run(
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]],
            cwd=repo,
            env=step_env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        if result.returncode != 0 and not step.get("continue-on-error"):
            return result
    assert result is not None
    return result


def run_gitlab_job(job: dict[str, Any], repo: Path, env: dict[str, str], install: bool):
    result = None
    for line in job["script"]:
        if line == INSTALL and not install:
            continue
        result = subprocess.run(
            ["sh", "-c", line],
            cwd=repo,
            env={**env, **job.get("variables", {})},
            capture_output=True,
            text=True,
            timeout=300,
        )
        if result.returncode != 0:
            return result
    assert result is not None
    return result


def check_github(repo: Path, env: dict[str, str], install: bool, source: str | None = None) -> None:
    """Run the three workflows on the drafts; ``source`` replaces the placeholder of ``RHETLINT``."""
    annotations, sarif, review = workflows()
    for workflow in (annotations, sarif, review):
        workflow["env"]["RHETLINT"] = source or workflow["env"]["RHETLINT"]
    # 1. Annotations: the loaded draft fails the job with a ::warning line.
    job = annotations["jobs"]["rhetlint"]
    result = run_github_job(job, annotations["env"], repo, env, install)
    assert result.returncode == 1, result.stderr
    assert "::warning file=drafts/loaded.md,line=3,col=11," in result.stdout, result.stdout
    # 2. Code scanning: the job passes and leaves a SARIF file for the upload step.
    job = sarif["jobs"]["rhetlint"]
    result = run_github_job(job, sarif["env"], repo, env, install)
    assert result.returncode == 0, result.stderr
    [upload] = [s for s in job["steps"] if s.get("uses", "").startswith("github/codeql-action/upload-sarif")]
    report = json.loads((repo / upload["with"]["sarif_file"]).read_text(encoding="utf-8"))
    schema = json.loads((SCHEMAS / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema).validate(report)
    assert [r["ruleId"] for r in report["runs"][0]["results"]] == ["L103"]
    # 3. reviewdog: the step passes findings on and reviewdog reads a valid report.
    job = review["jobs"]["rhetlint"]
    result = run_github_job(job, review["env"], repo, env, install)
    assert result.returncode == 0, result.stderr
    given = json.loads((repo / "reviewdog-input.json").read_text(encoding="utf-8"))
    assert [d["code"]["value"] for d in given["diagnostics"]] == ["L103"]


def check_gitlab(repo: Path, env: dict[str, str], install: bool, source: str | None = None) -> None:
    [config] = gitlab_jobs()
    job = config["rhetlint"]
    job["variables"]["RHETLINT"] = source or job["variables"]["RHETLINT"]
    result = run_gitlab_job(job, repo, env, install)
    assert result.returncode == 1, result.stderr
    assert "drafts/loaded.md:3:11: warning: 'claimed'" in result.stdout
    reports = job["artifacts"]["reports"]
    quality = json.loads((repo / reports["codequality"]).read_text(encoding="utf-8"))
    assert [(i["check_name"], i["location"]["path"]) for i in quality] == [
        ("L103 loaded-saying-verb", "drafts/loaded.md")
    ]
    cases = ET.parse(repo / reports["junit"]).getroot().iter("testcase")
    assert [c.get("classname") for c in cases] == ["drafts/loaded.md"]


def test_github_steps_run_as_written(drafts):
    check_github(drafts, ci_environment(drafts, Path(sys.executable).parent), install=False)


def test_github_steps_pass_on_clean_drafts_and_fail_on_a_configuration_error(drafts):
    env = ci_environment(drafts, Path(sys.executable).parent)
    (drafts / "drafts" / "loaded.md").unlink()
    for workflow in workflows():
        result = run_github_job(workflow["jobs"]["rhetlint"], workflow["env"], drafts, env, install=False)
        assert result.returncode == 0, result.stderr
    (drafts / "rhetlint.toml").write_text("no-such-key = 1\n", encoding="utf-8")
    for workflow in workflows():
        result = run_github_job(workflow["jobs"]["rhetlint"], workflow["env"], drafts, env, install=False)
        assert result.returncode != 0, result.stderr  # the step fails (`|| [ $? -eq 1 ]` turns 2 into 1)
        assert "unknown key 'no-such-key'" in result.stderr


def test_gitlab_script_runs_as_written(drafts):
    check_gitlab(drafts, ci_environment(drafts, Path(sys.executable).parent), install=False)


def test_gitlab_script_passes_on_clean_drafts(drafts):
    (drafts / "drafts" / "loaded.md").unlink()
    [config] = gitlab_jobs()
    env = ci_environment(drafts, Path(sys.executable).parent)
    assert run_gitlab_job(config["rhetlint"], drafts, env, install=False).returncode == 0


# --- slow: the install step too, from a wheel built from this checkout -------------------------------------
@pytest.fixture(scope="module")
def wheel_venv(tmp_path_factory) -> tuple[Path, Path]:
    """A fresh virtual environment (its bin folder) and a rhetlint wheel built from this checkout."""
    work = tmp_path_factory.mktemp("wheel")
    folder = work / "env"
    try:
        venv.EnvBuilder(with_pip=True, clear=True).create(folder)
    except (OSError, subprocess.CalledProcessError) as exc:
        pytest.skip(f"cannot create a virtual environment with pip here: {exc}")
    built = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "-q",
            "--no-deps",
            "--wheel-dir",
            str(work / "dist"),
            str(ROOT),
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert built.returncode == 0, built.stderr
    [wheel] = (work / "dist").glob("rhetlint-*-py3-none-any.whl")
    return folder / "bin", wheel


@pytest.mark.slow
def test_github_steps_install_from_a_wheel_and_run(drafts, wheel_venv):
    bindir, wheel = wheel_venv
    check_github(drafts, ci_environment(drafts, bindir), install=True, source=str(wheel))
    assert (bindir / "rhetlint").exists()


@pytest.mark.slow
def test_gitlab_script_installs_from_a_wheel_and_runs(drafts, wheel_venv):
    bindir, wheel = wheel_venv
    check_gitlab(drafts, ci_environment(drafts, bindir), install=True, source=str(wheel))


# rhetlint is not on the package index: `pip install rhetlint` (or `rhetlint[lsp]`) fails when copied.
FROM_THE_INDEX = re.compile(
    r"\bpipx? install (?:-\S+ )*[\"']?rhetlint(?:\[[a-z,]+\])?[\"']?(?=[\s`]|$)(?!\s*@)", re.M
)


def test_no_page_installs_rhetlint_from_the_package_index():
    pages = [ROOT / "README.md", ROOT / "CONTRIBUTING.md", ROOT / ".pre-commit-hooks.yaml"]
    pages += sorted(DOCS.rglob("*.md")) + sorted((ROOT / "plugins").glob("*/README.md"))
    offenders = [
        f"{page.relative_to(ROOT)}: {match.group(0)}"
        for page in pages
        for match in FROM_THE_INDEX.finditer(page.read_text(encoding="utf-8"))
    ]
    assert offenders == []
    assert FROM_THE_INDEX.search('run: pip install "rhetlint[lsp]"\n')
    assert FROM_THE_INDEX.search("`pipx install rhetlint`")
    assert not FROM_THE_INDEX.search("pip install rhetlint-newsroom")
    assert not FROM_THE_INDEX.search('pip install "rhetlint @ git+<rhetlint-repo-url>@<commit-sha>"')
