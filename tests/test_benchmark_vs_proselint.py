"""The side-by-side benchmark's inputs and table (the timings themselves are printed, never asserted)."""

from __future__ import annotations

import sys

from benchmarks import vs_proselint as bench


def _case(key: str, mine: list[float], theirs: list[float] | None, rss: float = 50.0) -> bench.Case:
    case = bench.Case(key, f"label {key}", ["rhetlint"], ["proselint"] if theirs is not None else None)
    case.runs["rhetlint"] = [bench.Run(s, rss, 0) for s in mine]
    case.runs["proselint"] = [bench.Run(s, rss / 2, 0) for s in theirs or []]
    return case


def test_the_table_gives_medians_ratios_memory_and_the_jobs_gain():
    cases = [
        _case("cold", [0.30, 0.20, 0.90], [0.10, 0.12, 0.14]),
        _case("jobs1", [2.0, 2.2, 2.1], [3.6, 3.4, 3.5], rss=54.4),
        _case("jobs2", [1.0, 1.4, 1.2], [3.5, 3.5, 3.5]),
    ]
    rows = bench.table(cases).splitlines()
    assert rows[0].startswith("| work | rhetlint | proselint 0.16 | ratio")
    assert rows[2] == "| label cold | 0.300 s | 0.120 s | 0.40 | 50 MB / 25 MB |"
    assert rows[3] == "| label jobs1 | 2.100 s | 3.500 s | 1.67 | 54 MB / 27 MB |"
    assert rows[5] == "| same folder, `--jobs 2` vs `--jobs 1` | 1.75x wall | | | |"


def test_markdown_of_stops_at_the_word_count_and_repeats_the_corpus():
    stories = [["# Title one", "one two three", "four five"], ["# Title two", "six seven"]]
    text = bench.markdown_of(12, stories)
    assert text.startswith("# Title one\n\none two three\n\nfour five\n\n# Title two")
    assert text.endswith("six seven\n\n# Title one\n")
    assert len(text.replace("# ", "").split()) == 13  # headings count: they are prose too


def test_one_run_reports_time_memory_and_exit_code():
    run = bench.run_once([sys.executable, "-c", "x = bytearray(30_000_000); raise SystemExit(3)"])
    assert run.returncode == 3
    assert run.max_rss_mb > 30
    assert 0 < run.seconds < 60
