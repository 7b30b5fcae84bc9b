"""Linting in parallel worker processes, output in input order, memory bounded.

Work is cut into tasks: a whole file, or a chunk of records of a JSON Lines file (or of JSON
Lines on standard input), so one large JSONL file is spread over every worker instead of
occupying one. The parent only reads and splits lines (cheap); workers decode, map and lint.

Why it scales:

- Workers are forked from a parent that has already opened the word data and compiled the
  lazy patterns (one warm-up lint), so they start at once. The word data is memory-mapped, so
  its pages are shared, not copied. ``gc.freeze()`` before the fork moves the parent's objects
  out of the collector's reach, so the workers' collections do not write to (and so copy) the
  pages they inherit.
- At most ``WINDOW_PER_JOB * jobs`` tasks are in flight: a stream of any length (a million
  records on standard input) runs in constant memory, and reports come back in input order.
"""

from __future__ import annotations

import gc
import os
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from typing import IO, Any

from .article import Article
from .inputs import InputProblem
from .linter import Linter
from .report import Report

_linter: Linter | None = None
#: Below this much work (files, or ~8 KB pieces of record files) a pool costs more than it saves.
AUTO_MIN_FILES = 32
#: Bytes of a JSON Lines file counted as one unit of work when choosing the default job count.
RECORD_BYTES_PER_UNIT = 8192
#: Records per task: large enough to amortise the round trip, small enough to balance the load.
RECORDS_PER_TASK = 32
#: Tasks in flight per worker (bounds the memory of the parent on endless streams).
WINDOW_PER_JOB = 4
WARM_UP = "The council met on Monday.It approved the budget, officials said. “We won,” he said."

Task = tuple[Any, ...]


def _init(linter: Linter) -> None:
    global _linter
    _linter = linter


def _run(task: Task) -> list[Report]:
    """One task in a worker: a file, a chunk of JSONL records, or standard input's bytes."""
    linter = _linter
    assert linter is not None
    kind = task[0]
    items: Iterable[Article | InputProblem]
    if kind == "file":
        return list(linter.lint_file(task[1]))
    if kind == "records":
        from .inputs.records import parse_jsonl_lines

        _, path, numbered = task
        items = parse_jsonl_lines(numbered, path, linter.config)
    else:  # "bytes": a whole non-streamable input read by the parent (standard input)
        _, name, data = task
        parser = linter.parser_for(name)
        assert parser is not None
        items = parser.parse(data, name, linter.config)
    return [Report.from_problem(i) if isinstance(i, InputProblem) else linter.lint_article(i)
            for i in items]


def default_jobs(n_files: int) -> int:
    """All cores for a large run, one process for a small one."""
    return (os.cpu_count() or 1) if n_files >= AUTO_MIN_FILES else 1


def work_units(linter: Linter, items: Iterable[str | InputProblem]) -> int:
    """How much work ``items`` hold, in files: a JSON Lines file counts one unit per
    ``RECORD_BYTES_PER_UNIT`` bytes (so one large record file gets the pool too)."""
    units = 0
    for item in items:
        if not isinstance(item, str):
            continue
        if item != "-" and _splits_records(linter, item):
            try:
                units += max(1, os.path.getsize(item) // RECORD_BYTES_PER_UNIT)
            except OSError:
                units += 1
        elif item != "-":
            units += 1
    return units


def _splits_records(linter: Linter, name: str) -> bool:
    from .inputs.records import parse_jsonl_stream

    parser = linter.parser_for(name)
    return parser is not None and parser.parse_stream is parse_jsonl_stream


def _record_chunks(stream: IO[bytes], path: str) -> Iterator[Task]:
    chunk: list[tuple[int, bytes]] = []
    for lineno, raw in enumerate(stream, start=1):
        chunk.append((lineno, raw))
        if len(chunk) >= RECORDS_PER_TASK:
            yield ("records", path, chunk)
            chunk = []
    if chunk:
        yield ("records", path, chunk)


def _tasks(linter: Linter, items: Iterable[str | InputProblem], stdin_name: str | None
           ) -> Iterator[Task | Report]:
    """Tasks for the workers, or finished reports (unreadable inputs), in input order."""
    for item in items:
        if isinstance(item, InputProblem):
            yield Report.from_problem(item)
        elif item == "-":
            name = stdin_name or "-"
            if _splits_records(linter, name):
                yield from _record_chunks(sys.stdin.buffer, name)
                continue
            limit = linter.config.max_file_size
            data = sys.stdin.buffer.read(limit + 1)
            if len(data) > limit:
                yield Report(path=name, error="standard input too large (raise max-file-size to lint it)")
            else:
                yield ("bytes", name, data)
        elif _splits_records(linter, item):
            try:
                fh = open(item, "rb")
            except OSError as exc:
                yield Report(path=item, error=f"cannot read: {exc.strerror or exc}")
                continue
            with fh:
                yield from _record_chunks(fh, item)
        else:
            yield ("file", item)


def parallel_reports(linter: Linter, paths: Iterable[str | InputProblem], jobs: int,
                     stdin_name: str | None = None) -> Iterator[Report]:
    """Reports for ``paths`` (files, ``-`` for standard input, or input problems), linted by
    ``jobs`` processes, in input order."""
    # Open the word data and compile lazy patterns once here: forked workers inherit them.
    linter.lint(WARM_UP)
    import multiprocessing  # here: a one-process run never pays for importing it

    ctx = multiprocessing.get_context("spawn" if os.name == "nt" else "fork")
    gc.collect()
    gc.freeze()
    try:
        pool = ctx.Pool(jobs, initializer=_init, initargs=(linter,))
    finally:
        gc.unfreeze()
    window = max(2, WINDOW_PER_JOB * jobs)
    pending: deque[Any] = deque()
    with pool:
        for task in _tasks(linter, paths, stdin_name):
            pending.append(task if isinstance(task, Report) else pool.apply_async(_run, (task,)))
            while len(pending) >= window:
                yield from _finish(pending.popleft())
        while pending:
            yield from _finish(pending.popleft())


def _finish(entry: Any) -> list[Report]:
    return [entry] if isinstance(entry, Report) else entry.get()
