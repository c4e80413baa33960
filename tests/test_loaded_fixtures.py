"""Fixture drafts for the loaded-language rules, compared with the reviewed .expected files beside them."""

from __future__ import annotations

from pathlib import Path

import pytest

import rhetlint_plugins.loaded

FIXTURES = sorted((Path(__file__).parent / "fixtures" / "loaded").glob("*.md"))


@pytest.mark.parametrize("draft", FIXTURES, ids=[p.stem for p in FIXTURES])
def test_fixture(draft: Path, rhetlint_fixture) -> None:
    rhetlint_fixture(draft, plugins=[rhetlint_plugins.loaded], select=[draft.stem])


def test_every_rule_has_a_fixture() -> None:
    codes = {p.stem for p in FIXTURES}
    rules = {r.code for r in rhetlint_plugins.loaded.LEXICON_RULES} | {
        rhetlint_plugins.loaded.scare_quotes_rule.code
    }
    assert rules <= codes, f"rules without a fixture: {sorted(rules - codes)}"
