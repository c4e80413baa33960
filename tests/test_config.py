"""Configuration files: where they are found, what they select, and the one-line errors for mistakes."""

from __future__ import annotations

from pathlib import Path

import pytest

from rhetlint.hooks.manager import load_plugins
from rhetlint.lint.config import (
    DEFAULT_EXCLUDE,
    Config,
    ConfigCache,
    ConfigError,
    find_config_file,
    load_config,
)
from rhetlint.lint.linter import Linter
from rhetlint.rules.selection import Selection

TEXT = "A zork and a blorp.\n"  # T101 at column 3, T202 at column 14


def codes(result) -> list[str]:
    """The codes of the text-format lines, in output order."""
    return [line.rsplit("[", 1)[1].split()[0] for line in result.lines]


# --- loading one file ----------------------------------------------------------------------------------
def test_load_config_reads_every_kind_of_key(tmp_path):
    path = tmp_path / "rhetlint.toml"
    path.write_text(
        'select = ["T1"]\nignore = ["misc"]\nextend-select = ["T202"]\nplugins-dir = "plugs"\n'
        'disable-plugins = ["x"]\ninclude = ["*.md"]\nextend-exclude = ["drafts"]\nfail-on = "error"\n'
        'output-format = "json"\nmax-file-size = 0.5\nquote-aware = false\n'
        '[severity]\nT101 = "error"\n[per-file-ignores]\n"opinion/*" = ["T101"]\n'
        '[rules.marker-word]\nword = "blorp"\n[sides]\nfor = ["Ann"]\n',
        encoding="utf-8",
    )
    config = load_config(path)
    assert config.path == path.resolve()
    assert config.root == tmp_path.resolve()
    assert config.select == ["T1"]
    assert config.ignore == ["misc"]
    assert config.extend_select == ["T202"]
    assert config.plugins_dir == (tmp_path / "plugs").resolve()
    assert config.disable_plugins == ["x"]
    assert config.include == ["*.md"]
    assert config.exclude == [*DEFAULT_EXCLUDE, "drafts"]
    assert config.fail_on == "error"
    assert config.output_format == "json"
    assert config.max_file_size == 0.5
    assert config.quote_aware is False
    assert config.severity == {"T101": "error"}
    assert config.per_file_ignores == {"opinion/*": ["T101"]}
    assert config.rules == {"marker-word": {"word": "blorp"}}
    assert config.sides == {"for": ["Ann"]}


def test_defaults():
    config = Config()
    assert config.label == "<defaults>"
    assert config.fail_on == "warning"
    assert config.output_format == "text"
    assert config.max_file_size == 20.0
    assert "node_modules" in config.exclude and ".git" in config.exclude


def test_rule_options_merge_code_then_name():
    config = Config(rules={"T101": {"word": "a", "quote_aware": False}, "marker-word": {"word": "b"}})
    assert config.rule_options("T101", "marker-word") == {"word": "b", "quote_aware": False}


def test_pyproject_reads_tool_rhetlint(tmp_path):
    path = tmp_path / "pyproject.toml"
    path.write_text('[project]\nname = "x"\n[tool.rhetlint]\nignore = ["T202"]\n', encoding="utf-8")
    assert load_config(path).ignore == ["T202"]


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ('selct = ["T1"]\n', "unknown key 'selct' (known keys: cache, cache-dir, disable-plugins, exclude, "),
        ('select = "T1"\n', "'select' must be a list of strings, got 'T1'"),
        ("ignore = [1]\n", "'ignore' must be a list of strings, got [1]"),
        ('fail-on = "fatal"\n', '\'fail-on\' must be "error", "warning" or "info", got \'fatal\''),
        ("max-file-size = 0\n", "'max-file-size' must be a positive number of megabytes, got 0"),
        ("max-file-size = true\n", "'max-file-size' must be a positive number of megabytes, got True"),
        ('quote-aware = "no"\n', "'quote-aware' must be a boolean, got 'no'"),
        ("plugins-dir = 3\n", "'plugins-dir' must be a string (a folder of plugin .py files), got 3"),
        (
            '[severity]\nT101 = "fatal"\n',
            '\'severity.T101\' must be "error", "warning" or "info", got \'fatal\'',
        ),
        ('[per-file-ignores]\n"*.md" = "T101"\n', "'per-file-ignores' must be a table of glob = [rules]"),
        ('rules = ["x"]\n', "'rules' must be a table of [rules.NAME] option tables, got ['x']"),
        ("select = [\n", "invalid TOML: "),
    ],
)
def test_config_errors_name_file_key_and_expectation(tmp_path, body, message):
    path = tmp_path / "rhetlint.toml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_config(path)
    text = str(info.value)
    assert text.startswith(f"{path.resolve()}: ")
    assert message in text
    assert "\n" not in text


def test_pyproject_errors_name_the_dotted_key(tmp_path):
    path = tmp_path / "pyproject.toml"
    path.write_text("[tool.rhetlint]\nfail-on = 3\nbogus = 1\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"'tool\.rhetlint\.fail-on' must be"):
        load_config(path)


def test_missing_config_file_is_a_config_error(tmp_path):
    with pytest.raises(ConfigError, match="cannot read configuration"):
        load_config(tmp_path / "nope.toml")


# --- finding the file --------------------------------------------------------------------------------
def test_config_file_precedence_in_one_folder(tmp_path):
    (tmp_path / "pyproject.toml").write_text("[tool.rhetlint]\n", encoding="utf-8")
    assert find_config_file(tmp_path) == tmp_path / "pyproject.toml"
    find_config_file.cache_clear()
    (tmp_path / ".rhetlint.toml").write_text("", encoding="utf-8")
    assert find_config_file(tmp_path) == tmp_path / ".rhetlint.toml"
    find_config_file.cache_clear()
    (tmp_path / "rhetlint.toml").write_text("", encoding="utf-8")
    assert find_config_file(tmp_path) == tmp_path / "rhetlint.toml"


def test_config_search_walks_up_and_skips_pyproject_without_the_table(tmp_path):
    (tmp_path / ".rhetlint.toml").write_text("", encoding="utf-8")
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    (tmp_path / "a" / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    assert find_config_file(deep) == tmp_path / ".rhetlint.toml"


def test_config_cache_override_and_defaults(tmp_path):
    other = tmp_path / "other.toml"
    other.write_text('fail-on = "info"\n', encoding="utf-8")
    assert ConfigCache(other).for_file(tmp_path / "x" / "a.md").fail_on == "info"
    empty = tmp_path / "empty"
    empty.mkdir()
    found = find_config_file(empty.resolve())
    config = ConfigCache().for_file(empty / "a.md")
    assert config.path == found  # None (defaults) unless a folder above the tmp dir has one


# --- selection through the Linter ---------------------------------------------------------------------
@pytest.fixture
def marker_plugins(project):
    return load_plugins(project.root / "plugins", entry_points=False)


def active(plugins, config: Config | None = None, **selection) -> list[str]:
    selection = {k: tuple(v) for k, v in selection.items()}
    return [r.code for r in Linter(plugins, config, Selection(**selection)).rules_for(None)]


@pytest.mark.parametrize(
    ("select", "expected"),
    [
        (["T101"], ["T101"]),  # code
        (["t101"], []),  # lower-case text is a name or category, not a code
        (["T"], ["T101", "T202"]),  # code prefix
        (["T1"], ["T101"]),
        (["marker-word"], ["T101"]),  # name
        (["misc"], ["T202"]),  # category
        (["local:marker"], ["T101", "T202"]),  # plugin
        (["ALL"], ["RL001", "RL900", "T101", "T202"]),
        (["RL", "T2"], ["RL001", "RL900", "T202"]),
    ],
)
def test_select_by_code_prefix_name_category_and_plugin(marker_plugins, select, expected):
    if select == ["t101"]:
        with pytest.raises(ConfigError, match="unknown rule, code, category or plugin 't101'"):
            active(marker_plugins, select=select)
        return
    assert active(marker_plugins, select=select) == expected


def test_default_selection_is_every_rule(marker_plugins):
    assert active(marker_plugins) == ["RL001", "RL900", "T101", "T202"]


@pytest.mark.parametrize(
    ("config", "expected"),
    [
        (Config(ignore=["T202"]), ["RL001", "RL900", "T101"]),
        (Config(ignore=["testing"]), ["RL001", "RL900", "T202"]),
        (Config(ignore=["meta", "other-word"]), ["T101"]),
        (Config(select=["T"], ignore=["T1"]), ["T202"]),  # the longer prefix is more specific
        (Config(select=["T101"], ignore=["testing"]), ["T101"]),  # a code beats a category
        (Config(select=["T101"], ignore=["marker-word"]), []),  # equal specificity: ignore wins
        (Config(select=["T101"], extend_select=["misc"]), ["T101", "T202"]),
    ],
)
def test_ignore_and_specificity(marker_plugins, config, expected):
    assert active(marker_plugins, config) == expected


def test_command_line_select_replaces_and_ignore_adds(marker_plugins):
    config = Config(select=["T101"], ignore=["RL"])
    assert active(marker_plugins, config, select=["T202"]) == ["T202"]
    assert active(marker_plugins, Config(ignore=["T101"]), ignore=["meta"]) == ["T202"]
    assert active(marker_plugins, Config(select=["T101"]), extend_select=["T202"]) == ["T101", "T202"]


@pytest.mark.parametrize(
    ("severity", "expected"),
    [
        ({"misc": "error"}, {"T101": "warning", "T202": "error"}),
        ({"T": "info", "T101": "error"}, {"T101": "error", "T202": "info"}),
        ({"T101": "error", "T": "info"}, {"T101": "error", "T202": "info"}),  # order does not matter
        ({"local:marker": "error", "marker-word": "info"}, {"T101": "info", "T202": "error"}),
    ],
)
def test_severity_overrides_most_specific_wins(marker_plugins, severity, expected):
    linter = Linter(marker_plugins, Config(severity=severity))
    assert {code: linter.severity_for(linter.registry.get(code)) for code in ("T101", "T202")} == expected


def test_unknown_selectors_are_config_errors(marker_plugins):
    with pytest.raises(ConfigError, match=r"'ignore' names unknown rule, code, category or plugin 'X9'"):
        Linter(marker_plugins, Config(ignore=["X9"]))
    with pytest.raises(ConfigError, match=r"'per-file-ignores\.\*\.md' names unknown"):
        Linter(marker_plugins, Config(per_file_ignores={"*.md": ["nope"]}))
    with pytest.raises(ConfigError, match=r"'severity' names unknown"):
        Linter(marker_plugins, Config(severity={"nope": "error"}))
    with pytest.raises(ConfigError, match=r"^--select: unknown rule, code, category or plugin 'nope'$"):
        Linter(marker_plugins, Config(), Selection(select=("nope",)))


def test_rule_options_errors(marker_plugins):
    with pytest.raises(ConfigError, match=r"'\[rules\.nope\]' names an unknown rule"):
        Linter(marker_plugins, Config(rules={"nope": {}}))
    with pytest.raises(
        ConfigError, match=r"unknown option 'wrd' for rule marker-word \(options: word, quote-aware\)"
    ):
        Linter(marker_plugins, Config(rules={"marker-word": {"wrd": "x"}}))
    with pytest.raises(
        ConfigError, match=r"option 'word' of rule marker-word must be a string, got an integer"
    ):
        Linter(marker_plugins, Config(rules={"T101": {"word": 3}}))
    with pytest.raises(ConfigError, match=r"option 'quote-aware' of rule marker-word must be a boolean"):
        Linter(marker_plugins, Config(rules={"T101": {"quote-aware": 1}}))


def test_per_file_ignores_match_paths_relative_to_the_config_folder(marker_plugins, tmp_path):
    config = Config(root=tmp_path, per_file_ignores={"opinion/*": ["testing"], "*.txt": ["T202"]})
    linter = Linter(marker_plugins, config)
    assert [r.code for r in linter.rules_for(str(tmp_path / "opinion" / "a.md"))] == [
        "RL001",
        "RL900",
        "T202",
    ]
    assert [r.code for r in linter.rules_for(str(tmp_path / "news" / "a.md"))] == [
        "RL001",
        "RL900",
        "T101",
        "T202",
    ]
    assert [r.code for r in linter.rules_for(str(tmp_path / "news" / "a.txt"))] == ["RL001", "RL900", "T101"]


# --- through the command line ------------------------------------------------------------------------
def test_config_found_by_walking_up_from_the_file(project, run_cli):
    project.config('plugins-dir = "plugins"\nignore = ["T202"]\n')
    project.write("sub/deep/a.md", TEXT)
    result = run_cli(["check", "sub/deep/a.md"], cwd=project.root)
    assert result.lines == ["sub/deep/a.md:1:3: warning: marker 'zork' found [T101 marker-word]"]
    assert result.code == 1


def test_config_found_from_a_subfolder_working_directory(project, run_cli):
    project.config('plugins-dir = "plugins"\nignore = ["T202"]\n')
    project.write("sub/a.md", TEXT)
    result = run_cli(["check", "a.md"], cwd=project.root / "sub")
    # plugins-dir is relative to the configuration file, not to the working directory
    assert result.lines == ["a.md:1:3: warning: marker 'zork' found [T101 marker-word]"]


def test_nearest_config_applies_to_each_file(project, run_cli):
    project.write("a.md", TEXT)
    project.write("sub/b.md", TEXT)
    project.write("sub/.rhetlint.toml", 'plugins-dir = "../plugins"\nselect = ["T202"]\n')
    result = run_cli(["check", "a.md", "sub/b.md"], cwd=project.root)
    assert result.lines == [
        "a.md:1:3: warning: marker 'zork' found [T101 marker-word]",
        "a.md:1:14: info: other 'blorp' found [T202 other-word]",
        "sub/b.md:1:14: info: other 'blorp' found [T202 other-word]",
    ]


def test_pyproject_tool_table_is_used(project, run_cli):
    (project.root / "rhetlint.toml").unlink()
    project.write(
        "pyproject.toml",
        '[project]\nname = "x"\n\n[tool.rhetlint]\nplugins-dir = "plugins"\nselect = ["misc"]\n',
    )
    project.write("a.md", TEXT)
    assert codes(run_cli(["check", "a.md"], cwd=project.root)) == ["T202"]


def test_rhetlint_toml_wins_over_dot_file_and_pyproject(project, run_cli):
    project.config('plugins-dir = "plugins"\nselect = ["T101"]\n')
    project.write(".rhetlint.toml", 'plugins-dir = "plugins"\nselect = ["T202"]\n')
    project.write("pyproject.toml", '[tool.rhetlint]\nplugins-dir = "plugins"\nselect = ["T202"]\n')
    project.write("a.md", TEXT)
    assert codes(run_cli(["check", "a.md"], cwd=project.root)) == ["T101"]


def test_config_option_overrides_the_search(project, run_cli):
    project.write("a.md", TEXT)
    other = project.write("elsewhere/custom.toml", 'plugins-dir = "../plugins"\nignore = ["T101"]\n')
    result = run_cli(["check", "a.md", "--config", other], cwd=project.root)
    assert codes(result) == ["T202"]
    assert result.code == 0  # info is below the default fail-on level (warning)


@pytest.mark.parametrize(
    ("body", "fragment"),
    [
        ('plugins-dir = "plugins"\nselct = ["T1"]\n', "unknown key 'selct' (known keys: "),
        ('plugins-dir = "plugins"\nselect = "T1"\n', "'select' must be a list of strings, got 'T1'"),
        (
            'plugins-dir = "plugins"\nselect = ["T9"]\n',
            "'select' names unknown rule, code, category or plugin 'T9'",
        ),
        (
            'plugins-dir = "plugins"\n[rules.marker-word]\nword = 3\n',
            "option 'word' of rule marker-word must be a string, got an integer",
        ),
    ],
)
def test_config_error_is_one_line_and_exit_2(project, run_cli, body, fragment):
    path = project.config(body)
    project.write("a.md", TEXT)
    result = run_cli(["check", "a.md"], cwd=project.root)
    assert result.code == 2
    assert result.out == ""
    assert result.err_lines == [result.err_lines[0]]
    assert result.err_lines[0].startswith(f"rhetlint: error: {path.resolve()}: ")
    assert fragment in result.err_lines[0]
    assert "Traceback" not in result.err


def test_pyproject_config_error_names_the_dotted_key(project, run_cli):
    (project.root / "rhetlint.toml").unlink()
    path = project.write(
        "pyproject.toml", '[tool.rhetlint]\nplugins-dir = "plugins"\nfail-on = "sometimes"\n'
    )
    project.write("a.md", TEXT)
    result = run_cli(["check", "a.md"], cwd=project.root)
    assert result.code == 2
    assert result.err_lines == [
        f'rhetlint: error: {path.resolve()}: \'tool.rhetlint.fail-on\' must be "error", "warning" or "info", '
        "got 'sometimes'"
    ]


def test_missing_config_option_file_is_exit_2(project, run_cli):
    project.write("a.md", TEXT)
    result = run_cli(["check", "a.md", "--config", "missing.toml"], cwd=project.root)
    assert result.code == 2
    assert result.err_lines == [
        f"rhetlint: error: {(project.root / 'missing.toml').resolve()}: cannot read configuration: "
        "No such file or directory"
    ]


def test_unknown_command_line_selector_is_exit_2(project, run_cli):
    project.write("a.md", TEXT)
    result = run_cli(["check", "a.md", "--select", "T9"], cwd=project.root)
    assert result.code == 2
    assert result.err_lines == ["rhetlint: error: --select: unknown rule, code, category or plugin 'T9'"]


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--select", "T101"], ["T101"]),
        (["--select", "T"], ["T101", "T202"]),
        (["--select", "other-word"], ["T202"]),
        (["--select", "testing"], ["T101"]),
        (["--ignore", "misc"], ["T101"]),
        (["--ignore", "T1,T2"], []),
        (["--select", "T101", "--extend-select", "T202"], ["T101", "T202"]),
    ],
)
def test_command_line_selection(project, run_cli, args, expected):
    project.write("a.md", TEXT)
    assert codes(run_cli(["check", "a.md", *args], cwd=project.root)) == expected


def test_severity_override_in_config_changes_output_and_exit(project, run_cli):
    project.config('plugins-dir = "plugins"\nignore = ["T101"]\n[severity]\nother-word = "error"\n')
    project.write("a.md", TEXT)
    result = run_cli(["check", "a.md", "--fail-on", "error"], cwd=project.root)
    assert result.lines == ["a.md:1:14: error: other 'blorp' found [T202 other-word]"]
    assert result.code == 1


def test_per_file_ignores_through_the_command_line(project, run_cli):
    project.config(
        'plugins-dir = "plugins"\n[per-file-ignores]\n"opinion/*" = ["marker-word"]\n"*.txt" = ["misc"]\n'
    )
    project.write("opinion/a.md", TEXT)
    project.write("news/b.md", TEXT)
    project.write("news/c.txt", TEXT)
    result = run_cli(["check", "opinion/a.md", "news/b.md", "news/c.txt"], cwd=project.root)
    assert [line.split(": ")[0] + " " + line.rsplit("[", 1)[1][:4] for line in result.lines] == [
        "news/b.md:1:3 T101",
        "news/b.md:1:14 T202",
        "news/c.txt:1:3 T101",
        "opinion/a.md:1:14 T202",
    ]
    # From inside the folder, the glob still matches: it is relative to the configuration file.
    inside = run_cli(["check", "a.md"], cwd=project.root / "opinion")
    assert codes(inside) == ["T202"]


def test_per_rule_options(project, run_cli):
    project.config('plugins-dir = "plugins"\nselect = ["T101"]\n[rules.marker-word]\nword = "blorp"\n')
    project.write("a.md", TEXT)
    assert run_cli(["check", "a.md"], cwd=project.root).lines == [
        "a.md:1:14: warning: marker 'blorp' found [T101 marker-word]"
    ]


def test_per_rule_options_by_code(project, run_cli):
    project.config('plugins-dir = "plugins"\nselect = ["T101"]\n[rules.T101]\nquote-aware = false\n')
    project.write("a.md", 'He said "zork" today.\n')
    assert run_cli(["check", "a.md"], cwd=project.root).lines == [
        "a.md:1:10: warning: marker 'zork' found [T101 marker-word]"
    ]


def test_global_quote_aware_false(project, run_cli):
    project.write("a.md", 'He said "zork" today.\n')
    assert run_cli(["check", "a.md"], cwd=project.root).lines == []
    project.config('plugins-dir = "plugins"\nquote-aware = false\n')
    assert codes(run_cli(["check", "a.md"], cwd=project.root)) == ["T101"]


def test_plugins_dir_that_is_not_a_folder(project, run_cli):
    project.config('plugins-dir = "nowhere"\n')
    project.write("a.md", TEXT)
    result = run_cli(["check", "a.md"], cwd=project.root)
    assert result.code == 2
    assert (
        f"rhetlint: error: plugins-dir {(project.root / 'nowhere').resolve()}: not a folder"
        in result.err_lines
    )


@pytest.mark.parametrize("name", ["marker", "local:marker"])
def test_disable_plugins(project, run_cli, name):
    project.config(f'plugins-dir = "plugins"\ndisable-plugins = ["{name}"]\n')
    project.write("a.md", TEXT)
    result = run_cli(["check", "a.md"], cwd=project.root)
    assert (result.code, result.out) == (0, "")
    rules = run_cli(["rules"], cwd=project.root)
    assert [line.split()[0] for line in rules.lines] == ["RL001", "RL900"]


def test_fail_on_and_output_format_from_config(project, run_cli):
    project.config('plugins-dir = "plugins"\nfail-on = "error"\noutput-format = "json"\n')
    project.write("a.md", TEXT)
    result = run_cli(["check", "a.md"], cwd=project.root)
    assert result.code == 0
    assert [d["code"] for d in result.json()["diagnostics"]] == ["T101", "T202"]


def test_include_and_exclude_when_walking_folders(project, run_cli):
    project.config(
        'plugins-dir = "plugins"\nselect = ["T101"]\ninclude = ["*.md"]\nexclude = ["drafts", "*.old.md"]\n'
    )
    for rel in ("a.md", "b.txt", "drafts/c.md", "news/d.md", "news/e.old.md", "node_modules/f.md"):
        project.write(rel, TEXT)
    result = run_cli(["check", "."], cwd=project.root)
    # exclude replaces the defaults, so node_modules is walked here
    assert [line.split(":")[0] for line in result.lines] == ["a.md", "news/d.md", "node_modules/f.md"]
    # A file named on the command line is checked whatever include and exclude say.
    assert [
        line.split(":")[0] for line in run_cli(["check", "b.txt", "drafts/c.md"], cwd=project.root).lines
    ] == [
        "b.txt",
        "drafts/c.md",
    ]


def test_extend_exclude_keeps_the_defaults(project, run_cli):
    project.config('plugins-dir = "plugins"\nselect = ["T101"]\nextend-exclude = ["drafts"]\n')
    for rel in ("a.md", "drafts/c.md", "node_modules/f.md", "build/g.md"):
        project.write(rel, TEXT)
    result = run_cli(["check", "."], cwd=project.root)
    assert [line.split(":")[0] for line in result.lines] == ["a.md"]


def test_exclude_globs_are_relative_to_the_config_folder(project, run_cli):
    project.config('plugins-dir = "plugins"\nselect = ["T101"]\nexclude = ["news/archive/*"]\n')
    project.write("news/archive/old.md", TEXT)
    project.write("news/new.md", TEXT)
    from_root = run_cli(["check", "."], cwd=project.root)
    assert [line.split(":")[0] for line in from_root.lines] == ["news/new.md"]
    from_news = run_cli(["check", "."], cwd=project.root / "news")
    assert [line.split(":")[0] for line in from_news.lines] == ["new.md"]
    absolute = run_cli(["check", project.root], cwd=project.root / "news")
    assert [Path(line.split(":")[0]).name for line in absolute.lines] == ["new.md"]
