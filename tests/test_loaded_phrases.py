"""Phrase-level slant: lexicon phrases with slots and inflection, literal senses, reported speech per clause,
terms the story quotes as someone's word, classes of slant, and the lexicon schema's one-line errors."""

from __future__ import annotations

import pytest

import rhetlint_plugins.loaded
from rhetlint.rules.data import DataRuleError, parse_toml
from rhetlint.testing import lint_text
from rhetlint_plugins.loaded.lexicon import Lexicon, load_into


def flagged(text: str, select: str = "loaded-language", path: str = "draft.md") -> list[str]:
    return [d.match for d in lint_text(text, plugins=[rhetlint_plugins.loaded], select=[select], path=path)]


# --- slots and inflection -------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text, match",
    [
        ("The speaker torpedoes the talks.\n", "torpedoes the talks"),
        ("Two senators torpedoed their plan.\n", "torpedoed their plan"),
        ("Allies are torpedoing the ceasefire.\n", "torpedoing the ceasefire"),
        ("The bill went up in flames.\n", "went up in flames"),
        ("Her campaign has gone up in smoke.\n", "gone up in smoke"),
        ("His gamble blew up in his face.\n", "blew up in his face"),
        ("The mayor ducks the question again.\n", "ducks the question"),
    ],
)
def test_a_figure_matches_in_every_tense_and_with_every_filler_of_its_slot(text: str, match: str) -> None:
    assert match in flagged(text)


def test_a_slot_takes_only_its_listed_words() -> None:
    assert "torpedoed the rumour" not in " ".join(flagged("The report torpedoed the rumour.\n"))
    assert flagged("A duck ducked under the bridge.\n") == []


# --- literal senses -------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "figurative, literal",
    [
        ("Talks are on life support.\n", "The patient is on life support.\n"),
        ("The plan went up in flames.\n", "The house went up in flames.\n"),
        ("The hearing was a minefield.\n", "Soldiers crossed the minefield at the border.\n"),
        ("The union caved in to the board.\n", "The mine roof caved in on Friday.\n"),
        ("The deal lies in tatters.\n", "The flag hung in tatters.\n"),
    ],
)
def test_the_literal_sense_stays_quiet(figurative: str, literal: str) -> None:
    assert flagged(figurative)
    assert flagged(literal) == []


def test_a_literal_word_in_another_sentence_does_not_count() -> None:
    assert flagged("The patient rested. Talks are on life support.\n") == ["on life support"]


def test_a_literal_word_counts_in_its_plural_and_possessive_but_short_words_are_not_plurals() -> None:
    assert flagged("The patients' families keep them on life support.\n") == []
    assert flagged("The senator is terrified of the audit.\n") == ["terrified of"]  # "is" is not "i" + s


def test_a_token_is_no_literal_word() -> None:
    assert flagged("Riders pay with a token at the turnstile.\n") == []
    assert flagged("Workers were offered a token raise.\n") == ["token raise"]


# --- reported speech, per clause ------------------------------------------------------------------------
def test_a_clause_crediting_a_speaker_keeps_mind_reading_off_the_writer() -> None:
    assert flagged("Aides say the senator secretly hopes the inquiry will stall.\n") == []
    assert flagged("The talks are on life support, the mediator said.\n") == []


def test_a_speaker_in_another_clause_does_not_take_the_words_off_the_writer() -> None:
    text = "The senator said nothing, but she secretly hopes the inquiry will stall.\n"
    assert flagged(text) == ["secretly hopes"]
    text = "The mediator said the talks resume Monday; the deal is doomed to fail.\n"
    assert "doomed to fail" in flagged(text)


# --- terms the story quotes as someone's word -----------------------------------------------------------
def test_a_term_quoted_as_someones_word_is_theirs_from_there_on() -> None:
    text = "The union called the order a “diktat.” The diktat takes effect in May.\n"
    assert flagged(text) == []


def test_a_quoted_term_is_theirs_to_the_end_of_its_paragraph_only() -> None:
    text = "The union called the order a “diktat.”\n\nThe diktat takes effect in May.\n"
    assert flagged(text) == ["diktat"]  # each paragraph's findings depend on that paragraph alone


def test_a_use_before_the_story_quotes_the_term_is_still_the_writers() -> None:
    text = "The diktat takes effect in May. The union called the order a “diktat.”\n"
    assert flagged(text) == ["diktat"]


def test_straight_single_quotes_mark_a_term_but_an_apostrophe_does_not() -> None:
    assert flagged("Minister calls the plan a 'diktat' as talks stall.\n") == []
    assert flagged("The ministers' diktat takes effect in May.\n") == ["diktat"]


def test_a_quoted_statement_is_not_a_quoted_term() -> None:
    text = '"The regime must go," the opposition leader said. The regime arrested dozens.\n'
    assert flagged(text, select="contentious-label") == ["regime"]


# --- offsets with non-ASCII text and CRLF line ends -------------------------------------------------------
def test_offsets_are_file_offsets_with_emoji_accents_and_crlf() -> None:
    text = "Café talks 🙂 went well.\r\nThe réforme is on life support — sadly.\r\n"
    [found] = lint_text(text, plugins=[rhetlint_plugins.loaded], select=["emotive-language"])
    assert text[found.start.offset : found.end.offset] == "on life support"
    assert (found.start.line, found.start.column) == (2, 16)


# --- classes of slant -----------------------------------------------------------------------------------
def test_each_finding_names_its_class_of_slant() -> None:
    found = lint_text(
        "The senator secretly hopes the plan is dead in the water, a paltry sum.\n",
        plugins=[rhetlint_plugins.loaded],
        select=["loaded-language"],
    )
    assert {d.match: (d.data or {}).get("class") for d in found} == {
        "secretly hopes": "mind-reading",
        "dead in the water": "figure",
        "paltry": "minimiser",
    }


def test_a_term_without_a_class_is_counted_under_its_rule() -> None:
    [found] = lint_text("The regime arrested dozens.\n", plugins=[rhetlint_plugins.loaded], select=["L102"])
    assert {k: found.data[k] for k in ("term", "form", "class")} == {
        "term": "regime",
        "form": "base",
        "class": "contentious-label",
    }


# --- the schema: slots, classes and [meta], with one-line errors ----------------------------------------
def read(text: str) -> Lexicon:
    lexicon = Lexicon()
    load_into(lexicon, parse_toml(text, "house.toml"), "house.toml")
    return lexicon


def test_a_user_lexicon_can_declare_slots_and_a_class(tmp_path, monkeypatch) -> None:
    (tmp_path / "house.toml").write_text(
        '[meta]\nrule = "emotive-language"\nclass = "house-figure"\n'
        '[slots]\nplan = ["plan", "budget"]\n'
        '[[term]]\nmatch = ["shred the {plan}"]\npos = "verb"\nwhy = "casts a rejection as destruction"\n'
        'instead = ["reject the plan"]\nliteral_near = ["paper", "documents"]\n',
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    config = {"rules": {"emotive-language": {"lexicon": ["house.toml"]}}}
    found = lint_text(
        "The board shredded the budget.\nClerks shredded the plan with the old documents.\n",
        plugins=[rhetlint_plugins.loaded],
        select=["emotive-language"],
        config=config,
    )
    assert [(d.match, (d.data or {}).get("class")) for d in found] == [
        ("shredded the budget", "house-figure")
    ]
    assert found[0].fixes[0].replacement == "rejected the plan"


@pytest.mark.parametrize(
    "toml, message",
    [
        (
            '[[term]]\nmatch = ["sink the {deal}"]\nwhy = "w"\nrule = "emotive-language"\n',
            "house.toml: term 1: phrase 'sink the {deal}': slot {deal} is not in [slots] (known: none)",
        ),
        (
            '[[term]]\nmatch = ["* on life support"]\nwhy = "w"\nrule = "emotive-language"\n',
            "'*' cannot come first",
        ),
        (
            '[[term]]\nmatch = ["sink the {deal"]\nwhy = "w"\nrule = "emotive-language"\n',
            "write a slot as {name}, a whole word",
        ),
        (
            '[[term]]\nmatch = ["sink a||b"]\nwhy = "w"\nrule = "emotive-language"\n',
            "must be a word, a|b alternatives, {slot} or *",
        ),
        (
            '[[term]]\nmatch = ["sink * deal"]\npos = "verb"\nhead = 2\nwhy = "w"\nrule = "emotive-language"\n',
            "the head word (inflected as a verb) cannot be *",
        ),
        (
            '[[term]]\nmatch = ["x"]\nclass = "Not Kebab"\nwhy = "w"\nrule = "emotive-language"\n',
            "'class' must be a kebab-case word",
        ),
        ('[meta]\nrule = "emotive-language"\nclas = "x"\n', "house.toml: [meta]: unknown key 'clas'"),
        (
            '[slots]\ndeal = ["two words"]\n',
            "house.toml: [slots]: 'deal' must be a non-empty list of single words",
        ),
        ('[slots]\n"Deal" = ["deal"]\n', "house.toml: [slots]: 'Deal' must be a lower-case name"),
    ],
)
def test_schema_mistakes_are_one_line_errors_naming_the_file(toml: str, message: str) -> None:
    with pytest.raises(DataRuleError) as raised:
        read(toml)
    assert message in str(raised.value)
    assert "\n" not in str(raised.value)


def test_a_broken_slot_in_a_configured_lexicon_exits_2_with_one_error_line(tmp_path, run_cli, monkeypatch):
    monkeypatch.setenv("RHETLINT_LOAD_PLUGINS", "loaded-language")
    (tmp_path / "rhetlint.toml").write_text('[rules.emotive-language]\nlexicon = ["house.toml"]\n', "utf-8")
    (tmp_path / "house.toml").write_text(
        '[[term]]\nmatch = ["sink the {deal}"]\nwhy = "w"\nrule = "emotive-language"\n', encoding="utf-8"
    )
    (tmp_path / "draft.md").write_text("The plan sank.\n", encoding="utf-8")
    result = run_cli(["check", "draft.md"], cwd=tmp_path)
    assert result.code == 2
    errors = [line for line in result.err_lines if "error" in line]
    assert len(errors) == 1 and "slot {deal} is not in [slots]" in errors[0]
    assert "Traceback" not in result.err


def test_the_slot_example_in_the_data_rules_page_loads_and_matches(tmp_path, monkeypatch) -> None:
    from pathlib import Path

    page = (Path(__file__).parent.parent / "docs" / "plugins" / "data-rules.md").read_text("utf-8")
    [example] = [block for block in page.split("```toml\n") if "[slots]" in block.split("```")[0]]
    (tmp_path / "house.toml").write_text(example.split("```")[0], encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    config = {"rules": {"emotive-language": {"lexicon": ["house.toml"]}}}
    found = lint_text(
        "Two senators torpedoed their ceasefire. A submarine torpedoed the deal boat near the navy base.\n",
        plugins=[rhetlint_plugins.loaded],
        select=["emotive-language"],
        config=config,
    )
    assert [(d.match, (d.data or {}).get("class")) for d in found] == [
        ("torpedoed their ceasefire", "figure")
    ]


def test_the_passage_figures_in_the_benchmarks_page_are_a_real_run(monkeypatch) -> None:
    """docs/benchmarks.md's table of slanted passages is what benchmarks.eval_passages prints."""
    monkeypatch.setenv("RHETLINT_LOAD_PLUGINS", "loaded-language")
    import re
    from pathlib import Path

    from benchmarks.eval_passages import evaluate

    page = (Path(__file__).parent.parent / "docs" / "benchmarks.md").read_text("utf-8")
    rows = {
        m[0]: m[1:]
        for m in re.findall(
            r"^\| ([a-z-]+) \| \d+ \| ([\d.]+) \| ([\d.]+) \| ([\d.]+) \| (\d+) \|$", page, re.M
        )
    }
    results = evaluate()
    rows.pop("all")
    assert set(rows) == set(results)
    for name, (score, twin_flags) in results.items():
        assert rows[name] == (
            f"{score.precision:.3f}",
            f"{score.recall:.3f}",
            f"{score.f1:.3f}",
            str(twin_flags),
        ), name


@pytest.mark.parametrize(
    "text, match, replacement",
    [
        ("The council pulled the plug on the project.\n", "pulled the plug on", "ended"),
        ("The strike spelled the end of the season.\n", "spelled the end of", "threatened"),
        (
            "The speaker torpedoed the talks.\n",
            "torpedoed the talks",
            None,
        ),  # "blocked" would drop "the talks"
        ("The mayor ducked the question.\n", "ducked the question", None),
    ],
)
def test_a_fix_replaces_the_whole_match_or_is_not_offered(
    text: str, match: str, replacement: str | None
) -> None:
    [found] = lint_text(text, plugins=[rhetlint_plugins.loaded], select=["loaded-language"])
    assert found.match == match
    assert (found.fixes[0].replacement if found.fixes else None) == replacement


# --- forms of multiword entries, praise credited to a speaker, neutral and literal senses ---------------
@pytest.mark.parametrize(
    "text, match",
    [
        ("Aides spread a deep-state theory.\n", "deep-state"),
        ("The fake-news outlets ran it.\n", "fake-news"),
        ("Critics of big-government programs met.\n", "big-government"),
        ("Two power grabs followed.\n", "power grabs"),
        ("The council saw three cash-grab schemes.\n", "cash-grab"),
        ("Both bills became political footballs.\n", "political footballs"),
        ("Twitter mobs gathered online.\n", "Twitter mobs"),
        ("They are total losers.\n", "total losers"),
    ],
)
def test_multiword_entries_match_their_plural_and_hyphenated_forms(text: str, match: str) -> None:
    assert match in flagged(text)


def test_praise_credited_to_a_speaker_in_the_clause_is_theirs() -> None:
    assert flagged("The world-class team won.\n", "puffery") == ["world-class"]
    assert flagged("The coach said the team was world-class.\n", "puffery") == []


def test_would_be_names_an_intended_role() -> None:
    assert flagged("Would-be buyers lined up, and the would-be attacker fled.\n") == []


def test_coming_under_fire_in_battle_is_literal() -> None:
    assert flagged("The agency came under fire for the delay.\n") == ["came under fire"]
    assert flagged("The convoy came under fire near the border.\n") == []


def test_a_participle_of_saying_after_the_words_credits_what_follows_not_them() -> None:
    assert "secretly hopes" in flagged("The governor secretly hopes to run, saying little in public.\n")
    assert flagged("The governor secretly hopes to run, aides said.\n") == []


def test_a_sensational_verb_in_a_clause_crediting_a_speaker_is_theirs() -> None:
    assert flagged("The minister sidestepped the question.\n") == ["sidestepped"]
    assert flagged("Critics say the minister sidestepped the question.\n") == []


def test_a_loaded_noun_in_a_clause_crediting_a_speaker_is_theirs() -> None:
    assert flagged("The mayor's plan is a scheme to raise fares.\n") == ["scheme"]
    assert flagged("The union says the mayor's plan is a scheme to raise fares.\n") == []


def test_a_cue_word_inside_the_words_themselves_credits_nobody() -> None:
    assert flagged("The council's wish list runs to 40 items.\n") == ["wish list"]


@pytest.mark.parametrize(
    "text",
    [
        'The ruling found the search "unreasonable" and ordered a new trial.\n',
        'In an interview, the budget chief defended the "temporary" cuts.\n',
        'The ministry\'s statement set out a "thorough" audit.\n',
    ],
)
def test_a_short_quotation_beside_a_noun_of_something_said_is_a_partial_quote(text: str) -> None:
    assert flagged(text, "scare-quotes") == []


def test_a_short_quotation_with_nothing_said_in_sight_is_still_a_scare_quote() -> None:
    assert flagged('The ministry published its "report" on Friday.\n', "scare-quotes") == ['"report"']
