"""Speaker identity, page furniture and headlines: one source per person, no furniture or headline speakers."""

from __future__ import annotations

import pytest

from rhetlint import Document
from rhetlint.analysis.identity import split_name


def table(text: str, path: str = "story.txt") -> list[tuple[str, str, int]]:
    return [(s.name, s.type, len(s.attributions)) for s in Document.from_text(text, path).sources]


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("National Security Adviser John Bolton", ("John Bolton", ("adviser",), "National Security")),
        (
            "New York Times Publisher Arthur Sulzberger Jr.",
            ("Arthur Sulzberger Jr.", ("publisher",), "New York Times"),
        ),
        ("Union steward Marcus Bell", ("Marcus Bell", ("steward",), "Union")),
        ("Mr. King", ("King", ("mr",), "")),
        ("Allen Porter", ("Allen Porter", (), "")),  # nothing to split
        ("Harbor Port Authority", ("Harbor Port Authority", (), "")),  # an organisation stays whole
        ("Łukasz Żuk", ("Łukasz Żuk", (), "")),
    ],
)
def test_split_name(written, expected):
    assert split_name(written) == expected


def test_role_first_and_name_later_are_one_source():
    text = (
        "A fire damaged three shops, the city’s fire chief said. Fire Chief Allen Porter said crews "
        "arrived at 2 a.m. Porter said nobody was hurt.\n"
    )
    assert table(text) == [("Allen Porter", "named-person", 3)]


def test_title_and_surname_join_the_full_name():
    text = (
        "National Security Adviser John Bolton said the talks failed.\n\n"
        "“We walked away,” Bolton said. Mr. Bolton said more talks were planned.\n"
    )
    assert table(text) == [("John Bolton", "named-person", 3)]


def test_a_title_word_after_a_given_name_is_a_surname():
    text = (
        "Rep. Peter King said he would vote for the package. “Whatever comes out is a step,” King said.\n\n"
        "“We go dark,” Mr. King said.\n\nKing Abdullah said the talks would go on.\n"
    )
    assert table(text) == [("Peter King", "named-person", 3), ("Abdullah", "named-person", 1)]


def test_a_state_after_its_city_belongs_to_the_appositive():
    text = "Mr. Abramson, the former mayor of Louisville, Kentucky, said the summit would open on Monday.\n"
    assert table(text) == [("Abramson", "named-person", 1)]


def test_party_and_state_after_a_name_and_organisation_names_with_for():
    text = (
        "“It is an assault,” Sen. Rand Paul, R-Ky., said. One civil liberties group, the Center for "
        "Constitutional Rights, said the order was illegal. The Center for Constitutional Rights said it "
        "would sue.\n"
    )
    assert table(text) == [
        ("Rand Paul", "named-person", 1),  # not "R-Ky"
        (
            "Center for Constitutional Rights",
            "named-organisation",
            2,
        ),  # not "Center", nor "Constitutional Rights"
    ]


def test_a_clause_nested_in_a_statement_is_part_of_it():
    text = (
        "Without presenting any evidence, Trump said China did not want him to win. Goodwin said Baquet had "
        "insisted on the change. Trump said the deal was dead, but Sarah Sanders told reporters it was not.\n"
    )
    assert table(text) == [
        ("Trump", "named-person", 2),
        ("Goodwin", "named-person", 1),
        ("Sarah Sanders", "named-person", 1),
    ]


def test_the_definite_follow_up_joins_the_unnamed_source_and_its_body():
    text = (
        "The Corran Ridge coal mine will reopen, company officials said. The officials, who asked not to be "
        "named, said the fault was unmapped. A manager at the mine said bolts were installed. “It is safer,” "
        "the manager said.\n"
    )
    sources = Document.from_text(text).sources
    assert [(s.name, s.type, len(s.attributions)) for s in sources] == [
        ("company officials", "vague", 2),
        ("manager at the mine", "anonymous", 2),
    ]
    assert {s.affiliation for s in sources} == {"Corran Ridge"}


def test_a_brand_with_digits_and_a_person_s_lawsuits():
    text = (
        "One American company, 3M, said halting shipments would hurt health workers. On Monday, 3M said it "
        "struck a deal. Gov. Rick Scott sued the county. Scott’s lawsuits accuse Broward County of hiding "
        "ballots. Scott said the count was flawed.\n"
    )
    assert table(text) == [("3M", "named-organisation", 2), ("Rick Scott", "named-person", 2)]


def test_link_text_run_together_and_interjections_are_no_sources():
    text = (
        "Special counsel Robert Mueller Robert (Bob) Swan MuellerSpeier says the inquiry is strong. "
        "Please do tell us what you think. ThinkProgress reports that turnout fell.\n"
    )
    assert table(text) == [("ThinkProgress", "named-person", 1)]  # a brand, not run-together names


def test_appositive_gives_the_affiliation():
    text = (
        "Jana Kowalski, the union’s chief negotiator, said the offer was poor. Ana Ruiz, a spokeswoman "
        "for the Harbor Port Authority, said the work would start.\n"
    )
    sources = Document.from_text(text).sources
    assert [(s.name, s.affiliation) for s in sources] == [
        ("Jana Kowalski", "union"),
        ("Ana Ruiz", "Harbor Port Authority"),
    ]
    evidence = sources[1].affiliation_evidence
    assert evidence is not None and text[evidence.start : evidence.end] == "Harbor Port Authority"


def test_a_pronoun_is_never_a_source_of_its_own():
    assert table("He called the ruling historic.\n") == []
    text = "Mayor Ana Ruiz said the budget was tight.\r\n\r\nShe said cuts were likely.\r\n"
    assert table(text) == [("Ana Ruiz", "named-person", 2)]


def test_page_furniture_is_not_prose():
    text = (
        "Council approves budget\n\n"
        "FILE PHOTO: Council members vote in Springfield, said a caption. REUTERS/Jo Doe\n\n"
        "The council approved the budget, Mayor Ana Ruiz said. (Photo: Jo Doe, AP)\n\n"
        "Related: Critics say the budget is too small\n"
    )
    doc = Document.from_text(text, "story.txt")
    assert table(text) == [("Ana Ruiz", "named-person", 1)]
    assert "FILE PHOTO" not in doc.text and "Jo Doe" not in doc.text and "Critics" not in doc.text
    assert len(doc.text) == len(text)


def test_link_hover_text_is_blanked_and_the_visible_name_kept():
    text = (
        "President Trump Donald John TrumpGOP senators balk at trial Warren goes local MORE on Thursday "
        "said he wants a second meeting.\n"
    )
    doc = Document.from_text(text, "story.txt")
    assert "GOP senators" not in doc.text and doc.text.startswith("President Trump ")
    assert [s.name for s in doc.sources] == ["Trump"]


def test_headlines_and_labels_credit_nobody_unless_they_quote_a_named_speaker():
    assert table("Vestan talks stall over border demands\n\nThe talks resumed on Monday.\n") == []
    assert table("SYRIA CRISIS\n\nRussia sent two warships on Monday.\n") == []
    quoted = table("“We will rebuild,” mayor says\n\nThe storm hit on Monday.\n")
    assert quoted == [("mayor", "anonymous", 1)]


def test_given_names_never_become_sides():
    text = (
        "Gov. Kristi Noem said she would sign the bill. Kristin Wileman, a spokeswoman for Noem’s "
        "campaign, said the bill was overdue. Lynne DiSanto said the bill was needed.\n"
    )
    sides = {s.name: s.side for s in Document.from_text(text).sources}
    # Noem's campaign, and Noem with it (her own camp); never "kristin" or "lynne"
    assert sides == {"Kristi Noem": "noem", "Kristin Wileman": "noem", "Lynne DiSanto": None}


def test_sources_report_shows_the_affiliation_and_its_evidence():
    import io
    import json

    from rhetlint.output.sources import render_sources_text, sources_json

    text = "Ana Ruiz, a spokeswoman for the Harbor Port Authority, said the dredging would start in May.\n"
    doc = Document.from_text(text, "port.txt")
    out = io.StringIO()
    render_sources_text([doc], out)
    assert "  Ana Ruiz [named-person], for Harbor Port Authority 1x" in out.getvalue()
    (source,) = json.loads(json.dumps(sources_json([doc])))["documents"][0]["sources"]
    assert source["affiliation"] == "Harbor Port Authority" and source["roles"] == ["spokeswoman"]
    assert source["evidence"]["affiliation"] == {"text": "Harbor Port Authority", "start": 32, "end": 53}


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        ("Senators voted 53-44 to confirm the judge on Tuesday.", []),
        ("The donor has pleaded guilty to fraud, prosecutors said.", ["prosecutors"]),
        ("The department released a list of names on Friday.", []),
        ("The vote signalled a shift in the party.", []),
    ],
)
def test_actions_and_events_are_not_speech(text, speakers):
    assert [s.name for s in Document.from_text(text).sources] == speakers


def test_a_quotation_that_ends_its_sentence_is_not_the_next_speakers():
    text = (
        "Prime Minister Aron Veld supports a compromise, saying the government “will not give up a single "
        "village.” Vestan officials said on Wednesday that the talks would resume.\n"
    )
    sources = {s.name: s for s in Document.from_text(text).sources}
    assert sources["Vestan officials"].quoted_words == 0 and not sources["Vestan officials"].has_direct_quote
    quote_then_speaker = Document.from_text("“We will win,” Smith said.\n").sources
    assert [(s.name, s.quoted_words) for s in quote_then_speaker] == [("Smith", 3)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The plan will fail, a retired general said on Monday. Gen. Ana Price said troops were not ready.",
            [("Ana Price", "named-person", 2)],
        ),
    ],
)
def test_people_described_by_role_and_named_later_are_named(text, expected):
    assert table(text) == expected


def test_role_descriptions_carry_their_organisation():
    text = (
        "The union’s chief negotiator, Jana Kowalski, said the offer was poor. A spokeswoman for Dalton "
        "Logistics said talks would continue.\n"
    )
    assert [(s.name, s.affiliation) for s in Document.from_text(text).sources] == [
        ("Jana Kowalski", "union"),
        ("spokeswoman for Dalton Logistics", "Dalton Logistics"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # the roles narrow differently: fire chief and police chief
            "The city’s fire chief said the blaze was out. Police Chief John Doe said the road was closed.",
            [("city’s fire chief", "anonymous", 1), ("John Doe", "named-person", 1)],
        ),
        (  # a group is never one person, and the union is not the company
            "Union spokesmen said the strike would go on. Company spokesman John Kirby said talks were over.",
            [("Union spokesmen", "anonymous", 1), ("John Kirby", "named-person", 1)],
        ),
        (  # a capitalised body is not the description "the department"
            "The drugmaker Acme Pharma said it would recall the drug.\n\nThe Department of Health said it had "
            "not been told.",
            [("Acme Pharma", "named-organisation", 1), ("Department of Health", "named-organisation", 1)],
        ),
        (  # the writer's own "I" is nobody's words
            "Senator John Smith said the bill was fair. I said that was nonsense.",
            [("John Smith", "named-person", 1)],
        ),
    ],
)
def test_different_speakers_stay_apart(text, expected):
    assert table(text) == expected


def test_an_appositive_that_is_not_a_role_gives_no_affiliation():
    text = "Ana Ruiz, a critic of the Port Authority, said the plan was late.\n"
    assert [(s.name, s.affiliation) for s in Document.from_text(text).sources] == [("Ana Ruiz", "")]


def test_a_lower_case_noun_for_a_person_before_a_name_makes_a_person() -> None:
    found = table(
        '"We looked at every option," council member Mara Quist said. The drugmaker Acme Pharma said it would '
        "recall the drug."
    )
    assert ("Mara Quist", "named-person", 1) in found
    assert ("Acme Pharma", "named-organisation", 1) in found


def test_a_short_form_of_an_organisations_name_is_that_organisation():
    text = (
        "The Washington Post says she was summoned on Friday, according to officials. "
        "The Post said it was not until Saturday that she decided to stay.\n"
    )
    names = [name for name, _, _ in table(text)]
    assert "Post" not in names and "Washington Post" in names


def test_an_organisation_word_shared_by_two_bodies_stays_apart():
    text = (
        "The Washington Post said the memo was real. The Denver Post said it was not. "
        "The Post said nothing more.\n"
    )
    assert "Post" in [name for name, _, _ in table(text)]


def test_a_crowd_named_after_a_body_speaks_for_it_and_lower_case_authorities_are_vague():
    text = (
        "FBI officials said the bulletin was routine. Administration officials said it was not. "
        "The suspect fled, authorities said.\n"
    )
    types = {name: kind for name, kind, _ in table(text)}
    assert types["FBI officials"] == "named-organisation"
    assert types["authorities"] == "vague"
    assert [k for n, k in types.items() if n.lower().startswith("administration")] == ["vague"]


def test_ordinary_words_opening_a_line_and_relative_pronouns_are_no_sources():
    text = (
        "Please share this story, please. Police said the road was closed.\n\n"
        "Five women spoke, some of whom said they were afraid. You said it yourself, a reader wrote.\n"
    )
    names = [name for name, _, _ in table(text)]
    assert "Please" not in names and "of whom" not in names and "you" not in [n.lower() for n in names]
    assert "Police" in names or "police" in names  # an institution opening a sentence still speaks


def test_a_generational_suffix_and_its_full_stop_do_not_make_two_people():
    text = (
        "Publisher Arthur Sulzberger Jr. said the paper would not retreat. "
        "“We stand by it,” said Arthur Sulzberger Jr in a memo. Arthur Sulzberger said more later.\n"
    )
    names = [name for name, _, _ in table(text)]
    assert len(names) == 1 and names[0].startswith("Arthur Sulzberger Jr")


def test_a_role_read_as_the_speaker_joins_the_name_it_describes():
    text = (
        "“People of faith are going to stay away,” Michael Berry, senior counsel at the Liberty Institute, a "
        "Texas-based legal organization dedicated to defending religious liberty in America, told The "
        "Washington Times. Berry said the problem was getting worse.\n"
    )
    assert [name for name, _, _ in table(text)] == ["Michael Berry"]


def test_surname_lookups_agree_whether_searched_or_indexed():
    from rhetlint.analysis.attribution.coreference import SCANNED_SURNAMES, Coreference
    from rhetlint.analysis.attribution.lexicon import lexicon

    people = [f"Ann Lee{i}" for i in range(SCANNED_SURNAMES + 4)] + ["Jo Ruiz", "Mr. Quill"]
    text = "Reporting by " + ", ".join(people) + ". " + " ".join(f"{p.split()[-1]} said so." for p in people)
    words = [p.split()[-1] for p in people] + ["Nobody"]
    searched = Coreference(text, lexicon())
    indexed = Coreference(text, lexicon())
    indexed._scans = SCANNED_SURNAMES  # every lookup goes through the index of the text's words
    found = [searched.surname(word, len(text)) for word in words]
    assert found == [indexed.surname(word, len(text)) for word in words]
    assert found[0] == "Ann Lee0" and found[-3] == "Jo Ruiz"
    assert found[-2] is None and found[-1] is None  # "Mr." is a title, not a first name; "Nobody" is absent


def test_a_qualified_role_refers_to_the_person_the_story_qualified_that_way():
    filler = "The council met again on the budget and the roads. " * 60  # past the pronoun window
    text = (
        "US President Donald Trump said the deal was bad. "
        + filler
        + "President Hassan Rouhani said America would return. The US president accused Beijing of meddling.\n"
    )
    speakers = [a.speaker for a in Document.from_text(text).attributions]
    assert speakers == ["Donald Trump", "Hassan Rouhani", "Donald Trump"]
