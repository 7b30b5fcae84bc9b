"""Time that a check's time limit does not count: one-off set-up done on a check's behalf.

Why: the first check that needs the compiled word data builds it (seconds of CPU, once per
installation), inside that check's limit (``check-timeout``). On a slow or busy machine the build
outlived the limit; the check was reported as timed out, and every later check that needed the
data started the build again and timed out too, so a first run reported nothing but time-outs.
Work wrapped in :func:`not_counted` stops the real-time alarm while it runs and is added to a
per-thread total that :func:`newslint.runner.run_check` subtracts from the check's elapsed time.
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial


class _Totals(threading.local):
    """Each thread's total; a class attribute gives a thread that has not set its own 0.0
    (``getattr`` with a default raised and caught an ``AttributeError`` each time instead: the
    runner asks before every check)."""

    seconds = 0.0


_local = _Totals()


def excluded_seconds() -> float:
    """Seconds of :func:`not_counted` work done on this thread so far."""
    return _local.seconds


#: :func:`excluded_seconds` as a call in C (no Python frame), for the runner, which asks before
#: every check of every article.
read_excluded_seconds: Callable[[], float] = partial(getattr, _local, "seconds")


@contextmanager
def not_counted() -> Iterator[None]:
    """Run the block outside any check time limit of this thread (see the module docstring)."""
    on_main = threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer")
    remaining, interval = signal.setitimer(signal.ITIMER_REAL, 0) if on_main else (0.0, 0.0)
    started = time.monotonic()
    try:
        yield
    finally:
        _local.seconds = excluded_seconds() + time.monotonic() - started
        if remaining > 0:
            signal.setitimer(signal.ITIMER_REAL, remaining, interval)
