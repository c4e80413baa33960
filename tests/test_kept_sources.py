"""The texts a report needs are kept as digests and read back, never from a different version of a file."""

from __future__ import annotations

import pickle

from rhetlint.lint.kept_sources import RECENT, KeptSources
from rhetlint.lint.session import Outcome, Session


def test_a_file_is_kept_by_digest_and_read_back(tmp_path):
    draft = tmp_path / "draft.md"
    text = "Caf\u00e9 owners \u201cslammed\u201d it \U0001f600.\r\nSecond line.\n"
    draft.write_bytes(text.encode("utf-8"))
    kept = KeptSources()
    kept.keep_file(str(draft), text, 10)
    assert text not in vars(kept).values()  # not held whole
    assert str(draft) in kept and len(kept) == 1 and list(kept) == [str(draft)]
    assert kept[str(draft)] == text
    assert kept.get("elsewhere.md") is None


def test_a_file_changed_or_removed_since_it_was_checked_gives_an_empty_text(tmp_path):
    changed, removed = tmp_path / "changed.md", tmp_path / "removed.md"
    changed.write_text("Old words.\n", encoding="utf-8")
    removed.write_text("Gone soon.\n", encoding="utf-8")
    kept = KeptSources()
    kept.keep_file(str(changed), "Old words.\n", 10)
    kept.keep_file(str(removed), "Gone soon.\n", 10)
    changed.write_text("New words.\n", encoding="utf-8")
    removed.unlink()
    assert kept[str(changed)] == ""
    assert kept[str(removed)] == ""


def test_standard_input_is_kept_whole_and_survives_pickling(tmp_path):
    kept = KeptSources()
    kept.keep_text("-", "From standard input.\n")
    draft = tmp_path / "a.md"
    draft.write_text("A file.\n", encoding="utf-8")
    kept.keep_file(str(draft), "A file.\n", 10)
    assert kept[str(draft)] == "A file.\n"  # now among the recent texts
    copy = pickle.loads(pickle.dumps(kept))
    assert vars(copy)["_recent"] == {}
    assert copy["-"] == "From standard input.\n" and copy[str(draft)] == "A file.\n"


def test_only_a_few_texts_read_back_are_held(tmp_path):
    kept = KeptSources()
    for i in range(RECENT * 3):
        path = tmp_path / f"s{i}.md"
        path.write_text(f"Story {i}.\n", encoding="utf-8")
        kept.keep_file(str(path), f"Story {i}.\n", 10)
        assert kept[str(path)] == f"Story {i}.\n"
    assert len(vars(kept)["_recent"]) == RECENT


def test_outcomes_merge_their_kept_texts(tmp_path, monkeypatch):
    monkeypatch.setenv("RHETLINT_LOAD_PLUGINS", "loaded-language,attribution")
    draft = tmp_path / "loaded.md"
    draft.write_text("Critics say the blatant scheme will fail.\n", encoding="utf-8")
    session = Session(keep_sources=True)
    merged = Outcome()
    merged.merge(session.check_file(str(draft)))
    merged.merge(session.check_text("Officials said so.\n", "-"))
    assert merged.diagnostics
    assert set(merged.sources) == {str(draft), "-"}
    assert merged.sources[str(draft)] == draft.read_text(encoding="utf-8")
