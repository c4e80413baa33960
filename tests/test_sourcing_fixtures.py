"""Fixture drafts for the sourcing rules; a draft named CODE-anything.md is checked with rule CODE only."""

from __future__ import annotations

from pathlib import Path

import pytest

import rhetlint_plugins.attribution
import rhetlint_plugins.sourcing

FIXTURES = sorted((Path(__file__).parent / "fixtures" / "sourcing").glob("*.md"))


@pytest.mark.parametrize("draft", FIXTURES, ids=[p.stem for p in FIXTURES])
def test_fixture(draft: Path, rhetlint_fixture) -> None:
    rhetlint_fixture(
        draft,
        plugins=[rhetlint_plugins.sourcing, rhetlint_plugins.attribution],
        select=[draft.stem.split("-")[0]],
    )


def test_quiet_cases_really_are_quiet() -> None:
    """The quiet drafts give nothing: a brief and an opinion piece (which would be flagged if judged), a
    balanced story, a story with two sources, and a story where each side gets a last word."""
    for name in (
        "S101-brief.md",
        "S103-opinion.md",
        "S101-balanced.md",
        "S101-words-heard.md",
        "S102-two-sources.md",
        "S104-quiet.md",
    ):
        assert (Path(__file__).parent / "fixtures" / "sourcing" / f"{name}.expected").read_text() == ""


def _s101(name: str, config: dict | None = None) -> list:
    from rhetlint.testing import make_linter

    draft = Path(__file__).parent / "fixtures" / "sourcing" / name
    linter = make_linter([rhetlint_plugins.sourcing, rhetlint_plugins.attribution], config, ["S101"])
    return linter.lint_source(draft.read_text(encoding="utf-8"), str(draft))


def test_one_sided_with_inferred_sides_is_a_hint_and_says_so() -> None:
    (finding,) = _s101("S101-inferred-local-dispute.md")
    assert finding.severity == "info"
    assert "sides inferred from the text" in finding.message


def test_one_sided_with_configured_sides_stays_a_warning() -> None:
    (finding,) = _s101("S101.md")  # sides in front matter
    assert finding.severity == "warning" and "inferred" not in finding.message


def test_a_severity_the_user_sets_wins_over_the_hint() -> None:
    (finding,) = _s101("S101-inferred-local-dispute.md", {"severity": {"one-sided-sourcing": "warning"}})
    assert finding.severity == "warning"
