"""Run one fuzz target under atheris: ``python -m benchmarks.fuzz.run TARGET [libFuzzer options] [CORPUS ...]``.

With a file instead of a corpus folder, the target runs on that one input: how a crash is reproduced.
rhetlint, markdown-it and the standard library's HTML parser are imported under atheris's instrumentation,
so the fuzzer is guided by the coverage of the parsers' code.
"""

from __future__ import annotations

import sys

import atheris


def main() -> None:
    if len(sys.argv) < 2:
        sys.exit("usage: python -m benchmarks.fuzz.run TARGET [libFuzzer options] [CORPUS ...]")
    name = sys.argv.pop(1)
    with atheris.instrument_imports():
        import html.parser  # noqa: F401 - instrumented before rhetlint imports it

        import markdown_it  # noqa: F401

        from benchmarks.fuzz.targets import TARGETS
    if name not in TARGETS:
        sys.exit(f"unknown target {name!r}; expected one of {', '.join(TARGETS)}")
    atheris.Setup(sys.argv, TARGETS[name])
    atheris.Fuzz()


if __name__ == "__main__":
    main()
