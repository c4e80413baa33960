"""What the source table credits: crowds named by what they are, long subjects with an aside, and the
relative clauses and refusals that credit nobody."""

from __future__ import annotations

from rhetlint import Document


def sources(text: str) -> dict[str, tuple[str, int]]:
    return {s.name: (s.type, len(s.attributions)) for s in Document.from_text(text, "s.md").sources}


def test_a_crowd_named_by_what_it_is_is_a_vague_source():
    assert sources("Some hosts argue that the rule is “a penalty for inheriting a house.”\n") == {
        "hosts": ("vague", 1)
    }


def test_a_group_with_a_place_and_an_aside_before_its_verb():
    text = (
        "Many residents of the Old Harbor neighborhood, where one in five homes is listed on rental "
        "sites, say the change is long overdue.\n"
    )
    assert sources(text) == {"residents of the Old Harbor neighborhood": ("vague", 1)}


def test_who_wrote_a_document_is_who_someone_is_not_what_they_said():
    text = "Council member Tamsin Roe, who wrote the ordinance, said 1,200 homes had been converted.\n"
    assert sources(text) == {"Tamsin Roe": ("named-person", 1)}


def test_a_relative_clause_that_reports_speech_still_counts():
    text = "Tamsin Roe, who wrote in a letter that the homes were lost, said the vote was close.\n"
    assert sources(text)["Tamsin Roe"][1] == 2


def test_refusals_credit_nobody():
    text = "The Harwick Taxpayers League did not respond to calls. A Corvane spokesman declined to comment.\n"
    assert sources(text) == {}
