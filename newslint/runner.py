"""The core's own ``newslint_lint_article``: run each check, each inside its own try/except.

A check that raises (``SystemExit`` included), yields a span outside the text, runs longer than
``check-timeout`` seconds or yields an absurd number of hits does not stop the run: it becomes one
``internal`` finding naming the check, and every other check still runs. A check that timed out
on :data:`MAX_TIMEOUTS` articles is not run again in this process (one ``internal`` finding per
article says so), so one hung plugin cannot make a run of a thousand articles last a thousand
time-outs.

The time limit is enforced with ``SIGALRM`` on the main thread (it interrupts Python code, sleeps,
socket waits and, since Python 3.11, the regular-expression engine); on other threads, where
signals cannot be delivered, it is checked between two hits only. One timer serves all the checks
of an article (:class:`_Watch`, set up once by :class:`ArticleChecks`), each keeping its full limit
from its own start. A check that kills the process
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
from operator import attrgetter, is_
from typing import Any

from .article import Article
from .calibration import calibrate
from .config import DEFAULT_CHECK_TIMEOUT, Config
from .declaration import Check, CheckContext
from .dedupe import dedupe
from .findings import Finding, Hit
from .hookspecs import hookimpl
from .services import ServiceError
from .uncounted import excluded_seconds, read_excluded_seconds

INTERNAL_CODE = "NL001"
UNUSED_SUPPRESSION_CODE = "NL002"
#: After this many time-outs a check is skipped for the rest of the process.
MAX_TIMEOUTS = 2
#: Hits one check may yield on one article: a floor, plus one per this many characters. A check
#: past it is broken (or hostile: ``while True: yield hit``) and would otherwise eat all memory.
MAX_HITS_FLOOR = 10_000
MAX_HITS_PER_CHARS = 4

_timeouts: dict[tuple[str | None, str], int] = {}
_SIGALRM = int(getattr(signal, "SIGALRM", 14))  # a plain int: the enum member's look-up is slower
_getsignal = _signal.getsignal
_monotonic = time.monotonic
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


#: The alarm may come this much before a check's deadline (timer and clock granularity): it then
#: counts as the deadline rather than arming a timer for a few microseconds.
_SLACK = 0.005


class _Watch:
    """The time limit of the checks of one article on the main thread: one real-time timer for
    the whole article instead of one armed and disarmed around each check.

    Why: ``setitimer`` twice per check was 13,000 system calls for 142 articles (and the per-check
    set-up around them ~7 µs a check). The timer is armed once, ``timeout`` ahead; each check only
    records when it started. When the alarm comes, :func:`_on_alarm` compares the running check's
    own elapsed time (less :func:`~newslint.uncounted.not_counted` work) with the limit: past it,
    the check is interrupted; before it (the check started after the timer was armed), the timer
    is re-armed for what is left. Every check keeps its full ``timeout`` from its own start, as
    with a timer per check.

    Only the built-in checks are trusted to leave the timer alone; after any other check (a
    plugin may use ``alarm`` or ``setitimer`` itself) the timer is armed again before the next.
    """

    __slots__ = ("active", "armed", "excluded", "started", "timeout")

    def __init__(self) -> None:
        self.active = False  # an article's checks are running under this watch
        self.armed = False  # the timer is known to be set for this watch
        self.started: float | None = None  # monotonic start of the running check
        self.excluded = 0.0  # excluded_seconds() when that check started
        self.timeout = 0.0


_watch = _Watch()  # signals are delivered to the main thread only: one watch is enough
_active = threading.local()  # the ArticleChecks running on this thread, as ``run``


def _on_alarm(signum: int, frame: object) -> None:
    w = _watch
    if not w.active:
        raise CheckTimeout()  # no article running: a plain deadline
    if w.started is None:
        w.armed = False  # between two checks: the next one arms the timer again
        return
    left = w.started + w.timeout + (excluded_seconds() - w.excluded) - time.monotonic()
    if left > _SLACK:
        signal.setitimer(signal.ITIMER_REAL, left)  # this check started after the timer was set
        return
    raise CheckTimeout()


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
    previous = _signal.signal(signal.SIGALRM, _on_deadline)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield deadline
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        _watch.armed = False  # inside a check: the article's timer is gone, the next check re-arms
        _signal.signal(signal.SIGALRM, signal.SIG_DFL if previous is None else previous)


def _on_deadline(signum: int, frame: object) -> None:
    raise CheckTimeout()


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


class ArticleChecks:
    """Runs the checks of one article, with the set-up they share done once per article.

    As a context manager it installs the ``SIGALRM`` handler, arms the one timer of
    :class:`_Watch` and refuses ``os._exit`` for all the article's checks (on the main thread),
    and undoes all three on leaving. Why: doing that around every check (handler swap, two
    ``setitimer`` calls, thread look-ups, ``os._exit`` swap) cost ~7 µs a check, 0.35 ms an
    article of 51 checks, a tenth of a short article's linting.
    """

    def __init__(self, timeout: float | None = DEFAULT_CHECK_TIMEOUT) -> None:
        self.timeout = timeout if timeout and timeout > 0 else None
        self.on_main = False
        self.alarm = False
        self._saved: tuple[Any, ...] = ()
        self._article: Article | None = None  # the article whose size and hit limit are below
        self._size = 0
        self._max_hits = 0

    def __enter__(self) -> ArticleChecks:
        self.on_main = threading.current_thread() is threading.main_thread()
        self.alarm = self.timeout is not None and self.on_main and hasattr(signal, "setitimer")
        self._outer = getattr(_active, "run", None)
        _active.run = self
        if self.on_main:
            self._real_exit = os._exit
            os._exit = _refuse_exit  # type: ignore[assignment]
        if self.alarm and self.timeout is not None:  # (alarm implies a timeout)
            w = _watch
            self._saved = (w.active, w.started, w.excluded, w.timeout)
            self._previous = _signal.signal(signal.SIGALRM, _on_alarm)
            w.active, w.armed, w.started, w.timeout = True, False, None, self.timeout
        return self

    def __exit__(self, *exc: object) -> None:
        if self.alarm and self.timeout is not None:  # (alarm implies a timeout)
            w = _watch
            w.started = None
            signal.setitimer(signal.ITIMER_REAL, 0)
            w.active, w.started, w.excluded, w.timeout = self._saved
            w.armed = False
            if w.active and w.started is not None:  # nested in another article's check: its limit again
                signal.setitimer(signal.ITIMER_REAL, max(_SLACK, w.started + w.timeout - time.monotonic()))
                w.armed = True
            previous = self._previous
            _signal.signal(signal.SIGALRM, signal.SIG_DFL if previous is None else previous)
        if self.on_main:
            os._exit = self._real_exit
        _active.run = self._outer

    def run(self, article: Article, check: Check, ctx: CheckContext) -> list[Finding]:
        """Run one check; a crash, a time-out or a malformed hit becomes one ``internal``
        finding.

        Kept to a few attribute reads and C calls before the check starts (47 checks an article:
        the runner's own work was ~2 µs a check): the time-out count is asked only once some
        check timed out, the hit limit once per article, the handler through ``_signal`` with
        a plain signal number, and a built-in check's function is called without its
        ``Check.__call__`` frame."""
        timeout = self.timeout
        if _timeouts and _timeouts.get((check.plugin, check.code), 0) >= MAX_TIMEOUTS:
            return [_internal(article, check, f"skipped: it ran past the {timeout or 0:g} s time limit "
                                              f"(check-timeout) on {MAX_TIMEOUTS} earlier articles")]
        if article is not self._article:
            self._article = article
            self._size = len(article.text)
            self._max_hits = MAX_HITS_FLOOR + self._size // MAX_HITS_PER_CHARS
        size = self._size
        max_hits = self._max_hits
        started = _monotonic()
        excluded = read_excluded_seconds()  # excluded_seconds(), called in C
        deadline = started + timeout if timeout is not None else None
        alarm = self.alarm
        w = _watch
        outer = (w.started, w.excluded)  # a check running this one (run_check inside a check)
        builtin = (check.plugin or "").startswith("newslint.")
        try:
            try:
                if alarm:
                    if _getsignal(_SIGALRM) is not _on_alarm:  # a C look-up, no enums
                        _signal.signal(_SIGALRM, _on_alarm)  # a check replaced it
                    w.excluded = excluded
                    w.started = started
                    if not w.armed:
                        signal.setitimer(signal.ITIMER_REAL, timeout)  # type: ignore[arg-type]
                        w.armed = True
                # A check declared with ``@check`` is its function (Check.__call__ only calls it).
                hits: Iterable[Hit] = (check.fn(article, ctx) if type(check) is Check
                                       else check(article, ctx)) or ()
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
                    w.started, w.excluded = outer
                    if not builtin:
                        w.armed = False  # a plugin may have used the timer itself
                if self.on_main and os._exit is not _refuse_exit:
                    os._exit = _refuse_exit  # type: ignore[assignment]  # a check replaced it
            return out
        except CheckTimeout:
            key = (check.plugin, check.code)
            with _timeouts_lock:
                _timeouts[key] = _timeouts.get(key, 0) + 1
            spent = time.monotonic() - started - (excluded_seconds() - excluded)
            return [_internal(article, check, f"timed out after {spent:.1f} s "
                                              f"(limit {timeout or 0:g} s, check-timeout)")]
        except _TooManyHits:
            return [_internal(article, check, f"stopped after {max_hits} findings on one article "
                                              f"(more than any real defect count; a bug in the check?)")]
        except _ProcessExit as exc:
            return [_internal(article, check, f"crashed: it called os._exit({exc.args[0]})")]
        except ServiceError as exc:
            return [_internal(article, check, f"could not run: {exc}", severity="warning")]
        except (Exception, SystemExit) as exc:  # noqa: BLE001 - one check must never stop the others
            return [_internal(article, check, f"crashed: {type(exc).__name__}: {exc}")]


def run_check(article: Article, check: Check, ctx: CheckContext,
              timeout: float | None = DEFAULT_CHECK_TIMEOUT) -> list[Finding]:
    """Run one check; a crash, a time-out or a malformed hit becomes one ``internal`` finding.

    Inside :class:`ArticleChecks` with the same limit (the article loop of
    :func:`newslint_lint_article`), the check runs under its shared set-up; alone, it gets its own.
    """
    run = getattr(_active, "run", None)
    if run is not None and run.timeout == (timeout if timeout and timeout > 0 else None):
        return run.run(article, check, ctx)
    with ArticleChecks(timeout) as checks:
        return checks.run(article, check, ctx)


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


#: Each check's context, kept from one article to the next: (check, settings, context) by the
#: check's id. A linter's checks and settings live as long as it does; the check and settings are
#: compared by identity, so a new linter or configuration gets new contexts.
_contexts: dict[int, tuple[Check, Mapping[str, Any], CheckContext]] = {}
_MAX_CONTEXTS = 4096


def _context(check: Check, settings: Mapping[str, Any]) -> CheckContext:
    entry = _contexts.get(id(check))
    if entry is not None and entry[0] is check and entry[1] is settings and entry[2].options is check.options:
        return entry[2]
    if len(_contexts) >= _MAX_CONTEXTS:
        _contexts.clear()
    ctx = CheckContext(check.options, check, settings)
    _contexts[id(check)] = (check, settings, ctx)
    return ctx


#: The contexts of one selection of checks, by the list's id: the checks (a tuple), their
#: options, the settings, and the contexts, in order.
_selections: dict[int, tuple[tuple[Check, ...], tuple[Any, ...], Mapping[str, Any], list[CheckContext]]] = {}
_options_of = attrgetter("options")


def _contexts_of(checks: list[Check], settings: Mapping[str, Any]) -> list[CheckContext]:
    """``[_context(check, settings) for check in checks]``, kept per selection: the same checks
    (by identity, in order) with the same settings and options get the same contexts, which is
    what :func:`_context` gives each of them; asked with a few passes in C per article instead
    of a Python call and a look-up per check (47 checks an article)."""
    entry = _selections.get(id(checks))
    if entry is not None:
        kept, options, kept_settings, contexts = entry
        if kept_settings is settings and len(kept) == len(checks) and all(map(is_, kept, checks)) \
                and all(map(is_, options, map(_options_of, checks))):
            return contexts
    contexts = [_context(check, settings) for check in checks]
    if len(_selections) >= _MAX_CONTEXTS:
        _selections.clear()
    _selections[id(checks)] = (tuple(checks), tuple(map(_options_of, checks)), settings, contexts)
    return contexts


@hookimpl(trylast=True)
def newslint_lint_article(article: Article, checks: list[Check], config: Config) -> list[Finding]:
    findings: list[Finding] = []
    timeout = config.check_timeout
    # Each linter holds copies of its checks with the configured options already resolved.
    contexts = _contexts_of(checks, config.settings)
    with ArticleChecks(timeout):
        for check, ctx in zip(checks, contexts, strict=True):
            findings.extend(run_check(article, check, ctx, timeout))
    return calibrate(dedupe(findings))
