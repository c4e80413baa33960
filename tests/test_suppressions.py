"""Inline suppression directives and RL001 for directives that suppress nothing."""

from __future__ import annotations

import pytest

from rhetlint.lint.suppressions import parse_directives
from rhetlint.model.document import Document


def located(result) -> list[str]:
    """Return "line:column CODE" for each text-format line."""
    out = []
    for line in result.lines:
        _, line_no, column, _ = line.split(":", 3)
        out.append(f"{line_no}:{column} {line.rsplit('[', 1)[1].split()[0]}")
    return out


def check(project, run_cli, name: str, text: str, *args: str):
    project.write(name, text)
    return run_cli(["check", name, *args], cwd=project.root)


# --- parsing -----------------------------------------------------------------------------------------
def test_directive_ranges():
    src = (
        "<!-- rhetlint-disable-next-line T101, other-word -- quoting the court -->\n"  # 0..73
        "Line two.\n"  # 74..83
        "<!-- rhetlint-disable testing -->\n"  # 84..117
        "Line four. <!-- rhetlint-disable-line T202 -->\n"  # 118..164
        "<!-- rhetlint-enable testing -->\n"  # 165..197
    )
    directives = parse_directives(Document.from_text(src, "a.md"))
    assert [(d.action, d.rules, d.start, d.end, d.lo, d.hi) for d in directives] == [
        ("disable-next-line", ("T101", "other-word"), 0, 73, 74, 84),
        ("disable", ("testing",), 84, 117, 117, 165),
        ("disable-line", ("T202",), 129, 164, 118, 165),
    ]


def test_disable_without_enable_runs_to_the_end_and_names_nothing_means_all():
    src = "Before.\n<!-- rhetlint-disable -->\nAfter.\n"
    (directive,) = parse_directives(Document.from_text(src, "a.md"))
    assert directive.rules == ()
    assert (directive.lo, directive.hi) == (src.index("-->") + 3, len(src) + 1)


def test_disable_next_line_skips_blank_lines():
    src = "<!-- rhetlint-disable-next-line -->\n\n   \nTarget line.\nNext.\n"
    (directive,) = parse_directives(Document.from_text(src, "a.md"))
    start = src.index("Target")
    assert (directive.lo, directive.hi) == (start, start + len("Target line.") + 1)


def test_comments_that_are_not_directives_are_ignored():
    doc = Document.from_text(
        "<!-- TODO: rhetlint later -->\n<!-- rhetlint-disabled T101 -->\nText.\n", "a.md"
    )
    assert parse_directives(doc) == []


# --- Markdown ----------------------------------------------------------------------------------------
MD = """<!-- rhetlint-disable-next-line marker-word -->
A zork here.
A zork there.

<!-- rhetlint-disable T101 -->
zork inside.

zork still inside.
<!-- rhetlint-enable T101 -->

zork after.
"""


def test_markdown_disable_next_line_and_disable_enable(project, run_cli):
    result = check(project, run_cli, "a.md", MD)
    assert located(result) == ["3:3 T101", "11:1 T101"]
    assert result.code == 1


@pytest.mark.parametrize("selector", ["T101", "T1", "T", "marker-word", "testing", "local:marker"])
def test_suppression_by_code_prefix_name_category_or_plugin(project, run_cli, selector):
    result = check(project, run_cli, "a.md", f"<!-- rhetlint-disable-next-line {selector} -->\nA zork.\n")
    assert result.lines == []
    assert result.code == 0


def test_several_rules_and_a_reason(project, run_cli):
    text = "<!-- rhetlint-disable-next-line T101, other-word -- the court's own words -->\nzork blorp\n"
    assert check(project, run_cli, "a.md", text).lines == []


def test_space_separated_rules(project, run_cli):
    assert (
        check(project, run_cli, "a.md", "<!-- rhetlint-disable-next-line T101 T202 -->\nzork blorp\n").lines
        == []
    )


def test_suppression_covers_only_the_named_rule(project, run_cli):
    result = check(project, run_cli, "a.md", "<!-- rhetlint-disable-next-line T101 -->\nzork blorp\n")
    assert located(result) == ["2:6 T202"]


def test_disable_all_until_enable(project, run_cli):
    text = "zork one\n\n<!-- rhetlint-disable -->\nzork blorp\n<!-- rhetlint-enable -->\n\nzork three\n"
    assert located(check(project, run_cli, "a.md", text)) == ["1:1 T101", "7:1 T101"]


def test_disable_line_on_the_same_line(project, run_cli):
    text = "A zork. <!-- rhetlint-disable-line T101 -->\nA zork.\n"
    assert located(check(project, run_cli, "a.md", text)) == ["2:3 T101"]


def test_enable_closes_only_the_matching_disable(project, run_cli):
    text = (
        "<!-- rhetlint-disable T101 -->\n<!-- rhetlint-disable T202 -->\nzork blorp\n"
        "<!-- rhetlint-enable T202 -->\nzork blorp\n"
    )
    assert located(check(project, run_cli, "a.md", text)) == ["5:6 T202"]


def test_directive_in_a_code_block_is_not_a_directive(project, run_cli):
    text = "```\n<!-- rhetlint-disable -->\n```\n\nA zork.\n"
    assert located(check(project, run_cli, "a.md", text)) == ["5:3 T101"]


def test_markdown_crlf_directive(project, run_cli):
    text = "<!-- rhetlint-disable-next-line T101 -->\r\nA zork.\r\n\r\nzork two.\r\n"
    assert located(check(project, run_cli, "a.md", text)) == ["4:1 T101"]


# --- HTML --------------------------------------------------------------------------------------------
HTML = """<p>
<!-- rhetlint-disable-next-line marker-word -->
A zork here.</p>
<p>zork two. <!-- rhetlint-disable-line T1 --></p>
<!-- rhetlint-disable testing -->
<p>zork three</p>
<!-- rhetlint-enable testing -->
<p>zork four</p>
"""


def test_html_directives(project, run_cli):
    assert located(check(project, run_cli, "a.html", HTML)) == ["8:4 T101"]


# --- plain text --------------------------------------------------------------------------------------
@pytest.mark.parametrize("marker", ["#", "//", "%", "  #"])
def test_plain_text_directive_lines(project, run_cli, marker):
    text = f"{marker} rhetlint-disable-next-line T101\nA zork here.\nzork two.\n"
    assert located(check(project, run_cli, "a.txt", text)) == ["3:1 T101"]


def test_plain_text_directive_with_crlf(project, run_cli):
    text = "# rhetlint-disable-next-line T101\r\nA zork here.\r\nzork two.\r\n"
    assert located(check(project, run_cli, "a.txt", text)) == ["3:1 T101"]


def test_plain_text_disable_and_enable(project, run_cli):
    text = "zork\n# rhetlint-disable marker-word\nzork\n# rhetlint-enable marker-word\nzork\n"
    assert located(check(project, run_cli, "a.txt", text)) == ["1:1 T101", "5:1 T101"]


def test_plain_text_hash_in_prose_is_not_a_directive(project, run_cli):
    text = "Item # rhetlint-disable-next-line T101\nzork\n"
    assert located(check(project, run_cli, "a.txt", text)) == ["2:1 T101"]


# --- RL001 -------------------------------------------------------------------------------------------
def test_unused_suppression_is_rl001_at_the_comment(project, run_cli):
    text = "Intro.\n\n<!-- rhetlint-disable-next-line other-word -->\nNothing here.\n"
    result = check(project, run_cli, "a.md", text)
    assert result.lines == [
        "a.md:3:1: warning: suppression of other-word suppresses nothing here [RL001 unused-suppression]"
    ]
    assert result.code == 1


def test_rl001_for_an_unknown_rule_name(project, run_cli):
    result = check(project, run_cli, "a.md", "<!-- rhetlint-disable-next-line nosuchrule -->\nA zork.\n")
    assert result.lines == [
        "a.md:1:1: warning: suppression names unknown rule 'nosuchrule' [RL001 unused-suppression]",
        "a.md:2:3: warning: marker 'zork' found [T101 marker-word]",
    ]


def test_rl001_for_a_bare_disable_that_suppresses_nothing(project, run_cli):
    result = check(project, run_cli, "a.md", "Fine.\n<!-- rhetlint-disable -->\nStill fine.\n")
    assert result.lines == [
        "a.md:2:1: warning: suppression of all rules suppresses nothing here [RL001 unused-suppression]"
    ]


def test_rl001_span_covers_the_comment(project, run_cli):
    text = "<!-- rhetlint-disable-line T202 -->\n"
    diag = check(project, run_cli, "a.md", text, "--format", "json").json()["diagnostics"][0]
    assert (diag["code"], diag["start"]["offset"], diag["end"]["offset"]) == ("RL001", 0, 35)
    assert diag["match"] == text.strip()


def test_rl001_in_plain_text(project, run_cli):
    result = check(project, run_cli, "a.txt", "Line.\n# rhetlint-disable-next-line T202\nNothing.\n")
    assert located(result) == ["2:3 RL001"]


def test_used_suppression_is_not_reported(project, run_cli):
    result = check(project, run_cli, "a.md", "<!-- rhetlint-disable-next-line T101 -->\nA zork.\n")
    assert (result.code, result.out) == (0, "")


def test_rl001_can_be_ignored(project, run_cli):
    text = "<!-- rhetlint-disable-next-line other-word -->\nNothing.\n"
    result = check(project, run_cli, "a.md", text, "--ignore", "RL001")
    assert (result.code, result.out) == (0, "")


def test_rl001_severity_can_be_lowered_in_config(project, run_cli):
    project.config('plugins-dir = "plugins"\n[severity]\nunused-suppression = "info"\n')
    result = check(project, run_cli, "a.md", "<!-- rhetlint-disable-next-line T202 -->\nNothing.\n")
    assert located(result) == ["1:1 RL001"]
    assert "info:" in result.out
    assert result.code == 0


def test_suppression_of_a_rule_not_running_is_not_reported(project, run_cli):
    project.write("d.md", "<!-- rhetlint-disable-next-line marker-word -->\nzork here\n")
    result = run_cli(["check", "--ignore", "T101", "d.md"], cwd=project.root)
    assert result.code == 0
    assert result.lines == []
