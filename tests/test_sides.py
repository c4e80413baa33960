"""Side assignment: configured, per draft, and inferred with evidence."""

from __future__ import annotations

from rhetlint.analysis.sides import NameIndex, local_places, story_parties
from rhetlint.hooks.manager import load_plugins
from rhetlint.lint.config import Config
from rhetlint.lint.linter import Linter

STORY = (
    'Israeli officials said on Monday that the talks had stalled. "We have made every offer we can," '
    "an Israeli army spokesman said.\n\n"
    "Hamas said in a statement that the offer was not serious.\n\n"
    "Critics say both sides have hardened their positions.\n"
)


def sources_of(text: str, sides: dict | None = None, path: str = "story.md"):
    config = Config()
    if sides:
        config.sides = sides
    doc = Linter(load_plugins(entry_points=False), config).parse(text, path)
    return doc, {s.name: s for s in doc.sources}


def test_inferred_sides_come_with_evidence():
    doc, sources = sources_of(STORY)
    sided = {s.side for s in sources.values() if s.side}
    assert sided == {"israel", "hamas"}
    israeli = next(s for s in sources.values() if s.side == "israel")
    assert israeli.side_evidence.word == "Israeli"
    assert doc.source[israeli.side_evidence.start : israeli.side_evidence.end] == "Israeli"
    assert israeli.side_evidence.configured is False
    vague = [s for s in sources.values() if s.type == "vague"]
    assert vague and all(s.side is None for s in vague)  # "critics" speak for no party
    assert set(story_parties(doc, doc.sources)) >= {"israel", "hamas"}


def test_configured_sides_replace_inference():
    doc, sources = sources_of(
        STORY, {"government": ["Israeli officials", "Israeli army"], "militants": ["Hamas"]}
    )
    sided = {s.side for s in sources.values() if s.side}
    assert sided == {"government", "militants"}
    assert all(s.side_evidence.configured for s in sources.values() if s.side)


def test_front_matter_sides_override_configuration():
    text = "---\nsides:\n  blue: [Hamas]\n---\n\n" + STORY
    doc, sources = sources_of(text, {"red": ["Hamas"]})
    assert {s.side for s in sources.values() if s.side} == {"blue"}


def test_local_places_are_proved_by_their_demonyms():
    text = "Veloran officials met Ostrian envoys in Velora. Ostria said no. Kessmark is a town."
    doc, _ = sources_of(text)
    places = local_places(doc)
    assert places["Veloran"] == places["Velora"] == "velora"
    assert places["Ostrian"] == "ostria"
    assert "Kessmark" not in places  # no demonym for it in the text


def test_name_index_is_case_sensitive_longest_first_and_whole_word():
    index = NameIndex(["Korea", "Republic of Korea", "Democratic People's Republic of Korea", "R-", "U.S."])
    text = (
        "The Democratic People's Republic of Korea and the Republic of Korea; Sen. Doe, R-Texas; an R-rated "
        "film; D-Day; U.S. policy; korea; Koreans"
    )
    found = [(m.group(), m.start()) for m in index.finditer(text)]
    assert found == [
        ("Democratic People's Republic of Korea", 4),
        ("Republic of Korea", text.index("Republic", 50)),
        ("U.S.", text.index("U.S.")),
        ("R-", text.index("R-Texas")),
    ]


DOMESTIC = (
    "The FBI said on Tuesday that the inquiry would go on. U.S. officials in Washington said the review "
    "had found no wrongdoing.\n\n"
    'Republican Sen. Ann Cole said the bureau "has lost its way." Democratic Rep. Ray Moss said the '
    "inquiry was fair.\n"
)


def test_a_lone_country_is_the_setting_not_a_party():
    doc, sources = sources_of(DOMESTIC)
    sided = {name: s.side for name, s in sources.items() if s.side}
    assert "united-states" not in sided.values()  # the FBI and U.S. officials are the story's setting
    assert {"republican", "democratic"} <= set(sided.values())
    assert "united-states" not in story_parties(doc, doc.sources)


def test_two_countries_stay_parties():
    doc, sources = sources_of(
        "A U.S. diplomat said the talks in Geneva had stalled. A Russian diplomat said Washington had "
        "walked away.\n"
    )
    assert {s.side for s in sources.values() if s.side} == {"united-states", "russia"}


def test_a_state_or_chamber_before_a_title_is_no_side():
    doc, sources = sources_of(
        "Vermont Sen. Bernie Sanders said the bill was too weak. House Speaker Mia Ford said it would pass. "
        "San Marco Police Chief Tom Reyes said the roads were closed.\n"
    )
    assert {name: s.side for name, s in sources.items()} == {
        "Bernie Sanders": None,
        "Mia Ford": None,
        "Tom Reyes": None,
    }


def test_critics_of_a_name_do_not_speak_for_it():
    doc, sources = sources_of(
        "Mayor Lena Park's critics said the budget hid a deficit. Park said the budget was balanced.\n"
    )
    # the critics stand against Park, not for her
    assert {name: s.side for name, s in sources.items()} == {
        "Mayor Lena Park's critics": "park-critics",
        "Lena Park": "park",
    }


def test_words_capitalised_only_at_sentence_starts_are_no_places():
    doc, _ = sources_of("The council met. Then it voted. The mayor said so. Then she left.\n")
    assert "The" not in local_places(doc) and "Then" not in local_places(doc)


def test_configured_sides_name_descriptions_and_affiliations():
    text = (
        "The mine will reopen next month, company officials said. A manager at the mine said new bolts were "
        "installed. Critics said the review was rushed. “We are being asked to trust them,” said Ray Cullen, "
        "president of Mineworkers Local 9.\n"
    )
    sides = {
        "company": ["Corran Ridge Mining", "company officials", "a manager at the mine"],
        "union": ["Mineworkers Local 9", "critics"],
    }
    doc, sources = sources_of(text, sides)
    assert {name: s.side for name, s in sources.items()} == {
        "company officials": "company",  # a description, listed as the text writes it
        "manager at the mine": "company",  # listed with its article
        "Critics": "union",  # a vague group the configuration puts on a side
        "Ray Cullen": "union",  # through his affiliation
    }
    assert all(s.side_evidence.configured for s in sources.values())
