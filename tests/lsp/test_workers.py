"""LintWorkers: one lint at a time, and a lint that does not end does not hold up the others."""

from __future__ import annotations

import asyncio
import threading

import pytest

from rhetlint.lsp.workers import LintWorkers

pytestmark = pytest.mark.asyncio
WAIT = 10.0  # generous: a stuck job blocks on an Event the test sets, not on time


def stuck(release: threading.Event, started: threading.Event | None = None) -> str:
    if started is not None:
        started.set()
    release.wait(WAIT)
    return "stuck done"


async def test_jobs_run_in_order_one_at_a_time():
    workers = LintWorkers(stall_after=5.0)
    running, overlaps, order = [0], [], []

    def job(n: int) -> int:
        running[0] += 1
        overlaps.append(running[0])
        threading.Event().wait(0.01)
        order.append(n)
        running[0] -= 1
        return n

    results = await asyncio.gather(*(workers.run(f"doc{n % 3}", job, n) for n in range(8)))
    assert results == list(range(8)) and order == list(range(8)) and max(overlaps) == 1
    workers.close()


async def test_a_stalled_job_lets_other_documents_go_but_not_its_own():
    workers = LintWorkers(stall_after=0.2)
    release, started = threading.Event(), threading.Event()
    slow = asyncio.ensure_future(workers.run("slow", stuck, release, started))
    await asyncio.get_running_loop().run_in_executor(None, started.wait, WAIT)
    same = asyncio.ensure_future(workers.run("slow", lambda: "same document"))
    assert await asyncio.wait_for(workers.run("fast", lambda: "other document"), WAIT) == "other document"
    assert workers.stalled_keys == {"slow"} and not same.done()
    release.set()
    assert await asyncio.wait_for(slow, WAIT) == "stuck done"
    assert await asyncio.wait_for(same, WAIT) == "same document"
    assert workers.stalled_keys == set()
    workers.close()


async def test_past_max_stalled_jobs_wait():
    workers = LintWorkers(stall_after=0.1, max_stalled=1)
    first, second = threading.Event(), threading.Event()
    a = asyncio.ensure_future(workers.run("a", stuck, first))
    b = asyncio.ensure_future(workers.run("b", stuck, second))
    c = asyncio.ensure_future(workers.run("c", lambda: "c"))
    await asyncio.sleep(0.6)
    assert workers.stalled_keys == {"a"} and not c.done()  # "b" runs, stuck too, and may not be left
    second.set()
    assert await asyncio.wait_for(c, WAIT) == "c"
    first.set()
    assert await asyncio.wait_for(asyncio.gather(a, b), WAIT) == ["stuck done", "stuck done"]
    workers.close()


async def test_a_cancelled_caller_drops_a_queued_job_and_close_refuses_new_ones():
    workers = LintWorkers(stall_after=5.0)
    release, ran = threading.Event(), []
    first = asyncio.ensure_future(workers.run("a", stuck, release))
    queued = asyncio.ensure_future(workers.run("b", ran.append, "b"))
    await asyncio.sleep(0.05)
    queued.cancel()
    release.set()
    await asyncio.wait_for(first, WAIT)
    await asyncio.sleep(0.05)
    assert ran == []
    workers.close()
    with pytest.raises(RuntimeError):
        await workers.run("c", ran.append, "c")
