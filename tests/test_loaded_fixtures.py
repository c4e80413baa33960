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


# Slanted passages per class of phrase-level slant, each beside its literal twin (benchmarks/passages).
CLASS_FIXTURES = sorted((Path(__file__).parent / "fixtures" / "loaded" / "classes").glob("*.md"))


@pytest.mark.parametrize("draft", CLASS_FIXTURES, ids=[p.stem for p in CLASS_FIXTURES])
def test_class_fixture(draft: Path, rhetlint_fixture) -> None:
    rhetlint_fixture(draft, plugins=[rhetlint_plugins.loaded], select=["loaded-language"])


def test_every_class_has_a_slanted_passage_and_a_literal_twin() -> None:
    names = {p.stem for p in CLASS_FIXTURES}
    classes = {n for n in names if not n.endswith("-literal")}
    assert len(classes) >= 7
    assert {f"{c}-literal" for c in classes} <= names, "a class without its literal twin"


def test_literal_twins_stay_quiet() -> None:
    for twin in (p for p in CLASS_FIXTURES if p.stem.endswith("-literal")):
        expected = twin.with_name(twin.name + ".expected")
        assert expected.read_text("utf-8").strip() == "", f"{twin.name} has findings"
