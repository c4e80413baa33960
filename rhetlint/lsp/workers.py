"""The server's lint thread: lints run one at a time off the event loop, and one that never ends does not
hold up the others.

Python cannot stop a thread, and a plugin rule may sleep, loop or wait on a pattern for minutes. So a job
that has run for ``stall_after`` seconds is left to finish on its own thread, and the jobs queued behind it
start on a fresh one. Jobs for the same key (a document) as a stalled job wait for it: they would share
its incremental cache. Lints overlap only then, and at most ``max_stalled`` stalled threads are left
running; past that, jobs wait as before.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import deque
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, TypeVar

logger = logging.getLogger("rhetlint.lsp.workers")

T = TypeVar("T")

STALL_AFTER_S = 5.0
MAX_STALLED = 2


@dataclass(eq=False)
class _Job:
    key: str
    function: Callable[..., Any]
    args: tuple[Any, ...]
    future: asyncio.Future[Any]
    started: float = 0.0
    stalled: bool = False
    lane: ThreadPoolExecutor | None = field(default=None, repr=False)


class LintWorkers:
    """Runs jobs in order, one at a time, each on the current lint thread; see the module's docstring."""

    def __init__(self, stall_after: float = STALL_AFTER_S, max_stalled: int = MAX_STALLED) -> None:
        self.stall_after = stall_after
        self.max_stalled = max_stalled
        self._lane = self._new_lane()
        self._queue: deque[_Job] = deque()
        self._running: _Job | None = None
        self._stalled: list[_Job] = []
        self._closed = False

    @staticmethod
    def _new_lane() -> ThreadPoolExecutor:
        return ThreadPoolExecutor(max_workers=1, thread_name_prefix="rhetlint-lint")

    async def run(self, key: str, function: Callable[..., T], *args: Any) -> T:
        """Run ``function(*args)`` on the lint thread after the jobs before it; its result."""
        if self._closed:
            raise RuntimeError("the lint workers are closed")
        loop = asyncio.get_running_loop()
        job = _Job(key, function, args, loop.create_future())
        self._queue.append(job)
        self._start_next()
        result: T = await job.future  # cancelling the caller cancels a job that has not started
        return result

    def submit(self, key: str, function: Callable[..., Any], *args: Any) -> None:
        """Queue ``function(*args)`` without waiting for it (a reset that must follow the lints in flight)."""
        task = asyncio.get_running_loop().create_task(self.run(key, function, *args))
        task.add_done_callback(_log_failure)

    def _start_next(self) -> None:
        if self._running is not None or self._closed:
            return
        busy = {job.key for job in self._stalled}
        for job in self._queue:
            if job.key not in busy:
                self._queue.remove(job)
                break
        else:
            return
        if job.future.cancelled():
            self._start_next()
            return
        loop = asyncio.get_running_loop()
        job.started, job.lane = time.monotonic(), self._lane
        self._running = job
        try:
            done = loop.run_in_executor(self._lane, job.function, *job.args)
        except RuntimeError as exc:  # the lane was shut down
            self._running = None
            if not job.future.done():
                job.future.set_exception(exc)
            return
        done.add_done_callback(lambda f, job=job: self._finished(job, f))  # type: ignore[misc]
        loop.call_later(self.stall_after, self._check_stall, job)

    def _check_stall(self, job: _Job) -> None:
        if self._running is not job or job.future.done() or len(self._stalled) >= self.max_stalled:
            if self._running is job and not job.future.done():
                asyncio.get_running_loop().call_later(self.stall_after, self._check_stall, job)
            return
        logger.warning(
            "a lint of %s has run for %.0f s: later lints go to a new thread", job.key, self.stall_after
        )
        job.stalled = True
        self._stalled.append(job)
        self._running = None
        old, self._lane = self._lane, self._new_lane()
        old.shutdown(wait=False)
        self._start_next()

    def _finished(self, job: _Job, done: asyncio.Future[Any]) -> None:
        if not job.future.done():
            if done.cancelled():
                job.future.cancel()
            elif (exc := done.exception()) is not None:
                job.future.set_exception(exc)
            else:
                job.future.set_result(done.result())
        if job.stalled:
            self._stalled.remove(job)
            logger.info("the stalled lint of %s ended after %.1f s", job.key, time.monotonic() - job.started)
        elif self._running is job:
            self._running = None
        self._start_next()

    @property
    def stalled_keys(self) -> set[str]:
        return {job.key for job in self._stalled}

    def close(self) -> None:
        """Refuse new jobs and drop the queued ones; running ones are left to end (or to the exit)."""
        self._closed = True
        for job in self._queue:
            job.future.cancel()
        self._queue.clear()
        self._lane.shutdown(wait=False, cancel_futures=True)


def _log_failure(task: asyncio.Task[Any]) -> None:
    if not task.cancelled() and (exc := task.exception()) is not None and not isinstance(exc, RuntimeError):
        logger.error("a background job failed: %s", exc)
