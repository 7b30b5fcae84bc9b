"""Built-in checks. Each sub-package is one plugin (a topic), registered exactly like a
third-party plugin: it implements ``newslint_register_checks`` and registers its checks."""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType

from ..check import Check


def register_all(register: Callable[[Check], None], *modules: ModuleType) -> None:
    """Register every :class:`Check` defined at the top level of ``modules``."""
    for module in modules:
        for value in vars(module).values():
            if isinstance(value, Check):
                register(value)
