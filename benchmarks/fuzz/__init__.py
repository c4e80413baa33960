"""Fuzz targets for the input parsers and the suppression-comment parser.

    python -m benchmarks.fuzz [--seconds 60] [TARGET ...]

Runs each target (``text``, ``markdown``, ``html``, ``suppressions``) for a fixed budget of wall-clock seconds
with atheris, coverage-guided (``pip install -e ".[fuzz]"``), or, where atheris is not installed, with
Hypothesis generating the same byte strings, and prints the executions and crashes of each
(docs/testing.md). Nothing here imports rhetlint: the target process imports it under atheris's
instrumentation.
"""
