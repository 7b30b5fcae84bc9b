"""Built-in plugin for the ``truncation`` category: the article body breaks off: mid-sentence, mid-list, unclosed quote, "Read more" stubs.

One check per module, named after the check; every one is listed in :data:`CHECKS` (the structure
test fails when a check module is missing from it).
"""

from __future__ import annotations

from collections.abc import Callable

from ...declaration import Check
from ...hookspecs import hookimpl
from .truncated_body import truncated_body

#: This plugin's checks, in code order.
CHECKS: tuple[Check, ...] = (
    truncated_body,  # NL101
)


@hookimpl
def newslint_register_checks(register: Callable[[Check], None]) -> None:
    for chk in CHECKS:
        register(chk)
