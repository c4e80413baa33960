"""A time budget for one rule on one document, so a rule that loops or sleeps cannot hang a run.

The budget is enforced with a real-time interval timer, which Python can deliver only to the main thread
of a POSIX process: the command line (and each ``--jobs`` worker) gets it; elsewhere (the language
server's lint thread, Windows) the budget is not enforced and rules run as before.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager


class RuleTimeout(Exception):
    """A rule ran past its time budget."""


def _expired(signum: int, frame: object) -> None:
    raise RuleTimeout


@contextmanager
def time_budget(seconds: float) -> Iterator[None]:
    """Raise RuleTimeout inside the block once ``seconds`` of wall time have passed (0 = no budget)."""
    usable = (
        seconds > 0 and hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    )
    if not usable:
        yield
        return
    previous = signal.signal(signal.SIGALRM, _expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
