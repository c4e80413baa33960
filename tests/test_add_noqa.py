"""``--add-noqa``: suppression comments for every finding, after which ``check`` finds nothing."""

from __future__ import annotations

import re
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
    assert re.fullmatch(r"Added \d+ suppression comments to 1 file", result.err_lines[-1])
    after = draft.read_bytes()
    assert after != source.encode("utf-8")
    check = run_cli(["check", name], cwd=folder)
    assert (check.code, check.out) == (0, "")
    again = run_cli(["check", "--add-noqa", name], cwd=folder)
    assert again.err_lines[-1] == "Added 0 suppression comments to 0 files"
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
        "state <!-- rhetlint-disable-line editorializing, emotive-language, vague-attribution, "
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
    assert result.err_lines == ["Added 1 suppression comment to 1 file"]
    assert result.code == 0


# A rule whose finding depends on the draft's length, as distance-based analyses do: a comment written
# for another finding can make it go away, and the comment written for it then suppresses nothing.
LENGTH_PLUGIN = """
from rhetlint import Finding, hookimpl, rule


@rule(code="T301", name="always-alpha", category="testing", severity="warning")
def always_alpha(doc, options):
    \"\"\"Flags alpha.\"\"\"
    for t in doc.tokens:
        if t.norm == "alpha":
            yield Finding(t.start, t.end, "alpha")


@rule(code="T302", name="short-beta", category="testing", severity="warning")
def short_beta(doc, options):
    \"\"\"Flags beta in a short draft.\"\"\"
    for t in doc.tokens:
        if t.norm == "beta" and len(doc.source) < 60:
            yield Finding(t.start, t.end, "beta")


@hookimpl
def rhetlint_register_rules(register):
    register(always_alpha)
    register(short_beta)
"""


@pytest.mark.parametrize(
    ("name", "kept"),
    [
        ("a.md", "<!-- rhetlint-disable-line always-alpha -->"),
        ("a.txt", "# rhetlint-disable-next-line always-alpha"),
    ],
)
def test_a_comment_that_ends_up_suppressing_nothing_is_taken_out_again(project, run_cli, name, kept):
    project.plugin("length", LENGTH_PLUGIN)
    draft = project.write(name, "One alpha here.\n\nOne beta there.\n")
    assert len(run_cli(["check", name], cwd=project.root).lines) == 2
    result = run_cli(["check", "--add-noqa", name], cwd=project.root)
    assert result.err_lines == ["Added 1 suppression comment to 1 file"]
    text = draft.read_text(encoding="utf-8")
    assert kept in text and "short-beta" not in text
    assert run_cli(["check", name], cwd=project.root).code == 0


def test_a_finding_no_comment_settles_is_reported(project, run_cli):
    project.plugin(
        "grow",
        '''
from rhetlint import Finding, hookimpl, rule


@rule(code="T303", name="odd-comments", category="testing", severity="warning")
def odd_comments(doc, options):
    """Flags beta when the draft has an even number of comments."""
    if len(doc.comments) % 2 == 0:
        for t in doc.tokens:
            if t.norm == "beta":
                yield Finding(t.start, t.end, "beta")


@hookimpl
def rhetlint_register_rules(register):
    register(odd_comments)
''',
    )
    project.write("a.md", "One beta there.\n")
    result = run_cli(["check", "--add-noqa", "a.md"], cwd=project.root)
    assert "a.md: warning: 1 finding could not be suppressed" in result.err_lines
