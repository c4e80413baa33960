"""Run every accuracy evaluation on the shared corpora (dev splits) and print the figures.

    python -m benchmarks.evaluate            # loaded language, attribution, sourcing, real news
    python -m benchmarks.evaluate loaded     # one family: loaded | attribution | sourcing | realnews

Each family's script can also be run alone (benchmarks.eval_loaded, .eval_attribution, .eval_sourcing, .eval_realnews).
Speed figures come from ``python -m benchmarks.speed`` and ``python -m benchmarks.lsp_latency``.
"""

from __future__ import annotations

import sys

FAMILIES = ("loaded", "attribution", "sourcing", "realnews")


def main(argv: list[str] | None = None) -> None:
    wanted = (argv if argv is not None else sys.argv[1:]) or list(FAMILIES)
    unknown = [w for w in wanted if w not in FAMILIES]
    if unknown:
        raise SystemExit(f"unknown family {unknown[0]!r}; choose from {', '.join(FAMILIES)}")
    if "loaded" in wanted:
        from benchmarks import eval_loaded

        print("#### loaded language")
        eval_loaded.main([])
    if "attribution" in wanted:
        from benchmarks import eval_attribution

        print("#### attribution")
        eval_attribution.main([])
    if "sourcing" in wanted:
        from benchmarks import eval_sourcing

        print("#### sourcing")
        eval_sourcing.main([])
    if "realnews" in wanted:
        from benchmarks import eval_realnews

        print("#### who speaks for whom on real news")
        eval_realnews.main([])


if __name__ == "__main__":
    main()
