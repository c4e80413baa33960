"""Shared by the tests of the built-in lexicon's caches."""

from __future__ import annotations

from rhetlint_plugins.loaded import lexicon as lexicon_module


def fresh(monkeypatch, cache_dir):
    """The built-in lexicon read anew with ``cache_dir`` as the cache folder (no memo before or after)."""
    monkeypatch.setenv("RHETLINT_CACHE_DIR", str(cache_dir))
    lexicon_module.builtin_lexicon.cache_clear()
    try:
        return lexicon_module.builtin_lexicon()
    finally:
        lexicon_module.builtin_lexicon.cache_clear()
