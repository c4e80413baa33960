"""``--exit-zero``, ``--show-settings``, ``--statistics`` with ``--format json``, and the progress line."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from rhetlint.cli import progress as progress_module
from rhetlint.cli.progress import Progress

STORY = "The senator slammed the plan and blasted it. Critics say it will bury the fleet in debt.\n"


@pytest.fixture
def folder(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.delenv("RHETLINT_LOAD_PLUGINS")
    (tmp_path / ".git").mkdir()  # the configuration search stops here
    (tmp_path / "rhetlint.toml").write_text(
        'ignore = ["L103"]\n\n[per-file-ignores]\n"opinion/*" = ["attribution"]\n', encoding="utf-8"
    )
    (tmp_path / "opinion").mkdir()
    (tmp_path / "opinion" / "column.md").write_text(STORY, encoding="utf-8")
    (tmp_path / "a.md").write_text(STORY, encoding="utf-8")
    return tmp_path


def test_exit_zero_reports_findings_but_exits_0_and_still_2_for_errors(folder, run_cli):
    result = run_cli(["check", "--exit-zero", "a.md"], cwd=folder)
    assert result.code == 0 and len(result.lines) == 3
    assert run_cli(["check", "--exit-zero", "a.md", "missing.md"], cwd=folder).code == 2


def test_statistics_in_json_count_per_rule(folder, run_cli):
    report = run_cli(["check", "--statistics", "--format", "json", "a.md"], cwd=folder).json()
    assert report["statistics"] == [
        {"code": "L101", "name": "emotive-language", "count": 2},
        {"code": "A102", "name": "vague-attribution", "count": 1},
    ]
    assert "statistics" not in run_cli(["check", "--format", "json", "a.md"], cwd=folder).json()


def test_show_settings_names_the_configuration_and_the_rules_for_that_file(folder, run_cli):
    result = run_cli(["check", "--show-settings", "opinion/column.md"], cwd=folder)
    assert result.code == 0
    out = result.out
    assert out.startswith("Settings for opinion/column.md\n\nConfiguration files found")
    assert "  rhetlint.toml\n  (the search stops at the repository root, .)\n" in out
    assert "Configuration used: rhetlint.toml\n" in out
    assert "Input format: markdown\n" in out
    assert '  ignore = ["L103"]\n' in out
    assert '  per-file-ignores = {opinion/* = ["attribution"]}\n' in out
    rules = out.split("Rules that run on this file")[1]
    assert "L101   emotive-language" in rules
    assert "L103" not in rules and "A102" not in rules  # ignored, and ignored for opinion/ only
    assert "A102" in run_cli(["check", "--show-settings", "a.md"], cwd=folder).out.split("Rules that run")[1]


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_is_drawn_on_a_terminal_after_a_delay_and_cleared(monkeypatch):
    monkeypatch.setattr(progress_module, "DELAY", 0.0)
    monkeypatch.setattr(progress_module, "INTERVAL", 0.0)
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    stream = _Terminal()
    progress = Progress(3, stream)
    progress(1)
    progress(2)
    progress.close()
    assert stream.getvalue() == (
        "\rrhetlint: checked 1/3 files\rrhetlint: checked 3/3 files\r" + " " * 27 + "\r"
    )


@pytest.mark.parametrize("env", [{"CI": "true"}, {"TERM": "dumb"}])
def test_no_progress_in_ci_or_on_a_dumb_terminal(monkeypatch, env):
    monkeypatch.setattr(progress_module, "DELAY", 0.0)
    monkeypatch.delenv("CI", raising=False)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    stream = _Terminal()
    progress = Progress(3, stream)
    progress(3)
    progress.close()
    assert stream.getvalue() == ""


def test_no_progress_in_a_pipe(monkeypatch):
    monkeypatch.setattr(progress_module, "DELAY", 0.0)
    stream = io.StringIO()
    progress = Progress(3, stream)
    progress(3)
    assert stream.getvalue() == ""


def test_a_check_run_reports_progress_per_file(folder, run_cli, monkeypatch):
    seen: list[int] = []
    monkeypatch.setattr(Progress, "__call__", lambda self, done: seen.append(done))
    run_cli(["check", "."], cwd=folder)
    assert seen == [1, 1]
