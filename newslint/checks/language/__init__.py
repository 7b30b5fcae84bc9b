"""Built-in plugin for the ``language`` category: passages in another language than the article's.

One check per module, named after the check; every one is listed in :data:`CHECKS` (the structure
test fails when a check module is missing from it).
"""

from __future__ import annotations

from collections.abc import Callable

from ...declaration import Check
from ...hookspecs import hookimpl
from .foreign_passage import foreign_passage

#: This plugin's checks, in code order.
CHECKS: tuple[Check, ...] = (
    foreign_passage,  # NL640
)


@hookimpl
def newslint_register_checks(register: Callable[[Check], None]) -> None:
    for chk in CHECKS:
        register(chk)
