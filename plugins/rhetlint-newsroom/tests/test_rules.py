"""Tests for rhetlint_newsroom, written with rhetlint's testing kit (rhetlint.testing).

- ``assert_rule`` checks a rule against tables of valid and invalid texts;
- ``rhetlint_fixture`` compares each ``tests/fixtures/<CODE>.md`` draft with ``<CODE>.md.expected``;
- ``check_rule_docs`` compares each ``docs/rules/<name>.md`` page with the rule's docstring.

``pytest --rhetlint-update`` rewrites the .expected files and the docs pages; review the diff.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rhetlint.testing import Invalid, assert_rule, check_rule_docs, plugin_rules

import rhetlint_newsroom

HERE = Path(__file__).parent
FIXTURES = sorted((HERE / "fixtures").glob("*.md"))


def test_exclamation_mark() -> None:
    assert_rule(
        rhetlint_newsroom.exclamation_mark,
        valid=["The council approved the budget on Tuesday.", '"We did it!" the mayor said.'],
        invalid=[
            Invalid("Turnout reached a record!", match="!", replacement="."),
            Invalid("Can you believe it?!", match="?!", replacement="?"),
        ],
    )


@pytest.mark.parametrize("draft", FIXTURES, ids=[p.stem for p in FIXTURES])
def test_fixture(draft: Path, rhetlint_fixture) -> None:
    rhetlint_fixture(draft, plugins=[rhetlint_newsroom], select=[draft.stem])


def test_every_rule_has_a_fixture() -> None:
    codes = {p.stem for p in FIXTURES}
    missing = [r.code for r in plugin_rules(rhetlint_newsroom) if r.code not in codes]
    assert not missing, f"rules without tests/fixtures/<CODE>.md: {missing}"


def test_docs_pages(rhetlint_update: bool) -> None:
    check_rule_docs(
        rhetlint_newsroom, HERE.parent / "docs" / "rules", plugin_name="newsroom", update=rhetlint_update
    )


def test_said_after_quote() -> None:
    assert_rule(
        rhetlint_newsroom.said_after_quote,
        valid=[
            '"We will rebuild," the mayor said.',
            '"We will rebuild," said Mayor Ana Ruiz.',
            '"It is over," the noted author said.',
            "The mayor stated that the city would rebuild.",
            '"It is over." He explained the plan later.',
        ],
        invalid=[
            Invalid('"We will rebuild," the mayor stated.', match="stated", replacement="said"),
            Invalid('"Never!" exclaimed the coach.', match="exclaimed"),
            Invalid("“Not again,” the city’s deputy mayor insisted.", match="insisted"),
        ],
    )


def test_banned_phrase() -> None:
    assert_rule(
        "NE102",
        plugins=[rhetlint_newsroom],
        valid=[
            "From January, the council will revisit the plan.",
            '"Going forward, we will cut costs," the chair said.',
        ],
        invalid=[Invalid("Going forward, the council will revisit the plan.", match="Going forward")],
    )


def test_plain_word() -> None:
    assert_rule(
        "NE103",
        plugins=[rhetlint_newsroom],
        valid=["The council will use the reserve fund."],
        invalid=[
            Invalid("The council utilized the reserve fund.", match="utilized", replacement="used"),
            Invalid("Officials reached out to residents.", match="reached out", replacement="contacted"),
        ],
    )
