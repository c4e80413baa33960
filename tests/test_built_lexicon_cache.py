"""The built-in lexicon and its matcher are pickled in the user's cache folder, read back only when this user
wrote the file and nobody else can write it, and rebuilt when the file is stale, damaged or not private."""

from __future__ import annotations

import os
import pickle
import stat

import pytest
from lexicon_cache_helpers import fresh

from rhetlint import Document
from rhetlint_plugins.loaded import lexicon as lexicon_module
from rhetlint_plugins.loaded import private_cache
from rhetlint_plugins.loaded.terms import matcher

POSIX = hasattr(os, "getuid")
pytestmark = pytest.mark.skipif(not POSIX, reason="the pickled cache needs POSIX file owners")

DRAFT = (
    "The senator slammed the so-called reform, a blatant power grab that critics say is doomed from the "
    "start.\r\nShe claimed the regime's thugs had torpedoed the deal — “a token gesture,” é 😀.\n"
)


def built_files(folder):
    return sorted((folder / private_cache.FOLDER).glob("built-lexicon-*.pickle"))


def hits(lexicon):
    doc = Document.from_text(DRAFT, "draft.md")
    return [
        (h.start, h.end, h.pattern.source, h.pattern.form, h.pattern.meaning.key)
        for h in matcher(lexicon).find(doc)
    ]


def test_the_second_start_reads_the_built_matcher_and_finds_the_same(tmp_path, monkeypatch):
    built = fresh(monkeypatch, tmp_path)
    [cached_file] = built_files(tmp_path)
    assert stat.S_IMODE(cached_file.stat().st_mode) == 0o600
    loaded = fresh(monkeypatch, tmp_path)
    assert loaded is not built and loaded.matcher is not None and loaded.matcher is not built.matcher
    assert loaded.entries == built.entries
    assert hits(loaded) == hits(built)
    assert len(hits(built)) >= 8


def test_the_cached_matcher_is_used_not_rebuilt(tmp_path, monkeypatch):
    fresh(monkeypatch, tmp_path)
    [cached_file] = built_files(tmp_path)
    marker = lexicon_module.Lexicon()
    marker.matcher = matcher(lexicon_module.Lexicon())  # an empty matcher: finds nothing
    cached_file.write_bytes(pickle.dumps(marker))
    assert hits(fresh(monkeypatch, tmp_path)) == []


@pytest.mark.parametrize(
    "damage",
    [b"", b"not a pickle", pickle.dumps({"a": 1}), pickle.dumps(lexicon_module.Lexicon())],
    ids=["empty", "garbage", "foreign object", "lexicon without matcher"],
)
def test_a_damaged_cache_is_rebuilt_and_replaced(tmp_path, monkeypatch, damage):
    expected = hits(fresh(monkeypatch, tmp_path))
    [cached_file] = built_files(tmp_path)
    cached_file.write_bytes(damage)
    assert hits(fresh(monkeypatch, tmp_path)) == expected
    assert isinstance(private_cache.load(cached_file.parent, cached_file.name), lexicon_module.Lexicon)


def plant(folder, name):
    """A valid pickle of something the cache would never hold, to see whether it is read."""
    (folder / name).write_bytes(pickle.dumps("planted"))
    return folder / name


def test_a_file_others_can_write_is_not_read(tmp_path):
    planted = plant(tmp_path, "x.pickle")
    os.chmod(tmp_path, 0o700)
    os.chmod(planted, 0o600)
    assert private_cache.load(tmp_path, "x.pickle") == "planted"
    for mode in (0o620, 0o602, 0o666):
        os.chmod(planted, mode)
        assert private_cache.load(tmp_path, "x.pickle") is None


def test_a_folder_others_can_write_is_not_read(tmp_path):
    folder = tmp_path / "shared"
    folder.mkdir()
    plant(folder, "x.pickle")
    os.chmod(folder / "x.pickle", 0o600)
    for mode in (0o777, 0o1777, 0o770):
        os.chmod(folder, mode)
        assert private_cache.load(folder, "x.pickle") is None
    os.chmod(folder, 0o755)
    assert private_cache.load(folder, "x.pickle") == "planted"


@pytest.mark.skipif(not POSIX or os.getuid() != 0, reason="giving a file to another user needs root")
def test_a_file_or_folder_owned_by_someone_else_is_not_read(tmp_path):
    folder = tmp_path / "c"
    folder.mkdir()
    planted = plant(folder, "x.pickle")
    os.chown(planted, 4321, 4321)
    assert private_cache.load(folder, "x.pickle") is None
    os.chown(planted, 0, 0)
    os.chown(folder, 4321, 4321)
    assert private_cache.load(folder, "x.pickle") is None


def test_a_symbolic_link_is_not_followed(tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    plant(elsewhere, "target.pickle")
    folder = tmp_path / "cache"
    folder.mkdir()
    (folder / "x.pickle").symlink_to(elsewhere / "target.pickle")
    assert private_cache.load(folder, "x.pickle") is None


def test_a_new_key_keeps_only_the_newest_older_files(tmp_path, monkeypatch):
    folder = tmp_path / private_cache.FOLDER
    folder.mkdir(mode=0o700)
    stale = []
    for age in range(5):  # the oldest last
        old = folder / f"built-lexicon-{age:020d}.pickle"
        old.write_bytes(b"old")
        os.utime(old, ns=(10**18 - age * 10**12, 10**18 - age * 10**12))
        stale.append(old)
    other = folder / "unrelated.pickle"
    other.write_bytes(b"keep")
    fresh(monkeypatch, tmp_path)
    assert [p.exists() for p in stale] == [True] * private_cache.KEEP_OTHERS + [False] * (
        5 - private_cache.KEEP_OTHERS
    )
    assert other.exists()
    assert len(built_files(tmp_path)) == private_cache.KEEP_OTHERS + 1


def test_the_key_follows_the_lexicon_and_the_code_that_builds_the_matcher(monkeypatch):
    name = lexicon_module._built_name("lexicon-a")
    assert name is not None and name.startswith("built-lexicon-")
    assert lexicon_module._built_name("lexicon-b") != name
    monkeypatch.setattr(
        lexicon_module, "_BUILDER_MODULES", (*lexicon_module._BUILDER_MODULES, "rhetlint.text.lines")
    )
    assert lexicon_module._built_name("lexicon-a") != name


def test_the_pickles_live_in_a_private_folder_even_under_a_group_writable_one(tmp_path, monkeypatch):
    os.chmod(tmp_path, 0o775)  # a cache folder made under a umask of 002
    built = fresh(monkeypatch, tmp_path)
    [cached_file] = built_files(tmp_path)
    assert stat.S_IMODE(cached_file.parent.stat().st_mode) == 0o700
    assert hits(fresh(monkeypatch, tmp_path)) == hits(built)


def test_a_new_cache_folder_is_private(tmp_path):
    folder = tmp_path / "new" / "rhetlint"
    private_cache.store(folder, "x.pickle", [1, 2])
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert private_cache.load(folder, "x.pickle") == [1, 2]
    assert not list(folder.glob("*.tmp"))


def test_an_empty_cache_setting_keeps_no_pickle(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    lexicon = fresh(monkeypatch, "")
    assert lexicon.entries and hits(lexicon)
    assert not list(tmp_path.rglob("*.pickle"))
