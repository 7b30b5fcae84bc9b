"""Linting files in parallel worker processes, output in input order.

Workers are forked after every linter is built, so they inherit them (and the word lists loaded
by the warm-up) instead of rebuilding; each file is linted by the linter its configuration gives
(``linter_for``), exactly as in a serial run. A worker that dies (a segfault in a C extension, an
out-of-memory kill, a plugin calling ``os._exit``) breaks the pool: the files it may have been
linting are linted again one at a time in a fresh single-worker pool, and the file that kills that
worker too is reported as an input error. Nothing ever waits on a dead process.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from .inputs import InputProblem
from .linter import Linter
from .report import Report
from .runner import WARM_UP, warm_up  # noqa: F401 - WARM_UP re-exported for callers

_linter_for: Callable[[str], Linter] | None = None
#: Below this many files a pool costs more (start-up, plugin loading) than it saves.
AUTO_MIN_FILES = 32
#: Never more workers than this many per core: more only adds memory and start-up time.
MAX_JOBS_PER_CORE = 4
DIED = ("not linted: the worker process died while linting it (a check or a C extension crashed "
        "the process, or it was killed, e.g. out of memory)")


def _init(linter_for: Callable[[str], Linter]) -> None:
    global _linter_for
    _linter_for = linter_for


def _lint_path(path: str) -> list[Report]:
    assert _linter_for is not None
    return list(_linter_for(path).lint_file(path))


def default_jobs(n_files: int) -> int:
    """All cores for a large run, one process for a small one."""
    return (os.cpu_count() or 1) if n_files >= AUTO_MIN_FILES else 1


def bounded_jobs(jobs: int, n_files: int) -> int:
    """``jobs`` limited to the number of files and to a few per core: ``jobs = 100000`` in a
    config must not fork a hundred thousand processes for one article."""
    return max(1, min(jobs, n_files, (os.cpu_count() or 1) * MAX_JOBS_PER_CORE))


def parallel_reports(linter: Linter, paths: Iterable[str | InputProblem], jobs: int,
                     linter_for: Callable[[str], Linter] | None = None) -> Iterator[Report]:
    """Reports for ``paths``, linted by ``jobs`` processes, in input order.

    ``linter_for(path)`` gives each file's linter (default: ``linter`` for every file); an
    :class:`InputProblem` among the paths becomes its error report in place.
    """
    # Load the lazy word lists and dictionaries once here: forked workers inherit them instead of
    # each loading its own copy (about 1.5 s per worker).
    warm_up(linter.checks, linter.config.settings)
    chooser = linter_for or (lambda _path: linter)
    ctx = multiprocessing.get_context("spawn" if os.name == "nt" else "fork")

    def new_pool(workers: int) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(workers, mp_context=ctx, initializer=_init, initargs=(chooser,))

    items = list(paths)
    window = max(jobs * 8, 16)  # files in flight: bounded, so memory is too
    pool = new_pool(jobs)
    solo: ProcessPoolExecutor | None = None
    futures: dict[int, Future[list[Report]]] = {}
    submitted = 0
    try:
        for i, item in enumerate(items):
            while submitted < min(len(items), i + window):
                nxt = items[submitted]
                if isinstance(nxt, str):
                    try:
                        futures[submitted] = pool.submit(_lint_path, nxt)
                    except BrokenProcessPool:
                        pool = _replace(pool, new_pool, jobs, futures)
                        continue
                submitted += 1
            if isinstance(item, InputProblem):
                yield Report(path=item.path, error=item.message)
                continue
            future = futures.pop(i, None)
            if future is not None:
                try:
                    yield from future.result()
                    continue
                except BrokenProcessPool:
                    # A worker died: every file still in flight is a suspect and is linted
                    # alone when its turn comes; the others go to a fresh pool.
                    pool = _replace(pool, new_pool, jobs, futures)
            if solo is None:
                solo = new_pool(1)
            try:
                yield from solo.submit(_lint_path, item).result()
            except BrokenProcessPool:
                solo.shutdown(wait=False, cancel_futures=True)
                solo = None
                yield Report(path=item, error=DIED)
    finally:
        pool.shutdown(wait=False, cancel_futures=True)
        if solo is not None:
            solo.shutdown(wait=False, cancel_futures=True)


def _replace(pool: ProcessPoolExecutor, new_pool: Callable[[int], ProcessPoolExecutor], jobs: int,
             futures: dict[int, Future[list[Report]]]) -> ProcessPoolExecutor:
    """A fresh pool for a broken one; the futures that died with it are dropped from
    ``futures`` (their files are then linted alone), finished ones are kept."""
    for j, f in list(futures.items()):
        if isinstance(f.exception(), BrokenProcessPool):  # waits for the executor to fail it
            del futures[j]
    pool.shutdown(wait=False, cancel_futures=True)
    return new_pool(jobs)
