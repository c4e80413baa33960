"""Where partitions are measured: in this process, in local worker processes, or on a Dask cluster.

Each engine takes the partitions as they are read and yields ``(index, rows, seconds, cpu_seconds)`` as
they finish (in any order; the worker's wall and CPU time on the partition, for per-worker throughput), or
``(index, message, 0.0, 0.0)`` for a partition whose worker failed. At most a few partitions per worker
are in flight, so an archive is never held in memory whole. Every worker process builds the linter once
(``measure.linter_for``) and reuses it for all the partitions it gets.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from rhetlint.audit.articles import Article
from rhetlint.audit.measure import AuditSettings, measure_partition
from rhetlint.hooks.manager import one_line

Partition = tuple[int, list[Article]]
Result = tuple[int, "list[dict[str, Any]] | str", float, float]
IN_FLIGHT_PER_WORKER = 2


def timed_partition(
    settings: AuditSettings, articles: list[Article]
) -> tuple[list[dict[str, Any]], float, float]:
    """A partition's rows and the wall and CPU time the worker spent measuring them (CPU time does not
    count waiting for a core another process holds, so it measures a worker's capacity on a busy machine)."""
    started, cpu_started = time.perf_counter(), time.process_time()
    rows = measure_partition(settings, articles)
    return rows, time.perf_counter() - started, time.process_time() - cpu_started


class EngineError(Exception):
    """The engine cannot run (a missing extra, a scheduler that does not answer): one line."""


def run_local(settings: AuditSettings, partitions: Iterable[Partition], jobs: int = 1) -> Iterator[Result]:
    if jobs <= 0:
        jobs = os.cpu_count() or 1
    if jobs == 1:
        for index, articles in partitions:
            yield (index, *timed_partition(settings, articles))
        return
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        pending: dict[Future, int] = {}
        source = iter(partitions)
        exhausted = broken = False
        while True:
            while not exhausted and not broken and len(pending) < jobs * IN_FLIGHT_PER_WORKER:
                try:
                    index, articles = next(source)
                except StopIteration:
                    exhausted = True
                    break
                try:
                    pending[pool.submit(timed_partition, settings, articles)] = index
                except BrokenProcessPool:  # a worker died: the pool takes no more work
                    broken = True
                    yield index, "not measured: a worker process died", 0.0, 0.0
            if not pending:
                return
            finished, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in finished:
                index = pending.pop(future)
                try:
                    yield (index, *future.result())
                except BrokenProcessPool:
                    broken = True
                    yield index, "not measured: a worker process died", 0.0, 0.0
                except Exception as exc:  # noqa: BLE001 - a failing partition fails alone, not the run
                    yield index, f"{type(exc).__name__}: {one_line(exc)}", 0.0, 0.0


def run_dask(
    settings: AuditSettings,
    partitions: Iterable[Partition],
    scheduler: str | None,
    workers: int = 0,
    timeout: float = 30.0,
) -> Iterator[Result]:
    """Ship partitions to the workers of the Dask scheduler at ``scheduler`` (``tcp://host:8786``), or of a
    cluster of local processes started for this run when it is None; ``timeout`` bounds the wait for the
    scheduler to answer."""
    try:
        from dask.distributed import Client, LocalCluster, as_completed
    except ImportError:
        raise EngineError("the dask engine needs dask.distributed: pip install 'rhetlint[audit]'") from None
    cluster = None
    try:
        if scheduler:
            client = Client(scheduler, timeout=f"{timeout}s")
        else:
            cluster = LocalCluster(
                n_workers=workers or os.cpu_count() or 1,
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
            )
            client = Client(cluster)
    except (OSError, TimeoutError) as exc:
        if cluster is not None:
            cluster.close()
        raise EngineError(f"cannot reach the Dask scheduler {scheduler}: {one_line(exc)}") from None
    try:
        slots = max(1, sum(client.nthreads().values())) * IN_FLIGHT_PER_WORKER
        source = iter(partitions)
        indexes: dict[Any, int] = {}
        running = as_completed()
        for index, articles in source:
            future = client.submit(timed_partition, settings, articles, pure=False)
            indexes[future.key] = index
            running.add(future)
            if running.count() >= slots:
                break
        for future in running:
            index = indexes.pop(future.key)
            try:
                yield (index, *future.result())
            except Exception as exc:  # noqa: BLE001 - a failed task fails its partition, not the run
                yield index, f"{type(exc).__name__}: {one_line(exc)}", 0.0, 0.0
            future.release()
            for next_index, articles in source:  # refill one slot
                following = client.submit(timed_partition, settings, articles, pure=False)
                indexes[following.key] = next_index
                running.add(following)
                break
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
