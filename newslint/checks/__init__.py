"""Built-in checks, one folder per contract category and one module per check.

Each folder is a plugin registered exactly like a third-party one: it lists its checks in
``CHECKS`` and exposes ``newslint_register_checks = register_hook(CHECKS)``. The folders
themselves are listed in :data:`newslint.plugins.BUILTIN_CHECK_PLUGINS`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from ..declaration import Check
from ..hookspecs import hookimpl


def register_hook(checks: Iterable[Check]) -> Callable[[Callable[[Check], None]], None]:
    """A ``newslint_register_checks`` implementation that registers ``checks`` in order."""
    listed = tuple(checks)

    @hookimpl
    def newslint_register_checks(register: Callable[[Check], None]) -> None:
        for chk in listed:
            register(chk)

    return newslint_register_checks
