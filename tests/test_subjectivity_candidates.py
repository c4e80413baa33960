"""The subjectivity-lexicon candidate list: scores averaged over senses, thresholds on both scores, and the
words the lexicons already match marked."""

from __future__ import annotations

from pathlib import Path

from benchmarks.subjectivity_candidates import candidates, covered_words, main, read_scores

SAMPLE = """<?xml version="1.0" encoding="utf-8"?>
<sentiment language="en" version="1.3" license="PDDL">
<word form="needless" pos="JJ" polarity="-0.5" subjectivity="1.0" intensity="1.0" />
<word form="needless" pos="JJ" polarity="-0.3" subjectivity="0.6" intensity="1.0" />
<word form="wooden" pos="JJ" polarity="0.0" subjectivity="0.1" intensity="1.0" />
<word form="Blatant" pos="JJ" polarity="-0.8" subjectivity="0.9" intensity="1.0" />
<word form="very" pos="RB" polarity="0.2" subjectivity="0.3" intensity="1.3" />
<word form="in good taste" pos="JJ" polarity="0.9" subjectivity="1.0" intensity="1.0" />
</sentiment>
"""


def write_sample(tmp_path: Path) -> Path:
    path = tmp_path / "en-sentiment.xml"
    path.write_text(SAMPLE, encoding="utf-8")
    return path


def test_scores_are_means_over_senses_of_one_word_adjectives(tmp_path):
    scores = {s.word: s for s in read_scores(write_sample(tmp_path))}
    assert set(scores) == {"needless", "wooden", "blatant"}  # no adverb, no multiword form
    assert scores["needless"].polarity == -0.4
    assert scores["needless"].subjectivity == 0.8
    assert scores["needless"].senses == 2


def test_both_thresholds_must_be_reached(tmp_path):
    scores = read_scores(write_sample(tmp_path))
    assert [s.word for s in candidates(scores, 0.8, 0.4)] == ["blatant", "needless"]
    assert [s.word for s in candidates(scores, 0.85, 0.4)] == ["blatant"]
    assert [s.word for s in candidates(scores, 0.8, 0.5)] == ["blatant"]


def test_words_the_lexicons_match_are_marked(tmp_path, capsys):
    covered = covered_words()
    assert "blatant" in covered and "blatantly" in covered and "wooden" not in covered
    main([str(write_sample(tmp_path)), "--subjectivity", "0.1", "--polarity", "0.0"])
    lines = capsys.readouterr().out.splitlines()
    assert any(line.startswith("* blatant") for line in lines)
    assert any(line.startswith("  wooden") for line in lines)
