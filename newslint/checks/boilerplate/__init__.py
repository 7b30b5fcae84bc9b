"""Built-in plugin for the ``boilerplate`` category: page chrome left in the text: navigation, widgets, comment and ad notices, share buttons, site promos.

One check per module, named after the check; every one is listed in :data:`CHECKS` (the structure
test fails when a check module is missing from it).
"""

from __future__ import annotations

from collections.abc import Callable

from ...declaration import Check
from ...hookspecs import hookimpl
from .page_chrome import page_chrome

#: This plugin's checks, in code order.
CHECKS: tuple[Check, ...] = (
    page_chrome,  # NL110
)


@hookimpl
def newslint_register_checks(register: Callable[[Check], None]) -> None:
    for chk in CHECKS:
        register(chk)
