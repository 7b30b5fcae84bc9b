"""Linting files in parallel worker processes, output in input order.

Each worker rebuilds the ``Linter`` once from its pickled configuration (``Linter`` pickles by
configuration), then lints whole files; ``imap`` keeps the order of the input, so output is the
same as a sequential run.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterable, Iterator

from .linter import Linter
from .report import Report

_linter: Linter | None = None
#: Below this many files a pool costs more (start-up, plugin loading) than it saves.
AUTO_MIN_FILES = 32
WARM_UP = "The council met on Monday.It approved the budget, officials said. “We won,” he said."


def _init(linter: Linter) -> None:
    global _linter
    _linter = linter


def _lint_path(path: str) -> list[Report]:
    assert _linter is not None
    return list(_linter.lint_file(path))


def default_jobs(n_files: int) -> int:
    """All cores for a large run, one process for a small one."""
    return (os.cpu_count() or 1) if n_files >= AUTO_MIN_FILES else 1


def parallel_reports(linter: Linter, paths: Iterable[str], jobs: int) -> Iterator[Report]:
    """Reports for ``paths``, linted by ``jobs`` processes, in input order."""
    # Load the lazy word lists and dictionaries once here: forked workers inherit them instead of
    # each loading its own copy (about 1.5 s per worker).
    linter.lint(WARM_UP)
    ctx = multiprocessing.get_context("spawn" if os.name == "nt" else "fork")
    with ctx.Pool(jobs, initializer=_init, initargs=(linter,)) as pool:
        for reports in pool.imap(_lint_path, paths, chunksize=4):
            yield from reports
