"""Linting in parallel worker processes, output in input order, memory bounded.

Work is cut into tasks: a whole file, or a chunk of records of a JSON Lines file (or of JSON
Lines on standard input), so one large JSONL file is spread over every worker instead of
occupying one. The parent only reads and splits lines (cheap); workers decode, map and lint.
Each task is linted by the linter its file's configuration gives (``linter_for``), exactly as in
a serial run.

Why it scales:

- Workers are forked after every linter is built and warmed up, so they inherit them; the word
  data is memory-mapped, so its pages are shared, not copied. ``gc.freeze()`` before the fork
  moves the parent's objects out of the collector's reach, so the workers' collections do not
  write to (and so copy) the pages they inherit.
- A window of tasks is in flight: a stream of any length (a million records on standard input)
  runs in constant memory, and reports come back in input order.

Why it is safe: a worker that dies (a segfault in a C extension, an out-of-memory kill, a plugin
calling ``os._exit``) breaks the pool; the tasks that were in flight are linted again one at a
time in a fresh single-worker pool when their turn comes, and a task that kills that worker too is
reported as an input error. Nothing ever waits on a dead process.
"""

from __future__ import annotations

import gc
import os
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import IO, TYPE_CHECKING, Any

from .article import Article
from .inputs import InputProblem
from .linter import Linter
from .report import Report
from .runner import WARM_UP, warm_up  # noqa: F401 - WARM_UP re-exported for callers

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

_linter_for: Callable[[str], Linter] | None = None
#: Below this much work (files, or ~8 KB pieces of record files) a pool costs more than it saves.
AUTO_MIN_FILES = 32
#: Never more workers than this many per core: more only adds memory and start-up time.
MAX_JOBS_PER_CORE = 4
#: Bytes of a JSON Lines file counted as one unit of work when choosing the job count.
RECORD_BYTES_PER_UNIT = 8192
#: Records per task: large enough to amortise the round trip, small enough to balance the load.
RECORDS_PER_TASK = 32
#: Tasks in flight per worker (bounds the parent's memory on endless streams).
WINDOW_PER_JOB = 4
#: Most files per task: consecutive files are sent together, so a folder of short articles
#: pays the pool's round trip (pickling the call, the queues' threads) once per few files, not
#: once per file (a third of the parent's CPU on 568 clean articles, measured).
FILES_PER_TASK = 8
#: ...but no fewer than this many tasks per worker, so the load still balances at the end.
TASKS_PER_JOB = 16
DIED = ("not linted: the worker process died while linting it (a check or a C extension crashed "
        "the process, or it was killed, e.g. out of memory)")

Task = tuple[Any, ...]


def _init(linter_for: Callable[[str], Linter]) -> None:
    global _linter_for
    _linter_for = linter_for


def _run(task: Task) -> list[Report]:
    """One task in a worker: a file, a chunk of JSONL records, or standard input's bytes."""
    assert _linter_for is not None
    kind = task[0]
    if kind == "file":
        return list(_linter_for(task[1]).lint_file(task[1]))
    if kind == "files":
        return [r for path in task[1] for r in _linter_for(path).lint_file(path)]
    items: Iterable[Article | InputProblem]
    if kind == "records":
        from .inputs.reading import guarded
        from .inputs.records import parse_jsonl_lines

        _, path, numbered = task
        linter = _linter_for(path)
        items = guarded(path, parse_jsonl_lines(numbered, path, linter.config))
    else:  # "bytes": a whole non-streamable input read by the parent (standard input)
        from .inputs.reading import parse_bytes

        _, name, data = task
        linter = _linter_for(name)
        items = parse_bytes(linter.parsers, name, data, linter.config)
    return [Report.from_problem(i) if isinstance(i, InputProblem) else linter.lint_article(i, release=True)
            for i in items]


def _died(task: Task) -> list[Report]:
    """The error reports of a task that killed its worker twice."""
    if task[0] == "records":
        path = task[1]
        return [Report(path=f"{path}#{lineno}", error=DIED, file=path, record=str(lineno))
                for lineno, *_ in task[2]]
    if task[0] == "files":
        return [Report(path=path, error=DIED) for path in task[1]]
    return [Report(path=task[1], error=DIED)]


def files_per_task(n_files: int, jobs: int) -> int:
    """How many consecutive files one task takes: up to :data:`FILES_PER_TASK`, while every
    worker still gets :data:`TASKS_PER_JOB` tasks or more."""
    return max(1, min(FILES_PER_TASK, n_files // (jobs * TASKS_PER_JOB)))


def default_jobs(n_files: int) -> int:
    """All cores for a large run, one process for a small one."""
    return (os.cpu_count() or 1) if n_files >= AUTO_MIN_FILES else 1


def bounded_jobs(jobs: int, n_files: int) -> int:
    """``jobs`` limited to the amount of work and to a few per core: ``jobs = 100000`` in a
    config must not fork a hundred thousand processes for one article."""
    return max(1, min(jobs, n_files, (os.cpu_count() or 1) * MAX_JOBS_PER_CORE))


def work_units(linter: Linter, items: Iterable[str | InputProblem]) -> int:
    """How much work ``items`` hold, in files: a JSON Lines file counts one unit per
    ``RECORD_BYTES_PER_UNIT`` bytes (so one large record file gets the pool too); standard
    input counts as much as a pool can use when it is JSON Lines (its length is unknown)."""
    units = 0
    for item in items:
        if not isinstance(item, str):
            continue
        if item == "-":
            continue
        if _splits_records(linter, item):
            try:
                units += max(1, os.path.getsize(item) // RECORD_BYTES_PER_UNIT)
            except OSError:
                units += 1
        else:
            units += 1
    return units


def stdin_streams_records(linter: Linter, stdin_name: str) -> bool:
    """Whether standard input (named ``stdin_name``) is JSON Lines, spread over the workers."""
    return _splits_records(linter, stdin_name)


def _splits_records(linter: Linter, name: str) -> bool:
    from .inputs.records import parse_jsonl_stream

    parser = linter.parser_for(name)
    return parser is not None and parser.parse_stream is parse_jsonl_stream


def _record_chunks(stream: IO[bytes], path: str, limit: int) -> Iterator[Task]:
    from .inputs.records import numbered_lines

    chunk: list[tuple[int, bytes, int]] = []
    for triple in numbered_lines(stream, limit):
        chunk.append(triple)
        if len(chunk) >= RECORDS_PER_TASK:
            yield ("records", path, chunk)
            chunk = []
    if chunk:
        yield ("records", path, chunk)


def _tasks(linter_for: Callable[[str], Linter], items: Iterable[str | InputProblem],
           stdin_name: str | None, batch: int = 1) -> Iterator[Task | Report]:
    """Tasks for the workers, or finished reports (unreadable inputs), in input order; up to
    ``batch`` consecutive plain files (not record files, not standard input) make one task."""
    files: list[str] = []
    for item in items:
        if isinstance(item, str) and item != "-" and not _splits_records(linter_for(item), item):
            files.append(item)
            if len(files) >= batch:
                yield _files_task(files)
                files = []
            continue
        if files:
            yield _files_task(files)
            files = []
        if isinstance(item, InputProblem):
            yield Report.from_problem(item)
        elif item == "-":
            name = stdin_name or "-"
            linter = linter_for(name)
            if _splits_records(linter, name):
                yield from _record_chunks(sys.stdin.buffer, name, linter.config.max_file_size)
                continue
            limit = linter.config.max_file_size
            data = sys.stdin.buffer.read(limit + 1)
            if len(data) > limit:
                yield Report(path=name, error="standard input too large (raise max-file-size to lint it)")
            else:
                yield ("bytes", name, data)
        else:
            try:
                fh = open(item, "rb")
            except OSError as exc:
                yield Report(path=item, error=f"cannot read: {exc.strerror or exc}")
                continue
            with fh:
                yield from _record_chunks(fh, item, linter_for(item).config.max_file_size)
    if files:
        yield _files_task(files)


def _files_task(files: list[str]) -> Task:
    return ("file", files[0]) if len(files) == 1 else ("files", tuple(files))


def parallel_reports(linter: Linter, paths: Iterable[str | InputProblem], jobs: int,
                     linter_for: Callable[[str], Linter] | None = None,
                     stdin_name: str | None = None) -> Iterator[Report]:
    """Reports for ``paths`` (files, ``-`` for standard input, or input problems), linted by
    ``jobs`` processes, in input order. ``linter_for(path)`` gives each file's linter (default:
    ``linter`` for every file)."""
    import multiprocessing  # here: a one-process run never pays for importing it
    from concurrent.futures import CancelledError, ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    # Open the word data and compile lazy patterns once here: forked workers inherit them.
    warm_up(linter.checks, linter.config.settings)
    chooser = linter_for or (lambda _path: linter)
    ctx = multiprocessing.get_context("spawn" if os.name == "nt" else "fork")

    def new_pool(workers: int) -> ProcessPoolExecutor:
        gc.collect()
        gc.freeze()
        try:
            pool = ProcessPoolExecutor(workers, mp_context=ctx, initializer=_init, initargs=(chooser,))
            # Start the workers now, while the parent's objects are frozen.
            pool.submit(os.getpid).result()
        finally:
            gc.unfreeze()
        return pool

    window = max(2, WINDOW_PER_JOB * jobs)
    pool = new_pool(jobs)
    solo: ProcessPoolExecutor | None = None
    pending: deque[tuple[Task | Report, Future[list[Report]] | None]] = deque()

    def submit(task: Task) -> Future[list[Report]] | None:
        nonlocal pool
        for _ in range(2):
            try:
                return pool.submit(_run, task)
            except BrokenProcessPool:
                pool.shutdown(wait=False, cancel_futures=True)
                pool = new_pool(jobs)
        return None  # linted alone when its turn comes

    def finish(task: Task | Report, future: Future[list[Report]] | None) -> list[Report]:
        nonlocal pool, solo
        if isinstance(task, Report):
            return [task]
        if future is not None:
            try:
                return future.result()
            except (BrokenProcessPool, CancelledError):
                # A worker died: this task and every other one in flight that has not finished
                # cleanly is a suspect; each is linted alone when its turn comes, new tasks go to
                # a fresh pool. (Checked before the shutdown, which cancels what is pending.)
                for i, (t, f) in enumerate(pending):
                    if f is not None and (not f.done() or f.cancelled() or f.exception() is not None):
                        f.cancel()
                        pending[i] = (t, None)
                pool.shutdown(wait=False, cancel_futures=True)
                pool = new_pool(jobs)
        if task[0] == "files":  # alone, file by file: a file that kills its worker is told apart
            return [r for path in task[1] for r in finish(("file", path), None)]
        if solo is None:
            solo = new_pool(1)
        try:
            return solo.submit(_run, task).result()
        except (BrokenProcessPool, CancelledError):
            solo.shutdown(wait=False, cancel_futures=True)
            solo = None
            return _died(task)

    try:
        # A list of inputs is counted to size the tasks; an iterator is read lazily, file by file.
        batch = files_per_task(sum(1 for p in paths if isinstance(p, str) and p != "-"), jobs) \
            if isinstance(paths, list | tuple) else 1
        for task in _tasks(chooser, paths, stdin_name, batch):
            pending.append((task, None if isinstance(task, Report) else submit(task)))
            while len(pending) >= window:
                yield from finish(*pending.popleft())
        while pending:
            yield from finish(*pending.popleft())
    finally:
        # Wait for the executors' own threads: left running at interpreter exit they write to
        # closed pipes ("Exception ignored ... Bad file descriptor" on standard error). Nothing
        # is left in flight here but cancelled futures, so the wait is short.
        pool.shutdown(wait=True, cancel_futures=True)
        if solo is not None:
            solo.shutdown(wait=True, cancel_futures=True)
