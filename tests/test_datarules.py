"""Rules as data: TOML existence and substitution rules, their pattern language, regex words, and
the ``rule-files`` configuration key."""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path

import pytest

from rhetlint.lint.config import ConfigError
from rhetlint.rules import DOC_SECTIONS
from rhetlint.rules.data import (
    MAX_TOKEN_LENGTH,
    DataRuleError,
    RegexNotAllowed,
    check_regex,
    load_rules,
    rule_from_table,
    rules_from_mapping,
)
from rhetlint.testing import Invalid, assert_rule, lint_text

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


def make(**table) -> object:
    """A rule from keyword arguments, with the required keys filled in."""
    base = {"code": "H101", "name": "house-rule", "kind": "existence", "why": "The style guide says so."}
    return rule_from_table(base | table)


def found(rule, text: str, **kwargs) -> list[tuple[str, str]]:
    return [(d.match, d.message) for d in lint_text(text, plugins=[rule], **kwargs) if d.code == rule.code]


def matches(rule, text: str, **kwargs) -> list[str]:
    return [m for m, _ in found(rule, text, **kwargs)]


# --- existence -------------------------------------------------------------------------------------
def test_existence_flags_tokens_and_phrases_in_any_case() -> None:
    rule = make(tokens=["irregardless"], phrases=["going forward"])
    assert matches(rule, "Going forward, irregardless of cost, we go forward.") == [
        "Going forward",
        "irregardless",
    ]


def test_existence_default_and_custom_messages() -> None:
    assert found(make(tokens=["amid"]), "Amid the storm.") == [
        ("Amid", "'Amid' is on the list of words to avoid")
    ]
    custom = make(tokens=["amid"], message="house style bans '{match}' (pattern {pattern})")
    assert found(custom, "Amid the storm.") == [("Amid", "house style bans 'Amid' (pattern amid)")]


def test_phrase_words_may_be_split_by_line_breaks_but_not_by_punctuation_or_paragraphs() -> None:
    rule = make(phrases=["going forward"])
    assert matches(rule, "We are going\nforward.") == ["going\nforward"]
    assert matches(rule, "We are going, forward.") == []
    assert matches(rule, "We were going\n\nforward with it.") == []


def test_punctuation_in_a_pattern_must_be_in_the_text() -> None:
    rule = make(phrases=["U.S."])
    assert matches(rule, "The U.S. said so. The US did not. A U S fleet.") == ["U.S."]


def test_hyphenated_and_apostrophe_words_are_single_tokens() -> None:
    rule = make(tokens=["so-called", "don't"])
    assert matches(rule, "The so-called plan. We don’t know. A so called plan.") == ["so-called", "don’t"]


def test_wildcard_and_alternatives() -> None:
    rule = make(phrases=["said the * official", "very|really unique"])
    text = "It was really unique, said the senior official. It was quite unique, said the official."
    assert matches(rule, text) == ["really unique", "said the senior official"]


def test_a_wildcard_second_word_competes_with_the_plain_patterns_at_its_first_word() -> None:
    """A pattern whose second word is * is tried only where its first word stands, and the longest pattern
    there still wins over a one-word pattern of the same first word."""
    rule = make(phrases=["sink * deal", "sink", "deal"])
    text = "Rivals sink the deal. Ships sink. The deal holds."
    assert matches(rule, text) == ["sink the deal", "sink", "deal"]


def test_the_last_word_may_be_possessive() -> None:
    assert matches(make(tokens=["senate"]), "The Senate's vote.") == ["Senate's"]


def test_longest_pattern_wins_and_matches_do_not_overlap() -> None:
    rule = make(phrases=["tip", "tip of the iceberg"])
    assert matches(rule, "Only the tip of the iceberg, a tip.") == ["tip of the iceberg", "tip"]


def test_case_sensitive_rule() -> None:
    rule = make(tokens=["Internet"], ignore_case=False)
    assert matches(rule, "The Internet and the internet.") == ["Internet"]


def test_existence_with_replacement_offers_a_fix() -> None:
    rule = make(phrases=["very unique"], replacement="unique", message="'{match}': say '{replacement}'")
    [d] = lint_text("A Very unique plan.", plugins=[rule])
    assert d.message == "'Very unique': say 'Unique'"
    assert [(f.title, f.replacement) for f in d.fixes] == [("Replace 'Very unique' with 'Unique'", "Unique")]


def test_empty_replacement_deletes() -> None:
    rule = make(tokens=["basically"], replacement="")
    [d] = lint_text("It is basically done.", plugins=[rule])
    assert [(f.title, f.replacement) for f in d.fixes] == [("Delete 'basically'", "")]


# --- substitution ----------------------------------------------------------------------------------
def test_substitution_inflects_the_match_and_the_replacement() -> None:
    rule = make(
        kind="substitution",
        inflect="verb",
        swap={"utilize": "use", "reach out": "contact", "slam": "criticize"},
    )
    assert_rule(
        rule,
        valid=["We use it.", "A slam dunk."],
        invalid=[
            Invalid(
                "They utilized it.",
                match="utilized",
                replacement="used",
                message="use 'used' instead of 'utilized'",
            ),
            Invalid("She is reaching out to voters.", match="reaching out", replacement="contacting"),
            Invalid("He slammed the plan.", match="slammed", replacement="criticized"),
            Invalid("Utilizing it helps.", match="Utilizing", replacement="Using"),
        ],
    )


def test_substitution_inflects_nouns() -> None:
    rule = make(kind="substitution", inflect="noun", swap={"chairman": "chair"})
    assert_rule(rule, invalid=[Invalid("The chairmen met.", match="chairmen", replacement="chairs")])


def test_rules_are_quote_aware_by_default_and_configurable() -> None:
    rule = make(tokens=["slammed"])
    text = 'She said the plan "slammed" the door, and critics slammed it.'
    assert len(matches(rule, text)) == 1
    assert len(matches(rule, text, config={"rules": {"house-rule": {"quote-aware": False}}})) == 2
    assert len(matches(rule, text, config={"quote-aware": False})) == 2
    assert len(matches(make(tokens=["slammed"], quote_aware=False), text)) == 2


def test_allow_option_accepts_listed_wording() -> None:
    rule = make(tokens=["amid", "irregardless"])
    config = {"rules": {"house-rule": {"allow": ["Amid"]}}}
    assert matches(rule, "Amid the storm, irregardless.", config=config) == ["irregardless"]


def test_suppression_comments_work_for_data_rules() -> None:
    rule = make(tokens=["amid"])
    text = "<!-- rhetlint-disable-next-line house-rule -- quoting the memo -->\nAmid the storm.\n\nAmid it.\n"
    assert [d.start.line for d in lint_text(text, plugins=[rule]) if d.code == "H101"] == [4]


def test_disabled_by_default_rule_runs_only_when_selected() -> None:
    rule = make(tokens=["amid"], enabled=False)
    assert matches(rule, "Amid it.") == []
    assert matches(rule, "Amid it.", select=["H101"]) == ["Amid"]


# --- docs ------------------------------------------------------------------------------------------
def test_generated_documentation_has_every_section() -> None:
    rule = make(kind="substitution", swap={"utilize": "use"}, example="We will utilize it.")
    for section in DOC_SECTIONS:
        assert section in rule.doc
    assert "    We will utilize it." in rule.doc
    assert "- `utilize` → `use`" in rule.doc
    assert rule.summary == "Wording the style guide replaces: utilize."
    assert rule.scope == "sentence" and rule.category == "style" and rule.severity == "warning"


def test_given_summary_description_and_url() -> None:
    rule = make(
        tokens=["amid"],
        summary="A word we avoid.",
        description="The word amid.",
        instead="Use among.",
        url="https://example.org/amid",
    )
    assert rule.summary == "A word we avoid."
    assert "## What it flags\nThe word amid." in rule.doc and "## Instead\nUse among." in rule.doc
    assert rule.doc_url == "https://example.org/amid"


def test_load_rules_url_template(tmp_path) -> None:
    path = tmp_path / "house.toml"
    path.write_text(
        '[[rule]]\ncode = "H101"\nname = "amid-word"\nkind = "existence"\nwhy = "x"\ntokens = ["amid"]\n',
        encoding="utf-8",
    )
    [rule] = load_rules(path, url="https://example.org/{code}/{name}.md")
    assert rule.doc_url == "https://example.org/H101/amid-word.md"


# --- validation ------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("table", "error"),
    [
        ({"colour": "red"}, "unknown key 'colour'"),
        ({"kind": "regexp"}, "'kind' must be 'existence' or 'substitution'"),
        ({"why": None}, "'why' is missing"),
        ({"why": "  "}, "'why' must not be empty"),
        ({"severity": "fatal"}, "'severity' must be one of error, warning, info"),
        ({"inflect": "adjective"}, "'inflect' must be one of none, verb, noun"),
        ({"head": 0}, "'head' must be a positive integer"),
        ({"tokens": ["two words"]}, "token 'two words' has several words; list it under 'phrases'"),
        ({"tokens": "amid", "swap": {"a": "b"}}, "'swap' belongs to kind = \"substitution\""),
        ({}, "an existence rule needs 'tokens' or 'phrases'"),
        ({"tokens": [1]}, "'tokens' must be a list of non-empty strings"),
        ({"tokens": ["amid"], "message": "bad {word}"}, "unknown placeholder {word}"),
        ({"tokens": ["amid"], "message": "no fix {replacement}"}, "unknown placeholder {replacement}"),
        ({"tokens": ["amid"], "message": "broken {"}, "is not a valid template"),
        ({"tokens": ["amid"], "message": "{match:>999999999}"}, "placeholder {match} may not have a format"),
        (
            {"tokens": ["amid"], "message": "{match!r}"},
            "placeholder {match} may not have a format or conversion",
        ),
        ({"tokens": ["amid"], "message": "{match.upper}"}, "unknown placeholder {match.upper}"),
        ({"kind": "substitution", "swap": {}}, "'swap' must be a non-empty table"),
        (
            {"kind": "substitution", "swap": {"a": "b"}, "tokens": ["x"]},
            "'tokens' belongs to kind = \"existence\"",
        ),
        ({"phrases": ["* *"]}, "must name at least one word"),
        ({"phrases": ["..."]}, "has no words"),
        ({"phrases": ["a| words"]}, "must be a single word"),
        ({"phrases": ["going forward"], "inflect": "verb", "head": 3}, "'head' 3 is outside pattern"),
        ({"phrases": ["* forward"], "inflect": "verb"}, "must be a word to inflect"),
        ({"tokens": ["amid"], "code": "H1"}, "rule code 'H1' must look like L101"),
        ({"tokens": ["amid"], "name": "House Rule"}, "must be kebab-case"),
        ({"tokens": ["amid"], "quote_aware": "yes"}, "'quote_aware' must be true or false"),
        ({"phrases": ["/(?=a)a/"]}, "pattern '/(?=a)a/': the regex word uses a lookaround"),
    ],
)
def test_mistakes_are_one_line_errors_naming_the_rule_and_key(table, error) -> None:
    raw = {"code": "H101", "name": "house-rule", "kind": "existence", "why": "x"} | table
    raw = {k: v for k, v in raw.items() if v is not None}
    with pytest.raises(DataRuleError) as info:
        rule_from_table(raw, "house.toml: rule 1")
    message = str(info.value)
    assert error in message
    assert message.startswith("house.toml: rule 1")
    assert "\n" not in message
    assert isinstance(info.value, ConfigError)


def test_file_level_errors(tmp_path) -> None:
    with pytest.raises(DataRuleError, match="rule file not found"):
        load_rules(tmp_path / "missing.toml")
    bad = tmp_path / "bad.toml"
    bad.write_text("[[rule]\n", encoding="utf-8")
    with pytest.raises(DataRuleError, match="invalid TOML"):
        load_rules(bad)
    with pytest.raises(DataRuleError, match="unknown top-level key 'term'"):
        rules_from_mapping({"term": []}, "x.toml")
    with pytest.raises(DataRuleError, match=r"rule 2 reuses 'H101' from rule 1"):
        rules_from_mapping(
            tomllib.loads(
                textwrap.dedent("""
            [[rule]]
            code = "H101"
            name = "one"
            kind = "existence"
            why = "x"
            tokens = ["a"]
            [[rule]]
            code = "H101"
            name = "two"
            kind = "existence"
            why = "x"
            tokens = ["b"]
        """)
            ),
            "x.toml",
        )


def test_load_rules_reads_package_resources() -> None:
    class Resource:
        """What importlib.resources.files(...) / "x.toml" gives: something with read_bytes."""

        def read_bytes(self) -> bytes:
            return b'[[rule]]\ncode = "H101"\nname = "amid-word"\nkind = "existence"\nwhy = "x"\ntokens = ["amid"]\n'

    [rule] = load_rules(Resource())
    assert rule.name == "amid-word"


# --- regex words: RE2 with Python's meaning ----------------------------------------------------------
@pytest.mark.parametrize(
    "pattern",
    [
        r"mega\w+",
        r"colou?r",
        r"(?:mega|giga)-?\w+",
        r"[a-z]{2,8}ism",
        r"\d+(?:st|nd|rd|th)",
        r"(?:ab)+c",
        r"a*a*a*a*a*b",
        r"[^aeiou]+",
        r"x\.y",
        r"\bword\b",
        r"(a+)+b",  # shapes a backtracking engine could not survive are plain patterns to RE2
        r"(a|ab)*c",
        r"(\w+){,}x",
        r"(?P<stem>\w+)ism",
        r"\p{L}+",
        r"a{1,100}",
    ],
)
def test_allowed_regexes(pattern: str) -> None:
    check_regex(pattern)


@pytest.mark.parametrize(
    ("pattern", "reason"),
    [
        (r"(a)\1", "uses a backreference (\\1), which the linear-time pattern engine cannot run"),
        (r"(?P<x>a)(?P=x)", "uses a backreference ((?P=…))"),
        (r"(?=a)a", "uses a lookaround"),
        (r"a(?!b)", "uses a lookaround"),
        (r"(?<=a)b", "uses a lookaround"),
        (r"(?<!a)b", "uses a lookaround"),
        (r"a\bb", "uses \\b inside the word"),
        (r"[\W]x", "uses \\W inside a character class"),
        (r"a{1,2000}", "repeats more than 1000 times"),
        (r"a**", "stacks two quantifiers"),
        (r"a" * 201, "longer than 200"),
        (r"(a", "unclosed '('"),
        (r"a)", "unbalanced ')'"),
        (r"[a-z", "unclosed character class"),
        ("*a", "nothing to repeat"),
        ("a\\", "lone backslash"),
        (r"caf\u0e9", "incomplete \\u escape"),
    ],
)
def test_refused_regexes(pattern: str, reason: str) -> None:
    with pytest.raises(RegexNotAllowed) as info:
        check_regex(pattern)
    assert reason in str(info.value)
    assert "\n" not in str(info.value)


@pytest.mark.parametrize(
    ("pattern", "word", "expected"),
    [
        (r"caf\w", "café", True),  # \w is Unicode, as in Python (RE2's own \w is ASCII)
        (r"\w+", "naïve", True),
        (r"\W", "é", False),
        (r"\d+", "٣٤", True),  # Arabic-Indic digits are decimal digits
        (r"[\w-]+", "so-called", True),
        (r"\s", "\u00a0", True),
        (r"x{,2}", "xx", True),  # Python reads {,n} as {0,n}; RE2 alone would read it as text
        (r"x{,2}", "x{,2}", False),
        (r"x{,}", "xxxx", True),
        (r"\bword\b", "word", True),
        (r"end\Z", "end", True),
        (r"caf\u00e9", "café", True),
        (r"\U0001F600", "😀", True),
    ],
)
def test_regex_words_mean_what_python_means(pattern: str, word: str, expected: bool) -> None:
    import re

    from rhetlint.rules.data.safe_regex import compile_regex

    assert bool(compile_regex(pattern, ignore_case=False).fullmatch(word)) is expected
    if "\\b" not in pattern:  # Python's own reading, where it has one (\b is dropped at the ends)
        assert bool(re.fullmatch(pattern, word)) is expected


def test_regex_word_matches_one_whole_token() -> None:
    rule = make(phrases=["/mega\\w+/", "the /\\d+(?:st|nd|rd|th)/ century"])
    text = "A megaproject and a mega project in the 21st century; megaprojects."
    assert matches(rule, text) == ["megaproject", "the 21st century", "megaprojects"]


def test_regex_word_ignores_case_in_any_script() -> None:
    rule = make(tokens=["/caf\\w/"])
    assert matches(rule, "Café, CAFÉ and cafe.") == ["Café", "CAFÉ", "cafe"]


def test_regex_words_skip_very_long_tokens() -> None:
    rule = make(tokens=["/a+b?/"])
    assert matches(rule, "a" * MAX_TOKEN_LENGTH + " " + "a" * (MAX_TOKEN_LENGTH + 1)) == [
        "a" * MAX_TOKEN_LENGTH
    ]


def test_a_regex_the_engine_cannot_run_is_refused_at_load(tmp_path, monkeypatch) -> None:
    """The message docs/plugins/data-rules.md shows is the one a real load prints."""
    monkeypatch.chdir(tmp_path)
    Path("house.toml").write_text(
        '[[rule]]\ncode = "H104"\nname = "doubled"\nkind = "existence"\nwhy = "x"\n'
        'phrases = ["/(\\\\w+)\\\\1/"]\n',
        encoding="utf-8",
    )
    with pytest.raises(DataRuleError) as info:
        load_rules("house.toml")
    assert str(info.value) == (
        "house.toml: rule 1 (H104): pattern '/(\\w+)\\1/': the regex word uses a backreference (\\1), which "
        "the linear-time pattern engine cannot run"
    )
    page = (Path(__file__).parent.parent / "docs" / "plugins" / "data-rules.md").read_text(encoding="utf-8")
    assert f"\n{info.value}\n" in page


# --- rule-files in the configuration -----------------------------------------------------------------
HOUSE = """\
[[rule]]
code = "H101"
name = "banned-phrase"
kind = "existence"
why = "The style guide bans it."
phrases = ["going forward"]

[[rule]]
code = "H102"
name = "plain-word"
kind = "substitution"
inflect = "verb"
why = "Short words."
swap = { utilize = "use" }
"""


def test_rule_files_from_the_configuration(project, run_cli) -> None:
    project.write("style/house.toml", HOUSE)
    project.config('plugins-dir = "plugins"\nrule-files = ["style/house.toml"]\n')
    project.write("story.md", "Going forward, we will utilize it.\n")
    result = run_cli(["check", "story.md"], cwd=project.root)
    assert result.code == 1, result.err
    assert result.lines == [
        "story.md:1:1: warning: 'Going forward' is on the list of words to avoid [H101 banned-phrase]",
        "story.md:1:24: warning: use 'use' instead of 'utilize' [H102 plain-word]",
    ]
    rules = run_cli(["rules", "--format", "json"], cwd=project.root).json()
    assert {r["code"]: r["plugin"] for r in rules}["H102"] == "rule-files"


def test_rule_files_are_selectable_by_plugin_name_and_configurable(project, run_cli) -> None:
    project.write("style/house.toml", HOUSE)
    project.config('plugins-dir = "plugins"\nrule-files = ["style/house.toml"]\nignore = ["rule-files"]\n')
    project.write("story.md", "Going forward, we will utilize it.\n")
    assert run_cli(["check", "story.md"], cwd=project.root).code == 0
    project.config(
        'plugins-dir = "plugins"\nrule-files = ["style/house.toml"]\n'
        '[rules.banned-phrase]\nallow = ["going forward"]\n'
    )
    result = run_cli(["check", "story.md"], cwd=project.root)
    assert [line.rsplit("[", 1)[1] for line in result.lines] == ["H102 plain-word]"]


def test_broken_rule_file_is_a_configuration_error(project, run_cli) -> None:
    project.write("style/house.toml", HOUSE.replace('why = "Short words."\n', ""))
    project.config('plugins-dir = "plugins"\nrule-files = ["style/house.toml"]\n')
    project.write("story.md", "Text.\n")
    result = run_cli(["check", "story.md"], cwd=project.root)
    assert result.code == 2
    assert "house.toml: rule 2 (H102): 'why' is missing" in result.err


def test_rule_files_key_must_be_a_list_and_files_must_exist(project, run_cli) -> None:
    project.write("story.md", "Text.\n")
    project.config('rule-files = "style/house.toml"\n')
    result = run_cli(["check", "story.md"], cwd=project.root)
    assert result.code == 2 and "'rule-files' must be a list of TOML rule files" in result.err
    project.config('rule-files = ["style/none.toml"]\n')
    result = run_cli(["check", "story.md"], cwd=project.root)
    assert result.code == 2 and "none.toml: rule file not found" in result.err


@pytest.mark.parametrize("code", ["RL201", "RL001", "RLX101"])
def test_rule_file_may_not_use_rhetlints_meta_prefix(project, run_cli, code) -> None:
    project.write("style/house.toml", HOUSE.replace('code = "H102"', f'code = "{code}"'))
    project.config('rule-files = ["style/house.toml"]\n')
    project.write("story.md", "Going forward, we will utilize it.\n")
    project.write("other.md", "Text.\n")
    result = run_cli(["check", "story.md", "other.md"], cwd=project.root)
    assert result.code == 2
    assert result.out == ""
    [line] = result.err.splitlines()
    assert line.endswith(
        f"house.toml: rule 2 ({code}): code {code!r} uses the prefix RL, which is rhetlint's own "
        "(its meta rules such as RL001 unused-suppression); choose another prefix"
    ), line
    assert "Traceback" not in result.err


def test_two_rule_files_defining_one_code(project, run_cli) -> None:
    project.write("a.toml", HOUSE)
    project.write("b.toml", HOUSE)
    project.config('rule-files = ["a.toml", "b.toml"]\n')
    project.write("story.md", "Text.\n")
    result = run_cli(["check", "story.md"], cwd=project.root)
    assert result.code == 2 and "both define 'H101'" in result.err


def test_lint_text_accepts_rule_files(tmp_path) -> None:
    path = tmp_path / "house.toml"
    path.write_text(HOUSE, encoding="utf-8")
    assert [d.code for d in lint_text("Going forward.", plugins=[Path(path)])] == ["H101"]
    assert [d.code for d in lint_text("Going forward.", plugins=[], config={"rule-files": [str(path)]})] == [
        "H101"
    ]


def test_case_sensitive_rules_see_through_character_references() -> None:
    rule = make(tokens=["Don't"], ignore_case=False)
    assert matches(rule, "<p>Don&rsquo;t go. don&rsquo;t stay.</p>", path="story.html") == ["Don&rsquo;t"]
