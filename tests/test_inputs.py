"""Bad inputs are one line each and never stop the run; folders are walked with include, exclude and .gitignore."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from rhetlint.lint.files import InputError, decode, discover, read_draft

GOOD = "A zork.\n"
GOOD_LINE = "good.md:1:3: warning: marker 'zork' found [T101 marker-word]"


# --- reading -------------------------------------------------------------------------------------------
def test_decode_utf8_with_and_without_bom_keeps_line_endings():
    assert decode(b"a\r\nb\rc\n") == "a\r\nb\rc\n"
    assert decode(b"\xef\xbb\xbfa\r\n") == "a\r\n"
    assert decode("\u00e9".encode()) == "\u00e9"


def test_decode_rejects_nul_bytes():
    with pytest.raises(InputError, match=r"^binary file \(contains NUL bytes\); not checked$"):
        decode(b"PNG\x00\x01")


def test_decode_names_the_bad_byte_and_line():
    with pytest.raises(InputError) as info:
        decode(b"line one\nline two\ncaf\xe9\n")
    assert str(info.value) == "not valid UTF-8 (byte 0xe9 at line 3); save the file as UTF-8"


def test_read_draft_errors(tmp_path):
    with pytest.raises(InputError, match="^no such file$"):
        read_draft(str(tmp_path / "nope.md"), 20)
    # An empty draft is a correct, quiet result, not an error: new placeholder files must not fail CI.
    (tmp_path / "empty.md").write_bytes(b"")
    assert read_draft(str(tmp_path / "empty.md"), 20) == ""
    (tmp_path / "bom-only.md").write_bytes(b"\xef\xbb\xbf")
    assert read_draft(str(tmp_path / "bom-only.md"), 20) == ""
    (tmp_path / "big.md").write_bytes(b"x" * 1_500_000)
    with pytest.raises(InputError) as info:
        read_draft(str(tmp_path / "big.md"), 1)
    assert str(info.value) == (
        "file is 1.5 MB, over the max-file-size of 1 MB; not checked (raise max-file-size to check it)"
    )
    assert read_draft(str(tmp_path / "big.md"), 2).startswith("xxx")


def test_read_draft_keeps_crlf(tmp_path):
    (tmp_path / "a.md").write_bytes(b"\xef\xbb\xbfOne\r\nTwo\r\n")
    assert read_draft(str(tmp_path / "a.md"), 20) == "One\r\nTwo\r\n"


# --- through the command line --------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "binary.md",
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
            "binary file (contains NUL bytes); not checked",
        ),
        (
            "latin1.txt",
            "Caf\u00e9 zork\n".encode("latin-1"),
            "not valid UTF-8 (byte 0xe9 at line 1); save the file as UTF-8",
        ),
        ("missing.md", None, "no such file or folder"),
    ],
)
def test_bad_input_is_one_line_naming_the_file_and_the_rest_is_checked(
    project, run_cli, name, content, message
):
    if content is not None:
        project.write(name, content)
    project.write("good.md", GOOD)
    result = run_cli(["check", name, "good.md"], cwd=project.root)
    assert result.code == 2
    assert result.lines == [GOOD_LINE]
    assert result.err_lines == [f"{name}: error: {message}", "1 problem in 1 file checked"]


def test_file_over_max_file_size(project, run_cli):
    project.config('plugins-dir = "plugins"\nmax-file-size = 0.01\n')
    project.write("big.md", "zork " * 3000)  # 15,000 bytes
    project.write("good.md", GOOD)
    result = run_cli(["check", "big.md", "good.md"], cwd=project.root)
    assert result.code == 2
    assert result.lines == [GOOD_LINE]
    assert result.err_lines[0] == (
        "big.md: error: file is 0.015 MB, over the max-file-size of 0.01 MB; not checked "
        "(raise max-file-size to check it)"
    )


def test_every_bad_input_at_once_in_a_real_process(project, run_process):
    project.config('plugins-dir = "plugins"\nmax-file-size = 0.01\n')
    project.write("a-binary.md", b"abc\x00def")
    project.write("b-latin1.txt", b"\xe9t\xe9\n")
    project.write("c-empty.md", b"")  # empty: checked, nothing found
    project.write("d-big.md", "zork " * 3000)
    project.write("good.md", GOOD)
    result = run_process(
        ["check", "a-binary.md", "b-latin1.txt", "c-empty.md", "d-big.md", "e-missing.md", "good.md"],
        cwd=project.root,
    )
    assert result.code == 2
    assert result.out == GOOD_LINE + "\n"
    assert "Traceback" not in result.err
    errors = [line for line in result.err.splitlines() if ": error: " in line]
    assert [line.split(": error: ")[0] for line in errors] == [
        "e-missing.md",
        "a-binary.md",
        "b-latin1.txt",
        "d-big.md",
    ]


def test_bad_inputs_in_json_errors(project, run_cli):
    project.write("x.md", b"\x00")
    payload = run_cli(["check", "x.md", "--format", "json"], cwd=project.root).json()
    assert payload["errors"] == [{"path": "x.md", "message": "binary file (contains NUL bytes); not checked"}]
    assert payload["diagnostics"] == []


def test_a_folder_named_explicitly_is_walked(project, run_cli):
    project.write("news/a.md", GOOD)
    project.write("news/deep/b.html", "<p>A zork.</p>\n")
    project.write("news/c.py", "zork = 1\n")  # not a draft
    project.write("news/d.txt", "zork\n")
    result = run_cli(["check", "news"], cwd=project.root)
    assert [line.split(": ")[0] for line in result.lines] == [
        "news/a.md:1:3",
        "news/d.txt:1:1",
        "news/deep/b.html:1:6",
    ]


def test_default_excludes_when_walking(project, run_cli):
    for rel in ("node_modules/x.md", ".git/y.md", ".venv/z.md", "build/w.md", "dist/v.md", "keep.md"):
        project.write(rel, GOOD)
    result = run_cli(["check", "."], cwd=project.root)
    assert [line.split(":")[0] for line in result.lines] == ["keep.md"]


def test_discover_reports_missing_paths_and_keeps_explicit_files(tmp_path):
    (tmp_path / "a.py").write_text("x", encoding="utf-8")
    found = list(discover([str(tmp_path / "a.py"), str(tmp_path / "nope")], ["*.md"], []))
    assert found == [(str(tmp_path / "a.py"), None), (str(tmp_path / "nope"), "no such file or folder")]


# --- .gitignore -----------------------------------------------------------------------------------------
needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def _git_init(folder):
    subprocess.run(["git", "init", "-q", str(folder)], check=True, capture_output=True)


@needs_git
def test_gitignore_is_respected_when_walking_a_repository(project, run_cli):
    _git_init(project.root)
    project.write(".gitignore", "ignored.md\ngenerated/\n*.tmp.md\n")
    for rel in (
        "kept.md",
        "ignored.md",
        "generated/out.md",
        "notes.tmp.md",
        "sub/also-kept.md",
        "sub/.gitignore",
    ):
        project.write(rel, GOOD if rel.endswith(".md") else "local-ignored.md\n")
    project.write("sub/local-ignored.md", GOOD)
    result = run_cli(["check", "."], cwd=project.root)
    assert [line.split(":")[0] for line in result.lines] == ["kept.md", "sub/also-kept.md"]


@needs_git
def test_gitignore_when_walking_a_subfolder_of_the_repository(project, run_cli):
    _git_init(project.root)
    project.write(".gitignore", "secret.md\n")
    project.write("sub/secret.md", GOOD)
    project.write("sub/open.md", GOOD)
    from_root = run_cli(["check", "sub"], cwd=project.root)
    assert [line.split(":")[0] for line in from_root.lines] == ["sub/open.md"]
    from_sub = run_cli(["check", "."], cwd=project.root / "sub")
    assert [line.split(":")[0] for line in from_sub.lines] == ["open.md"]


@needs_git
def test_an_ignored_file_named_explicitly_is_checked(project, run_cli):
    _git_init(project.root)
    project.write(".gitignore", "ignored.md\n")
    project.write("ignored.md", GOOD)
    result = run_cli(["check", "ignored.md"], cwd=project.root)
    assert result.lines == ["ignored.md:1:3: warning: marker 'zork' found [T101 marker-word]"]


def test_outside_a_repository_every_matching_file_is_checked(project, run_cli):
    project.write(".gitignore", "ignored.md\n")  # no repository: the file means nothing
    project.write("ignored.md", GOOD)
    result = run_cli(["check", "."], cwd=project.root)
    assert [line.split(":")[0] for line in result.lines] == ["ignored.md"]


def test_empty_file_is_checked_quietly(project, run_cli):
    project.write("empty.md", b"")
    result = run_cli(["check", "empty.md"], cwd=project.root)
    assert result.code == 0
    assert result.lines == []
    assert result.err_lines == ["No problems in 1 file checked."]
