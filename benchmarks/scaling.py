"""Print how rhetlint's time grows with the size of one document: the exponent of a doubling series.

    python -m benchmarks.scaling [--start-mb 1] [--doublings 3] [--kind news|scare|quotes]

``news`` joins real allsides dev stories into one Markdown file (headings and paragraphs); ``scare``
repeats ``"a `` (a run of unclosed quotation marks); ``quotes`` repeats a short quoted sentence with a
speaker. Each size is linted in this process with every rule, and the CPU time of the lint is reported
(CPU time, not wall time, so other work on the machine moves the figures less). The exponent between
two sizes is log2(t2 / t1) per doubling; near-linear analyses give about 1.0. The target is at most 1.15
for each doubling and for the fit over the whole series.
"""

from __future__ import annotations

import argparse
import math
import time
from collections.abc import Callable, Iterator

from benchmarks.corpora import records
from benchmarks.lint import make_linter
from rhetlint.lint.linter import Linter


def _news_blocks() -> Iterator[str]:
    while True:
        for record in records("allsides"):
            title, _, body = record["text"].partition("\n\n")
            yield f"# {title.strip()}\n"
            for paragraph in body.split("\n"):
                if paragraph.strip():
                    yield paragraph.strip() + "\n"


def news_document(size: int) -> str:
    """Real news Markdown of at least ``size`` characters."""
    out: list[str] = []
    length = 0
    for block in _news_blocks():
        out.append(block)
        length += len(block) + 1
        if length >= size:
            break
    return "\n".join(out)


def scare_document(size: int) -> str:
    return '"a ' * (size // 3)


def quotes_document(size: int) -> str:
    unit = '"We will not give up," Mayor Ana Ruiz said. Critics said the plan was reckless.\n\n'
    return unit * (size // len(unit) + 1)


KINDS: dict[str, Callable[[int], str]] = {
    "news": news_document,
    "scare": scare_document,
    "quotes": quotes_document,
}


def lint_seconds(linter: Linter, text: str) -> float:
    started = time.process_time()
    linter.lint_source(text, None, "markdown")
    return time.process_time() - started


def exponent(small: tuple[int, float], large: tuple[int, float]) -> float:
    (n1, t1), (n2, t2) = small, large
    return math.log(max(t2, 1e-9) / max(t1, 1e-9)) / math.log(n2 / n1)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--start-mb", type=float, default=1.0, help="size of the first document (MB)")
    parser.add_argument("--doublings", type=int, default=3, help="how many times the size doubles")
    parser.add_argument("--kind", choices=sorted(KINDS), default="news")
    args = parser.parse_args(argv)
    linter = make_linter(("ALL",))
    linter.lint_source("Warm up: the mayor said so.", None, "markdown")
    series: list[tuple[int, float]] = []
    print(f"kind: {args.kind}; all rules; CPU seconds of one lint in this process")
    for step in range(args.doublings + 1):
        size = int(args.start_mb * 1_000_000 * 2**step)
        text = KINDS[args.kind](size)
        seconds = lint_seconds(linter, text)
        line = f"{len(text) / 1e6:6.2f} MB  {seconds:8.2f} s"
        if series:
            line += f"  exponent vs previous {exponent(series[-1], (len(text), seconds)):.2f}"
        print(line, flush=True)
        series.append((len(text), seconds))
    overall = exponent(series[0], series[-1])
    print(f"exponent over the series: {overall:.2f} (target <= 1.15)")
    return 0 if overall <= 1.15 else 1


if __name__ == "__main__":
    raise SystemExit(main())
