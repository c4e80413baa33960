"""How long after the debounce an editor waits for new diagnostics: ``rhetlint lsp`` over stdio.

    python -m benchmarks.lsp_latency [--edits 30] [--words 2000] [--debounce 250] [--keystrokes 3]

A real client (pygls) starts the server as a subprocess, opens a Markdown draft of about 2,000 words built
from the sourcing stories, then types: each edit is a word typed as a few keystrokes 40 ms apart somewhere
in the draft (each keystroke cancels the lint pending from the one before). Latency is the time from the
last keystroke to the arrival of the diagnostics for that version, minus the debounce: the time the server
spends linting and sending. Also prints the in-process cost of a full lint and of an incremental one.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from lsprotocol import types
from pygls.lsp.client import LanguageClient

STORIES = Path(__file__).resolve().parent / "sourcing" / "stories"
WORDS = ["claimed", "slammed", "officials", "said", "the", "budget", "“so-called”", "regime", "council"]


def draft_of(words: int) -> str:
    """About ``words`` words of news in Markdown: whole sourcing stories, in order, until there are enough."""
    parts: list[str] = []
    count = 0
    for story in sorted(STORIES.glob("*.md")):
        text = story.read_text(encoding="utf-8")
        parts.append(text.strip())
        count += len(text.split())
        if count >= words:
            break
    return "\n\n".join(parts) + "\n"


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def edit_points(text: str, edits: int, seed: int) -> list[tuple[int, int]]:
    """Spread edits over the draft: (line, column) of a random space on a random prose line."""
    rng = random.Random(seed)
    lines = text.split("\n")
    prose = [i for i, line in enumerate(lines) if len(line.split()) > 5 and not line.startswith("#")]
    out = []
    for _ in range(edits):
        line = rng.choice(prose)
        out.append((line, rng.choice([k for k, ch in enumerate(lines[line]) if ch == " "])))
    return out


class Client(LanguageClient):
    """A pygls client that timestamps each publishDiagnostics by document version."""

    def __init__(self) -> None:
        super().__init__("rhetlint-latency", "1")
        self.arrivals: dict[int | None, float] = {}
        self.arrived = asyncio.Event()

        @self.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def on_publish(params: types.PublishDiagnosticsParams) -> None:
            self.arrivals[params.version] = time.perf_counter()
            self.arrived.set()

    async def wait_for_version(self, version: int, timeout: float = 30.0) -> float:
        deadline = time.monotonic() + timeout
        while version not in self.arrivals:
            self.arrived.clear()
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError(f"no diagnostics for version {version}")
            try:
                await asyncio.wait_for(self.arrived.wait(), remaining)
            except asyncio.TimeoutError:
                pass
        return self.arrivals[version]


def config_text(plugins_dir: Path | None) -> str:
    return f'plugins-dir = "{plugins_dir.resolve().as_posix()}"\n' if plugins_dir else ""


async def measure(
    edits: int, words: int, debounce_ms: int, keystrokes: int, seed: int, plugins_dir: Path | None = None
) -> dict[str, object]:
    text = draft_of(words)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "rhetlint.toml").write_text(config_text(plugins_dir), encoding="utf-8")
        path = folder / "draft.md"
        path.write_text(text, encoding="utf-8")
        uri = path.as_uri()

        client = Client()
        await client.start_io(sys.executable, "-m", "rhetlint", "lsp", env=dict(os.environ))
        capabilities = types.ClientCapabilities(
            general=types.GeneralClientCapabilities(position_encodings=[types.PositionEncodingKind.Utf16])
        )
        await client.initialize_async(
            types.InitializeParams(
                capabilities=capabilities,
                process_id=os.getpid(),
                root_uri=folder.as_uri(),
                initialization_options={
                    "rhetlint": {"debounceMs": debounce_ms, "allowLocalPlugins": plugins_dir is not None}
                },
            )
        )
        client.initialized(types.InitializedParams())

        started = time.perf_counter()
        client.text_document_did_open(
            types.DidOpenTextDocumentParams(
                text_document=types.TextDocumentItem(uri=uri, language_id="markdown", version=1, text=text)
            )
        )
        first = await client.wait_for_version(1) - started

        latencies: list[float] = []
        version = 1
        rng = random.Random(seed)
        lines = text.split("\n")
        for line, column in edit_points(text, edits, seed):
            word = " " + rng.choice(WORDS)
            pieces = [
                word[k * len(word) // keystrokes : (k + 1) * len(word) // keystrokes]
                for k in range(keystrokes)
            ]
            last = 0.0
            for k, piece in enumerate(pieces):
                version += 1
                lines[line] = lines[line][:column] + piece + lines[line][column:]
                column += len(piece)
                # the server asks for full synchronisation: the whole draft on every keystroke
                client.text_document_did_change(
                    types.DidChangeTextDocumentParams(
                        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
                        content_changes=[types.TextDocumentContentChangeWholeDocument(text="\n".join(lines))],
                    )
                )
                last = time.perf_counter()
                if k < len(pieces) - 1:
                    await asyncio.sleep(0.04)
            arrived = await client.wait_for_version(version)
            latencies.append(arrived - last - debounce_ms / 1000)
            await asyncio.sleep(0.05)
        stale = [v for v in client.arrivals if v not in (1,) and v is not None and (v - 1) % keystrokes != 0]

        await client.shutdown_async(None)
        client.exit(None)
        await client.stop()
    return {"words": len(text.split()), "first": first, "latencies": latencies, "cancelled_published": stale}


def in_process(words: int, plugins_dir: Path | None = None, runs: int = 30) -> tuple[float, float]:
    """Median milliseconds of a full lint and of an incremental re-lint after a one-word edit."""
    from rhetlint.lint.incremental import IncrementalLinter
    from rhetlint.lint.session import Session

    text = draft_of(words)
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "rhetlint.toml").write_text(config_text(plugins_dir), encoding="utf-8")
        path = str(Path(tmp) / "draft.md")
        linter = Session().linter_for(Path(path))
        incremental = IncrementalLinter(linter)
        incremental.lint(text, path)
        linter.lint_source(text, path)
        full, partial = [], []
        rng = random.Random(1)
        for _ in range(runs):
            at = rng.randrange(len(text))
            text = text[:at] + " x" + text[at:]
            t0 = time.perf_counter()
            linter.lint_source(text, path)
            t1 = time.perf_counter()
            incremental.lint(text, path)
            t2 = time.perf_counter()
            full.append(t1 - t0)
            partial.append(t2 - t1)
    return statistics.median(full) * 1000, statistics.median(partial) * 1000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--edits", type=int, default=30)
    parser.add_argument("--words", type=int, default=2000)
    parser.add_argument("--debounce", type=int, default=250, help="milliseconds (the server's default)")
    parser.add_argument("--keystrokes", type=int, default=3, help="keystrokes per typed word")
    parser.add_argument("--seed", type=int, default=2)
    parser.add_argument(
        "--plugins-dir", type=Path, help="also load the local plugins in this folder (trusted)"
    )
    args = parser.parse_args(argv)

    result = asyncio.run(
        measure(args.edits, args.words, args.debounce, args.keystrokes, args.seed, args.plugins_dir)
    )
    latencies = [x * 1000 for x in result["latencies"]]  # type: ignore[union-attr]
    full, incremental = in_process(args.words, args.plugins_dir)
    print(
        f"draft: {result['words']} words of Markdown; {args.edits} edits of {args.keystrokes} keystrokes, "
        f"debounce {args.debounce} ms; server over stdio"
    )
    print(f"first diagnostics after didOpen: {result['first'] * 1000:.1f} ms (includes plugin loading)")
    print(
        f"edit -> diagnostics after the debounce: median {statistics.median(latencies):.1f} ms, "
        f"p95 {percentile(latencies, 0.95):.1f} ms, max {max(latencies):.1f} ms"
    )
    print(f"publishes for superseded keystrokes: {len(result['cancelled_published'])}")  # type: ignore[arg-type]
    print(f"in process: full lint {full:.1f} ms, incremental re-lint {incremental:.1f} ms (median)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
