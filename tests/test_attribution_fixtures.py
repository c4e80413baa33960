"""Lint each draft in tests/fixtures/attribution/ with only the attribution plugin and compare the
diagnostics with the ``.expected`` file beside it (``LINE:COL-LINE:COL CODE message``, one a line)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from rhetlint.engine import Linter
from rhetlint.plugins import load_plugins

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "attribution"
sys.path.insert(0, str(ROOT / "plugins"))

import rhetlint_attribution  # noqa: E402 - the plugin folder is put on the path just above

DRAFTS = sorted(FIXTURES.glob("*.md"))


@pytest.fixture(scope="module")
def linter() -> Linter:
    plugins = load_plugins(entry_points=False, extra=[rhetlint_attribution])
    assert not plugins.problems, plugins.problems
    return Linter(plugins)


def render(diagnostics) -> list[str]:
    return [f"{d.start.line}:{d.start.column}-{d.end.line}:{d.end.column} {d.code} {d.message}"
            for d in diagnostics if d.plugin == rhetlint_attribution.__name__]


def test_every_rule_has_a_fixture() -> None:
    codes = {r.code for r in (rhetlint_attribution.unsourced_claim, rhetlint_attribution.vague_attribution,
                              rhetlint_attribution.anonymous_source, rhetlint_attribution.place_as_speaker)}
    assert codes <= {p.stem for p in DRAFTS}


@pytest.mark.parametrize("draft", DRAFTS, ids=[p.stem for p in DRAFTS])
def test_fixture(draft: Path, linter: Linter) -> None:
    expected = (draft.parent / (draft.name + ".expected")).read_text("utf-8").splitlines()
    got = render(linter.lint_source(draft.read_text("utf-8"), str(draft)))
    assert got == [line for line in expected if line.strip()]


# --- options ---------------------------------------------------------------------------------------------
def lint_with(text: str, rules: dict | None = None, **config) -> list[tuple[str, str]]:
    from rhetlint.config import Config

    plugins = load_plugins(entry_points=False, extra=[rhetlint_attribution])
    linter = Linter(plugins, Config(rules=rules or {}, **config))
    return [(d.code, d.match) for d in linter.lint_source(text, "draft.md")
            if d.plugin == rhetlint_attribution.__name__]


def test_rule_docs_have_the_required_sections() -> None:
    for r in (rhetlint_attribution.unsourced_claim, rhetlint_attribution.vague_attribution,
              rhetlint_attribution.anonymous_source, rhetlint_attribution.place_as_speaker):
        headings = [line for line in r.doc.splitlines() if line.startswith("## ")]
        assert headings == ["## What it flags", "## Why it matters", "## Example", "## Instead"], r.code
        assert r.summary and not r.summary.startswith("#")
        assert r.category == "attribution"


def test_severities() -> None:
    levels = {r.code: r.severity for r in (rhetlint_attribution.vague_attribution,
                                           rhetlint_attribution.anonymous_source,
                                           rhetlint_attribution.place_as_speaker)}
    assert levels == {"A102": "warning", "A103": "info", "A104": "info"}


def test_anonymity_reasons_option() -> None:
    text = "Officials said the deal was close. They spoke under embargo rules.\n"
    assert lint_with(text) == [("A103", "Officials said")]
    quiet = {"anonymous-source": {"anonymity-reasons": ["under embargo"]}}
    assert lint_with(text, quiet) == []


def test_extra_vague_sources_option() -> None:
    text = "Pundits say the race is over. Bystanders say the race is over.\n"
    assert [m for _, m in lint_with(text)] == ["Pundits say"]
    extra = {"vague-attribution": {"extra-vague-sources": ["bystanders"]}}
    assert [m for _, m in lint_with(text, extra)] == ["Pundits say", "Bystanders say"]


def test_quote_aware_can_be_switched_off() -> None:
    text = '"Critics say this will fail," the mayor said.\n'
    assert lint_with(text) == []
    scare = 'The sign read "a disastrous plan".\n'
    assert lint_with(scare) == []
    assert lint_with(scare, quote_aware=False) == [("A101", "disastrous")]


def test_unsourced_claim_kinds_option() -> None:
    text = "The vote will doom the project.\n"
    assert lint_with(text) == [("A101", "will doom")]
    assert lint_with(text, {"unsourced-claim": {"kinds": ["certainty"]}}) == []


def test_ignore_places_option() -> None:
    text = "Brussels rejects the plan.\n"
    assert lint_with(text) == [("A104", "Brussels rejects")]
    assert lint_with(text, {"place-as-speaker": {"ignore-places": ["Brussels"]}}) == []
