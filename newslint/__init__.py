"""newslint: lint news articles for quality defects.

    >>> import newslint
    >>> report = newslint.lint("Officials said the vote was close.It passed.", title="Vote")
    >>> [f.code for f in report.findings]
    ['NL201']

For pipelines, build a :class:`Linter` once and reuse it (it is thread-safe and pickles)::

    linter = newslint.Linter({"ignore": ["readability"]})
    for record in records:
        report = linter.lint(record)          # a str, a mapping with "body", or an Article

Checks are declared with ``from newslint import check, bad, good, CheckContext, Hit`` (the
decorator and the :class:`Check` class live in :mod:`newslint.declaration`, so module, class and
decorator no longer share a name). ``import newslint`` is cheap: nothing (no check, no plugin
manager) loads until first use.
"""

from __future__ import annotations

# No ``typing`` nor ``threading`` at run time: this module is imported by the light client of
# the server mode (newslint.client), whose whole point is to start in milliseconds.
import _thread

TYPE_CHECKING = False

__version__ = "0.1.0"

__all__ = [
    "Article",
    "Check",
    "CheckContext",
    "Config",
    "ConfigError",
    "Example",
    "Finding",
    "Fix",
    "Hit",
    "InputError",
    "Linter",
    "Report",
    "bad",
    "check",
    "good",
    "hookimpl",
    "lint",
]

if TYPE_CHECKING:
    from typing import Any

    from .article import Article
    from .config import Config, ConfigError
    from .declaration import Check, CheckContext, Example, bad, check, good
    from .findings import Finding, Fix, Hit
    from .hookspecs import hookimpl
    from .inputs import InputError
    from .linter import Linter
    from .report import Report

_LAZY = {
    "Article": "article",
    "Check": "declaration",
    "CheckContext": "declaration",
    "Example": "declaration",
    "bad": "declaration",
    "check": "declaration",
    "good": "declaration",
    "InputError": "inputs",
    "Config": "config",
    "ConfigError": "config",
    "Finding": "findings",
    "Fix": "findings",
    "Hit": "findings",
    "hookimpl": "hookspecs",
    "Linter": "linter",
    "Report": "report",
}

_default_linter: Linter | None = None
_default_lock = _thread.allocate_lock()  # threading.Lock() is this same lock type


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'newslint' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def default_linter() -> Linter:
    """The shared default :class:`Linter`, built on first use (thread-safe)."""
    global _default_linter
    if _default_linter is None:
        with _default_lock:
            if _default_linter is None:
                from .linter import Linter

                _default_linter = Linter()
    return _default_linter


def lint(source: Any, *, title: str | None = None, path: str | None = None, **fields: Any) -> Report:
    """Lint one article with the default configuration; see :meth:`Linter.lint`."""
    return default_linter().lint(source, title=title, path=path, **fields)
