"""``--write-baseline`` and ``--baseline``: accept today's findings, fail only on new ones."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

STORY = (
    "The senator slammed the plan. Critics say it will bury the fleet in debt.\n"
    "\n"
    "The mayor claimed the vote was fair.\n"
)


@pytest.fixture
def newsroom(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.delenv("RHETLINT_LOAD_PLUGINS")
    (tmp_path / "rhetlint.toml").write_text("", encoding="utf-8")
    (tmp_path / "archive").mkdir()
    (tmp_path / "archive" / "story.md").write_bytes(STORY.encode("utf-8"))
    return tmp_path


def test_written_baseline_is_versioned_json_with_paths_relative_to_its_folder(newsroom, run_cli):
    result = run_cli(["check", "archive", "--write-baseline", "ci/baseline.json"], cwd=newsroom)
    assert result.code == 2  # the folder ci/ does not exist: one line, no traceback
    assert result.err_lines[-1].startswith("rhetlint: error: cannot write ci/baseline.json")
    (newsroom / "ci").mkdir()
    result = run_cli(["check", "archive", "--write-baseline", "ci/baseline.json"], cwd=newsroom)
    assert result.code == 0
    assert result.err_lines[-1] == "Wrote 3 findings to the baseline ci/baseline.json"
    data = json.loads((newsroom / "ci" / "baseline.json").read_text(encoding="utf-8"))
    assert data["version"] == 1
    assert [(f["path"], f["code"], f["line"], f["match"]) for f in data["findings"]] == [
        ("../archive/story.md", "L101", 1, "slammed"),
        ("../archive/story.md", "A102", 1, "Critics say"),
        ("../archive/story.md", "L103", 3, "claimed"),
    ]


def test_baselined_findings_are_hidden_and_counted_and_new_ones_fail(newsroom, run_cli):
    assert run_cli(["check", "archive", "--write-baseline", "baseline.json"], cwd=newsroom).code == 0
    result = run_cli(["check", "archive", "--baseline", "baseline.json"], cwd=newsroom)
    assert (result.code, result.out) == (0, "")
    assert result.err_lines == ["No problems in 1 file checked (3 hidden by the baseline)."]

    # edits elsewhere (a new paragraph above, a new line below) keep the old findings matched
    story = newsroom / "archive" / "story.md"
    story.write_text(
        "A new first paragraph.\n\n" + STORY + "The senator blasted it.\n",
        encoding="utf-8",
    )
    result = run_cli(["check", "archive", "--baseline", "baseline.json"], cwd=newsroom)
    assert [line.split(": ")[0] for line in result.lines] == ["archive/story.md:6:13"]
    assert "'blasted'" in result.out
    assert result.err_lines == ["1 problem in 1 file checked (3 hidden by the baseline)"]
    assert result.code == 1


def test_a_baseline_works_from_another_working_folder(newsroom, run_cli):
    run_cli(["check", "archive", "--write-baseline", "baseline.json"], cwd=newsroom)
    result = run_cli(["check", "story.md", "--baseline", "../baseline.json"], cwd=newsroom / "archive")
    assert (result.code, result.out) == (0, "")


def test_a_second_identical_finding_on_an_identical_line_is_new(newsroom, run_cli):
    run_cli(["check", "archive", "--write-baseline", "baseline.json"], cwd=newsroom)
    story = newsroom / "archive" / "story.md"
    story.write_text(STORY + "\nThe mayor claimed the vote was fair.\n", encoding="utf-8")
    result = run_cli(["check", "archive", "--baseline", "baseline.json", "--format", "json"], cwd=newsroom)
    report = result.json()
    assert [(d["code"], d["start"]["line"]) for d in report["diagnostics"]] == [("L103", 5)]
    assert report["hidden_by_baseline"] == 3


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "no such file (create it with --write-baseline)"),
        (b"{not json", "not valid JSON (Expecting property name enclosed in double quotes at line 1)"),
        (b"[]", "not a rhetlint baseline (expected an object with version and findings)"),
        (b'{"version": 9, "findings": []}', "version 9 is not one this rhetlint reads (1)"),
        (b'{"version": 1, "findings": [{"path": "a.md"}]}', "finding 1 has no fingerprint string"),
    ],
)
def test_a_missing_or_broken_baseline_is_one_line_and_exit_2(newsroom, run_cli, content, message):
    if content is not None:
        (newsroom / "baseline.json").write_bytes(content)
    result = run_cli(["check", "archive", "--baseline", "baseline.json"], cwd=newsroom)
    assert result.code == 2
    assert result.err_lines == [f"rhetlint: error: baseline baseline.json: {message}"]
    assert result.out == ""
