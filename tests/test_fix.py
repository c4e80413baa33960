"""``rhetlint check --fix``, ``--diff`` and ``--unsafe-fixes``: what is fixed, how files are written."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from rhetlint.lint.fixes import Edit, apply_edits, plan_edits, unsafe_reason
from rhetlint.model.diagnostics import Diagnostic, Fix, Position


@pytest.fixture
def folder(tmp_path: Path, monkeypatch) -> Path:
    """A folder with an empty configuration (none above it applies) and every built-in rule plugin."""
    monkeypatch.delenv("RHETLINT_LOAD_PLUGINS")
    (tmp_path / "rhetlint.toml").write_text("", encoding="utf-8")
    return tmp_path


def _write(path: Path, text: str) -> Path:
    path.write_bytes(text.encode("utf-8"))  # no newline translation: CRLF stays CRLF
    return path


def _read(path: Path) -> str:
    return path.read_bytes().decode("utf-8")


def test_fix_rewrites_the_file_reports_what_is_left_and_counts_the_fixes(folder, run_cli):
    text = (
        "The senator slammed the plan. Critics say it will bury the fleet in debt. "
        "The mayor claimed the vote was fair.\n"
    )
    draft = _write(folder / "a.md", text)
    result = run_cli(["check", "--fix", "a.md"], cwd=folder)
    assert _read(draft) == text.replace("slammed", "criticized").replace("claimed", "said")
    assert [line.split(": ")[-1].split(" [")[-1] for line in result.lines] == ["A102 vague-attribution]"]
    assert "1 problem in 1 file checked (2 fixed)" in result.err
    assert result.code == 1  # what is left still fails the run


def test_fix_keeps_crlf_emoji_combining_marks_and_a_byte_order_mark(folder, run_cli):
    source = "\ufeffCafé e\u0301lite 🎉 staff: the mayor claimed it.\r\nThe senator slammed it.\r\n"
    draft = folder / "a.txt"
    draft.write_bytes(source.encode("utf-8"))
    result = run_cli(["check", "--fix", "a.txt"], cwd=folder)
    assert draft.read_bytes() == (
        "\ufeffCafé e\u0301lite 🎉 staff: the mayor said it.\r\nThe senator criticized it.\r\n"
    ).encode("utf-8")
    assert result.code == 0


def test_fix_at_the_very_start_and_end_of_a_file_without_a_final_newline(folder, run_cli):
    draft = _write(
        folder / "a.txt", "Slammed by critics, the mayor left.\n\nThe senator said the council slammed"
    )
    run_cli(["check", "--fix", "a.txt"], cwd=folder)
    assert _read(draft) == "Criticized by critics, the mayor left.\n\nThe senator said the council criticized"


def test_fix_keeps_the_file_mode(folder, run_cli):
    draft = _write(folder / "a.md", "The senator slammed the plan.\n")
    draft.chmod(0o640)
    run_cli(["check", "--fix", "a.md"], cwd=folder)
    assert "criticized" in _read(draft)
    assert stat.S_IMODE(draft.stat().st_mode) == 0o640
    assert sorted(p.name for p in folder.iterdir()) == ["a.md", "rhetlint.toml"]  # no temporary file left


def test_a_read_only_file_is_one_error_and_the_others_are_still_fixed(folder, run_cli):
    locked = _write(folder / "a.md", "The senator slammed the plan.\n")
    other = _write(folder / "b.md", "The senator slammed the plan.\n")
    locked.chmod(0o444)
    result = run_cli(["check", "--fix", "a.md", "b.md"], cwd=folder)
    assert result.code == 2
    assert "a.md: error: is read-only; not fixed" in result.err_lines
    assert _read(locked) == "The senator slammed the plan.\n"
    assert _read(other) == "The senator criticized the plan.\n"
    assert "Traceback" not in result.err


def test_a_file_changed_on_disk_while_it_was_fixed_is_left_alone(folder, run_cli, monkeypatch):
    import rhetlint.cli.fixing as fixing

    draft = _write(folder / "a.md", "The senator slammed the plan.\n")
    real_fix_text = fixing.fix_text

    def fix_text_while_someone_saves(*args, **kwargs):
        result = real_fix_text(*args, **kwargs)
        _write(draft, "The senator slammed the plan. A new line from the editor.\n")
        return result

    monkeypatch.setattr(fixing, "fix_text", fix_text_while_someone_saves)
    result = run_cli(["check", "--fix", "a.md"], cwd=folder)
    assert result.code == 2
    assert "a.md: error: changed on disk since it was read; not fixed (run again)" in result.err_lines
    assert _read(draft) == "The senator slammed the plan. A new line from the editor.\n"


def test_diff_prints_a_unified_diff_changes_nothing_and_exits_1(folder, run_cli):
    text = "Intro line.\r\n\r\nThe senator slammed the plan.\r\n"
    draft = _write(folder / "a.md", text)
    result = run_cli(["check", "--diff", "a.md"], cwd=folder)
    assert result.code == 1
    assert _read(draft) == text
    assert result.out == (
        "--- a/a.md\n+++ b/a.md\n@@ -1,3 +1,3 @@\n Intro line.\r\n \r\n"
        "-The senator slammed the plan.\r\n+The senator criticized the plan.\r\n"
    )
    assert "Would fix 1 problem in 1 file" in result.err


def test_diff_without_fixes_exits_0(folder, run_cli):
    _write(folder / "a.md", "The senator said the plan would pass.\n")
    result = run_cli(["check", "--diff", "a.md"], cwd=folder)
    assert (result.code, result.out) == (0, "")


def test_unsafe_fixes_are_applied_only_when_asked(folder, run_cli):
    draft = _write(folder / "a.md", "The senator passed away on Tuesday.\n")
    run_cli(["check", "--fix", "a.md"], cwd=folder)
    assert _read(draft) == "The senator passed away on Tuesday.\n"
    run_cli(["check", "--fix", "--unsafe-fixes", "a.md"], cwd=folder)
    assert _read(draft) == "The senator died on Tuesday.\n"


def test_unsafe_fixes_needs_fix_or_diff(folder, run_cli):
    result = run_cli(["check", "--unsafe-fixes", "."], cwd=folder)
    assert result.code == 2 and result.err_lines == ["rhetlint: error: --unsafe-fixes needs --fix or --diff"]


def test_fix_on_standard_input_writes_the_fixed_text_to_standard_output(folder, run_cli):
    result = run_cli(
        ["check", "--fix", "--stdin-filename", "story.md", "-"],
        cwd=folder,
        stdin=b"The senator slammed the plan. Critics say it will bury the fleet in debt.\n",
    )
    assert result.out == "The senator criticized the plan. Critics say it will bury the fleet in debt.\n"
    assert "story.md:1:34: warning:" in result.err  # what is left goes to standard error
    assert result.code == 1


# --- the plan: which fixes, in which order --------------------------------------------------------------


def _diagnostic(start: int, end: int, *fixes: Fix, code: str = "L101") -> Diagnostic:
    return Diagnostic(
        "a.md", code, "x", "loaded-language", "warning", "m",
        Position(1, start + 1, start), Position(1, end + 1, end), "", fixes,
    )  # fmt: skip


def _never_quoted(offset: int) -> bool:
    return False


def test_overlapping_fixes_keep_the_first_and_leave_the_other_for_the_next_pass():
    source = "the iron fist rule"
    edits = plan_edits(
        [
            _diagnostic(4, 13, Fix("a", "control")),
            _diagnostic(9, 13, Fix("b", "hand")),  # inside the first
            _diagnostic(14, 18, Fix("c", "law")),
        ],
        source,
        _never_quoted,
    )
    assert [(e.start, e.end, e.replacement) for e in edits] == [(4, 13, "control"), (14, 18, "law")]
    assert apply_edits(source, edits) == "the control law"


def test_one_fix_per_span_and_the_same_change_once():
    source = "slammed"
    twice = plan_edits(
        [_diagnostic(0, 7, Fix("a", "criticized")), _diagnostic(0, 7, Fix("a", "criticized"), code="X1")],
        source,
        _never_quoted,
    )
    assert twice == [Edit(0, 7, "criticized", "L101")]
    rival = plan_edits(
        [_diagnostic(0, 7, Fix("a", "criticized")), _diagnostic(0, 7, Fix("b", "faulted"), code="X1")],
        source,
        _never_quoted,
    )
    assert [e.replacement for e in rival] == ["criticized"]


def test_the_unsafe_rule():
    source = 'He said "slammed" it\nand more'
    quoted = lambda offset: 9 <= offset < 16  # noqa: E731
    word = _diagnostic(0, 2, Fix("a", "They"))
    assert unsafe_reason(word, word.fixes[0], source, quoted) is None
    assert (
        unsafe_reason(word, Fix("a", "They", safe=False), source, quoted)
        == "its rule marks it as changing meaning"
    )
    assert unsafe_reason(word, Fix("a", ""), source, quoted) == "it deletes words"
    assert unsafe_reason(word, Fix("a", "They\nsaid"), source, quoted) == "it runs over a line break"
    across = _diagnostic(18, 24, Fix("a", "x"))
    assert unsafe_reason(across, across.fixes[0], source, quoted) == "it runs over a line break"
    inside = _diagnostic(9, 16, Fix("a", "criticized"))
    assert unsafe_reason(inside, inside.fixes[0], source, quoted) == "it would change a direct quotation"
    assert plan_edits([inside], source, quoted) == []
    assert plan_edits([inside], source, quoted, unsafe=True) == [Edit(9, 16, "criticized", "L101")]


def test_a_fix_outside_the_text_is_never_applied():
    assert plan_edits([_diagnostic(0, 2, Fix("a", "x", start=5, end=99))], "short", _never_quoted) == []


def test_diff_of_standard_input_names_the_stdin_filename(folder, run_cli):
    result = run_cli(
        ["check", "--diff", "--stdin-filename", "story.md", "-"],
        cwd=folder,
        stdin=b"The senator slammed the plan.\n",
    )
    assert result.code == 1
    assert result.out == (
        "--- a/story.md\n+++ b/story.md\n@@ -1 +1 @@\n"
        "-The senator slammed the plan.\n+The senator criticized the plan.\n"
    )


def test_a_missing_file_is_an_error_and_the_others_are_still_fixed(folder, run_cli):
    draft = _write(folder / "a.md", "The senator slammed the plan.\n")
    result = run_cli(["check", "--fix", "missing.md", "a.md"], cwd=folder)
    assert result.code == 2
    assert "missing.md: error: no such file or folder" in result.err_lines
    assert _read(draft) == "The senator criticized the plan.\n"
