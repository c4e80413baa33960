"""A progress line on standard error for long runs, only on a terminal (never in a CI log or a pipe)."""

from __future__ import annotations

import os
import sys
import time
from typing import TextIO

# Seconds before the line appears (a short run shows nothing), and between redraws.
DELAY, INTERVAL = 1.0, 0.1


class Progress:
    """Call with the number of files done; ``close`` clears the line."""

    def __init__(self, total: int, stream: TextIO | None = None, enabled: bool | None = None) -> None:
        self.total = total
        self.stream = stream if stream is not None else sys.stderr
        if enabled is None:
            enabled = (
                _is_terminal(self.stream) and os.environ.get("TERM") != "dumb" and not os.environ.get("CI")
            )
        self.enabled = enabled and total > 1
        self.started = time.monotonic()
        self.drawn_at = 0.0
        self.width = 0
        self.done = 0

    def __call__(self, done: int) -> None:
        self.done += done
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self.started < DELAY or now - self.drawn_at < INTERVAL:
            return
        self.drawn_at = now
        line = f"rhetlint: checked {self.done}/{self.total} files"
        self.stream.write("\r" + line.ljust(self.width))
        self.stream.flush()
        self.width = len(line)

    def close(self) -> None:
        if self.width:
            self.stream.write("\r" + " " * self.width + "\r")
            self.stream.flush()
            self.width = 0


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
