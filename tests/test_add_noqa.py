"""``--add-noqa``: suppression comments for every finding, after which ``check`` finds nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

MARKDOWN = (
    "# Council slams critics of so-called compromise\n"
    "\n"
    "Clearly, the plan is a blatant gift to the shipping lobby. Officials said privately that the state  \n"
    "would cover the shortfall. The mayor claimed the vote was fair.\n"
)
HTML = (
    "<html><body>\n<h1>Council slams critics</h1>\n"
    "<p>Clearly, the plan is a blatant gift to the shipping lobby.\n"
    "The mayor claimed the vote was fair.</p>\n</body></html>\n"
)
PLAIN = "Council slams critics\r\n\r\n    Clearly, the plan is a blatant gift.\r\nThe mayor claimed the vote was fair."


@pytest.fixture
def folder(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.delenv("RHETLINT_LOAD_PLUGINS")
    (tmp_path / "rhetlint.toml").write_text("", encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(("name", "source"), [("a.md", MARKDOWN), ("a.html", HTML), ("a.txt", PLAIN)])
def test_add_noqa_silences_every_finding_and_a_second_run_changes_nothing(folder, run_cli, name, source):
    draft = folder / name
    draft.write_bytes(source.encode("utf-8"))
    assert run_cli(["check", name], cwd=folder).code == 1
    result = run_cli(["check", "--add-noqa", name], cwd=folder)
    assert result.code == 0
    assert result.err_lines[-1].startswith("Added suppression comments for ")
    assert result.err_lines[-1].endswith(" findings to 1 file")
    after = draft.read_bytes()
    assert after != source.encode("utf-8")
    check = run_cli(["check", name], cwd=folder)
    assert (check.code, check.out) == (0, "")
    again = run_cli(["check", "--add-noqa", name], cwd=folder)
    assert again.err_lines[-1] == "Added suppression comments for 0 findings to 0 files"
    assert draft.read_bytes() == after


def test_markdown_comments_end_the_line_and_keep_a_hard_break(folder, run_cli):
    (folder / "a.md").write_bytes(MARKDOWN.encode("utf-8"))
    run_cli(["check", "--add-noqa", "a.md"], cwd=folder)
    lines = (folder / "a.md").read_text(encoding="utf-8").split("\n")
    assert lines[0] == (
        "# Council slams critics of so-called compromise <!-- rhetlint-disable-line emotive-language, doubt-marker -->"
    )
    # the claim that gave way to the editorializing word joins the same comment in a second pass, and the
    # two spaces of the hard break still end the line
    assert lines[2].endswith(
        "state <!-- rhetlint-disable-line editorializing, emotive-language, anonymous-source, "
        "unsourced-claim -->  "
    )


def test_plain_text_gets_directive_lines_with_the_indent_and_crlf(folder, run_cli):
    (folder / "a.txt").write_bytes(PLAIN.encode("utf-8"))
    run_cli(["check", "--add-noqa", "a.txt"], cwd=folder)
    text = (folder / "a.txt").read_bytes().decode("utf-8")
    assert (
        "\r\n    # rhetlint-disable-next-line editorializing, emotive-language, unsourced-claim\r\n    Clearly"
        in text
    )
    assert text.endswith(
        "\r\n# rhetlint-disable-next-line loaded-saying-verb\r\nThe mayor claimed the vote was fair."
    )
    assert "\n" not in text.replace("\r\n", "")


def test_add_noqa_refuses_a_read_only_file_and_does_the_others(folder, run_cli):
    (folder / "a.md").write_bytes(MARKDOWN.encode("utf-8"))
    (folder / "b.md").write_bytes(MARKDOWN.encode("utf-8"))
    (folder / "a.md").chmod(0o444)
    result = run_cli(["check", "--add-noqa", "a.md", "b.md"], cwd=folder)
    assert result.code == 2
    assert "a.md: error: is read-only; not fixed" in result.err_lines
    assert (folder / "a.md").read_text(encoding="utf-8") == MARKDOWN
    assert "rhetlint-disable-line" in (folder / "b.md").read_text(encoding="utf-8")


def test_add_noqa_cannot_be_combined_with_fix(folder, run_cli):
    result = run_cli(["check", "--add-noqa", "--fix", "."], cwd=folder)
    assert result.code == 2
    assert result.err_lines == ["rhetlint: error: --add-noqa cannot be combined with --fix or --diff"]


def test_add_noqa_on_standard_input_writes_the_text_to_standard_output(folder, run_cli):
    result = run_cli(
        ["check", "--add-noqa", "--stdin-filename", "story.md", "-"],
        cwd=folder,
        stdin=b"The mayor claimed the vote was fair.\n",
    )
    assert (
        result.out
        == "The mayor claimed the vote was fair. <!-- rhetlint-disable-line loaded-saying-verb -->\n"
    )
    assert result.err_lines == ["Added suppression comments for 1 finding to 1 file"]
    assert result.code == 0
