"""docs/threat-model.md states the limits the code enforces: each documented default equals the code's."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from rhetlint.lint.config import Config
from rhetlint.parsers.markdown import MAX_NESTING
from rhetlint.rules.data.reader import DEFAULT_MAX_MEGABYTES
from rhetlint.rules.data.safe_regex import MAX_REGEX_LENGTH, MAX_TOKEN_LENGTH, RegexNotAllowed, check_regex

DOCS = Path(__file__).parent.parent / "docs"


def _limits() -> dict[str, str]:
    """The "Limits and their defaults" table: limit -> default, as written."""
    page = (DOCS / "threat-model.md").read_text(encoding="utf-8")
    section = page.split("## Limits and their defaults", 1)[1].split("\n## ", 1)[0]
    rows = [line.split("|")[1:3] for line in section.splitlines() if line.startswith("| ")]
    return {name.strip(): default.strip() for name, default in rows[1:]}


def _largest_repeat_count() -> int:
    """The largest {n} the pattern engine accepts, found by asking it."""
    low, high = 1, 100_000
    while low < high:
        middle = (low + high + 1) // 2
        try:
            check_regex(f"a{{{middle}}}")
            low = middle
        except RegexNotAllowed:
            high = middle - 1
    return low


def code_defaults() -> dict[str, str]:
    config = Config()
    return {
        "`max-file-size`": f"{config.max_file_size:g} MB",
        "configuration file size": f"{DEFAULT_MAX_MEGABYTES:g} MB",
        "`rule-time-budget`": f"{config.rule_time_budget:g} s",
        "regex word length": f"{MAX_REGEX_LENGTH} characters",
        "regex word repeat count": str(_largest_repeat_count()),
        "token length for regex words": f"{MAX_TOKEN_LENGTH} characters",
        "Markdown nesting": f"{(MAX_NESTING - 1) // 2} levels of list, {MAX_NESTING - 1} of block quote",
    }


def test_the_threat_model_lists_every_limit_with_the_code_default():
    assert _limits() == code_defaults()


@pytest.mark.parametrize(
    ("key", "attribute"), [("max-file-size", "max_file_size"), ("rule-time-budget", "rule_time_budget")]
)
def test_the_configuration_page_gives_the_same_defaults(key, attribute):
    page = (DOCS / "configuration.md").read_text(encoding="utf-8")
    [default] = re.findall(rf"^\| `{key}` \| [^|]+ \| `([^`]+)` \|", page, re.M)
    assert float(default) == getattr(Config(), attribute)


def test_the_readme_links_the_threat_model():
    readme = (DOCS.parent / "README.md").read_text(encoding="utf-8")
    assert "(docs/threat-model.md)" in readme
