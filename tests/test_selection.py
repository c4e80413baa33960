"""Rule selection and lifecycle, on rules built here: preview rules need their own name, status is checked."""

from __future__ import annotations

import pytest

from rhetlint import Rule, RuleError, rule
from rhetlint.lint.config import Config
from rhetlint.rules import RuleRegistry
from rhetlint.rules.docs import rule_page
from rhetlint.rules.selection import Decisions, Selection, enabled, severity


def _rule(code: str, name: str, status: str = "stable") -> Rule:
    @rule(code=code, name=name, category="testing", status=status)
    def check(doc, options):
        """Flags nothing."""
        return ()

    return check


STABLE = _rule("T101", "stable-one")
PREVIEW = _rule("T102", "preview-one", status="preview")


@pytest.mark.parametrize(
    ("select", "extend", "expected"),
    [
        ((), (), {"T101"}),  # defaults: the preview rule stays off
        (("ALL",), (), {"T101"}),
        (("T",), (), {"T101"}),  # a prefix never reaches a preview rule
        (("testing",), (), {"T101"}),  # nor a category
        (("T102",), (), {"T102"}),  # its code does
        ((), ("preview-one",), {"T101", "T102"}),  # and its name, through extend-select
    ],
)
def test_preview_rules_run_only_when_named(select, extend, expected):
    registry = RuleRegistry()
    for r in (STABLE, PREVIEW):
        registry.add(r, "test")
    decisions = Decisions(registry, Config(), Selection(select=select or None, extend_select=extend))
    assert {r.code for r in decisions.rules()} == expected


def test_ignore_still_beats_an_equally_specific_select_of_a_preview_rule():
    assert not enabled(PREVIEW, ["T102"], ["T102"])
    assert enabled(PREVIEW, ["T102"], ["T1"])


def test_most_specific_severity_wins():
    assert severity(STABLE, {"T": "error", "stable-one": "info"}) == "info"
    assert severity(STABLE, {"ALL": "error"}) == "error"
    assert severity(STABLE, {}) == "warning"


def test_status_is_checked_and_shown():
    with pytest.raises(RuleError, match="status must be one of stable, preview, deprecated"):
        _rule("T103", "bad-status", status="beta")
    assert "status: deprecated" in rule_page(_rule("T104", "old-one", status="deprecated"))
    assert "status:" not in rule_page(STABLE)
