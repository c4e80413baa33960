"""A progress line on a terminal (articles done, rate, time left); nothing at all when not on one."""

from __future__ import annotations

import time
from typing import TextIO


class Progress:
    def __init__(self, stream: TextIO, total: int | None, enabled: bool, done: int = 0) -> None:
        self.stream = stream
        self.total = total
        self.enabled = enabled
        self.done = done
        self._counted = 0  # measured in this run, for the rate
        self._started = time.monotonic()
        self._shown = 0.0

    def advance(self, articles: int, measured: bool = True) -> None:
        self.done += articles
        if measured:
            self._counted += articles
        now = time.monotonic()
        if self.enabled and (now - self._shown > 0.2 or (self.total is not None and self.done >= self.total)):
            self._shown = now
            self.stream.write("\r" + self.line(now) + "\x1b[K")
            self.stream.flush()

    def line(self, now: float) -> str:
        elapsed = max(now - self._started, 1e-9)
        rate = self._counted / elapsed
        if not self.total:
            return f"{self.done:,} articles  {rate:,.1f}/s"
        share = min(self.done / self.total, 1.0)
        width = 30
        filled = int(share * width)
        left = (self.total - self.done) / rate if rate > 0 else 0.0
        bar = "#" * filled + "." * (width - filled)
        return f"[{bar}] {self.done:,}/{self.total:,} articles  {rate:,.1f}/s  {_clock(left)} left"

    def close(self) -> None:
        if self.enabled:
            self.stream.write("\n")
            self.stream.flush()


def _clock(seconds: float) -> str:
    seconds = int(seconds)
    return f"{seconds // 3600:d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"
