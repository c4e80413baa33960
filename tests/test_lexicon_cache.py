"""The parsed built-in lexicon is cached in the user's cache folder and rebuilt from the TOML when needed."""

from __future__ import annotations

from lexicon_cache_helpers import fresh


def test_cache_round_trip_gives_the_same_entries(tmp_path, monkeypatch):
    parsed = fresh(monkeypatch, tmp_path)
    files = list(tmp_path.glob("lexicon-*.json"))
    assert len(files) == 1
    cached = fresh(monkeypatch, tmp_path)
    assert cached.entries == parsed.entries
    assert len(parsed.entries) > 1000


def test_a_corrupt_cache_falls_back_to_the_toml(tmp_path, monkeypatch):
    parsed = fresh(monkeypatch, tmp_path)
    [cache_file] = tmp_path.glob("lexicon-*.json")
    cache_file.write_text('[{"rule": "emotive-language"}]', encoding="utf-8")
    assert fresh(monkeypatch, tmp_path).entries == parsed.entries


def test_an_empty_cache_setting_disables_the_cache(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    lexicon = fresh(monkeypatch, "")
    assert lexicon.entries
    assert not list(tmp_path.rglob("lexicon-*.json"))
