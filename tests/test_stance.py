"""Sides from the story's dispute: the fixtures in tests/fixtures/sides, and the pieces they rest on."""

from __future__ import annotations

from pathlib import Path

import pytest

from rhetlint.analysis.sides import story_parties
from rhetlint.analysis.stance import Parity, key_node
from rhetlint.hooks.manager import load_plugins
from rhetlint.lint.config import Config
from rhetlint.lint.linter import Linter

FIXTURES = Path(__file__).parent / "fixtures" / "sides"


def parse(text: str, path: str = "story.md"):
    return Linter(load_plugins(entry_points=False), Config()).parse(text, path)


def expected_sides(path: Path) -> dict[str, str]:
    table = {}
    for line in path.read_text("utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, side = line.split("\t")
            table[name] = side
    return table


@pytest.mark.parametrize("draft", sorted(FIXTURES.glob("*.md")), ids=lambda p: p.name)
def test_fixture_sides(draft: Path) -> None:
    if draft.name == "README.md":
        pytest.skip("the folder's guide")
    doc = parse(draft.read_bytes().decode("utf-8"), draft.name)
    found = {s.name: s.side or "neutral" for s in doc.sources}
    assert found == expected_sides(draft.with_name(draft.name + ".sides"))
    for source in doc.sources:
        if source.side:  # every side comes with the words that placed it, at their offsets in the file
            evidence = source.side_evidence
            assert evidence is not None
            assert doc.source[evidence.start : evidence.end].split() == evidence.word.split()


def test_a_stance_outranks_a_party_label() -> None:
    doc = parse((FIXTURES / "bill-dispute.md").read_text("utf-8"))
    renner = next(s for s in doc.sources if s.name == "Paul Renner")
    assert renner.side == "bill-opponents"
    assert renner.side_evidence.word == "opposes"  # not "Republican", which his party's backers share


def test_folded_keys_count_for_their_side() -> None:
    text = (
        "Sen. Maria Okafor, a Democrat, said she wrote the bill to end the lawsuits. Democrats back it, and "
        "Democrats say it will pass. Sen. Paul Renner, who opposes the bill, said it helps growers. Renner said "
        "towns would pay."
    )
    doc = parse(text)
    parties = story_parties(doc, doc.sources)
    assert "democratic" not in parties  # the writer's "Democrats" count for the side they stand on
    assert parties.get("bill-supporters", 0) >= 2
    assert "bill-opponents" in parties
    assert {s.name: s.side for s in doc.sources} == {
        "Maria Okafor": "bill-supporters",  # "she wrote the bill"
        "Democrats": "bill-supporters",  # her party, by her label
        "Paul Renner": "bill-opponents",
    }


def test_nouns_and_negations_take_no_stand() -> None:
    text = (
        "Omar Haddad said the plan was sound. Since the 2001 terrorist attacks Haddad has worked on it, and "
        "without Democratic support Haddad said it would fail. Ruth Abernathy did not criticize Haddad, "
        "Abernathy said."
    )
    doc = parse(text)
    assert {s.name: s.side for s in doc.sources} == {"Omar Haddad": None, "Ruth Abernathy": None}


def test_parity_keeps_the_first_of_two_contradicting_links() -> None:
    parity = Parity()
    assert parity.join("a", "b", same=True)
    assert parity.join("b", "c", same=False)
    assert not parity.join("a", "c", same=True)  # a stands with b, who opposes c
    assert parity.find("a")[1] != parity.find("c")[1]


def test_parity_never_joins_two_parties_on_weak_evidence() -> None:
    parity = Parity()
    parity.join("s:0", key_node("republican"), same=True)
    parity.join("s:1", key_node("democratic"), same=True)
    assert not parity.join("s:0", "s:1", same=True)  # "Both Republicans and Democrats called for it"
    assert parity.join("s:0", "s:1", same=True, fuse=True)  # "Democrats back the Republicans' bill"
    assert parity.find(key_node("republican")) == parity.find(key_node("democratic"))


def test_a_proposal_named_with_a_modifier_is_the_proposal() -> None:
    text = (
        "Rep. Peter King said he supported the border package. Critics of the border package said it "
        "went too far, and critics of the border package said so again on Friday.\n"
    )
    sides = {s.name: s.side for s in parse(text).sources}
    assert sides["Peter King"] == "package-supporters"
    assert {side for name, side in sides.items() if name.lower().startswith("critics")} == {
        "package-opponents"
    }
