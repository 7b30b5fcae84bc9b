"""Built-in plugin for the ``spelling`` category: misspelled words.

One check per module, named after the check; every one is listed in :data:`CHECKS` (the structure
test fails when a check module is missing from it).
"""

from __future__ import annotations

from collections.abc import Callable

from ...declaration import Check
from ...hookspecs import hookimpl
from .languagetool_spelling import languagetool_spelling
from .misspelling import misspelling

#: This plugin's checks, in code order.
CHECKS: tuple[Check, ...] = (
    languagetool_spelling,  # NL602
    misspelling,  # NL620
)


@hookimpl
def newslint_register_checks(register: Callable[[Check], None]) -> None:
    for chk in CHECKS:
        register(chk)
