"""Print rhetlint's speed figures: cold start, throughput on real news, and --jobs scaling.

    python -m benchmarks.speed [--runs 5] [--limit N]
    python -m benchmarks.speed --throughput-only --rounds 5    # best of 5 rounds: for a shared machine

Cold start: wall time of ``rhetlint check`` on a 1,000-word Markdown draft in a new process (median of
runs). Throughput: megabytes of prose per second in one process over allsides dev, all rules, one core.
Every run passes --no-cache: a cached second run would measure the results cache, not the linter.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.corpora import records
from benchmarks.lint import lint_text, make_linter


def rhetlint_command() -> list[str]:
    return [sys.executable, "-m", "rhetlint"]


def draft_of(words: int) -> str:
    """A Markdown draft of about ``words`` words of real news, with a heading and paragraphs."""
    out: list[str] = []
    count = 0
    for record in records("allsides"):
        title, _, body = record["text"].partition("\n\n")
        out.append(f"# {title.strip()}\n")
        for paragraph in body.split("\n"):
            if paragraph.strip():
                out.append(paragraph.strip() + "\n")
                count += len(paragraph.split())
                if count >= words:
                    return "\n".join(out)
    return "\n".join(out)


def cold_start(runs: int) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "draft.md"
        path.write_text(draft_of(1000), encoding="utf-8")
        subprocess.run(
            [*rhetlint_command(), "check", "--no-cache", str(path)], capture_output=True, check=False
        )  # warm disk
        times = []
        for _ in range(runs):
            started = time.perf_counter()
            subprocess.run(
                [*rhetlint_command(), "check", "--no-cache", "-q", str(path)],
                capture_output=True,
                check=False,
            )
            times.append(time.perf_counter() - started)
    return statistics.median(times)


def import_time() -> float:
    code = "import time; t = time.perf_counter(); import rhetlint.cli; print(time.perf_counter() - t)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return float(out.stdout)


def throughput(select: tuple[str, ...], limit: int | None, rounds: int = 1) -> tuple[float, float]:
    """Megabytes of allsides dev and the best rate of ``rounds`` passes over them (CPU time of this process,
    so other work on a shared machine costs less; the best round is the one least disturbed)."""
    linter = make_linter(select)
    texts = [r["text"] for r in records("allsides", limit=limit)]
    size = sum(len(t.encode("utf-8")) for t in texts)
    best = float("inf")
    for _ in range(rounds):
        started = time.process_time()
        for text in texts:
            lint_text(linter, text)
        best = min(best, time.process_time() - started)
    return size / 1e6, size / 1e6 / best


def jobs_scaling(files: int = 40) -> dict[int, float]:
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        for i, record in enumerate(records("allsides", limit=files)):
            Path(tmp, f"story{i:03d}.txt").write_text(record["text"], encoding="utf-8")
        for jobs in (1, 2):
            started = time.perf_counter()
            subprocess.run(
                [*rhetlint_command(), "check", "--no-cache", "-q", "--jobs", str(jobs), tmp],
                capture_output=True,
                check=False,
                env=dict(os.environ, NO_COLOR="1"),
            )
            results[jobs] = time.perf_counter() - started
    return results


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--limit", type=int, help="allsides records for throughput (default: all)")
    parser.add_argument("--rounds", type=int, default=1, help="throughput: the best of this many passes")
    parser.add_argument("--throughput-only", action="store_true", help="skip start-up and --jobs figures")
    args = parser.parse_args(argv)
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    if args.throughput_only:
        for label, select in (("all rules", ("ALL",)), ("loaded-language only", ("loaded-language",))):
            size, rate = throughput(select, args.limit, args.rounds)
            print(
                f"throughput, {label:20s} {rate:6.2f} MB/s per core ({size:.1f} MB of allsides dev, "
                f"best of {args.rounds})"
            )
        return
    print(f"import rhetlint.cli:                         {import_time() * 1000:.0f} ms")
    print(
        f"cold check of a 1,000-word Markdown draft:   {cold_start(args.runs):.3f} s (median of {args.runs})"
    )
    for label, select in (("all rules", ("ALL",)), ("loaded-language only", ("loaded-language",))):
        size, rate = throughput(select, args.limit)
        print(f"throughput, {label:20s} {rate:6.2f} MB/s per core ({size:.1f} MB of allsides dev)")
    scaling = jobs_scaling()
    print(f"40 stories: --jobs 1 {scaling[1]:.2f} s, --jobs 2 {scaling[2]:.2f} s")


if __name__ == "__main__":
    main()
