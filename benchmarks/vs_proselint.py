"""Print rhetlint's speed and memory beside proselint 0.16's, measured in one run on the same inputs.

    python -m benchmarks.vs_proselint [--rounds 5] [--proselint PATH] [--tools-dir DIR]

Builds the inputs from allsides dev in a temporary folder: a Markdown draft of about 1,000 words, one
Markdown file of about 100,000 words and a folder of 200 stories (one Markdown file each). proselint runs
from its own virtual environment: ``--proselint`` names its executable; otherwise the one in
``--tools-dir`` (default: the user cache folder) is used, installed there with pip on first use.

Each round runs every pair once, rhetlint and proselint one after the other (the order alternating
between rounds), each as a new process whose output is discarded; rhetlint runs with ``--no-cache``.
Prints the median wall time of each command, the ratio per pair (proselint's time over rhetlint's: above
1.0, rhetlint is faster), the gain of ``--jobs 2`` over ``--jobs 1``, the peak memory (largest resident set
of the process or any of its workers) and the machine's load average before and after.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.corpora import records

PROSELINT_VERSION = "0.16.0"
STORIES = 200


def default_tools_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "rhetlint-bench"


def _paragraphs() -> list[list[str]]:
    """allsides dev stories as Markdown blocks: a heading, then one paragraph per line of the body."""
    stories = []
    for record in records("allsides"):
        title, _, body = record["text"].partition("\n\n")
        blocks = [f"# {' '.join(title.split())}"]
        blocks += [line.strip() for line in body.split("\n") if line.strip()]
        stories.append(blocks)
    return stories


def markdown_of(words: int, stories: list[list[str]]) -> str:
    """Whole stories, then paragraphs, in corpus order (repeated if need be) until ``words`` words."""
    out: list[str] = []
    count = 0
    while True:
        for story in stories:
            for block in story:
                out.append(block)
                count += len(block.split()) - (1 if block.startswith("# ") else 0)
                if count >= words:
                    return "\n\n".join(out) + "\n"


@dataclass
class Inputs:
    draft: Path
    long: Path
    stories: Path
    words: dict[str, int] = field(default_factory=dict)


def build_inputs(folder: Path, stories: int = STORIES, long_words: int = 100_000) -> Inputs:
    """Write the three inputs into ``folder`` and count their words."""
    corpus = _paragraphs()
    inputs = Inputs(folder / "draft.md", folder / "long.md", folder / "stories")
    inputs.draft.write_text(markdown_of(1_000, corpus), encoding="utf-8")
    inputs.long.write_text(markdown_of(long_words, corpus), encoding="utf-8")
    inputs.stories.mkdir()
    story_words = 0
    for i, story in enumerate(corpus[:stories]):
        text = "\n\n".join(story) + "\n"
        (inputs.stories / f"story-{i:03d}.md").write_text(text, encoding="utf-8")
        story_words += len(text.split())
    inputs.words = {
        "draft": len(inputs.draft.read_text(encoding="utf-8").split()),
        "long": len(inputs.long.read_text(encoding="utf-8").split()),
        "stories": story_words,
    }
    return inputs


def find_proselint(explicit: str | None, tools_dir: Path) -> Path:
    """The proselint executable: ``explicit``, or the one in ``tools_dir`` (installed there if missing)."""
    if explicit:
        path = Path(explicit)
        if not path.exists():
            raise SystemExit(f"--proselint: {path}: no such file")
        return path
    venv = tools_dir / f"proselint-{PROSELINT_VERSION}"
    exe = venv / "bin" / "proselint"
    if not exe.exists():
        print(f"installing proselint {PROSELINT_VERSION} into {venv} ...", file=sys.stderr, flush=True)
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        pip = [str(venv / "bin" / "python"), "-m", "pip", "install", "-q"]
        subprocess.run([*pip, f"proselint=={PROSELINT_VERSION}"], check=True)
    return exe


@dataclass
class Run:
    seconds: float
    max_rss_mb: float
    returncode: int


def run_once(command: Sequence[str]) -> Run:
    """Wall time and peak resident memory (the largest of the process and its reaped workers) of one run."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}  # an install has .pyc files
    env["NO_COLOR"] = "1"
    started = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    return Run(elapsed, usage.ru_maxrss / 1024, proc.returncode)


@dataclass
class Case:
    """One row: a rhetlint command and, unless it compares rhetlint with itself, a proselint command."""

    key: str
    label: str
    rhetlint: list[str]
    proselint: list[str] | None
    runs: dict[str, list[Run]] = field(default_factory=lambda: {"rhetlint": [], "proselint": []})

    def median(self, tool: str) -> float:
        return statistics.median(r.seconds for r in self.runs[tool])

    def peak_mb(self, tool: str) -> float:
        return max(r.max_rss_mb for r in self.runs[tool])


def cases(inputs: Inputs, proselint: Path) -> list[Case]:
    rl = [sys.executable, "-m", "rhetlint", "check", "--no-cache"]
    pl = [str(proselint), "check"]
    stories, long, draft = str(inputs.stories), str(inputs.long), str(inputs.draft)
    return [
        Case("cold", f"cold check, {inputs.words['draft']:,}-word draft", [*rl, draft], [*pl, draft]),
        Case("long", f"one {inputs.words['long'] // 1000}k-word file", [*rl, long], [*pl, long]),
        Case(
            "jobs1",
            f"{STORIES} stories ({inputs.words['stories'] // 1000}k words) in a folder, `--jobs 1`",
            [*rl, "--jobs", "1", stories],
            [*pl, stories],
        ),
        Case("jobs2", "same folder, `--jobs 2`", [*rl, "--jobs", "2", stories], [*pl, stories]),
    ]


def measure(all_cases: list[Case], rounds: int) -> None:
    for case in all_cases:  # one unmeasured run each: the disk cache and .pyc files are warm for both
        run_once(case.rhetlint)
        if case.proselint:
            run_once(case.proselint)
    for round_no in range(rounds):
        for case in all_cases:
            order = ["rhetlint", "proselint"] if round_no % 2 == 0 else ["proselint", "rhetlint"]
            for tool in order:
                command = case.rhetlint if tool == "rhetlint" else case.proselint
                if command is None:
                    continue
                run = run_once(command)
                if tool == "rhetlint" and run.returncode not in (0, 1):
                    raise SystemExit(f"rhetlint failed ({run.returncode}): {' '.join(command)}")
                case.runs[tool].append(run)
        print(f"round {round_no + 1} of {rounds} done", file=sys.stderr, flush=True)


def table(all_cases: list[Case]) -> str:
    """The comparison as a Markdown table: medians, ratios, the --jobs gain and peak memory."""
    by_key = {case.key: case for case in all_cases}
    lines = [
        "| work | rhetlint | proselint 0.16 | ratio (proselint time / rhetlint time) "
        "| peak memory rhetlint / proselint |",
        "|---|---|---|---|---|",
    ]
    for case in all_cases:
        mine, theirs = case.median("rhetlint"), case.median("proselint")
        lines.append(
            f"| {case.label} | {mine:.3f} s | {theirs:.3f} s | {theirs / mine:.2f} "
            f"| {case.peak_mb('rhetlint'):.0f} MB / {case.peak_mb('proselint'):.0f} MB |"
        )
    if "jobs1" in by_key and "jobs2" in by_key:
        gain = by_key["jobs1"].median("rhetlint") / by_key["jobs2"].median("rhetlint")
        lines.append(f"| same folder, `--jobs 2` vs `--jobs 1` | {gain:.2f}x wall | | | |")
    return "\n".join(lines)


def memory_over_files(counts: Sequence[int], folder: Path) -> list[tuple[int, float]]:
    """rhetlint's peak memory (--jobs 1) on the first ``count`` stories of the corpus, repeated with a
    marker line when there are fewer, for each count: flat when it does not grow with the number of files."""
    corpus = _paragraphs()
    out = []
    for count in counts:
        target = folder / f"files-{count}"
        target.mkdir()
        for i in range(count):
            text = "\n\n".join(corpus[i % len(corpus)]) + "\n"
            if i >= len(corpus):
                text += f"\n(Copy {i // len(corpus)}.)\n"
            (target / f"story-{i:05d}.md").write_text(text, encoding="utf-8")
        run = run_once([sys.executable, "-m", "rhetlint", "check", "--no-cache", "--jobs", "1", str(target)])
        out.append((count, run.max_rss_mb))
    return out


def load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f}, {five:.2f}, {fifteen:.2f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=5, help="rounds of every pair (medians are printed)")
    parser.add_argument(
        "--files",
        type=int,
        nargs="*",
        default=[50, 200, 1000],
        help="numbers of files for the memory-over-many-files line (default: 50 200 1000; none: skip it)",
    )
    parser.add_argument("--proselint", help="proselint executable to use instead of the managed one")
    parser.add_argument(
        "--tools-dir",
        type=Path,
        default=default_tools_dir(),
        help="where proselint's virtual environment is kept (default: %(default)s)",
    )
    args = parser.parse_args(argv)
    proselint = find_proselint(args.proselint, args.tools_dir)
    with tempfile.TemporaryDirectory() as tmp:
        inputs = build_inputs(Path(tmp))
        all_cases = cases(inputs, proselint)
        before = load()
        measure(all_cases, args.rounds)
        after = load()
        memory = memory_over_files(args.files, Path(tmp))
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}; proselint {proselint}")
    print(f"load average (1, 5, 15 min) before: {before}; after: {after}; medians of {args.rounds} rounds")
    print(table(all_cases))
    if memory:
        print(
            "rhetlint peak memory over many files (--jobs 1): "
            + ", ".join(f"{count:,} files {mb:.0f} MB" for count, mb in memory)
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
