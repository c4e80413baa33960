"""Fenced code blocks of the documentation, for tests that keep the docs true."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"

FENCE = re.compile(r"^```([a-z]*)\n(.*?)^```$", re.S | re.M)


def fenced_blocks(path: Path, language: str | None = None) -> list[str]:
    """The contents of the fenced blocks of ``path``, in order; only those of ``language`` if given."""
    text = path.read_text(encoding="utf-8")
    return [body for lang, body in FENCE.findall(text) if language is None or lang == language]
