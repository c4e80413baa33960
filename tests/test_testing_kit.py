"""rhetlint.testing, the kit plugin authors test with: lint_text, assert_rule tables, fixture drafts with
--rhetlint-update, docs pages, and the pytest plugin registered through the pytest11 entry point."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from importlib import metadata
from pathlib import Path

import pytest

import rhetlint_plugins.loaded
from rhetlint import Finding, Fix, hookimpl, rule
from rhetlint.lint.config import Config
from rhetlint.rules.docs import rule_page
from rhetlint.testing import (
    Invalid,
    assert_rule,
    check_fixture,
    check_rule_docs,
    format_expected,
    lint_text,
    make_linter,
    plugin_rules,
)


@rule(code="K101", name="zork-word", category="testing", severity="warning", options={"quote_aware": True})
def zork_word(doc, options):
    """The word zork.

    ## What it flags
    The word zork, outside quotations.

    ## Why it matters
    Tests need a word nobody writes.

    ## Example
        A zork.

    ## Instead
        A word.
    """
    for t in doc.tokens:
        if t.norm == "zork" and not (options.quote_aware and doc.in_quote(t.start)):
            yield Finding(
                t.start, t.end, f"'{t.text}' is the test word", fixes=(Fix("Replace with 'word'", "word"),)
            )


@rule(code="K102", name="opt-in-word", category="testing", enabled_by_default=False)
def opt_in_word(doc, options):
    """Off unless selected."""
    return (Finding(t.start, t.end, "blorp") for t in doc.tokens if t.norm == "blorp")


@rule(code="K103", name="crashing-rule", category="testing")
def crashing_rule(doc, options):
    """Crashes on the word boom."""
    if "boom" in doc.text:
        raise ValueError("boom went the rule")
    return ()


class KitPlugin:
    """A plugin object, the way a module would be one."""

    __name__ = "kit-plugin"

    @hookimpl
    def rhetlint_register_rules(self, register):
        register(zork_word)
        register(opt_in_word)


# --- lint_text -------------------------------------------------------------------------------------
def test_lint_text_with_a_bare_rule() -> None:
    [d] = lint_text("A zork here.", plugins=[zork_word])
    assert (d.code, d.match, d.start.column, d.plugin) == ("K101", "zork", 3, "test-rules:K101")


def test_lint_text_with_a_plugin_object_and_a_module() -> None:
    assert [d.code for d in lint_text("A zork.", plugins=[KitPlugin()])] == ["K101"]
    codes = [d.code for d in lint_text("The senator slammed the bill.", plugins=[rhetlint_plugins.loaded])]
    assert codes == ["L101"]


def test_lint_text_runs_only_the_given_plugins(fake_dist, tmp_path, monkeypatch) -> None:
    folder = fake_dist(
        tmp_path / "site",
        """
        from rhetlint import Finding, hookimpl, rule

        @rule(code="F101", name="fake-word", category="testing")
        def fake(doc, options):
            '''Fake.'''
            return (Finding(t.start, t.end, "fake") for t in doc.tokens if t.norm == "zork")

        @hookimpl
        def rhetlint_register_rules(register):
            register(fake)
    """,
    )
    monkeypatch.syspath_prepend(str(folder))
    monkeypatch.delenv("RHETLINT_LOAD_PLUGINS")
    assert "F101" in {d.code for d in lint_text("A zork.")}  # None: every installed plugin, like the CLI
    assert {d.code for d in lint_text("A zork.", plugins=[zork_word])} == {"K101"}


def test_lint_text_config_select_path_and_format() -> None:
    config = {"rules": {"zork-word": {"quote-aware": False}}}
    assert len(lint_text('He said "zork" twice: zork.', plugins=[zork_word])) == 1
    assert len(lint_text('He said "zork" twice: zork.', plugins=[zork_word], config=config)) == 2
    assert len(lint_text('He said "zork".', plugins=[zork_word], config=Config(quote_aware=False))) == 1
    assert lint_text("A blorp.", plugins=[KitPlugin()]) == []
    assert [d.code for d in lint_text("A blorp.", plugins=[KitPlugin()], select=["K102"])] == ["K102"]
    assert lint_text("<p>A <code>zork</code>.</p>", plugins=[zork_word], path="story.html") == []
    assert len(lint_text("<p>A <code>zork</code>.</p>", plugins=[zork_word], path="story.txt")) == 1
    assert lint_text("`zork`", plugins=[zork_word], path="x", format="markdown") == []


def test_plugins_receive_the_configuration_as_on_the_command_line() -> None:
    seen = []

    class Configured:
        __name__ = "configured"

        @hookimpl
        def rhetlint_configure(self, config):
            seen.append(config.quote_aware)

    lint_text("x", plugins=[Configured()], config={"quote-aware": False})
    assert seen == [False]


def test_bad_config_dict_is_a_config_error() -> None:
    from rhetlint.lint.config import ConfigError

    with pytest.raises(ConfigError, match="unknown key 'colour'"):
        lint_text("x", plugins=[zork_word], config={"colour": "red"})


def test_make_linter_is_reusable() -> None:
    linter = make_linter([zork_word])
    assert [len(linter.lint_source(t, "a.md")) for t in ("zork", "none", "zork zork")] == [1, 0, 2]


# --- plugin problems fail loudly -------------------------------------------------------------------
def test_a_rule_code_taken_by_another_plugin_fails_the_test() -> None:
    @rule(code="L101", name="my-emotive", category="testing")
    def clash(doc, options):
        """Clash."""
        return ()

    with pytest.raises(
        AssertionError,
        match=r"plugin problems: plugin test-rules:L101: rule L101 is already "
        r"registered by plugin 'rhetlint_plugins.loaded'",
    ):
        lint_text("x", plugins=[rhetlint_plugins.loaded, clash])


def test_a_registration_that_raises_fails_the_test() -> None:
    class Broken:
        __name__ = "broken-plugin"

        @hookimpl
        def rhetlint_register_rules(self, register):
            register("not a rule")

    with pytest.raises(
        AssertionError, match="plugin broken-plugin: register\\(\\) expects a rhetlint.Rule, got str"
    ):
        lint_text("x", plugins=[Broken()])


# --- assert_rule -----------------------------------------------------------------------------------
def test_assert_rule_passes_good_tables() -> None:
    assert_rule(
        zork_word,
        valid=["Nothing here.", 'She said "zork".'],
        invalid=[
            "A zork.",
            ("Two zork words.", "zork"),
            Invalid("ZORK!", match="ZORK", message="test word", replacement="word"),
        ],
    )


def test_assert_rule_by_code_or_name_among_plugins() -> None:
    assert_rule("K101", plugins=[KitPlugin()], invalid=["zork"])
    assert_rule("zork-word", plugins=[KitPlugin()], invalid=["zork"])
    with pytest.raises(AssertionError, match="no rule 'K999' among the given plugins"):
        assert_rule("K999", plugins=[KitPlugin()], invalid=["zork"])


def test_assert_rule_runs_a_rule_that_is_off_by_default() -> None:
    assert_rule(opt_in_word, valid=["zork"], invalid=["A blorp."])


def test_assert_rule_reports_every_failure_at_once() -> None:
    with pytest.raises(AssertionError) as info:
        assert_rule(
            zork_word,
            valid=["A zork.", "fine"],
            invalid=[
                "no match here",
                ("A zork.", "A zork"),
                Invalid("A zork.", message="missing words"),
                Invalid("A zork.", replacement="thing"),
            ],
        )
    lines = str(info.value).splitlines()
    assert lines == [
        "valid text flagged by zork-word: 'A zork.' -> ['zork']",
        "invalid text not flagged by zork-word: 'no match here'",
        "zork-word did not flag 'A zork' in 'A zork.'",
        "zork-word messages [\"'zork' is the test word\"] lack 'missing words'",
        "zork-word offered ['word'] for 'A zork.', expected 'thing'",
    ]


def test_assert_rule_shows_a_crash_instead_of_not_flagged() -> None:
    with pytest.raises(
        AssertionError,
        match=r"crashing-rule crashed on 'boom': rule K103 crashing-rule \(plugin "
        r"test-rules:K103\) crashed: ValueError: boom went the rule at "
        r"test_testing_kit.py:\d+",
    ):
        assert_rule(crashing_rule, invalid=["boom"])


def test_assert_rule_works_for_builtin_rules() -> None:
    assert_rule(
        "emotive-language",
        plugins=[rhetlint_plugins.loaded],
        valid=["The senator criticized the bill.", 'The senator called it "a blatant giveaway."'],
        invalid=[Invalid("The senator slammed the bill.", match="slammed", replacement="criticized")],
    )


# --- fixture drafts --------------------------------------------------------------------------------
def write_fixture(folder: Path, text: str, expected: str | None) -> Path:
    draft = folder / "K101.md"
    draft.write_text(text, encoding="utf-8")
    if expected is not None:
        (folder / "K101.md.expected").write_text(expected, encoding="utf-8")
    return draft


def test_check_fixture_passes_when_the_expectation_matches(tmp_path) -> None:
    draft = write_fixture(
        tmp_path,
        "A zork.\n\nTwo: zork zork.\n",
        "1:3-1:7 K101 'zork' is the test word\n3:6-3:10 K101 'zork' is the test word\n"
        "3:11-3:15 K101 'zork' is the test word\n",
    )
    check_fixture(draft, plugins=[zork_word])


def test_check_fixture_fails_with_a_diff(tmp_path) -> None:
    draft = write_fixture(tmp_path, "A zork.\n", "1:3-1:7 K101 'zork' is the old message\n")
    with pytest.raises(AssertionError) as info:
        check_fixture(draft, plugins=[zork_word])
    message = str(info.value)
    assert "run pytest --rhetlint-update" in message
    assert "-1:3-1:7 K101 'zork' is the old message" in message
    assert "+1:3-1:7 K101 'zork' is the test word" in message


def test_check_fixture_update_rewrites_the_expectation(tmp_path) -> None:
    draft = write_fixture(tmp_path, "A zork.\n", "stale\n")
    check_fixture(draft, plugins=[zork_word], update=True)
    assert (tmp_path / "K101.md.expected").read_text(
        encoding="utf-8"
    ) == "1:3-1:7 K101 'zork' is the test word\n"
    check_fixture(draft, plugins=[zork_word])


def test_check_fixture_writes_a_missing_expectation_and_fails(tmp_path) -> None:
    draft = write_fixture(tmp_path, "A zork.\n", None)
    with pytest.raises(AssertionError, match="did not exist; wrote it for review"):
        check_fixture(draft, plugins=[zork_word])
    assert (tmp_path / "K101.md.expected").is_file()
    check_fixture(draft, plugins=[zork_word])


def test_check_fixture_reads_bom_and_crlf_drafts(tmp_path) -> None:
    draft = tmp_path / "K101.md"
    draft.write_bytes("\ufeffLine one.\r\nA zork.\r\n".encode())
    (tmp_path / "K101.md.expected").write_text("2:3-2:7 K101 'zork' is the test word\n", encoding="utf-8")
    check_fixture(draft, plugins=[zork_word], select=["K101"])


def test_format_expected_lines() -> None:
    diagnostics = lint_text("x\nzork", plugins=[zork_word])
    assert format_expected(diagnostics) == "2:1-2:5 K101 'zork' is the test word\n"


# --- docs pages ------------------------------------------------------------------------------------
def test_plugin_rules_lists_only_the_plugins_own_rules() -> None:
    assert [r.code for r in plugin_rules(KitPlugin())] == ["K101", "K102"]


def test_check_rule_docs(tmp_path) -> None:
    folder = tmp_path / "rules"
    with pytest.raises(AssertionError, match="zork-word.md is missing"):
        check_rule_docs(zork_word, folder)
    check_rule_docs(zork_word, folder, plugin_name="kit", update=True)
    page = (folder / "zork-word.md").read_text(encoding="utf-8")
    assert "plugin: kit" in page and "## Why it matters" in page
    check_rule_docs(zork_word, folder, plugin_name="kit")
    with pytest.raises(AssertionError, match="differs from rule K101's docstring"):
        check_rule_docs(zork_word, folder, plugin_name="other")
    (folder / "retired-rule.md").write_text("old", encoding="utf-8")
    (folder / "README.md").write_text("index", encoding="utf-8")
    with pytest.raises(AssertionError, match="pages for no rule: retired-rule.md$"):
        check_rule_docs(zork_word, folder, plugin_name="kit")


def test_check_rule_docs_requires_the_sections(tmp_path) -> None:
    with pytest.raises(
        AssertionError,
        match="K102 opt-in-word: its documentation lacks ## What it flags, "
        "## Why it matters, ## Example, ## Instead",
    ):
        check_rule_docs(opt_in_word, tmp_path, update=True)
    assert (tmp_path / "opt-in-word.md").read_text(encoding="utf-8") == rule_page(
        plugin_rules(opt_in_word)[0]
    )


# --- the pytest plugin -----------------------------------------------------------------------------
def test_testing_kit_is_a_pytest11_entry_point() -> None:
    points = {ep.name: ep.value for ep in metadata.entry_points(group="pytest11")}
    assert points.get("rhetlint") == "rhetlint.testing"


PYTEST_FILE = '''
from pathlib import Path

from rhetlint import Finding, rule


@rule(code="K101", name="zork-word", category="testing")
def zork_word(doc, options):
    """Zork."""
    return (Finding(t.start, t.end, "zork found") for t in doc.tokens if t.norm == "zork")


def test_draft(rhetlint_fixture):
    rhetlint_fixture(Path(__file__).parent / "K101.md", plugins=[zork_word])


def test_flag(rhetlint_update):
    print("UPDATE", rhetlint_update)
'''


def run_pytest(folder: Path, *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "PYTEST_DISABLE_PLUGIN_AUTOLOAD"}
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-s", "-p", "no:cacheprovider", *args],
        cwd=folder,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_pytest_plugin_fixtures_and_update_option(tmp_path) -> None:
    (tmp_path / "test_drafts.py").write_text(textwrap.dedent(PYTEST_FILE), encoding="utf-8")
    (tmp_path / "K101.md").write_text("A zork.\n", encoding="utf-8")
    (tmp_path / "K101.md.expected").write_text("1:3-1:7 K101 stale\n", encoding="utf-8")

    failing = run_pytest(tmp_path)
    assert failing.returncode == 1, failing.stdout + failing.stderr
    assert "diagnostics differ from K101.md.expected" in failing.stdout
    assert "UPDATE False" in failing.stdout

    updating = run_pytest(tmp_path, "--rhetlint-update")
    assert updating.returncode == 0, updating.stdout + updating.stderr
    assert "UPDATE True" in updating.stdout
    assert (tmp_path / "K101.md.expected").read_text(encoding="utf-8") == "1:3-1:7 K101 zork found\n"

    assert run_pytest(tmp_path).returncode == 0
    assert "--rhetlint-update" in run_pytest(tmp_path, "--help").stdout
