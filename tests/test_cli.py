"""The command line: exit codes, --fail-on, standard input, --jobs, rules, explain."""

from __future__ import annotations

import subprocess
import sys

import pytest

from rhetlint import __version__

TEXT = "A zork and a blorp.\n"  # T101 warning at 1:3, T202 info at 1:14

MARKER_PAGE = """# T101 marker-word

Category: testing \u00b7 default severity: warning \u00b7 plugin: local:marker

Flags the marker word.

## What it flags
The marker word, outside quotations.

## Options
- `word` (default: "zork")
- `quote-aware` (default: true)

More: https://github.com/rhetlint/rhetlint/blob/main/docs/rules/marker-word.md
"""


# --- exit codes ----------------------------------------------------------------------------------------
def test_exit_0_when_clean(project, run_cli):
    project.write("a.md", "Nothing to see.\n")
    assert run_cli(["check", "a.md"], cwd=project.root).code == 0


def test_exit_1_on_findings_at_the_fail_level(project, run_cli):
    project.write("a.md", "A zork.\n")
    assert run_cli(["check", "a.md"], cwd=project.root).code == 1


@pytest.mark.parametrize(
    ("text", "fail_on", "code"),
    [
        ("blorp\n", None, 0),  # info is below the default level (warning)
        ("blorp\n", "info", 1),
        ("zork\n", "warning", 1),
        ("zork\n", "error", 0),  # printed, but not failing
        ("zork blorp\n", "error", 0),
    ],
)
def test_fail_on(project, run_cli, text, fail_on, code):
    project.write("a.md", text)
    args = ["check", "a.md"] + (["--fail-on", fail_on] if fail_on else [])
    result = run_cli(args, cwd=project.root)
    assert result.code == code
    assert result.out  # diagnostics are printed whatever the level


def test_exit_2_on_an_input_error_while_still_checking_the_rest(project, run_cli):
    project.write("a.md", "A zork.\n")
    result = run_cli(["check", "missing.md", "a.md"], cwd=project.root)
    assert result.code == 2
    assert result.lines == ["a.md:1:3: warning: marker 'zork' found [T101 marker-word]"]
    assert "missing.md: error: no such file or folder" in result.err_lines


def test_input_error_beats_a_clean_run(project, run_cli):
    project.write("a.md", "Nothing.\n")
    assert run_cli(["check", "a.md", "nope.md"], cwd=project.root).code == 2


def test_usage_errors_exit_2(project, run_cli):
    with pytest.raises(SystemExit) as info:
        run_cli(["check", "--fail-on", "sometimes"], cwd=project.root)
    assert info.value.code == 2
    with pytest.raises(SystemExit) as info:
        run_cli(["frobnicate"], cwd=project.root)
    assert info.value.code == 2


def test_no_command_prints_help_and_exits_2(project, run_cli):
    result = run_cli([], cwd=project.root)
    assert result.code == 2
    assert "usage: rhetlint" in result.out


def test_version(run_cli, capsys):
    with pytest.raises(SystemExit) as info:
        run_cli(["--version"])
    assert info.value.code == 0
    assert capsys.readouterr().out == f"rhetlint {__version__}\n"


def test_default_path_is_the_current_folder(project, run_cli):
    project.write("a.md", "A zork.\n")
    project.write("sub/b.txt", "zork\n")
    result = run_cli(["check"], cwd=project.root)
    assert [line.split(":")[0] for line in result.lines] == ["a.md", "sub/b.txt"]


def test_input_format_option_forces_the_parser(project, run_cli):
    project.write("a.txt", "Some `zork` code.\n")
    assert run_cli(["check", "a.txt"], cwd=project.root).lines == [
        "a.txt:1:7: warning: marker 'zork' found [T101 marker-word]"
    ]
    assert run_cli(["check", "a.txt", "--input-format", "markdown"], cwd=project.root).lines == []


# --- standard input ------------------------------------------------------------------------------------
def test_stdin_dash(project, run_cli):
    result = run_cli(["check", "-"], cwd=project.root, stdin=b"Some `zork` here.\n")
    assert result.lines == ["-:1:7: warning: marker 'zork' found [T101 marker-word]"]  # plain text: code kept
    assert result.code == 1


def test_stdin_filename_names_the_file_and_picks_the_format(project, run_cli):
    result = run_cli(
        ["check", "-", "--stdin-filename", "news/story.md"],
        cwd=project.root,
        stdin=b"Some `zork` here, and zork.\n",
    )
    assert result.lines == ["news/story.md:1:23: warning: marker 'zork' found [T101 marker-word]"]


def test_stdin_filename_finds_the_config_of_its_folder(project, run_cli):
    project.write("opinion/.rhetlint.toml", 'plugins-dir = "../plugins"\nignore = ["T101"]\n')
    result = run_cli(
        ["check", "-", "--stdin-filename", "opinion/x.md"], cwd=project.root, stdin=TEXT.encode()
    )
    assert result.lines == ["opinion/x.md:1:14: info: other 'blorp' found [T202 other-word]"]


def test_stdin_with_bom_and_crlf(project, run_cli):
    result = run_cli(
        ["check", "-", "--format", "json"], cwd=project.root, stdin="\ufeffOne.\r\n\u00e9 zork\r\n".encode()
    )
    [d] = result.json()["diagnostics"]
    assert (d["path"], d["start"]) == ("-", {"line": 2, "column": 3, "offset": 8})


def test_stdin_invalid_utf8_is_one_line(project, run_cli):
    result = run_cli(["check", "-"], cwd=project.root, stdin=b"ok\n\xff\xfe bad\n")
    assert result.code == 2
    assert result.err_lines == ["-: error: not valid UTF-8 (byte 0xff at line 2); save the file as UTF-8"]


def test_stdin_together_with_files(project, run_cli):
    project.write("a.md", "zork\n")
    result = run_cli(["check", "a.md", "-", "--stdin-filename", "b.md"], cwd=project.root, stdin=b"x zork\n")
    assert [line.split(": ")[0] for line in result.lines] == ["a.md:1:1", "b.md:1:3"]
    assert result.err == "2 problems in 2 files checked\n"


def test_stdin_in_a_real_process(project, run_process):
    result = run_process(["check", "-", "--stdin-filename", "x.md"], cwd=project.root, stdin=b"A zork.\n")
    assert (result.code, result.out) == (1, "x.md:1:3: warning: marker 'zork' found [T101 marker-word]\n")


# --- --jobs --------------------------------------------------------------------------------------------
def _many_files(project):
    for i in range(12):
        body = "zork " * (i % 3) + "blorp\n\n" + ("\u201czork\u201d " * (i % 2)) + "zork end.\n"
        project.write(f"drafts/{i:02d}/story{i}.md", body)
    project.write("drafts/bad.txt", b"\xff\xfe")
    project.write("drafts/notes.txt", "<!-- x --> # rhetlint-disable-next-line T202\nblorp zork\n")


@pytest.mark.parametrize("jobs", ["2", "0"])
def test_jobs_give_the_same_diagnostics_as_one_job(project, run_cli, jobs):
    _many_files(project)
    one = run_cli(["check", "drafts", "--format", "json", "--jobs", "1"], cwd=project.root)
    many = run_cli(["check", "drafts", "--format", "json", "--jobs", jobs], cwd=project.root)
    assert one.code == many.code == 2  # bad.txt
    assert many.json()["diagnostics"] == one.json()["diagnostics"]
    assert sorted(map(str, many.json()["errors"])) == sorted(map(str, one.json()["errors"]))
    assert len(one.json()["diagnostics"]) == 12 + 12 + 12 + 2  # end zorks, blorps, leading zorks, notes.txt


def test_jobs_in_a_real_process(project, run_process):
    _many_files(project)
    one = run_process(["check", "drafts", "--jobs", "1"], cwd=project.root)
    two = run_process(["check", "drafts", "--jobs", "2"], cwd=project.root)
    assert one.out == two.out
    assert one.out.count("\n") == 38
    assert (one.code, two.code) == (2, 2)


# --- rules and explain ----------------------------------------------------------------------------------
def test_rules_lists_every_rule_with_a_mark_for_disabled_ones(project, run_cli):
    project.config('plugins-dir = "plugins"\nignore = ["T202"]\n')
    result = run_cli(["rules"], cwd=project.root)
    assert result.code == 0
    assert result.lines == [
        f" {'RL001':6s} {'unused-suppression':28s} {'meta':16s} {'warning':8s} "
        "A rhetlint-disable comment that suppresses nothing.",
        f" {'RL900':6s} {'rule-error':28s} {'meta':16s} {'error':8s} "
        "A rule crashed or returned something that is not a finding.",
        f" {'T101':6s} {'marker-word':28s} {'testing':16s} {'warning':8s} Flags the marker word.",
        f"-{'T202':6s} {'other-word':28s} {'misc':16s} {'info':8s} Flags the other word.",
    ]


def test_rules_json(project, run_cli):
    rules = {r["code"]: r for r in run_cli(["rules", "--format", "json"], cwd=project.root).json()}
    assert sorted(rules) == ["RL001", "RL900", "T101", "T202"]
    t101 = rules["T101"]
    assert {
        k: t101[k] for k in ("name", "category", "severity", "plugin", "scope", "options", "enabled")
    } == {
        "name": "marker-word",
        "category": "testing",
        "severity": "warning",
        "plugin": "local:marker",
        "scope": "sentence",
        "options": {"word": "zork", "quote-aware": True},
        "enabled": True,
    }


def test_rules_with_a_bad_config_is_exit_2(project, run_cli):
    project.config('plugins-dir = "plugins"\nignore = ["nope"]\n')
    result = run_cli(["rules"], cwd=project.root)
    assert result.code == 2
    assert len(result.err_lines) == 1 and "'ignore' names unknown rule" in result.err


@pytest.mark.parametrize("key", ["T101", "t101", "marker-word"])
def test_explain_by_code_or_name(project, run_cli, key):
    result = run_cli(["explain", key], cwd=project.root)
    assert (result.code, result.out) == (0, MARKER_PAGE)


def test_explain_core_rule(project, run_cli):
    result = run_cli(["explain", "RL001"], cwd=project.root)
    assert result.out.startswith(
        "# RL001 unused-suppression\n\nCategory: meta \u00b7 default severity: warning \u00b7 "
        "plugin: rhetlint.rules.core\n"
    )
    assert "## What it flags" in result.out


def test_explain_json(project, run_cli):
    page = run_cli(["explain", "other-word", "--format", "json"], cwd=project.root).json()
    assert (page["code"], page["documentation"], page["summary"]) == (
        "T202",
        "Flags the other word.",
        "Flags the other word.",
    )


def test_explain_unknown_rule_is_exit_2(project, run_cli):
    result = run_cli(["explain", "nope"], cwd=project.root)
    assert result.code == 2
    assert result.err_lines == ["rhetlint: error: no rule with code or name 'nope' (see 'rhetlint rules')"]


def test_explain_with_config_option(project, run_cli, tmp_path):
    other = tmp_path / "elsewhere.toml"
    other.write_text(f'plugins-dir = "{(project.root / "plugins").as_posix()}"\n', encoding="utf-8")
    assert run_cli(["explain", "T101", "--config", other], cwd=tmp_path).out == MARKER_PAGE


# --- errors that still let the rest be checked ----------------------------------------------------------
def test_bad_config_in_a_subfolder_only_stops_its_files(project, run_cli):
    bad = project.write("sub/.rhetlint.toml", 'plugins-dir = "../plugins"\ncolour = "red"\n')
    project.write("a.md", "A zork.\n")
    project.write("sub/b.md", "A zork.\n")
    result = run_cli(["check", "a.md", "sub/b.md"], cwd=project.root)
    assert result.code == 2
    assert result.lines == ["a.md:1:3: warning: marker 'zork' found [T101 marker-word]"]
    assert result.err_lines[0].startswith(
        f"sub/b.md: error: {bad.resolve()}: unknown key 'colour' (known keys: "
    )


def test_bad_config_for_stdin_filename_is_one_line_and_files_are_still_checked(project, run_cli):
    project.write("sub/.rhetlint.toml", 'plugins-dir = "../plugins"\ncolour = "red"\n')
    project.write("a.md", "A zork.\n")
    result = run_cli(
        ["check", "a.md", "-", "--stdin-filename", "sub/x.md"], cwd=project.root, stdin=b"zork\n"
    )
    assert result.code == 2
    assert result.lines == ["a.md:1:3: warning: marker 'zork' found [T101 marker-word]"]
    assert result.err_lines[0].startswith("sub/x.md: error: ")
    assert "Traceback" not in result.err


def test_unwritable_output_file_is_exit_2_without_traceback(project, run_cli):
    project.write("a.md", "A zork.\n")
    result = run_cli(["check", "a.md", "-o", "no/such/folder/report.txt"], cwd=project.root)
    assert result.code == 2
    assert result.err_lines == [
        "rhetlint: error: cannot write no/such/folder/report.txt: No such file or directory"
    ]


def test_lsp_without_the_extra_says_how_to_install_it():
    """``rhetlint lsp`` names the missing extra instead of a traceback when pygls is not installed."""
    code = "import sys; sys.modules['pygls'] = None; from rhetlint.cli import main; sys.exit(main(['lsp']))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert result.stderr == (
        "rhetlint: error: the language server needs the 'lsp' extra (pygls is missing): "
        "pip install 'rhetlint[lsp]'\n"
    )
