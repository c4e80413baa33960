"""Loaded-language options: user lexicons, allowed words, quote-awareness, fixes in the flagged form."""

from __future__ import annotations

import rhetlint_plugins.loaded
from rhetlint.testing import lint_text


def codes_and_matches(diagnostics):
    return [(d.code, d.match) for d in diagnostics]


def lint_with_house_lexicon(
    tmp_path,
    monkeypatch,
    lexicon: str,
    text: str,
    select: str = "loaded-language",
    named_on: str = "emotive-language",
):
    """Lint ``text`` with a newsroom lexicon file named on one loaded-language rule."""
    (tmp_path / "house.toml").write_text(lexicon, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    config = {"rules": {named_on: {"lexicon": ["house.toml"]}}}
    return lint_text(text, plugins=[rhetlint_plugins.loaded], select=[select], config=config)


def test_fix_keeps_the_tense_and_capital_of_the_flagged_verb():
    found = lint_text(
        "Claimed victories aside, she claimed the vote was fair and insists it was.\n",
        plugins=[rhetlint_plugins.loaded],
        select=["loaded-saying-verb"],
    )
    fixes = {d.match: d.fixes[0].replacement for d in found if d.fixes}
    assert fixes["claimed"] == "said"
    assert fixes["insists"] == "says"
    assert fixes["insists"] and all(f.title.startswith("Replace '") for d in found for f in d.fixes)


def test_emotive_fix_is_reinflected():
    [slams] = lint_text(
        "The senator slams the bill.\n", plugins=[rhetlint_plugins.loaded], select=["emotive-language"]
    )
    assert slams.match == "slams"
    assert slams.fixes[0].replacement == "criticizes"
    assert "'criticizes'" in slams.message


def test_quote_aware_can_be_switched_off():
    text = '"They slammed the door," the union leader said.\n'
    assert lint_text(text, plugins=[rhetlint_plugins.loaded], select=["emotive-language"]) == []
    found = lint_text(
        text,
        plugins=[rhetlint_plugins.loaded],
        select=["emotive-language"],
        config={"rules": {"emotive-language": {"quote-aware": False}}},
    )
    assert codes_and_matches(found) == [("L101", "slammed")]


def test_allow_accepts_a_word_in_every_form():
    text = "The senator slammed the bill. Critics slam it too.\n"
    config = {"rules": {"emotive-language": {"allow": ["slam"]}}}
    assert (
        lint_text(text, plugins=[rhetlint_plugins.loaded], select=["emotive-language"], config=config) == []
    )


def test_user_lexicon_adds_overrides_and_disables(tmp_path, monkeypatch):
    lexicon = (
        '[meta]\nrule = "emotive-language"\n\n'
        '[[term]]\nmatch = ["eviscerate"]\npos = "verb"\nwhy = "dramatises criticism as violence"\n'
        'instead = ["criticize"]\n\n'
        '[[term]]\nrule = "loaded-saying-verb"\nmatch = ["claim"]\ndisable = true\n\n'
        '[[term]]\nmatch = ["slam"]\npos = "verb"\nwhy = "is banned by the house style"\ninstead = ["fault"]\n'
    )
    text = "The review eviscerated the plan. She claimed it was late. He slammed it.\n"
    found = lint_with_house_lexicon(tmp_path, monkeypatch, lexicon, text)
    assert codes_and_matches(found) == [("L101", "eviscerated"), ("L101", "slammed")]
    assert found[0].fixes[0].replacement == "criticized"
    assert "banned by the house style" in found[1].message and found[1].fixes[0].replacement == "faulted"


def test_broken_user_lexicon_is_a_one_line_error(tmp_path, run_cli, monkeypatch):
    monkeypatch.setenv("RHETLINT_LOAD_PLUGINS", "loaded-language")
    (tmp_path / "rhetlint.toml").write_text(
        '[rules.emotive-language]\nlexicon = ["house.toml"]\n', encoding="utf-8"
    )
    (tmp_path / "house.toml").write_text(
        '[[term]]\nmatch = ["x"]\npos = "verbish"\nwhy = "w"\nrule = "emotive-language"\n', encoding="utf-8"
    )
    (tmp_path / "draft.md").write_text("The plan slammed shut.\n", encoding="utf-8")
    result = run_cli(["check", "draft.md"], cwd=tmp_path)
    assert result.code == 2
    errors = [line for line in result.err_lines if "error" in line]
    assert len(errors) == 1
    assert "house.toml: term 1: 'pos' must be one of verb, noun, adj, adv, phrase" in errors[0]
    assert "Traceback" not in result.err


def test_capitalised_words_are_names_except_in_title_case_lines():
    text = (
        "The show Desperate Housewives returned on Monday.\n\n"
        "Why The Senate Deal Is A Desperate Gamble For Both Parties, Analysts Say.\n"
    )
    found = lint_text(text, plugins=[rhetlint_plugins.loaded], select=["emotive-language"], path="story.txt")
    assert [(d.start.line, d.match) for d in found] == [(3, "Desperate")]


def test_quote_left_open_on_one_line_does_not_hide_the_next_paragraph_line():
    opened = (
        '"The council has never once listened to the people who actually use these branch libraries '
        "every single week of the year\n"
    )
    text = (
        opened
        + "Residents blasted the decision at a packed meeting that ran past midnight on Tuesday evening.\n"
    )
    found = lint_text(text, plugins=[rhetlint_plugins.loaded], select=["emotive-language"], path="story.txt")
    assert [(d.start.line, d.match) for d in found] == [(2, "blasted")]


def test_adjective_entries_match_their_adverb_unless_told_not_to(tmp_path, monkeypatch):
    lexicon = (
        '[meta]\nrule = "emotive-language"\n\n'
        '[[term]]\nmatch = ["peevish"]\npos = "adj"\nwhy = "judges the motive"\ninstead = ["open"]\n\n'
        '[[term]]\nmatch = ["candid"]\npos = "adj"\nwhy = "praises"\nadverb = false\n'
    )
    text = "She peevishly and candidly backed a peevish and candid plan.\n"
    found = lint_with_house_lexicon(tmp_path, monkeypatch, lexicon, text, select="emotive-language")
    assert codes_and_matches(found) == [("L101", "peevishly"), ("L101", "peevish"), ("L101", "candid")]
    adverb, adjective = found[0], found[1]
    assert adverb.fixes == () and "drop the adverb" in adverb.message  # "openly" would change the meaning
    assert adjective.fixes[0].replacement == "open"


def test_labels_do_not_grow_adverbs():
    found = lint_text(
        "The group acted radically and the radical group left.\n",
        plugins=[rhetlint_plugins.loaded],
        select=["loaded-language"],
    )
    assert "radically" not in [d.match for d in found]


def test_a_disabled_word_is_not_brought_back_as_a_derived_adverb(tmp_path, monkeypatch):
    lexicon = '[[term]]\nrule = "editorializing"\nmatch = ["shockingly"]\ndisable = true\n'
    text = "The figures were shockingly high, and the shocking part came later.\n"
    found = lint_with_house_lexicon(tmp_path, monkeypatch, lexicon, text, named_on="editorializing")
    assert "shockingly" not in [d.match for d in found]
    assert "shocking" in [d.match for d in found]


def test_findings_carry_every_alternative_inflected_like_the_match():
    found = lint_text(
        "Slammed by voters, the mayor admitted defeat. It was a staggeringly blatant move.\n",
        plugins=[rhetlint_plugins.loaded],
        select=["loaded-language"],
    )
    data = {d.match: d.data for d in found}
    assert data["Slammed"]["instead"] == ["Criticized", "Criticised"]
    assert data["admitted"]["instead"] == ["said", "acknowledged"]
    assert "instead" not in data["blatant"]  # the entry lists no alternative
    assert "instead" not in data["staggeringly"]  # an adjective's alternatives do not all make adverbs
