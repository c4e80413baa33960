"""Fuzz each target for a fixed budget and print its executions and crashes.

    python -m benchmarks.fuzz [--seconds 60] [--engine atheris|hypothesis] [TARGET ...]

Each target runs in a process of its own (atheris) for ``--seconds`` of wall-clock time, starting from the
seed drafts (examples/ and the rule fixtures) and a working corpus in a temporary folder; a crashing input
is saved under ``--artifacts`` (default ``.fuzz-artifacts/``) with the command that reproduces it. The exit
code is 1 when any target crashed.
"""

from __future__ import annotations

import argparse
import importlib.util
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TARGET_NAMES = ("text", "markdown", "html", "suppressions")
SEED_GLOBS = ("examples/*.md", "tests/fixtures/*/*.md", "docs/*.md")


def seed_corpus(folder: Path) -> int:
    """Write the seed drafts as fuzz inputs (mode byte 0: UTF-8) and return how many there are."""
    count = 0
    for pattern in SEED_GLOBS:
        for path in sorted(ROOT.glob(pattern)):
            (folder / f"{count:04d}").write_bytes(b"\x00" + path.read_bytes()[:4000])
            count += 1
    (folder / "html").write_bytes(
        b"\x00<p>The regime &ldquo;slammed&rdquo; it.<!-- rhetlint-disable L101 --></p>"
    )
    (folder / "plain").write_bytes(
        b"\x00Headline\r\n\r\n# rhetlint-disable-next-line L101\r\nThey slammed it.\r"
    )
    return count + 2


# libFuzzer's closing statistics, and its progress lines ("#1234 NEW cov: ...") as a fallback
EXECUTED = re.compile(r"stat::number_of_executed_units:\s*(\d+)")
PROGRESS = re.compile(r"^#(\d+)\s", re.M)


def run_atheris(name: str, seconds: int, artifacts: Path) -> tuple[int, list[str]]:
    """Fuzz one target for ``seconds``; return the executions and the crashing inputs saved."""
    with tempfile.TemporaryDirectory(prefix=f"rhetlint-fuzz-{name}-") as tmp:
        corpus, seeds = Path(tmp, "corpus"), Path(tmp, "seeds")
        corpus.mkdir()
        seeds.mkdir()
        seed_corpus(seeds)
        prefix = artifacts / f"{name}-"
        command = [
            sys.executable, "-m", "benchmarks.fuzz.run", name,
            f"-max_total_time={seconds}", "-print_final_stats=1", "-timeout=20", "-max_len=8192",
            "-rss_limit_mb=2048", f"-artifact_prefix={prefix}", str(corpus), str(seeds),
        ]  # fmt: skip
        before = set(artifacts.glob(f"{name}-*"))
        done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, errors="replace")
        log = done.stdout + done.stderr
        (artifacts / f"{name}.log").write_text(log, encoding="utf-8")
    found = EXECUTED.findall(log) or PROGRESS.findall(log)
    executions = int(found[-1]) if found else 0
    crashes = sorted(str(p) for p in set(artifacts.glob(f"{name}-*")) - before)
    if done.returncode != 0 and not crashes:
        crashes = [f"(exit code {done.returncode}, see {artifacts / f'{name}.log'})"]
    return executions, crashes


def run_hypothesis(name: str, seconds: int, artifacts: Path) -> tuple[int, list[str]]:
    """Without atheris: Hypothesis draws byte strings for the target until the budget is spent."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    from benchmarks.fuzz.targets import TARGETS

    target = TARGETS[name]
    executions = 0
    crashes: list[str] = []
    deadline = time.monotonic() + seconds

    @settings(max_examples=10**9, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(st.binary(max_size=8192))
    def fuzz(data: bytes) -> None:
        nonlocal executions
        if time.monotonic() > deadline:
            raise _OutOfTime
        executions += 1
        target(data)

    try:
        fuzz()
    except _OutOfTime:
        pass
    except Exception as exc:  # noqa: BLE001 - a crash is what is being looked for: record it
        data = getattr(exc, "__notes__", [""])
        path = artifacts / f"{name}-hypothesis-crash.txt"
        path.write_text(f"{type(exc).__name__}: {exc}\n" + "\n".join(data), encoding="utf-8")
        crashes.append(str(path))
    return executions, crashes


class _OutOfTime(Exception):
    pass


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.fuzz", description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "targets", nargs="*", metavar="TARGET", help=f"one of {', '.join(TARGET_NAMES)} (default: all)"
    )
    parser.add_argument("--seconds", type=int, default=60, help="wall-clock budget per target (default 60)")
    parser.add_argument("--engine", choices=("atheris", "hypothesis"), default=None)
    parser.add_argument("--artifacts", type=Path, default=ROOT / ".fuzz-artifacts")
    args = parser.parse_args(argv)
    unknown = [t for t in args.targets if t not in TARGET_NAMES]
    if unknown:
        parser.error(f"unknown target {unknown[0]!r}; expected one of {', '.join(TARGET_NAMES)}")
    engine = args.engine or ("atheris" if importlib.util.find_spec("atheris") else "hypothesis")
    run = run_atheris if engine == "atheris" else run_hypothesis
    args.artifacts.mkdir(parents=True, exist_ok=True)
    print(f"engine: {engine}, budget: {args.seconds} s per target")
    print(f"{'target':<14}{'executions':>12}{'exec/s':>9}  crashes")
    failed = False
    for name in args.targets or TARGET_NAMES:
        started = time.monotonic()
        executions, crashes = run(name, args.seconds, args.artifacts)
        elapsed = max(time.monotonic() - started, 1e-9)
        print(f"{name:<14}{executions:>12,}{executions / elapsed:>9.0f}  {len(crashes)}", flush=True)
        for crash in crashes:
            print(f"  crash: {crash}  (reproduce: python -m benchmarks.fuzz.run {name} {crash})")
        failed = failed or bool(crashes)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
