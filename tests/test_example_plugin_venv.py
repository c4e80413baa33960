"""The example third-party plugin, plugins/rhetlint-newsroom, installed the way outside authors' plugins are.

The slow tests (marked ``slow``) build a fresh virtual environment, pip-install rhetlint from this checkout
(a wheel build), then the example plugin and a package fresh from ``rhetlint new-plugin``, and run
``rhetlint plugins`` and ``rhetlint check`` there: only the ``rhetlint`` entry point connects them. The fast tests run the example
plugin's own tests with the current interpreter and keep it identical to the tutorial that builds it.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "plugins" / "rhetlint-newsroom"
TUTORIAL = REPO / "docs" / "plugins" / "tutorial.md"

STORY = """\
# Council delays vote

Going forward, the council will utilize its reserve fund!

"We will rebuild," the mayor stated.
"""


def clean_env(**extra: str) -> dict[str, str]:
    """The environment an author's shell would have: no test-only plugin limits, no borrowed import paths."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k
        not in (
            "RHETLINT_LOAD_PLUGINS",
            "PYTHONPATH",
            "PYTHONHOME",
            "VIRTUAL_ENV",
            "PYTEST_DISABLE_PLUGIN_AUTOLOAD",
        )
    }
    env.update(extra)
    return env


def run(args: list[str | Path], cwd: Path, timeout: int = 120, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(a) for a in args], cwd=cwd, env=clean_env(**env), capture_output=True, text=True, timeout=timeout
    )


# --- fast: the example plugin's own tests, and the tutorial kept in step ----------------------------
def test_example_plugin_tests_pass_with_the_current_interpreter() -> None:
    proc = run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"],
        EXAMPLE,
        PYTHONPATH=str(EXAMPLE / "src"),
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert re.search(r"\b10 passed\b", proc.stdout), proc.stdout


def tutorial_blocks() -> list[str]:
    text = TUTORIAL.read_text(encoding="utf-8")
    return re.findall(r"^```[a-z]*\n(.*?)^```", text, re.S | re.M)


@pytest.mark.parametrize(
    "relative",
    [
        "src/rhetlint_newsroom/said.py",
        "src/rhetlint_newsroom/house.toml",
        "tests/fixtures/NE102.md",
        "tests/fixtures/NE103.md",
        "tests/fixtures/NE201.md",
        "tests/fixtures/NE201.md.expected",
    ],
)
def test_example_files_are_the_tutorials(relative: str) -> None:
    """The tutorial shows these files whole; the example plugin must be what following it produces."""
    content = (EXAMPLE / relative).read_text(encoding="utf-8")
    assert content in tutorial_blocks(), f"{relative} differs from its code block in docs/plugins/tutorial.md"


def test_example_tests_include_the_tutorials_tables() -> None:
    tests = (EXAMPLE / "tests" / "test_rules.py").read_text(encoding="utf-8")
    table = next(b for b in tutorial_blocks() if b.startswith("def test_said_after_quote"))
    assert table in tests


# --- slow: a fresh virtual environment --------------------------------------------------------------
@pytest.fixture(scope="module")
def fresh_venv(tmp_path_factory) -> Path:
    """A new virtual environment with pip, or a skip saying why there is none."""
    folder = tmp_path_factory.mktemp("venv") / "env"
    try:
        venv.EnvBuilder(with_pip=True, clear=True).create(folder)
    except (OSError, subprocess.CalledProcessError) as exc:
        pytest.skip(f"cannot create a virtual environment with pip here: {exc}")
    bindir = folder / ("Scripts" if os.name == "nt" else "bin")
    python = bindir / ("python.exe" if os.name == "nt" else "python")
    if not python.exists() or run([python, "-m", "pip", "--version"], folder).returncode != 0:
        pytest.skip("the new virtual environment has no working pip (ensurepip is missing)")
    return bindir


def pip_install(bindir: Path, *targets: str | Path) -> None:
    proc = run(
        [bindir / "python", "-m", "pip", "install", "--quiet", "--disable-pip-version-check", *targets],
        bindir.parent,
        timeout=300,
    )
    if proc.returncode != 0:
        text = proc.stdout + proc.stderr
        if re.search(
            r"No matching distribution|Could not find a version|Network is unreachable|"
            r"Temporary failure in name resolution|ProxyError",
            text,
        ):
            pytest.skip(f"pip could not fetch build dependencies: {text.strip().splitlines()[-1]}")
        pytest.fail(f"pip install {' '.join(map(str, targets))} failed:\n{text}")


@pytest.fixture(scope="module")
def outcomes(fresh_venv: Path, tmp_path_factory) -> dict[str, subprocess.CompletedProcess]:
    """Install rhetlint (a wheel built from this checkout) and the example plugin, run the commands an author
    would, then add a package fresh from ``rhetlint new-plugin`` and run them again. Results by step name."""
    bindir = fresh_venv
    work = tmp_path_factory.mktemp("work")
    # Copy the example so the build never writes into the checkout.
    example = shutil.copytree(
        EXAMPLE,
        work / "rhetlint-newsroom",
        ignore=shutil.ignore_patterns("__pycache__", "*.egg-info", "build", "dist"),
    )
    (work / "story.md").write_text(STORY, encoding="utf-8")
    rhetlint = bindir / "rhetlint"
    pip_install(bindir, REPO, example)
    out = {
        "where": run(
            [
                bindir / "python",
                "-c",
                "import rhetlint, rhetlint_newsroom; "
                "print(rhetlint.__file__); print(rhetlint_newsroom.__file__)",
            ],
            work,
        ),
        "plugins-json": run([rhetlint, "plugins", "--format", "json"], work),
        "plugins": run([rhetlint, "plugins"], work),
        "check-json": run([rhetlint, "check", "--format", "json", "story.md"], work),
        "check-ne201": run([rhetlint, "check", "--select", "NE201", "story.md"], work),
        "explain": run([rhetlint, "explain", "plain-word"], work),
        "new-plugin": run([rhetlint, "new-plugin", "rhetlint-wire", "--dir", work], work),
    }
    assert out["new-plugin"].returncode == 0, out["new-plugin"].stdout + out["new-plugin"].stderr
    pip_install(bindir, "--no-deps", work / "rhetlint-wire")
    out["wire-check"] = run([rhetlint, "check", "story.md"], work, RHETLINT_LOAD_PLUGINS="wire")
    out["both-plugins"] = run([rhetlint, "plugins"], work)
    return out


@pytest.mark.slow
def test_rhetlint_is_installed_from_a_wheel_not_the_checkout(outcomes) -> None:
    proc = outcomes["where"]
    assert proc.returncode == 0, proc.stderr
    for line in proc.stdout.splitlines():
        assert str(REPO) not in line and "site-packages" in line


@pytest.mark.slow
def test_plugins_command_lists_the_example_plugin(outcomes) -> None:
    proc = outcomes["plugins-json"]
    assert proc.returncode == 0, proc.stderr
    plugins = {p["name"]: p for p in json.loads(proc.stdout)}
    assert plugins["newsroom"]["source"] == "entry point rhetlint_newsroom"
    assert plugins["newsroom"]["version"] == "0.1.0"
    assert plugins["newsroom"]["hooks"] == ["rhetlint_register_rules"]
    assert "loaded-language" in plugins
    text = outcomes["plugins"].stdout
    assert re.search(r"^newsroom\s+0\.1\.0\s+entry point rhetlint_newsroom$", text, re.M), text


@pytest.mark.slow
def test_check_fires_the_example_plugins_rules(outcomes) -> None:
    proc = outcomes["check-json"]
    assert proc.returncode == 1, proc.stderr
    found = {(d["code"], d["match"], d["plugin"]) for d in json.loads(proc.stdout)["diagnostics"]}
    assert {
        ("NE101", "!", "newsroom"),
        ("NE102", "Going forward", "newsroom"),
        ("NE103", "utilize", "newsroom"),
        ("NE201", "stated", "newsroom"),
    } <= found
    assert outcomes["check-ne201"].stdout == (
        "story.md:5:30: warning: 'stated' colours the quotation; the house verb of attribution is 'said' "
        "[NE201 said-after-quote]\n"
    )


@pytest.mark.slow
def test_explain_prints_a_plugin_rule_page(outcomes) -> None:
    proc = outcomes["explain"]
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == (EXAMPLE / "docs" / "rules" / "plain-word.md").read_text(encoding="utf-8")


@pytest.mark.slow
def test_a_package_from_the_template_installs_and_fires(outcomes) -> None:
    proc = outcomes["wire-check"]
    assert proc.returncode == 1, proc.stderr
    assert proc.stdout == (
        "story.md:3:57: warning: '!' in the writer's voice; let the facts carry the emphasis "
        "[WI101 exclamation-mark]\n"
    )


@pytest.mark.slow
def test_two_plugins_claiming_one_rule_name_get_a_clear_message(outcomes) -> None:
    """Both packages keep the template's starter rule: the second to load is refused, by name."""
    proc = outcomes["both-plugins"]
    assert proc.returncode == 2
    assert (
        "rhetlint: error: plugin wire: rule exclamation-mark is already registered by plugin 'newsroom'\n"
        in proc.stderr
    )
    assert re.search(r"^wire\s+0\.1\.0\s+entry point rhetlint_wire$", proc.stdout, re.M)
