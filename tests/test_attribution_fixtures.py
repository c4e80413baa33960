"""Lint each draft in tests/fixtures/attribution/ with only the attribution plugin and compare the
diagnostics with the ``.expected`` file beside it (``LINE:COL-LINE:COL CODE message``, one a line), using the
same fixture runner as third-party plugins (``rhetlint.testing``; ``pytest --rhetlint-update`` rewrites)."""

from __future__ import annotations

from pathlib import Path

import pytest

import rhetlint_plugins.attribution

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "attribution"
DRAFTS = sorted(FIXTURES.glob("*.md"))


def test_every_rule_has_a_fixture() -> None:
    codes = {
        r.code
        for r in (
            rhetlint_plugins.attribution.unsourced_claim,
            rhetlint_plugins.attribution.vague_attribution,
            rhetlint_plugins.attribution.anonymous_source,
            rhetlint_plugins.attribution.place_as_speaker,
        )
    }
    assert codes <= {p.stem for p in DRAFTS}


@pytest.mark.parametrize("draft", DRAFTS, ids=[p.stem for p in DRAFTS])
def test_fixture(draft: Path, rhetlint_fixture) -> None:
    rhetlint_fixture(draft, plugins=[rhetlint_plugins.attribution])
