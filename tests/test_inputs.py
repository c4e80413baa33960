"""Bad inputs are one line each and never stop the run; folders are walked with include, exclude and .gitignore."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from rhetlint.lint.files import InputError, decode, discover, read_draft

PLUGINS_DIR = 'plugins-dir = "plugins"\n'  # the test project's marker plugin, as in conftest

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


def found(run_cli, project, *args: str, cwd=None) -> list[str]:
    result = run_cli(["check", *(args or (".",))], cwd=cwd or project.root)
    assert result.code in (0, 1), result.err
    return sorted({line.split(":")[0] for line in result.lines})


def test_gitignore_is_honoured_outside_a_repository(project, run_cli):
    """An exported tree, an unpacked archive: no .git, and the .gitignore files still mean what they say."""
    assert not (project.root / ".git").exists()
    project.write(".gitignore", "ignored.md\ngenerated/\n")
    for rel in ("kept.md", "ignored.md", "generated/out.md", "sub/ignored.md", "sub/kept.md"):
        project.write(rel, GOOD)
    assert found(run_cli, project) == ["kept.md", "sub/kept.md"]
    # walking a subfolder: the .gitignore above it (up to the configuration's folder) applies too
    assert found(run_cli, project, "sub") == ["sub/kept.md"]


@pytest.mark.parametrize("repository", [False, True], ids=["no-git", "git"])
def test_gitignore_negation_nesting_and_folder_patterns(project, run_cli, repository):
    if repository:
        if shutil.which("git") is None:
            pytest.skip("git is not installed")
        _git_init(project.root)
    project.write(".gitignore", "*.md\n!keep*.md\ndrafts/\n/top-only.txt\nnotes/**/old.txt\n")
    project.write("sub/.gitignore", "!sub-kept.md\nkeep-but-not-here.md\n")
    for rel in (
        "a.md",  # *.md
        "keep-1.md",  # re-included by !keep*.md
        "sub/keep-2.md",  # re-included at any depth
        "sub/sub-kept.md",  # re-included by the nested .gitignore only
        "sub/keep-but-not-here.md",  # re-included above, ignored again by the nested file
        "top-only.txt",  # anchored: only at the top
        "sub/top-only.txt",
        "drafts/keep-3.md",  # a folder pattern: nothing inside is re-included, as in git
        "drafts.txt",  # drafts/ matches folders only
        "notes/a/b/old.txt",
        "notes/old.txt",  # ** matches zero folders too
        "notes/new.txt",
    ):
        project.write(rel, GOOD)
    assert found(run_cli, project) == [
        "drafts.txt",
        "keep-1.md",
        "notes/new.txt",
        "sub/keep-2.md",
        "sub/sub-kept.md",
        "sub/top-only.txt",
    ]


@needs_git
def test_repository_info_exclude_is_honoured(project, run_cli):
    _git_init(project.root)
    (project.root / ".git" / "info").mkdir(exist_ok=True)
    (project.root / ".git" / "info" / "exclude").write_text("private.md\n", encoding="utf-8")
    project.write("private.md", GOOD)
    project.write("public.md", GOOD)
    assert found(run_cli, project) == ["public.md"]


def test_a_gitignore_outside_the_project_does_not_apply(tmp_path, run_cli, project):
    """Outside a repository, ignore files above the configuration's folder are not read."""
    (project.root.parent / ".gitignore").write_text("*.md\n", encoding="utf-8")
    project.write("kept.md", GOOD)
    assert found(run_cli, project) == ["kept.md"]


def test_walking_runs_no_program(project, run_cli, monkeypatch):
    """Ignore files are read, never handed to git: nothing a checked tree configures can run."""
    import subprocess as sp

    def refuse(*args, **kwargs):
        raise AssertionError(f"a program was run: {args}")

    monkeypatch.setattr(sp, "run", refuse)
    monkeypatch.setattr(sp, "Popen", refuse)
    project.write(".gitignore", "ignored.md\n")
    project.write("ignored.md", GOOD)
    project.write("kept.md", GOOD)
    assert found(run_cli, project) == ["kept.md"]


def test_exclude_takes_gitignore_patterns_with_negation(project, run_cli):
    project.config(PLUGINS_DIR + 'exclude = ["archive/", "*.draft.md", "!final.draft.md", "/old.md"]\n')
    for rel in ("archive/a.md", "x.draft.md", "final.draft.md", "old.md", "sub/old.md", "news.md"):
        project.write(rel, GOOD)
    assert found(run_cli, project) == ["final.draft.md", "news.md", "sub/old.md"]


def test_exclude_patterns_are_relative_to_the_configuration(project, run_cli):
    project.config(PLUGINS_DIR + 'exclude = ["/desk/archive/"]\n')
    project.write("desk/archive/a.md", GOOD)
    project.write("desk/b.md", GOOD)
    project.write("other/desk/archive/c.md", GOOD)
    assert found(run_cli, project, cwd=project.root / "desk") == ["b.md"]
    assert found(run_cli, project) == ["desk/b.md", "other/desk/archive/c.md"]


def test_per_file_ignores_take_gitignore_patterns_and_negation(project, run_cli):
    project.config(PLUGINS_DIR + '[per-file-ignores]\n"opinion/" = ["T101"]\n"!news/**" = ["marker-word"]\n')
    for rel in ("opinion/deep/a.md", "news/b.md", "news/deep/c.md", "other.md"):
        project.write(rel, GOOD)
    assert found(run_cli, project) == ["news/b.md", "news/deep/c.md"]


@pytest.mark.parametrize("key", ["exclude", "extend-exclude"])
def test_an_invalid_pattern_is_a_configuration_error(project, run_cli, key):
    project.config(PLUGINS_DIR + f'{key} = ["ok/", "bad\\\\"]\n')
    project.write("a.md", GOOD)
    result = run_cli(["check", "."], cwd=project.root)
    assert result.code == 2
    [line] = result.err_lines
    assert line.endswith(
        f"rhetlint.toml: '{key}': invalid pattern 'bad\\\\': Invalid git pattern: 'bad\\\\'"
    ), line


def test_a_gitignore_line_git_would_refuse_is_skipped(project, run_cli):
    project.write(
        ".gitignore", "!\nbad\\\nignored.md\n\udcff-not-utf8.md\n".encode("utf-8", "surrogateescape")
    )
    project.write("ignored.md", GOOD)
    project.write("kept.md", GOOD)
    assert found(run_cli, project) == ["kept.md"]


def test_empty_file_is_checked_quietly(project, run_cli):
    project.write("empty.md", b"")
    result = run_cli(["check", "empty.md"], cwd=project.root)
    assert result.code == 0
    assert result.lines == []
    assert result.err_lines == ["No problems in 1 file checked."]
