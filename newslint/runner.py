"""The core's own ``newslint_lint_article``: run each check, each inside its own try/except.

A check that raises (``SystemExit`` included), yields a span outside the text, runs longer than
``check-timeout`` seconds or yields an absurd number of hits does not stop the run: it becomes one
``internal`` finding naming the check, and every other check still runs. A check that timed out
on :data:`MAX_TIMEOUTS` articles is not run again in this process (one ``internal`` finding per
article says so), so one hung plugin cannot make a run of a thousand articles last a thousand
time-outs.

The time limit is enforced with ``SIGALRM`` on the main thread (it interrupts Python code, sleeps,
socket waits and, since Python 3.11, the regular-expression engine); on other threads, where
signals cannot be delivered, it is checked between two hits only. A check that kills the process
itself (``os._exit``, a segfault in a C extension) cannot be caught in-process: with ``--jobs`` the
dead worker is reported by :mod:`newslint.parallel`.
"""

from __future__ import annotations

import _signal
import os
import signal
import threading
import time
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any

from .article import Article
from .calibration import calibrate
from .config import DEFAULT_CHECK_TIMEOUT, Config
from .declaration import Check, CheckContext
from .dedupe import dedupe
from .findings import Finding, Hit
from .hookspecs import hookimpl
from .services import ServiceError
from .uncounted import excluded_seconds

INTERNAL_CODE = "NL001"
UNUSED_SUPPRESSION_CODE = "NL002"
#: After this many time-outs a check is skipped for the rest of the process.
MAX_TIMEOUTS = 2
#: Hits one check may yield on one article: a floor, plus one per this many characters. A check
#: past it is broken (or hostile: ``while True: yield hit``) and would otherwise eat all memory.
MAX_HITS_FLOOR = 10_000
MAX_HITS_PER_CHARS = 4

_timeouts: dict[tuple[str | None, str], int] = {}
_timeouts_lock = threading.Lock()


class CheckTimeout(BaseException):
    """Raised inside a check that ran past its time limit. A ``BaseException`` so that a check's
    own ``except Exception`` cannot swallow it."""


class _TooManyHits(Exception):
    pass


class _ProcessExit(BaseException):
    """A check called ``os._exit``: refused while checks run on the main thread, because it
    would end the run with no report (and ``os._exit(0)`` with a passing status)."""


def _refuse_exit(code: int = 0) -> None:
    raise _ProcessExit(code)


_KEEP: Any = object()


def _on_alarm(signum: int, frame: object) -> None:
    raise CheckTimeout()


@contextmanager
def alarm_handler() -> Iterator[None]:
    """Hold our SIGALRM handler for a batch of checks (one article), so that each check only
    starts and stops the timer.

    Why: installing and restoring the handler around every check (``signal.signal`` converts
    handlers to enums both ways) cost ~10 µs a check, 0.5 ms an article of 51 checks, ~10% of
    linting a short article; ``setitimer`` twice costs ~1 µs. ``run_check`` still installs the
    handler itself when it is not ours (a direct call, or a check that replaced it)."""
    if not _can_alarm():
        yield
        return
    previous = _signal.signal(signal.SIGALRM, _on_alarm)
    try:
        yield
    finally:
        _signal.signal(signal.SIGALRM, signal.SIG_DFL if previous is None else previous)


def _can_alarm() -> bool:
    return threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer")


@contextmanager
def time_limit(seconds: float | None) -> Iterator[float | None]:
    """Interrupt the block with :class:`CheckTimeout` after ``seconds`` (main thread only).

    Yields the monotonic deadline (or None) so that code on other threads can poll it.
    """
    if not seconds or seconds <= 0:
        yield None
        return
    deadline = time.monotonic() + seconds
    if not _can_alarm():
        yield deadline
        return
    previous = _signal.signal(signal.SIGALRM, _on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield deadline
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        _signal.signal(signal.SIGALRM, signal.SIG_DFL if previous is None else previous)


def make_finding(article: Article, check: Check, hit: Hit) -> Finding:
    """Turn a check's hit into a finding with position, excerpt and attribution."""
    line, column = article.line_col(hit.start)
    name = check.qualified_name if not hit.rule else f"{check.qualified_name}.{hit.rule}"
    return Finding(
        code=check.code,
        check=name,
        category=check.category,
        severity=hit.severity or check.severity,
        message=hit.message,
        start=hit.start,
        end=hit.end,
        line=line,
        column=column,
        excerpt=article.text[hit.start:hit.end],
        suggestion=hit.suggestion,
        confidence=None if hit.confidence is None else round(float(hit.confidence), 3),
        fix=hit.fix,
        plugin=check.plugin,
        data=hit.data,
    )


def internal_finding(article: Article, code: str, name: str, message: str, *,
                     severity: str = "error", start: int = 0, end: int = 0,
                     plugin: str | None = None) -> Finding:
    """A finding about newslint itself (a crashed check, an unused suppression)."""
    line, column = article.line_col(start)
    return Finding(code=code, check=f"internal.{name}", category="internal", severity=severity,
                   message=message, start=start, end=end, line=line, column=column,
                   excerpt=article.text[start:end], confidence=1.0, plugin=plugin)


def run_check(article: Article, check: Check, ctx: CheckContext,
              timeout: float | None = DEFAULT_CHECK_TIMEOUT) -> list[Finding]:
    """Run one check; a crash, a time-out or a malformed hit becomes one ``internal`` finding."""
    size = len(article.text)
    key = (check.plugin, check.code)
    if _timeouts.get(key, 0) >= MAX_TIMEOUTS:
        return [_internal(article, check, f"skipped: it ran past the {timeout:g} s time limit "
                                          f"(check-timeout) on {MAX_TIMEOUTS} earlier articles")]
    max_hits = MAX_HITS_FLOOR + size // MAX_HITS_PER_CHARS
    started = time.monotonic()
    excluded = excluded_seconds()
    real_exit = os._exit
    on_main = threading.current_thread() is threading.main_thread()
    if on_main:
        os._exit = _refuse_exit  # type: ignore[assignment]
    deadline = started + timeout if timeout and timeout > 0 else None
    alarm = deadline is not None and on_main and _can_alarm()
    previous: Any = _KEEP
    try:
        if alarm:
            if _signal.getsignal(signal.SIGALRM) is not _on_alarm:  # a C look-up, no enums
                previous = _signal.signal(signal.SIGALRM, _on_alarm)
            signal.setitimer(signal.ITIMER_REAL, timeout)  # type: ignore[arg-type]
        try:
            hits: Iterable[Hit] = check(article, ctx) or ()
            out = []
            for hit in hits:
                if not (0 <= hit.start <= hit.end <= size):
                    raise ValueError(f"span {hit.start}:{hit.end} outside the text (0:{size})")
                out.append(make_finding(article, check, hit))
                if len(out) > max_hits:
                    raise _TooManyHits()
                if deadline is not None and time.monotonic() - (excluded_seconds() - excluded) > deadline:
                    raise CheckTimeout()
        finally:
            if alarm:
                signal.setitimer(signal.ITIMER_REAL, 0)
                if previous is not _KEEP:
                    _signal.signal(signal.SIGALRM, signal.SIG_DFL if previous is None else previous)
        return out
    except CheckTimeout:
        with _timeouts_lock:
            _timeouts[key] = _timeouts.get(key, 0) + 1
        spent = time.monotonic() - started - (excluded_seconds() - excluded)
        return [_internal(article, check, f"timed out after {spent:.1f} s "
                                          f"(limit {timeout:g} s, check-timeout)")]
    except _TooManyHits:
        return [_internal(article, check, f"stopped after {max_hits} findings on one article "
                                          f"(more than any real defect count; a bug in the check?)")]
    except _ProcessExit as exc:
        return [_internal(article, check, f"crashed: it called os._exit({exc.args[0]})")]
    except ServiceError as exc:
        return [_internal(article, check, f"could not run: {exc}", severity="warning")]
    except (Exception, SystemExit) as exc:  # noqa: BLE001 - one check must never stop the others
        return [_internal(article, check, f"crashed: {type(exc).__name__}: {exc}")]
    finally:
        if on_main:
            os._exit = real_exit


def _internal(article: Article, check: Check, what: str, severity: str = "error") -> Finding:
    return internal_finding(article, INTERNAL_CODE, "check-crashed",
                            f"check {check.qualified_name} ({check.code}) {what}", severity=severity,
                            plugin=check.plugin)


#: A short text that makes every built-in check load its word lists and dictionaries.
WARM_UP = ("The council met on Monday.It approved the budget, officials said. “We won,” he said. "
           "The plan was recieved well by the councill.")  # unknown words load the spelling data


#: A serial run warms up (:func:`warm_up`) only when the time limit per check is below this many
#: seconds. Why: with the compiled word data (built outside every time limit, ``uncounted``), a
#: check's first-use work in a process (opening tables, compiling patterns) is a few
#: milliseconds, so a limit of a second or more cannot be reached by it; the warm-up itself
#: costs a one-file run ~10 ms (linting :data:`WARM_UP` on top of the article). A parallel run
#: always warms up: its workers inherit the warm state instead of each redoing it.
WARM_UP_BELOW = 1.0


def needs_warm_up(timeout: float | None) -> bool:
    """Whether a serial run with this time limit per check warms up first (:data:`WARM_UP_BELOW`)."""
    return bool(timeout) and 0 < timeout < WARM_UP_BELOW  # type: ignore[operator]


def warm_up(checks: Iterable[Check], settings: Mapping[str, Any]) -> None:
    """Run the built-in checks once on :data:`WARM_UP` without a time limit, so that loading
    their data (a second or more, lazily, on first use) is never counted against
    ``check-timeout`` nor interrupted half-way. Plugin checks are not run: they may hang."""
    article = Article(WARM_UP, path="warm-up.txt")
    for check in checks:
        if (check.plugin or "").startswith("newslint.") and not check.service:
            run_check(article, check, CheckContext(check.options, check, settings), None)


@hookimpl(trylast=True)
def newslint_lint_article(article: Article, checks: list[Check], config: Config) -> list[Finding]:
    findings: list[Finding] = []
    with alarm_handler():
        for check in checks:
            # Each linter holds copies of its checks with the configured options already resolved.
            findings.extend(run_check(article, check, CheckContext(check.options, check, config.settings),
                                      config.check_timeout))
    return calibrate(dedupe(findings))
