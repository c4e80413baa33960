"""Incremental re-linting gives exactly what a full lint gives, and re-runs only what changed."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from rhetlint.lint.incremental import IncrementalLinter
from rhetlint.lint.linter import Linter
from rhetlint.lint.session import Session

STORIES = Path(__file__).resolve().parents[2] / "benchmarks" / "sourcing" / "stories"
# Insertions that move sentence, paragraph and quotation boundaries, add flagged words (built-in rules and
# the test plugin's "zork"/"blorp") and suppression comments.
INSERTS = [
    "claimed",
    "slammed",
    " zork ",
    "blorp",
    "“",
    "”",
    '"',
    "\n\n",
    "\n",
    " ",
    ". ",
    "“so-called”",
    " on life support ",
    " the patient ",
    "“diktat”",
    " diktat ",
    "<!-- rhetlint-disable-next-line L103 -->\n",
    "<!-- rhetlint-disable L101 -->",
    "<!-- rhetlint-enable L101 -->",
    "# ",
    "> ",
    "- ",
]

CRASHING_PLUGIN = '''
from rhetlint import Finding, hookimpl, rule


@rule(code="T401", name="fragile", category="testing", scope="sentence")
def fragile(doc, options):
    """Crashes on the word "boom"."""
    for t in doc.tokens:
        if t.norm == "boom":
            raise RuntimeError("boom")
        if t.norm == "zork":
            yield Finding(t.start, t.end, "fragile zork")


@hookimpl
def rhetlint_register_rules(register):
    register(fragile)
'''


@pytest.fixture
def linter(project, monkeypatch) -> Linter:
    """The built-in loaded-language rules plus the test plugin (T101 sentence scope, T202 document scope)."""
    monkeypatch.setenv("RHETLINT_LOAD_PLUGINS", "loaded-language")
    project.plugin("fragile", CRASHING_PLUGIN)
    return Session().linter_for(project.root / "draft.md")


def shape(diagnostics) -> list[dict]:
    return [d.as_dict() for d in diagnostics]


def random_edits(linter: Linter, source: str, path: str, edits: int, seed: int) -> int:
    """Apply seeded random edits; after each, compare with a full lint. Return how many units were re-run."""
    rng = random.Random(seed)
    incremental = IncrementalLinter(linter)
    incremental.lint(source, path)
    rerun = 0
    for step in range(edits):
        at = rng.randrange(len(source) + 1)
        if rng.random() < 0.3:
            source = source[:at] + source[at + rng.randrange(1, 12) :]
        else:
            source = source[:at] + rng.choice(INSERTS) + source[at:]
        _, got = incremental.lint(source, path)
        assert shape(got) == shape(linter.lint_source(source, path)), f"step {step}, seed {seed}"
        rerun += incremental.stats.rerun_units
    return rerun


def test_random_markdown_edits_match_a_full_lint(linter, project):
    source = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(STORIES.glob("*.md"))[:6])
    rerun = random_edits(linter, source, str(project.root / "draft.md"), edits=150, seed=6)
    assert rerun < 150 * 4  # an edit touches a unit or two, not the ~60 in the draft


@pytest.mark.parametrize("suffix", [".txt", ".html"])
def test_random_text_and_html_edits_match_a_full_lint(linter, project, suffix):
    story = (STORIES / "03-wind-farm.md").read_text(encoding="utf-8")
    if suffix == ".html":
        story = "".join(f"<p>{p}</p>\n\n" for p in story.split("\n\n"))
    random_edits(linter, story, str(project.root / f"draft{suffix}"), edits=60, seed=3)


def test_random_edits_of_text_typed_one_paragraph_per_line_match_a_full_lint(linter, project):
    story = (STORIES / "03-wind-farm.md").read_text(encoding="utf-8")
    lines = "\n".join(" ".join(p.split()) for p in story.split("\n\n"))  # one paragraph per line
    random_edits(
        linter,
        lines + "\nShe was angry about\nclaims that the vote was rigged.\n",
        str(project.root / "draft.txt"),
        edits=60,
        seed=11,
    )


def test_a_word_in_the_previous_paragraph_does_not_guard_this_one(linter, project):
    """ "about" before "claims" would make it a noun, but a paragraph's findings depend on it alone."""
    path = str(project.root / "draft.txt")
    before = "She was angry about\n\nclaims that the vote was rigged."
    incremental = IncrementalLinter(linter)
    incremental.lint(before, path)
    after = before.replace("rigged", "fixed")
    _, got = incremental.lint(after, path)
    assert [(d.code, d.match) for d in got] == [("L103", "claims")]
    assert shape(got) == shape(linter.lint_source(after, path))


def test_a_term_quoted_in_another_paragraph_does_not_clear_this_one(linter, project):
    """A term the story quotes as someone's is theirs to the end of that paragraph, no further."""
    path = str(project.root / "draft.md")
    before = "The union called the order a “diktat.”\n\nThe diktat takes effect in May."
    incremental = IncrementalLinter(linter)
    incremental.lint(before, path)
    after = before.replace("takes effect", "starts")
    _, got = incremental.lint(after, path)
    assert [(d.code, d.match) for d in got] == [("L101", "diktat")]
    assert shape(got) == shape(linter.lint_source(after, path))


def test_editing_one_paragraph_reruns_one_unit(linter, project):
    path = str(project.root / "draft.md")
    paragraphs = [f"Paragraph {i} says the mayor claimed zork." for i in range(20)]
    incremental = IncrementalLinter(linter)
    _, first = incremental.lint("\n\n".join(paragraphs), path)
    assert (incremental.stats.units, incremental.stats.rerun_units) == (20, 20)
    paragraphs[7] = "Paragraph 7 now slammed it."
    _, second = incremental.lint("\n\n".join(paragraphs), path)
    assert (incremental.stats.units, incremental.stats.rerun_units) == (20, 1)
    assert shape(second) == shape(linter.lint_source("\n\n".join(paragraphs), path))
    # paragraph 7 lost its L103, T101 and T401 and gained an L101; the other 19 kept theirs
    assert sorted(d.code for d in first) == ["L103"] * 20 + ["T101"] * 20 + ["T401"] * 20
    assert sorted(d.code for d in second) == ["L101"] + ["L103"] * 19 + ["T101"] * 19 + ["T401"] * 19


def test_a_quotation_running_into_the_next_paragraph_joins_them(linter, project):
    path = str(project.root / "draft.md")
    source = "He said “this runs on\n\n“and on,” he said.\n\nAnother paragraph."
    incremental = IncrementalLinter(linter)
    incremental.lint(source, path)
    assert incremental.stats.units == 2  # the first two paragraphs are one unit


def test_a_quotation_left_open_does_not_leak_past_a_reused_paragraph(linter, project):
    """The open quotation in A ends at B (no quotes); C's quotation stands alone. If A and C were re-run
    together without B, A's quotation would run on into C and hide C's scare quotes."""
    path = str(project.root / "draft.md")
    a, b, c = "He said “this is open\n\n", "Plain paragraph here.\n\n", "“reform” is the plan now.\n"
    incremental = IncrementalLinter(linter)
    incremental.lint(a + b + c, path)
    edited = a.replace("He", "She") + b + c.replace("plan", "idea")
    _, got = incremental.lint(edited, path)
    assert incremental.stats.rerun_units == 2
    assert [(d.code, d.match) for d in got] == [("L106", "“reform”")]
    assert shape(got) == shape(linter.lint_source(edited, path))


def test_a_crashing_rule_is_reported_and_its_results_not_reused(linter, project):
    path = str(project.root / "draft.md")
    incremental = IncrementalLinter(linter)
    source = "One zork here.\n\nA boom there."
    _, got = incremental.lint(source, path)
    assert shape(got) == shape(linter.lint_source(source, path))
    assert [d.code for d in got if d.code in ("RL900", "T401")] == ["RL900", "T401"]  # zork came first
    fixed = source.replace("boom", "calm")
    _, got = incremental.lint(fixed, path)
    assert [d.code for d in got if d.code in ("RL900", "T401")] == ["T401"]
    assert shape(got) == shape(linter.lint_source(fixed, path))
