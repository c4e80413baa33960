"""The server's limits: the maxDocumentSize setting, the message cap derived from it, and the figures
docs/editor-server.md gives for them."""

from __future__ import annotations

from pathlib import Path

import pytest

from rhetlint.lsp import server, workers
from rhetlint.lsp.settings import EditorSettings

DOC = (Path(__file__).parents[2] / "docs" / "editor-server.md").read_text(encoding="utf-8")


def test_max_document_size_is_read_in_megabytes():
    settings, problems = EditorSettings.parse({"rhetlint": {"maxDocumentSize": 2.5}})
    assert problems == [] and settings.max_document_bytes == 2_500_000
    assert settings.max_message_bytes == 6 * 2_500_000 + 1_048_576
    same, _ = EditorSettings.parse({"max-document-size": 3})
    assert same.max_document_size == 3.0


@pytest.mark.parametrize("value", [0, -1, True, "5", float("nan"), float("inf"), 1e12, None])
def test_a_bad_max_document_size_keeps_the_default_and_says_why(value: object):
    settings, problems = EditorSettings.parse({"maxDocumentSize": value})
    assert settings.max_document_size == EditorSettings().max_document_size
    assert len(problems) == 1 and "positive number of megabytes" in problems[0]


def test_the_documented_limits_are_the_real_ones():
    defaults = EditorSettings()
    assert f"| `maxDocumentSize` | number (MB) | `{defaults.max_document_size:g}` |" in DOC
    assert f"default {defaults.max_document_size:g} MB" in DOC
    assert f"({defaults.max_message_bytes:,} bytes by default;" in DOC
    assert f"a lint that has run for {workers.STALL_AFTER_S:g} seconds" in DOC
    word = {1: "one", 2: "two", 3: "three", 4: "four"}[workers.MAX_STALLED]
    assert f"at most {word} are left running like this" in DOC
    assert f"waits at most {server.REQUEST_WAIT_S:g} seconds" in DOC
