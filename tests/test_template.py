"""``rhetlint new-plugin``: the generated package has a pyproject with the entry point, one rule, its page and
its tests, and those tests pass as generated."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

from rhetlint.cli.new_plugin import plugin_names, render_plugin

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

EXPECTED_FILES = {
    "pyproject.toml",
    "README.md",
    "src/rhetlint_wire/__init__.py",
    "docs/rules/exclamation-mark.md",
    "tests/test_rules.py",
    "tests/fixtures/WI101.md",
    "tests/fixtures/WI101.md.expected",
}


@pytest.fixture
def generated(tmp_path, run_cli) -> Path:
    result = run_cli(["new-plugin", "rhetlint-wire", "--dir", tmp_path])
    assert result.code == 0, result.err
    assert "created " in result.out and "python -m pytest" in result.out
    return tmp_path / "rhetlint-wire"


def test_new_plugin_writes_the_package(generated: Path) -> None:
    files = {p.relative_to(generated).as_posix() for p in generated.rglob("*") if p.is_file()}
    assert files == EXPECTED_FILES
    leftovers = [f for f in files if "$" in (generated / f).read_text(encoding="utf-8").replace("$$", "")]
    assert not leftovers, f"unrendered placeholders in {leftovers}"


def test_pyproject_declares_the_entry_point(generated: Path) -> None:
    project = tomllib.loads((generated / "pyproject.toml").read_text(encoding="utf-8"))
    assert project["project"]["name"] == "rhetlint-wire"
    assert project["project"]["entry-points"]["rhetlint"] == {"wire": "rhetlint_wire"}
    assert any(d.startswith("rhetlint") for d in project["project"]["dependencies"])
    assert project["tool"]["hatch"]["build"]["targets"]["wheel"]["packages"] == ["src/rhetlint_wire"]


def test_generated_rule_registers_and_fires(generated: Path) -> None:
    from rhetlint.testing import lint_text

    spec = importlib.util.spec_from_file_location(
        "rhetlint_wire", generated / "src/rhetlint_wire/__init__.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    [d] = lint_text('"Wow!" she said. Turnout hit a record!', plugins=[module])
    assert (d.code, d.name, d.match, d.fixes[0].replacement) == ("WI101", "exclamation-mark", "!", ".")


def test_generated_tests_pass(generated: Path) -> None:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(generated / "src"), env.get("PYTHONPATH", "")])
    env.pop("PYTEST_DISABLE_PLUGIN_AUTOLOAD", None)
    proc = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"],
        cwd=generated,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "4 passed" in proc.stdout


def test_generated_tests_can_fail(generated: Path) -> None:
    """The generated fixture test really compares: a changed draft fails until --rhetlint-update."""
    draft = generated / "tests/fixtures/WI101.md"
    draft.write_text(draft.read_text(encoding="utf-8") + "\nOne more!\n", encoding="utf-8")
    env = dict(os.environ)
    env["PYTHONPATH"] = str(generated / "src")
    env.pop("PYTEST_DISABLE_PLUGIN_AUTOLOAD", None)
    run = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"]
    failing = subprocess.run(run, cwd=generated, env=env, capture_output=True, text=True, timeout=120)
    assert failing.returncode == 1 and "diagnostics differ" in failing.stdout
    subprocess.run([*run, "--rhetlint-update"], cwd=generated, env=env, capture_output=True, timeout=120)
    assert "9:9-9:10 WI101" in (generated / "tests/fixtures/WI101.md.expected").read_text(encoding="utf-8")


def test_generated_code_passes_ruff(generated: Path) -> None:
    if importlib.util.find_spec("ruff") is None:
        pytest.skip("ruff is not installed")
    proc = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--no-cache", "."],
        cwd=generated,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


@pytest.mark.parametrize(
    ("name", "dist", "package", "entry", "prefix"),
    [
        ("rhetlint-newsroom", "rhetlint-newsroom", "rhetlint_newsroom", "newsroom", "NE"),
        ("rhetlint_house_style", "rhetlint-house-style", "rhetlint_house_style", "house-style", "HO"),
        ("Desk", "desk", "desk", "desk", "DE"),
        ("rhetlint-x", "rhetlint-x", "rhetlint_x", "x", "X"),
    ],
)
def test_names(name, dist, package, entry, prefix) -> None:
    names = plugin_names(name)
    assert (names.dist, names.package, names.entry, names.prefix, names.code) == (
        dist,
        package,
        entry,
        prefix,
        f"{prefix}101",
    )


def test_explicit_prefix_renders_everywhere() -> None:
    files = render_plugin(plugin_names("rhetlint-desk", prefix="DSK"))
    assert "tests/fixtures/DSK101.md" in files
    assert 'code="DSK101"' in files["src/rhetlint_desk/__init__.py"]
    assert "# DSK101 exclamation-mark" in files["docs/rules/exclamation-mark.md"]


@pytest.mark.parametrize(
    ("name", "prefix", "error"),
    [
        ("rhetlint newsroom", None, "is not a usable distribution name"),
        ("-newsroom", None, "is not a usable distribution name"),
        ("news--room", None, "is not a usable distribution name"),
        ("rhetlint-desk", "rl", "must be 1-3 capital letters"),
        ("rhetlint-desk", "RL", "is rhetlint's own"),
    ],
)
def test_bad_names(name, prefix, error) -> None:
    with pytest.raises(ValueError, match=error):
        plugin_names(name, prefix)


def test_cli_errors(tmp_path, run_cli) -> None:
    result = run_cli(["new-plugin", "bad name", "--dir", tmp_path])
    assert result.code == 2 and "is not a usable distribution name" in result.err
    (tmp_path / "rhetlint-wire").mkdir()
    (tmp_path / "rhetlint-wire" / "keep.txt").write_text("mine", encoding="utf-8")
    result = run_cli(["new-plugin", "rhetlint-wire", "--dir", tmp_path])
    assert result.code == 2 and "already exists and is not empty" in result.err
    assert [p.name for p in (tmp_path / "rhetlint-wire").iterdir()] == ["keep.txt"]
