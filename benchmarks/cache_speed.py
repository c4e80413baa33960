"""Print how much faster a second ``rhetlint check`` of unchanged files is, with the results cache.

    python -m benchmarks.cache_speed [--files 1000] [--jobs 1]

Builds ``--files`` Markdown drafts from allsides dev (the articles in order, repeated if there are too few)
in a temporary folder, with a fresh cache folder, then times two runs of ``rhetlint check`` in new
processes: the first fills the cache, the second reads it. Prints both wall times and their ratio.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from itertools import cycle, islice
from pathlib import Path

from benchmarks.corpora import records


def build_drafts(folder: Path, count: int) -> int:
    """Write ``count`` drafts into ``folder``; returns their total number of words."""
    words = 0
    articles = list(records("allsides"))
    for i, record in enumerate(islice(cycle(articles), count)):
        title, _, body = record["text"].partition("\n\n")
        text = f"# {title.strip()}\n\n{body.strip()}\n"
        if i >= len(articles):  # a repeated article is another file with other content
            text += f"\n(Copy {i // len(articles)}.)\n"
        (folder / f"story-{i:05d}.md").write_text(text, encoding="utf-8")
        words += len(text.split())
    return words


def timed_check(folder: Path, cache: Path, jobs: int) -> tuple[float, str]:
    command = [sys.executable, "-m", "rhetlint", "check", "--cache-dir", str(cache)]
    started = time.perf_counter()
    result = subprocess.run([*command, "--jobs", str(jobs), str(folder)], capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if result.returncode not in (0, 1):
        raise SystemExit(f"rhetlint check failed ({result.returncode}): {result.stderr.strip()[:500]}")
    return elapsed, result.stdout


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--jobs", type=int, default=1)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        drafts, cache = Path(tmp) / "drafts", Path(tmp) / "cache"
        drafts.mkdir()
        words = build_drafts(drafts, args.files)
        first, first_report = timed_check(drafts, cache, args.jobs)
        second, second_report = timed_check(drafts, cache, args.jobs)
    same = "identical" if first_report == second_report else "DIFFERENT"
    print(f"{args.files} files, {words:,} words, --jobs {args.jobs}; reports of the two runs: {same}")
    print(f"first check (cache empty): {first:8.2f} s")
    print(f"second check (unchanged):  {second:8.2f} s")
    print(f"ratio first / second:      {first / second:8.1f}x")
    return 0 if same == "identical" else 1


if __name__ == "__main__":
    sys.exit(main())
