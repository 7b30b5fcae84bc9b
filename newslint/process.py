"""Whole-process concerns of the ``newslint`` console script: the garbage collector during the
start-up, and a quick exit.

A one-file run is mostly start-up (interpreter, imports, building the linter) and the end of the
process; proselint's whole run takes about as long as newslint's start-up alone, so what a
command-line process does besides linting is measured and kept small here (docs/benchmarks.md,
"Session 4"). Nothing here runs when newslint is used as a library or called as
``newslint.cli.main()`` by a host process: only :func:`newslint.console.entry` pauses the
collector and only :func:`newslint.cli.entry` exits through :func:`fast_exit`.
"""

from __future__ import annotations

import gc
import os
import sys
from typing import NoReturn

#: Whether :func:`newslint.console.entry` paused the garbage collector for the start-up (see :func:`resume_gc`).
_gc_paused = False


def pause_gc() -> None:
    """Turn the cyclic garbage collector off for the start-up of a command-line run.

    Why: importing ~250 modules and building the linter allocate a few hundred thousand objects
    that live for the whole run, so the collector runs ~50 times over them and frees next to
    nothing (a few hundred objects, measured). :func:`resume_gc` turns it back on once they are
    frozen (``gc.freeze()``), just before the first article."""
    global _gc_paused
    if gc.isenabled():
        gc.disable()
        _gc_paused = True


def resume_gc() -> None:
    """Undo :func:`pause_gc` (nothing when this process did not pause it)."""
    global _gc_paused
    if _gc_paused:
        _gc_paused = False
        gc.enable()


def fast_exit(status: int) -> NoReturn:
    """End the console script: run the ``atexit`` handlers, flush the standard streams, then
    ``os._exit``, skipping the interpreter's teardown of every module and object (freeing a
    few hundred thousand objects one by one: ~5% of a one-file run's CPU, for nothing the
    process still needs). Only when this is the last thread: otherwise, and when a flush fails
    (a closed pipe), the ordinary ``sys.exit``, which waits for threads and reports errors."""
    import atexit
    import threading

    if threading.active_count() == 1:
        atexit._run_exitfuncs()
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        except (OSError, ValueError):
            sys.exit(status)
        os._exit(status)
    sys.exit(status)
