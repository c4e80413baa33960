"""The pre-commit snippets of docs/integrations/pre-commit.md agree with the published hook."""

from __future__ import annotations

import re

import yaml
from doc_blocks import DOCS, ROOT, fenced_blocks

PAGE = DOCS / "integrations" / "pre-commit.md"


def published_hook() -> dict:
    [hook] = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    return hook


def snippets() -> list[dict]:
    return [yaml.safe_load(block) for block in fenced_blocks(PAGE, "yaml")]


def test_remote_snippet_pins_a_commit_not_a_tag():
    remote, _local = snippets()
    [repo] = remote["repos"]
    assert repo["repo"] == "<rhetlint-repo-url>"
    assert repo["rev"] == "<commit-sha>"
    assert [hook["id"] for hook in repo["hooks"]] == [published_hook()["id"]]
    text = PAGE.read_text(encoding="utf-8")
    assert "pre-commit autoupdate --bleeding-edge --freeze --repo <rhetlint-repo-url>" in text
    assert not re.search(r"rev: v\d", text), "a release tag is pinned, but rhetlint has none yet"


def test_local_snippet_is_the_published_hook():
    _remote, local = snippets()
    [repo] = local["repos"]
    assert repo["repo"] == "local"
    [hook] = repo["hooks"]
    published = published_hook()
    for key in ("id", "name", "entry", "types_or"):
        assert hook[key] == published[key], key
    assert hook["language"] == "system"


def test_hook_definition_header_matches_the_docs():
    header = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8").split("- id:")[0]
    assert "rev: <commit-sha>" in header and "v0.1.0" not in header
