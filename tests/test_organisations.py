"""The story's organisations: names, short forms and descriptions, and what they do to the source table."""

from __future__ import annotations

from rhetlint import Document
from rhetlint.analysis import story_parties
from rhetlint.analysis.organisations import story_organisations


def sources(text: str) -> dict[str, tuple[str, str, int, str | None]]:
    doc = Document.from_text(text, "story.md")
    return {s.name: (s.type, s.affiliation, len(s.attributions), s.side) for s in doc.sources}


def test_a_description_names_the_body_the_story_named_before_it():
    text = (
        "Brévane Mills will close its bakery in Tolle, the company said on Monday.\n\n"
        "The company said 80 workers would be offered jobs at other plants.\n"
    )
    assert sources(text) == {"Brévane Mills": ("named-organisation", "", 2, "brévane")}


def test_a_short_form_is_the_organisation_not_a_person():
    text = (
        "Corvane Foods is in talks to buy a dairy, people familiar with the talks said.\n\n"
        "Corvane said in a statement that it “does not comment on rumours.”\n"
    )
    table = sources(text)
    assert table["Corvane Foods"][0] == "named-organisation"
    assert "Corvane" not in table


def test_a_lone_surname_stays_the_person_even_when_a_company_shares_it():
    text = (
        "Stennet Aggregates has applied to expand its quarry near Dole.\n\n"
        "“We will plant trees,” said Warren Stennet, the company’s president.\n\n"
        "Stennet said the plan would be filed in May.\n"
    )
    table = sources(text)
    assert table["Warren Stennet"][:3] == ("named-person", "Stennet Aggregates", 2)
    assert "Stennet Aggregates" not in table  # the company itself does not speak


def test_its_president_is_the_president_of_the_body_named_before():
    text = (
        "The Orland Valley Growers Cooperative, which represents 300 farms, said the rise was unfair. "
        "Its president, Luis Ferreira, said the district should phase it in.\n"
    )
    table = sources(text)
    assert table["Luis Ferreira"][1] == "Orland Valley Growers Cooperative"
    assert table["Luis Ferreira"][3] == table["Orland Valley Growers Cooperative"][3]


def test_a_manager_introduced_by_title_alone_speaks_for_the_body_named_just_before():
    text = (
        "GREYPORT — Greyport Regional Transit said Monday it would keep buses running.\n\n"
        "General Manager Felix Harlan said the agency had trained part-time drivers.\n"
    )
    assert sources(text)["Felix Harlan"][1] == "Greyport Regional Transit"


def test_the_town_in_two_names_does_not_put_both_on_one_side():
    text = (
        "HARWICK — The owners of the Harwick Hawks want a new ballpark in Harwick.\n\n"
        "“We are staying,” said Corey Madden, the team’s president.\n\n"
        "The Harwick Taxpayers League said the subsidy was too large. Its chair, Ana Rey, said voters "
        "would reject it.\n"
    )
    table = sources(text)
    assert table["Corey Madden"][3] == "hawks"
    assert table["Ana Rey"][3] == "taxpayers"


def test_a_description_does_not_cross_kinds():
    text = "The Orland Water District raised rates.\n\nThe company said nothing about it.\n"  # a district is no company
    doc = Document.from_text(text, "story.md")
    orgs = story_organisations(doc)
    assert orgs.described("company", text.index("The company")) is None
    assert orgs.described("district", text.index("The company")).name == "Orland Water District"


def test_refusals_and_positions_in_a_relative_clause_credit_nobody():
    text = (
        "The Harwick Taxpayers League, which opposes the subsidy, did not respond to calls. "
        "A Corvane spokesman declined to comment.\n"
    )
    assert sources(text) == {}


def test_a_body_named_twice_as_taking_a_side_is_a_party_though_it_is_silent():
    text = (
        "HARWICK — The Harwick Taxpayers League, which opposes the subsidy, collected 9,000 signatures. "
        "“The choice is a new stadium or no baseball,” said Corey Madden, president of the Harwick Hawks. "
        "Madden said the team would pay for overruns.\n\n"
        "The Harwick Taxpayers League did not respond to calls.\n"
    )
    doc = Document.from_text(text, "story.md")
    assert set(story_parties(doc, doc.sources)) == {"hawks", "taxpayers"}


def test_a_body_named_twice_without_a_stance_is_no_party():
    text = (
        "HARWICK — The Harwick Convention Center hosted a breakfast. “We are staying,” said Corey Madden, "
        "president of the Harwick Hawks. Madden said the team would pay for overruns.\n\n"
        "The Harwick Convention Center seats 900.\n"
    )
    doc = Document.from_text(text, "story.md")
    assert set(story_parties(doc, doc.sources)) == {"hawks"}


def test_evidence_for_a_described_affiliation_points_at_the_organisations_name():
    text = (
        "The Orland Valley Growers Cooperative, which represents 300 farms, said the rise was unfair. "
        "Its president, Luis Ferreira, said the district should phase it in.\n"
    )
    doc = Document.from_text(text, "story.md")
    ferreira = next(s for s in doc.sources if s.name == "Luis Ferreira")
    for span in (ferreira.affiliation_evidence, ferreira.side_evidence):
        assert text[span.start : span.end] == "Orland Valley Growers Cooperative"
    assert ferreira.side_evidence.word == "Orland Valley Growers Cooperative"


def test_a_name_whose_last_word_speaks_alone_is_a_person_not_a_body():
    text = (
        "Beto O’Rourke opposed the plan on Tuesday. O’Rourke said the vote was rushed. "
        "“We will fight it,” O’Rourke said.\n"
    )
    doc = Document.from_text(text, "story.md")
    assert [org.name for org in story_organisations(doc).organisations] == []


def test_unnamed_people_described_by_their_body_speak_for_it():
    text = (
        "DALLOW — The Corran Ridge mine will reopen next month, company officials said on Wednesday. "
        "Union leaders said the review was rushed.\n\n"
        "Corran Ridge Mining spokeswoman Alicia Trent said production would resume in September. "
        "Mineworkers Local 9 said it had not seen the review.\n"
    )
    table = sources(text)
    assert table["company officials"][1:4:2] == ("Corran Ridge", "corran")
    assert table["Alicia Trent"][3] == "corran"


def test_a_described_group_with_no_body_of_its_kind_stays_unplaced():
    text = "Union leaders said the review was rushed. Company officials said it was thorough.\n"
    table = sources(text)
    assert table and all(side is None for _, _, _, side in table.values())
