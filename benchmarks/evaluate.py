"""Run every accuracy evaluation on the shared corpora (dev splits) and print the figures.

    python -m benchmarks.evaluate            # loaded language, attribution, sourcing, real news
    python -m benchmarks.evaluate loaded     # one family: loaded | passages | attribution | sourcing | realnews

Each family's script can also be run alone (benchmarks.eval_loaded, .eval_passages, .eval_attribution,
.eval_sourcing, .eval_realnews).
Speed figures come from ``python -m benchmarks.speed`` and ``python -m benchmarks.lsp_latency``.
"""

from __future__ import annotations

import importlib
import sys

FAMILIES = ("loaded", "passages", "attribution", "sourcing", "realnews")
# what each family's section is headed
TITLES = {
    "loaded": "loaded language",
    "passages": "slanted passages and their literal twins",
    "attribution": "attribution",
    "sourcing": "sourcing",
    "realnews": "who speaks for whom on real news",
}


def main(argv: list[str] | None = None) -> None:
    wanted = (argv if argv is not None else sys.argv[1:]) or list(FAMILIES)
    unknown = [w for w in wanted if w not in FAMILIES]
    if unknown:
        raise SystemExit(f"unknown family {unknown[0]!r}; choose from {', '.join(FAMILIES)}")
    for family in FAMILIES:
        if family in wanted:
            print(f"#### {TITLES[family]}")
            importlib.import_module(f"benchmarks.eval_{family}").main([])


if __name__ == "__main__":
    main()
