"""Plugin loading: entry points, a local folder, disabling, listing, and plugins that misbehave."""

from __future__ import annotations

import types

import pytest
from sample_plugins import word_plugin

from rhetlint import Finding, __version__, hookimpl, rule
from rhetlint.hooks.manager import ESSENTIAL_PLUGINS, load_plugins

FAKEPLUG = word_plugin("F100", "fake-word", "fake", "fnord")

TEXT = "A zork and a fnord.\n"  # T101 at 1:3, F100 at 1:14


@pytest.fixture
def entry_point(tmp_path, monkeypatch, fake_dist):
    """The fake distribution "fakeplug" 0.1 on sys.path, selected with RHETLINT_LOAD_PLUGINS."""
    folder = fake_dist(tmp_path / "site", FAKEPLUG)
    monkeypatch.syspath_prepend(str(folder))
    monkeypatch.setenv("RHETLINT_LOAD_PLUGINS", "fakeplug")
    return folder


# --- entry points ------------------------------------------------------------------------------------
def test_entry_point_plugin_is_loaded_with_its_distribution_version(entry_point):
    plugins = load_plugins()
    info = {i.name: i for i in plugins.infos}["fakeplug"]
    assert (info.version, info.source, info.hooks) == (
        "0.1",
        "entry point fakeplug",
        ("rhetlint_register_rules",),
    )
    assert plugins.registry.get("F100").plugin == "fakeplug"
    assert plugins.problems == []


def test_entry_point_plugin_rule_runs_from_the_command_line(project, run_cli, entry_point):
    project.write("a.md", TEXT)
    result = run_cli(["check", "a.md"], cwd=project.root)
    assert result.lines == [
        "a.md:1:3: warning: marker 'zork' found [T101 marker-word]",
        "a.md:1:14: warning: fake 'fnord' found [F100 fake-word]",
    ]


def test_entry_point_plugin_in_a_real_process(project, run_process, tmp_path, fake_dist):
    site = fake_dist(tmp_path / "site", FAKEPLUG)
    project.write("a.md", TEXT)
    result = run_process(
        ["check", "a.md", "--select", "F100"],
        cwd=project.root,
        pythonpath=[site],
        env={"RHETLINT_LOAD_PLUGINS": "fakeplug"},
    )
    assert (result.code, result.out) == (1, "a.md:1:14: warning: fake 'fnord' found [F100 fake-word]\n")
    assert "Traceback" not in result.err


def test_load_plugins_env_var_limits_entry_points(entry_point, monkeypatch):
    monkeypatch.setenv("RHETLINT_LOAD_PLUGINS", "")
    assert "fakeplug" not in {i.name for i in load_plugins().infos}
    monkeypatch.setenv("RHETLINT_LOAD_PLUGINS", " fakeplug , other")
    assert "fakeplug" in {i.name for i in load_plugins().infos}


def test_entry_points_can_be_turned_off(entry_point):
    assert "fakeplug" not in {i.name for i in load_plugins(entry_points=False).infos}


def test_disable_entry_point_plugin_by_name(entry_point, project, run_cli):
    project.config('plugins-dir = "plugins"\ndisable-plugins = ["fakeplug"]\n')
    project.write("a.md", TEXT)
    result = run_cli(["check", "a.md"], cwd=project.root)
    assert result.lines == ["a.md:1:3: warning: marker 'zork' found [T101 marker-word]"]
    assert "fakeplug" not in run_cli(["plugins"], cwd=project.root).out


def test_builtin_doubt_marker_fires_through_its_entry_point(tmp_path, run_cli, monkeypatch):
    monkeypatch.setenv("RHETLINT_LOAD_PLUGINS", "loaded-language")
    draft = tmp_path / "a.md"
    draft.write_text("The so-called reform passed.\n", encoding="utf-8")
    result = run_cli(["check", draft.name, "--select", "L105", "--format", "json"], cwd=tmp_path)
    assert result.code == 1
    [diag] = result.json()["diagnostics"]
    assert (diag["code"], diag["name"], diag["plugin"]) == ("L105", "doubt-marker", "loaded-language")
    assert (diag["start"]["line"], diag["start"]["column"], diag["match"]) == (1, 5, "so-called")


def test_entry_point_that_fails_to_import(tmp_path, monkeypatch, fake_dist, project, run_cli):
    folder = fake_dist(
        tmp_path / "site",
        "raise RuntimeError('kaput')\n",
        dist="brokenplug",
        entry_name="brokenplug",
        module="brokenplug",
    )
    monkeypatch.syspath_prepend(str(folder))
    monkeypatch.setenv("RHETLINT_LOAD_PLUGINS", "brokenplug")
    project.write("a.md", TEXT)
    result = run_cli(["check", "a.md"], cwd=project.root)
    assert (
        result.err_lines[0]
        == "rhetlint: error: plugin brokenplug: failed to import brokenplug: RuntimeError: kaput"
    )
    assert "Traceback" not in result.err
    assert result.lines == ["a.md:1:3: warning: marker 'zork' found [T101 marker-word]"]  # the rest still ran
    assert result.code == 2


# --- local plugins -----------------------------------------------------------------------------------
def test_local_plugins_are_registered_as_local_name(project):
    plugins = load_plugins(project.root / "plugins", entry_points=False)
    names = [i.name for i in plugins.infos]
    assert names == [*ESSENTIAL_PLUGINS, "local:marker"]
    info = plugins.infos[-1]
    assert (info.version, info.source) == ("2.3.4", f"local {project.root / 'plugins' / 'marker.py'}")
    assert {r.code: r.plugin for r in plugins.registry} == {
        "RL001": "rhetlint.rules.core",
        "RL900": "rhetlint.rules.core",
        "T101": "local:marker",
        "T202": "local:marker",
    }


def test_local_files_starting_with_underscore_are_skipped(project):
    project.plugin("_helper", "raise RuntimeError('never imported')\n")
    plugins = load_plugins(project.root / "plugins", entry_points=False)
    assert plugins.problems == []


def test_local_plugin_that_fails_to_import(project, run_cli):
    path = project.plugin("broken", "import does_not_exist_anywhere\n")
    project.write("a.md", TEXT)
    result = run_cli(["check", "a.md"], cwd=project.root)
    assert result.err_lines[0] == (
        f"rhetlint: error: plugin local:broken: {path}: failed to import: ModuleNotFoundError: "
        "No module named 'does_not_exist_anywhere'"
    )
    assert result.lines == ["a.md:1:3: warning: marker 'zork' found [T101 marker-word]"]
    assert result.code == 2


def test_local_plugin_with_an_invalid_rule_definition(project, run_cli):
    path = project.plugin(
        "badcode",
        """
        from rhetlint import rule

        @rule(code="bad", name="bad-code", category="fake")
        def bad(doc, options):
            return []
    """,
    )
    project.write("a.md", TEXT)
    result = run_cli(["check", "a.md"], cwd=project.root)
    assert (
        f"rhetlint: error: plugin local:badcode: {path}: failed to import: RuleError: rule code 'bad' must "
        "look like L101 (1-4 capitals, 3 digits)"
    ) in result.err_lines
    assert result.code == 2


# --- listing -----------------------------------------------------------------------------------------
def test_plugins_command_lists_names_versions_sources_and_hooks(project, run_cli):
    result = run_cli(["plugins"], cwd=project.root)
    assert result.code == 0
    assert result.lines == [
        f"{'rhetlint.parsers':24s} {__version__:10s} essential",
        f"{'':24s} hooks: rhetlint_parse_document",
        f"{'rhetlint.output':24s} {__version__:10s} essential",
        f"{'':24s} hooks: rhetlint_register_formatters",
        f"{'rhetlint.rules.core':24s} {__version__:10s} essential",
        f"{'':24s} hooks: rhetlint_register_rules",
        f"{'local:marker':24s} {'2.3.4':10s} local {project.root / 'plugins' / 'marker.py'}",
        f"{'':24s} hooks: rhetlint_register_rules",
    ]


def test_plugins_command_lists_entry_point_version(entry_point, project, run_cli):
    result = run_cli(["plugins", "--format", "json"], cwd=project.root)
    listed = {p["name"]: p for p in result.json()}
    assert listed["fakeplug"] == {
        "name": "fakeplug",
        "version": "0.1",
        "source": "entry point fakeplug",
        "hooks": ["rhetlint_register_rules"],
    }
    assert listed["local:marker"]["version"] == "2.3.4"


# --- conflicts and broken registration ---------------------------------------------------------------
DUPLICATE = '''
from rhetlint import hookimpl, rule

@rule(code="T101", name="copy-cat", category="fake")
def copy_cat(doc, options):
    """Takes a code that is already taken."""
    return []

@hookimpl
def rhetlint_register_rules(register):
    register(copy_cat)
'''


@pytest.mark.parametrize("file_name", ["aaa_dup", "zzz_dup"])
def test_duplicate_rule_code_names_both_plugins(project, run_cli, file_name):
    project.plugin(file_name, DUPLICATE)
    project.write("a.md", TEXT)
    result = run_cli(["check", "a.md"], cwd=project.root)
    # Whichever file loads first, the plugin that registered first keeps the code.
    first, second = sorted(["local:marker", f"local:{file_name}"])
    assert result.err_lines[0] == (
        f"rhetlint: error: plugin {second}: rule T101 is already registered by plugin '{first}'"
    )
    assert result.code == 2


def test_plugin_cannot_take_a_core_rule_code(project):
    project.plugin(
        "aaa_core",
        """
        from rhetlint import hookimpl, rule

        @rule(code="RL900", name="not-rule-error", category="fake")
        def imposter(doc, options):
            return []

        @hookimpl
        def rhetlint_register_rules(register):
            register(imposter)
    """,
    )
    plugins = load_plugins(project.root / "plugins", entry_points=False)
    assert plugins.registry.get("RL900").name == "rule-error"
    assert plugins.problems == [
        "plugin local:aaa_core: rule RL900 is already registered by plugin 'rhetlint.rules.core'"
    ]


def test_duplicate_rule_name_is_a_conflict_too(project):
    project.plugin(
        "zzz_name",
        """
        from rhetlint import hookimpl, rule

        @rule(code="Z999", name="marker-word", category="fake")
        def same_name(doc, options):
            return []

        @hookimpl
        def rhetlint_register_rules(register):
            register(same_name)
    """,
    )
    plugins = load_plugins(project.root / "plugins", entry_points=False)
    assert plugins.registry.get("Z999") is None  # rules are collected (and conflicts found) on first use
    assert plugins.problems == [
        "plugin local:zzz_name: rule marker-word is already registered by plugin 'local:marker'"
    ]


def test_registering_something_that_is_not_a_rule(project):
    project.plugin(
        "notarule",
        """
        from rhetlint import hookimpl

        @hookimpl
        def rhetlint_register_rules(register):
            register("T999")
    """,
    )
    plugins = load_plugins(project.root / "plugins", entry_points=False)
    assert plugins.registry.get("T101") is not None
    assert plugins.problems == ["plugin local:notarule: register() expects a rhetlint.Rule, got str"]


def test_register_hook_that_raises(project):
    project.plugin(
        "raiser",
        """
        from rhetlint import hookimpl

        @hookimpl
        def rhetlint_register_rules(register):
            raise RuntimeError("boom")
    """,
    )
    plugins = load_plugins(project.root / "plugins", entry_points=False)
    assert plugins.registry.get("T101") is not None
    assert plugins.problems == ["plugin local:raiser: registering rules failed: RuntimeError: boom"]


def test_hookimpl_with_an_unknown_argument_cannot_be_registered(project):
    project.plugin(
        "wrongargs",
        """
        from rhetlint import hookimpl

        @hookimpl
        def rhetlint_register_rules(register, colour):
            pass
    """,
    )
    plugins = load_plugins(project.root / "plugins", entry_points=False)
    assert len(plugins.problems) == 1
    assert plugins.problems[0].startswith("plugin local:wrongargs: cannot be registered: ")
    assert "colour" in plugins.problems[0]
    assert "\n" not in plugins.problems[0]  # pluggy's message spans lines; ours is one


# --- rules that crash or return garbage --------------------------------------------------------------
CRASHY = '''
from rhetlint import Finding, hookimpl, rule

@rule(code="T303", name="crashy-rule", category="fake", severity="warning")
def crashy(doc, options):
    """Crashes."""
    yield Finding(0, 1, "first one is fine")
    raise ZeroDivisionError("division by zero")

@hookimpl
def rhetlint_register_rules(register):
    register(crashy)
'''


def test_crashing_rule_is_one_rl900_and_other_rules_still_run(project, run_cli):
    project.plugin("crashy", CRASHY)
    project.write("a.md", TEXT)
    project.write("b.md", "zork\n")
    result = run_cli(["check", "a.md", "b.md", "--ignore", "T202"], cwd=project.root)
    rl900 = [line for line in result.lines if "[RL900 rule-error]" in line]
    assert rl900 == [
        "a.md:1:1: error: rule T303 crashy-rule (plugin local:crashy) crashed: ZeroDivisionError: division by zero "
        "at crashy.py:8 [RL900 rule-error]",
        "b.md:1:1: error: rule T303 crashy-rule (plugin local:crashy) crashed: ZeroDivisionError: division by zero "
        "at crashy.py:8 [RL900 rule-error]",
    ]
    assert "a.md:1:3: warning: marker 'zork' found [T101 marker-word]" in result.lines
    assert "b.md:1:1: warning: marker 'zork' found [T101 marker-word]" in result.lines
    assert "Traceback" not in result.err
    assert result.code == 1


def test_crashing_rule_fails_the_run_even_when_rl900_is_lowered(project, run_cli):
    project.plugin("crashy", CRASHY)
    project.config('plugins-dir = "plugins"\nselect = ["T303", "RL900"]\n[severity]\nRL900 = "info"\n')
    project.write("a.md", "Nothing to flag.\n")
    result = run_cli(["check", "a.md", "--fail-on", "error"], cwd=project.root)
    assert [line.split(": ")[1] for line in result.lines] == ["info", "warning"]  # RL900 sorts first (0..0)
    assert result.code == 1


def test_crash_with_a_multi_line_message_is_reported_on_one_line(project, run_cli):
    project.plugin(
        "multiline",
        """
        from rhetlint import hookimpl, rule

        @rule(code="T305", name="multi-line-crash", category="fake")
        def crash(doc, options):
            raise ValueError("first line\\n  second line")

        @hookimpl
        def rhetlint_register_rules(register):
            register(crash)
    """,
    )
    project.write("a.md", "Nothing.\n")
    result = run_cli(["check", "a.md"], cwd=project.root)
    assert result.lines == [
        "a.md:1:1: error: rule T305 multi-line-crash (plugin local:multiline) crashed: ValueError: first line; "
        "second line at multiline.py:6 [RL900 rule-error]"
    ]


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        ("yield (0, 1, 'tuple')", "expected a rhetlint.Finding, got tuple"),
        ("yield Finding(0, 999, 'too far')", "span 0..999 lies outside the file (0..5)"),
        ("yield Finding(3, 2, 'backwards')", "span 3..2 lies outside the file (0..5)"),
        ("yield Finding(0, 1, '')", "the message must be a non-empty string"),
        ("yield Finding(0.5, 1, 'float')", "start and end must be integers"),
    ],
)
def test_malformed_finding_is_rl900(project, run_cli, body, problem):
    project.plugin(
        "malformed",
        f'''
        from rhetlint import Finding, hookimpl, rule

        @rule(code="T304", name="bad-finding", category="fake")
        def bad(doc, options):
            """Returns garbage."""
            {body}

        @hookimpl
        def rhetlint_register_rules(register):
            register(bad)
    ''',
    )
    project.write("a.md", "zork\n")
    result = run_cli(["check", "a.md"], cwd=project.root)
    assert result.lines == [
        f"a.md:1:1: error: rule T304 bad-finding (plugin local:malformed) returned a malformed finding: {problem} "
        "[RL900 rule-error]",
        "a.md:1:1: warning: marker 'zork' found [T101 marker-word]",
    ]
    assert result.code == 1


# --- plugins given as objects --------------------------------------------------------------------------
def test_extra_plugin_module_and_an_implementation_with_fewer_arguments():
    @rule(code="X100", name="extra-rule", category="fake")
    def extra(doc, options):
        """Flags everything."""
        yield Finding(0, len(doc.source), "whole file")

    module = types.ModuleType("extra_plugin")
    module.__version__ = "9.9"
    module.rhetlint_register_rules = hookimpl(lambda register: register(extra))
    module.rhetlint_configure = hookimpl(lambda: None)  # accepts none of the hook's arguments
    plugins = load_plugins(entry_points=False, extra=[module])
    assert plugins.infos[-1].name == "extra_plugin"
    assert plugins.infos[-1].version == "9.9"
    assert plugins.registry.get("extra-rule").plugin == "extra_plugin"
    assert plugins.problems == []


def test_each_load_is_independent(project):
    first = load_plugins(project.root / "plugins", entry_points=False)
    second = load_plugins(entry_points=False)
    assert first.registry.get("T101") is not None
    assert second.registry.get("T101") is None


def _word_rule(code: str, name: str, category: str, word: str, yields_to: tuple[str, ...] = ()):
    @rule(code=code, name=name, category=category, scope="sentence", yields_to=yields_to)
    def check(doc, options):
        """Flags a word."""
        for t in doc.tokens:
            if t.norm == word:
                yield Finding(t.start, t.end, f"{word} here")

    return check


def test_a_rule_yields_to_the_rules_it_names_on_overlapping_words_only():
    from rhetlint.testing import lint_text

    broad = _word_rule("T501", "broad", "claims", "zork", yields_to=("wording",))
    narrow = _word_rule("T502", "narrow", "wording", "zork")
    other = _word_rule("T503", "other", "claims", "blorp", yields_to=("claims",))  # never yields to itself
    text = "A zork and a blorp.\n"
    both = lint_text(text, plugins=[broad, narrow, other])
    assert [(d.code, d.match) for d in both] == [("T502", "zork"), ("T503", "blorp")]
    alone = lint_text(text, plugins=[broad, narrow, other], select=["T501", "T503"])
    assert [(d.code, d.match) for d in alone] == [("T501", "zork"), ("T503", "blorp")]


def test_yielding_happens_after_suppression_comments():
    from rhetlint.testing import lint_text

    broad = _word_rule("T501", "broad", "claims", "zork", yields_to="wording")  # a single selector
    narrow = _word_rule("T502", "narrow", "wording", "zork")
    text = (
        "<!-- rhetlint-disable-next-line T502 -->\nA zork here.\n\n"
        "<!-- rhetlint-disable-next-line T501 -->\nA zork there.\n"
    )
    found = lint_text(text, plugins=[broad, narrow], path="draft.md")
    # the reader does not see T502 on line 2, so T501 stands; on line 5 T501 is suppressed (no RL001)
    assert [(d.code, d.start.line) for d in found] == [("T501", 2), ("T502", 5)]


def test_yields_to_must_name_rules():
    from rhetlint.rules import RuleError

    with pytest.raises(RuleError, match="yields_to entry 'loaded_language'"):
        _word_rule("T504", "bad", "claims", "zork", yields_to=("loaded_language",))
