"""A checked repository cannot run its own Python: plugins-dir loads only with consent from outside it."""

from __future__ import annotations

import pytest

PLANTED = 'from pathlib import Path\nPath(__file__).with_name("PWNED").write_text("ran")\n'


@pytest.fixture
def planted(project, monkeypatch):
    """A project whose configuration names a plugins-dir holding code that leaves a mark when it runs."""
    monkeypatch.delenv("RHETLINT_ALLOW_LOCAL_PLUGINS")
    project.plugin("planted", PLANTED)
    project.write("draft.md", "The council met on Tuesday.\n")
    return project


@pytest.mark.parametrize("command", [["check", "draft.md"], ["rules"], ["plugins"], ["sources", "draft.md"]])
def test_local_plugins_do_not_run_without_consent(planted, run_cli, command):
    result = run_cli(command, cwd=planted.root)
    assert not (planted.root / "plugins" / "PWNED").exists()
    assert any(
        line.startswith("rhetlint: warning: not loading local plugins from ")
        and "--allow-local-plugins" in line
        for line in result.err_lines
    )


def test_the_flag_grants_consent(planted, run_cli):
    result = run_cli(["check", "--allow-local-plugins", "draft.md"], cwd=planted.root)
    assert result.code == 0
    assert (planted.root / "plugins" / "PWNED").read_text() == "ran"
    assert not any("not loading local plugins" in line for line in result.err_lines)


@pytest.mark.parametrize("value", ["1", "true", "yes"])
def test_the_environment_grants_consent(planted, run_cli, monkeypatch, value):
    monkeypatch.setenv("RHETLINT_ALLOW_LOCAL_PLUGINS", value)
    run_cli(["check", "draft.md"], cwd=planted.root)
    assert (planted.root / "plugins" / "PWNED").exists()


def test_parallel_workers_honour_the_refusal(planted, run_cli):
    planted.write("second.md", "The mayor spoke on Monday.\n")
    run_cli(["check", "--jobs", "2", "draft.md", "second.md"], cwd=planted.root)
    assert not (planted.root / "plugins" / "PWNED").exists()


def test_configuration_search_stops_at_the_repository_root(tmp_path):
    from rhetlint.lint.config import find_config_file

    (tmp_path / "rhetlint.toml").write_text(
        'plugins-dir = "p"\n', encoding="utf-8"
    )  # planted above the clone
    clone = tmp_path / "clone"
    (clone / ".git").mkdir(parents=True)
    (clone / "docs").mkdir()
    assert find_config_file.__wrapped__((clone / "docs").resolve()) is None
    (clone / "rhetlint.toml").write_text("", encoding="utf-8")
    assert find_config_file.__wrapped__((clone / "docs").resolve()) == (clone / "rhetlint.toml").resolve()
    outside = tmp_path / "notes"
    outside.mkdir()
    assert find_config_file.__wrapped__(outside.resolve()) == (tmp_path / "rhetlint.toml").resolve()
