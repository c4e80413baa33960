"""Hostile file names and checked trees: nothing forges report lines, nothing runs from a tree's git config."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from sample_plugins import KILLER_PLUGIN

from rhetlint.lint.files import discover
from rhetlint.output.base import printable

FORGED = "x.md\n::error file=README.md,line=1::INJECTED"


def test_printable_escapes_control_characters_and_keeps_other_text():
    assert printable("a\nb\r\x1b[31mc\u2028é.md") == "a\\nb\\r\\x1b[31mc\\u2028é.md"
    assert printable("Café “draft”.md") == "Café “draft”.md"


def test_a_file_name_cannot_forge_a_report_line(project, run_cli):
    project.write(FORGED, "A zork in a draft.\n")
    result = run_cli(["check", FORGED], cwd=project.root)
    assert result.code == 1
    assert not any(line.startswith("::error") for line in result.lines + result.err_lines)
    assert any(
        line.startswith("x.md\\n::error file=README.md,line=1::INJECTED:1:3:") for line in result.lines
    )


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_walking_a_folder_never_runs_its_git_fsmonitor(tmp_path):
    marker = tmp_path / "FSMONITOR-RAN"
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    hook = tmp_path / "monitor.sh"
    hook.write_text(f"#!/bin/sh\ntouch '{marker}'\n", encoding="utf-8")
    hook.chmod(0o755)
    subprocess.run(["git", "-C", str(tmp_path), "config", "core.fsmonitor", str(hook)], check=True)
    (tmp_path / "draft.md").write_text("The council met.\n", encoding="utf-8")
    found = [path for path, problem in discover([str(tmp_path)], ["*.md"], [], tmp_path) if problem is None]
    assert [p.rsplit("/", 1)[-1] for p in map(str, found)] == ["draft.md"]
    assert not marker.exists()


CATASTROPHIC = {
    # pattern: (a word it matches, a 39-letter near miss that a backtracking engine needs ages to refuse)
    r"(\w+){,}x": ("wordx", "a" * 39),
    r"(a+)+$": ("aaaa", "a" * 38 + "b"),
    r"(a|aa)*b": ("aab", "a" * 39),
}


@pytest.mark.parametrize("pattern", list(CATASTROPHIC))
def test_a_catastrophic_pattern_in_a_rule_file_cannot_hang_a_run(tmp_path, pattern):
    """Each pattern takes a backtracking engine hours on one near-miss word; the run must simply finish."""
    hit, near_miss = CATASTROPHIC[pattern]
    escaped = pattern.replace("\\", "\\\\")
    (tmp_path / "house.toml").write_text(
        f'[[rule]]\ncode = "H901"\nname = "shape"\nkind = "existence"\nwhy = "x"\ntokens = ["/{escaped}/"]\n',
        encoding="utf-8",
    )
    (tmp_path / "rhetlint.toml").write_text(
        'rule-files = ["house.toml"]\nselect = ["H901"]\n', encoding="utf-8"
    )
    # distinct near misses (each one is matched afresh), then one word the pattern matches
    words = [near_miss[:-4] + format(i, "04d") for i in range(3000)]
    (tmp_path / "a.md").write_text(" ".join([near_miss, *words, hit]) + ".\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "rhetlint", "check", "a.md"],
        cwd=tmp_path, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert (result.returncode, result.stderr) == (1, "1 problem in 1 file checked\n")
    [line] = result.stdout.splitlines()
    column = len(" ".join([near_miss, *words])) + 2
    assert line.startswith(f"a.md:1:{column}: ") and line.endswith("[H901 shape]")


# A parser that fails on its input, as Python's html.parser once did on "<![**" (the built-in HTML parser
# now reads that as a bogus comment, tests/test_parsers.py).
FAILING_PARSER = """
from rhetlint import hookimpl

@hookimpl(tryfirst=True)
def rhetlint_parse_document(path, source, format):
    if path and path.endswith(".html"):
        raise AssertionError("expected name token at '<![**'")
"""


def test_a_parser_failure_is_one_error_line_for_that_file(project, run_cli):
    project.write("plugins/failing_parser.py", FAILING_PARSER)
    project.write("a.html", "<![**")
    project.write("b.md", "A zork in a draft.\n")
    for jobs in ("1", "2"):
        result = run_cli(["check", "--jobs", jobs, "a.html", "b.md"], cwd=project.root)
        assert result.code == 2
        assert any(line.startswith("b.md:1:3:") for line in result.lines)
        assert any(line.startswith("a.html: error: cannot be parsed: ") for line in result.err_lines)
    sources = run_cli(["sources", "a.html", "b.md"], cwd=project.root)
    assert sources.code == 2 and any(
        line.startswith("a.html: error: cannot be parsed") for line in sources.err_lines
    )


def test_the_report_file_is_replaced_whole_or_not_at_all(project, run_cli, monkeypatch):
    project.write("b.md", "A zork in a draft.\n")
    report = project.root / "report.json"
    report.write_text("the old report", encoding="utf-8")

    def failing_write(self, report_):
        self.stream.write("half")
        raise OSError(28, "No space left on device")

    from rhetlint.output.json_format import JSONFormatter

    monkeypatch.setattr(JSONFormatter, "write", failing_write)
    result = run_cli(["check", "--format", "json", "-o", "report.json", "b.md"], cwd=project.root)
    assert result.code == 2
    assert result.err_lines[-1] == "rhetlint: error: cannot write report.json: No space left on device"
    assert report.read_text(encoding="utf-8") == "the old report"
    assert sorted(p.name for p in project.root.iterdir() if p.name.startswith(".report")) == []


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_a_device_is_refused_not_read(project, run_cli):
    (project.root / "z.md").symlink_to("/dev/zero")
    project.write("b.md", "A zork in a draft.\n")
    result = run_cli(["check", "z.md", "b.md"], cwd=project.root)
    assert result.code == 2
    assert "z.md: error: is not a regular file (a device, pipe or socket); not checked" in result.err_lines
    assert any(line.startswith("b.md:1:3:") for line in result.lines)


def test_standard_input_is_read_within_max_file_size(project, run_cli):
    project.write("rhetlint.toml", 'plugins-dir = "plugins"\nmax-file-size = 0.001\n')
    result = run_cli(["check", "-"], cwd=project.root, stdin=b"A zork. " * 500)
    assert result.code == 2
    assert result.err_lines[0] == (
        "-: error: is over the max-file-size of 0.001 MB; not checked (raise max-file-size to check it)"
    )


def test_a_closed_standard_input_is_an_input_error(project):
    code = "import sys; from rhetlint.cli import main; sys.exit(main(['check', '-']))"
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=project.root, stdin=subprocess.DEVNULL, capture_output=True, text=True,
        timeout=60, close_fds=True,
    )  # fmt: skip
    assert result.returncode in (0, 1)  # an empty standard input is an empty draft
    closed = subprocess.run(
        ["sh", "-c", f"'{sys.executable}' -c \"{code}\" <&-"], cwd=project.root, capture_output=True, text=True,
        timeout=60,
    )  # fmt: skip
    assert closed.returncode == 2
    assert closed.stderr.strip().splitlines()[-1] in ("-: error: standard input is closed",) or (
        closed.stderr.startswith("-: error: cannot read standard input")
    )


MISBEHAVING = """
import sys
import time

from rhetlint import Finding, hookimpl, rule


@rule(code="T801", name="slow-rule", category="testing")
def slow_rule(doc, options):
    '''Sleeps.'''
    time.sleep(30)
    yield Finding(0, 1, "never")


@rule(code="T802", name="exiting-rule", category="testing")
def exiting_rule(doc, options):
    '''Exits.'''
    sys.exit(3)
    yield Finding(0, 1, "never")


@hookimpl
def rhetlint_register_rules(register):
    register(slow_rule)
    register(exiting_rule)
"""


def test_a_slow_or_exiting_rule_is_stopped_and_the_run_goes_on(project, run_cli):
    project.config('plugins-dir = "plugins"\nrule-time-budget = 0.3\n')
    project.plugin("misbehaving", MISBEHAVING)
    project.write("b.md", "A zork in a draft.\n")
    result = run_cli(["check", "b.md"], cwd=project.root)
    assert result.code == 1  # findings (the rule errors and T101), never the rule's own exit code 3
    assert any(line.startswith("b.md:1:3:") and "T101" in line for line in result.lines)
    assert any("exceeded its time budget of 0.3 s and was stopped" in line for line in result.lines)
    assert any("tried to exit the program (code 3)" in line for line in result.lines)


def test_a_worker_that_dies_costs_one_file_not_the_run(project, run_cli):
    project.plugin("killer", KILLER_PLUGIN)
    project.write("bomb.md", "A boom.\n")
    for name in ("a", "b", "c", "d"):
        project.write(f"{name}.md", "A zork in a draft.\n")
    result = run_cli(["check", "--jobs", "2", "a.md", "b.md", "bomb.md", "c.md", "d.md"], cwd=project.root)
    assert result.code == 2
    assert "bomb.md: error: the process checking this file died; not checked" in result.err_lines
    assert sorted(line.split(":")[0] for line in result.lines) == ["a.md", "b.md", "c.md", "d.md"]


@pytest.mark.parametrize("hidden", ["\u200b", "\u200c", "\u200d", "\ufeff", "\u034f", "\u2060", "\u00ad"])
def test_an_invisible_character_does_not_hide_a_word(hidden):
    import rhetlint_plugins.loaded
    from rhetlint.testing import lint_text

    text = f"The mayor sla{hidden}mmed the plan.\r\n"
    [finding] = lint_text(text, plugins=[rhetlint_plugins.loaded], select=["L101"])
    assert (finding.match, finding.start.offset, finding.end.offset) == (f"sla{hidden}mmed", 10, 18)


@pytest.mark.parametrize(
    ("pyproject", "message"),
    [
        (b'[tool.rhetlint]\nselect = ["caf\xe9"]\n', "invalid TOML: 'utf-8' codec can't decode byte 0xe9"),
        (b"[tool.rhetlint]\nx = " + b"[" * 5000 + b"]" * 5000 + b"\n", "invalid TOML: nested too deeply"),
    ],
)
def test_an_unreadable_pyproject_is_a_one_line_error(project, run_cli, pyproject, message):
    (project.root / "rhetlint.toml").unlink(missing_ok=True)
    (project.root / "pyproject.toml").write_bytes(pyproject)
    project.write("b.md", "A zork in a draft.\n")
    result = run_cli(["check", "b.md"], cwd=project.root)
    assert result.code == 2
    assert len(result.err_lines) == 1 and message in result.err_lines[0]


def test_a_looping_symbolic_link_in_a_folder_is_one_error_line(project, run_cli):
    (project.root / "d").mkdir()
    (project.root / "d" / "x.md").symlink_to("x.md")
    project.write("d/b.md", "A zork in a draft.\n")
    result = run_cli(["check", "d"], cwd=project.root)
    assert result.code == 2
    assert any(
        line.endswith("x.md: error: is a symbolic link that loops or points nowhere")
        for line in result.err_lines
    )
    assert any("b.md:1:3:" in line for line in result.lines)


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
@pytest.mark.parametrize(
    ("config", "message"),
    [
        (
            'rule-files = ["/dev/zero"]\n',
            "/dev/zero: rule file is not a regular file (a device, pipe or socket)",
        ),
        (
            'rule-files = ["big.toml"]\nmax-file-size = 0.001\n',
            "big.toml: rule file is over the max-file-size of 0.001 MB (raise max-file-size to read it)",
        ),
        (
            '[rules.emotive-language]\nlexicon = ["/dev/zero"]\n',
            "/dev/zero: lexicon file is not a regular file (a device, pipe or socket)",
        ),
        (
            'max-file-size = 0.001\n[rules.emotive-language]\nlexicon = ["big.toml"]\n',
            "big.toml: lexicon file is over the max-file-size of 0.001 MB (raise max-file-size to read it)",
        ),
    ],
)
def test_rule_and_lexicon_files_are_read_within_limits(tmp_path, run_process, config, message):
    (tmp_path / "rhetlint.toml").write_text(config, encoding="utf-8")
    (tmp_path / "big.toml").write_text("# a comment\n" * 200, encoding="utf-8")
    (tmp_path / "b.md").write_text("The regime slammed it.\n", encoding="utf-8")
    result = run_process(["check", "b.md"], cwd=tmp_path, env={"RHETLINT_LOAD_PLUGINS": "loaded-language"})
    assert result.code == 2
    assert len(result.err_lines) == 1 and result.err_lines[0].endswith(message)
    assert result.out == ""


def _unreadable(monkeypatch, *folders: Path) -> None:
    """Make ``folders`` unlistable as chmod 000 does for anyone but root (the tests may run as root)."""
    real_scandir = os.scandir
    denied = {str(f.resolve()) for f in folders}

    def scandir(path="."):
        if str(Path(path).resolve()) in denied:
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)


def test_an_unreadable_folder_is_one_error_line_and_the_others_are_checked(project, run_cli, monkeypatch):
    project.write("locked/a.md", "A zork in a draft.\n")
    project.write("open/inner/b.md", "A zork in a draft.\n")
    project.write("open/c.md", "A zork in a draft.\n")
    _unreadable(monkeypatch, project.root / "locked", project.root / "open" / "inner")
    result = run_cli(["check", "locked", "open"], cwd=project.root)
    assert result.code == 2
    assert result.err_lines[:2] == [
        "locked: error: permission denied; folder not checked",
        "open/inner: error: permission denied; folder not checked",
    ]
    assert [line.split(":")[0] for line in result.lines] == ["open/c.md"]


def _nested_list(depth: int, last: str) -> str:
    """A Markdown list ``depth`` levels deep, one item a level, CRLF line ends, ``last`` in the deepest."""
    lines = [f"{'  ' * level}- Nível {level + 1} “café”" for level in range(depth - 1)]
    lines.append(f"{'  ' * (depth - 1)}- {last}")
    return "\r\n".join(lines) + "\r\n"


@pytest.mark.parametrize("depth", [10, 12, 40])
def test_a_loaded_word_deep_in_nested_lists_is_found_where_it_is(depth):
    import rhetlint_plugins.loaded
    from rhetlint.testing import lint_text

    source = _nested_list(depth, "Le maire 🙂 slammed the plan.")
    [finding] = lint_text(source, path="a.md", plugins=[rhetlint_plugins.loaded], select=["L101"])
    start = source.index("slammed")
    assert (finding.match, finding.start.offset, finding.end.offset) == ("slammed", start, start + 7)
    line_start = source.rindex("\n", 0, start) + 1
    assert (finding.start.line, finding.start.column) == (depth, start - line_start + 1)


def test_lists_nested_past_the_markdown_reader_are_checked_as_plain_text_with_a_note(project, run_cli):
    project.write("deep.md", _nested_list(120, "A zork in a draft."))
    project.write("b.md", "A zork in a draft.\n")
    result = run_cli(["check", "deep.md", "b.md"], cwd=project.root)
    assert result.code == 1  # the findings; a note is not an error
    assert result.err_lines[0] == (
        "deep.md: note: nested too deeply to read as markdown (over 99 levels of list or 199 of block quote); "
        "checked as plain text"
    )
    assert [line.split(":")[:2] for line in result.lines] == [["b.md", "1"], ["deep.md", "120"]]
