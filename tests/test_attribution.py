"""The attribution analysis (``doc.attributions``), source grouping (``doc.sources``) and the sources report."""

from __future__ import annotations

import io
import json

import pytest

import rhetlint_plugins.attribution
import rhetlint_plugins.loaded
from rhetlint.analysis.attribution import SOURCE_TYPES, Attribution, find_attributions
from rhetlint.analysis.sources import group_sources
from rhetlint.model.document import Document
from rhetlint.output.sources import render_sources_text, sources_json
from rhetlint.testing import lint_text


def attributions(text: str, path: str = "draft.txt") -> list[Attribution]:
    return Document.from_text(text, path).attributions


def only(text: str) -> Attribution:
    found = [a for a in attributions(text) if a.cue is not None]
    assert len(found) == 1, found
    return found[0]


def words(span) -> str | None:
    return None if span is None else span.text


# --- cues, sources and content --------------------------------------------------------------------------
def test_quote_with_inverted_speaker_and_title() -> None:
    att = only('"The ferry will run on time," said Mara Voss, the harbor master.')
    assert att.kind == "quote"
    assert words(att.cue) == "said"
    assert words(att.source) == "Mara Voss"
    assert att.source_type == "named-person"
    assert att.speaker == "Mara Voss"
    assert words(att.content) == '"The ferry will run on time,"'


def test_quote_then_speaker_then_verb() -> None:
    att = only('"We will appeal," Judge Ellen Park said on Monday.')
    assert (att.kind, words(att.source), att.speaker) == ("quote", "Judge Ellen Park", "Ellen Park")
    assert "judge" in att.roles


def test_speaker_before_colon_and_quote() -> None:
    att = only('The mayor said: "Nobody will lose their home."')
    assert att.kind == "quote"
    assert words(att.content) == '"Nobody will lose their home."'


def test_paraphrase_with_that_clause() -> None:
    att = only("Harbor Workers Union president Tomas Brek told reporters that the phasing went too far.")
    assert att.kind == "paraphrase"
    assert words(att.cue) == "told"
    assert att.speaker == "Tomas Brek"
    assert words(att.content).startswith("reporters that the phasing")


def test_trailing_attribution_credits_the_clause_before() -> None:
    att = only("The bridge will close for six weeks, the transport ministry said.")
    assert words(att.source) == "the transport ministry"
    assert att.source_type == "named-organisation"
    assert words(att.content) == "The bridge will close for six weeks"


def test_appositive_between_name_and_verb() -> None:
    att = only("Ana Ruiz, the port authority's executive director, argued that the board had no choice.")
    assert att.speaker == "Ana Ruiz"
    assert words(att.cue) == "argued"
    assert "director" in att.roles


@pytest.mark.parametrize(
    "text, source, content",
    [
        (
            "According to the Justice Department, the case is closed.",
            "the Justice Department",
            "the case is closed",
        ),
        (
            "The case is closed, according to the Justice Department.",
            "the Justice Department",
            "The case is closed",
        ),
    ],
)
def test_according_to(text: str, source: str, content: str) -> None:
    att = only(text)
    assert (att.kind, words(att.cue).lower(), words(att.source), words(att.content)) == (
        "according-to",
        "according to",
        source,
        content,
    )
    assert att.source_type == "named-organisation"


def test_possessive_statement_speaks_for_its_owner() -> None:
    att = only("Senator Jane Okafor's statement said the bill was dead.")
    assert att.source_type == "named-person"
    assert att.speaker == "Jane Okafor"


@pytest.mark.parametrize(
    "text, cue, source_type",
    [
        ("It is widely believed that the mayor will resign.", "It is widely believed", "vague"),
        ("It is said that the mill never closed.", "It is said", "vague"),
        ("The move is widely seen as a snub.", "is widely seen", "vague"),
        ("The minister is said to be furious.", "is said", "vague"),
        ("The vote is expected on Tuesday.", "is expected", "none"),
    ],
)
def test_sourceless_reports(text: str, cue: str, source_type: str) -> None:
    att = only(text)
    assert att.kind == "sourceless"
    assert att.source is None
    assert words(att.cue) == cue
    assert att.source_type == source_type


def test_passive_with_agent_names_the_source() -> None:
    att = only("The plan was criticized by Mayor Ana Ruiz.")
    assert att.kind == "paraphrase"
    assert att.speaker == "Ana Ruiz"


@pytest.mark.parametrize(
    "text, source_type",
    [
        ("Officials said the talks had stalled.", "vague"),  # a crowd of office-holders
        ("Administration officials said the talks had stalled.", "vague"),
        ("Two officials said the talks had stalled.", "anonymous"),
        ("Officials familiar with the talks said they had stalled.", "anonymous"),
        ("A senior official said the talks had stalled.", "anonymous"),
        ("People familiar with the talks said they had stalled.", "anonymous"),
        ("Sources close to the minister said she would resign.", "anonymous"),
        ("Critics say the plan will fail.", "vague"),
        ("Some argue the plan will fail.", "vague"),
        ("Many believe the plan will fail.", "vague"),
        ("Experts agree that the plan will fail.", "vague"),
        ("Research shows that the plan will fail.", "vague"),
        ("Jerusalem considers the plan a trap.", "place-for-government"),
        ("Damascus rejects the plan.", "place-for-government"),
        ("Washington believes the talks are over.", "place-for-government"),
        ("The Israelis want a delay.", "place-for-government"),
        ("The Selwyn Port Authority said the plan would go ahead.", "named-organisation"),
        ("Police said the road would reopen.", "named-organisation"),
        ("Mayor Ana Ruiz said the plan would go ahead.", "named-person"),
    ],
)
def test_source_types(text: str, source_type: str) -> None:
    assert only(text).source_type == source_type
    assert source_type in SOURCE_TYPES


def test_a_study_with_a_name_is_not_vague() -> None:
    att = only("A 2019 study by the Brookings Institution found that subsidies rarely pay off.")
    assert att.source_type == "named-organisation"


# --- follow-ups ---------------------------------------------------------------------------------------------
def test_pronoun_resolves_to_the_last_named_speaker() -> None:
    found = attributions('Mara Voss said the ferry would run. "It will be late," she said.')
    assert [a.speaker for a in found] == ["Mara Voss", "Mara Voss"]
    assert found[1].resolved


def test_bare_role_resolves_to_the_named_source_with_that_role() -> None:
    text = (
        "Ana Ruiz, a spokeswoman for the port, said the work would start in May. "
        "The plan is on schedule, the spokeswoman added."
    )
    found = attributions(text)
    assert found[-1].speaker == "Ana Ruiz"
    assert found[-1].source_type == "named-person"


def test_bare_role_without_antecedent_is_anonymous() -> None:
    assert only("The plan is on schedule, the spokesman added.").source_type == "anonymous"


def test_surname_resolves_to_the_full_name_written_earlier() -> None:
    text = "The board hired Priya Lann in March.\n\nLann said the survey would take a year."
    assert [a.speaker for a in attributions(text)] == ["Priya Lann"]


def test_surname_does_not_take_a_full_name_written_later() -> None:
    text = "Washington believes the talks are over.\n\nGeorge Washington said little."
    found = attributions(text)
    assert [a.source_type for a in found] == ["place-for-government", "named-person"]


def test_quotation_over_paragraphs_is_credited_to_its_speaker() -> None:
    text = (
        '"We want the channel deepened," Tomas Brek said.\n\n'
        '"We just do not want our members to pay for it, and we will say so at every meeting."'
    )
    found = attributions(text)
    assert len(found) == 2
    assert found[1].cue is None and found[1].kind == "quote"
    assert found[1].speaker == "Tomas Brek"


# --- what is not an attribution --------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "The meeting was held Monday in Geneva.",
        "The report was 40 pages long.",
        "His claims were rejected in court.",
        "Voters in three states head to the polls.",
        "The company plans to say more next week.",
    ],
)
def test_plain_description_has_no_attribution(text: str) -> None:
    assert [a for a in attributions(text) if a.source is not None] == []


def test_cues_inside_a_quotation_belong_to_the_speaker() -> None:
    found = attributions('"I think critics say that about every plan," Ruiz said.')
    assert [words(a.cue) for a in found] == ["said"]


# --- the document model and offsets ----------------------------------------------------------------------
def test_attributions_are_computed_once() -> None:
    doc = Document.from_text("Officials said the talks had stalled.")
    assert doc.attributions is doc.attributions
    assert find_attributions(doc) == doc.attributions


def test_spans_are_file_offsets_in_markdown() -> None:
    source = "---\ntitle: x\n---\n\n# Talks\n\n**Officials** said the talks had [stalled](https://x.org).\n"
    doc = Document.from_text(source, "draft.md")
    att = next(a for a in doc.attributions if a.cue is not None)
    assert source[att.cue.start : att.cue.end] == "said"
    assert "Officials" in source[att.source.start : att.source.end]


# --- sources -------------------------------------------------------------------------------------------
def test_sources_group_mentions_of_one_speaker() -> None:
    text = (
        '"The dredging must go ahead," said Ana Ruiz, the port\'s director.\n\n'
        "Ruiz said the board had a plan. Officials said the union objected.\n\n"
        '"We will keep talking," she said.'
    )
    doc = Document.from_text(text)
    by_name = {s.name: s for s in doc.sources}
    ruiz = by_name["Ana Ruiz"]
    assert ruiz.type == "named-person"
    assert len(ruiz.attributions) == 3
    assert [doc.source[m.start : m.end] for m in ruiz.mentions] == ["Ana Ruiz", "Ruiz", "she"]
    assert ruiz.has_direct_quote and ruiz.quoted_words == 9
    assert ruiz.first_offset == text.index("Ana Ruiz")
    fresh = {s.name: s for s in group_sources(doc)}["Ana Ruiz"]
    assert fresh.side is None and fresh.side_evidence is None  # grouping leaves sides to a later analysis
    assert by_name["Officials"].type == "vague"
    assert [s.name for s in doc.sources] == ["Ana Ruiz", "Officials"]


def test_sourceless_reports_are_not_sources() -> None:
    assert Document.from_text("It is widely believed that the mill will close.").sources == []


# --- the report ------------------------------------------------------------------------------------------
def test_sources_json_shape_and_offsets() -> None:
    source = "# Vote\n\nCritics say the vote was rushed, according to *The Ledger*.\n"
    doc = Document.from_text(source, "vote.md")
    data = json.loads(json.dumps(sources_json([doc])))
    (entry,) = data["documents"]
    assert entry["path"] == "vote.md"
    assert set(entry) == {"path", "attributions", "sources"}
    for att in entry["attributions"]:
        assert set(att) == {"kind", "cue", "source", "content", "source_type", "speaker"}
        for key in ("cue", "source", "content"):
            span = att[key]
            if span is not None:
                assert source[span["start"] : span["end"]] == span["text"]
    kinds = {(a["kind"], a["source_type"]) for a in entry["attributions"]}
    assert ("paraphrase", "vague") in kinds and ("according-to", "named-organisation") in kinds
    for src in entry["sources"]:
        assert set(src) == {
            "name",
            "type",
            "mentions",
            "roles",
            "affiliation",
            "evidence",
            "side",
            "side_evidence",
            "attributions",
            "quoted_words",
            "has_direct_quote",
            "first_offset",
        }
        assert set(src["evidence"]) == {"affiliation", "side"}
        assert src["side"] is None or isinstance(src["side"], str)  # a later analysis may fill sides


def test_text_report_lists_sources_and_positions() -> None:
    doc = Document.from_text(
        '"We will win," said Mara Voss.\nOfficials said the race was close.\n', "race.txt"
    )
    out = io.StringIO()
    render_sources_text([doc], out)
    text = out.getvalue()
    assert text.startswith("race.txt: 2 sources, 2 attributions")
    assert "Mara Voss [named-person]" in text and "Officials [vague]" in text
    assert "1:16 quote 'said' -> Mara Voss" in text


def test_definite_follow_up_joins_the_unnamed_source() -> None:
    text = (
        "A senior defense official, who spoke on condition of anonymity, said the drills were large. "
        '"They are practicing a river crossing," the official said.'
    )
    doc = Document.from_text(text)
    (source,) = doc.sources
    assert source.type == "anonymous" and source.name == "defense official"
    assert len(source.attributions) == 2 and source.attributions[1].resolved


def test_unsourced_claim_yields_to_a_loaded_language_finding_on_the_same_words():
    text = "Of course, the harbor has been dredged before. The disastrous plan will doom the port.\n"
    both = lint_text(
        text,
        plugins=[rhetlint_plugins.attribution, rhetlint_plugins.loaded],
        select=["A101", "loaded-language"],
    )
    # a sentence is reported by its most telling marker: the forecast, not the judging word
    assert [(d.code, d.match) for d in both] == [
        ("L104", "Of course"),
        ("L101", "disastrous"),
        ("A101", "will doom"),
    ]
    alone = lint_text(text, plugins=[rhetlint_plugins.attribution, rhetlint_plugins.loaded], select=["A101"])
    assert [(d.code, d.match) for d in alone] == [("A101", "Of course"), ("A101", "will doom")]


def test_a_name_written_with_a_character_reference_is_the_same_source():
    doc = Document.from_text(
        "<p>Mary O&rsquo;Brien, the mayor, said the plan was late.</p>"
        "<p>Mary O’Brien said it would cost more.</p>",
        "story.html",
    )
    assert [(s.name, len(s.attributions)) for s in doc.sources] == [("Mary O’Brien", 2)]


def test_text_report_keeps_a_name_that_wraps_across_lines_on_one_line() -> None:
    doc = Document.from_text(
        "The plan was late, according to the Harbor\r\nAuthority.\nCosts rose, two senior\nofficials said.\n",
        "wrap.txt",
    )
    out = io.StringIO()
    render_sources_text([doc], out)
    lines = out.getvalue().splitlines()
    assert lines[1].startswith("  Harbor Authority [named-organisation] 1x")
    assert "(inferred from 'Harbor Authority')" in lines[1]
    assert lines[-2].endswith("-> Harbor Authority [named-organisation] The plan was late")
    assert lines[-1].endswith("-> two senior officials [anonymous] Costs rose")
