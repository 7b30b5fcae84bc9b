"""Built-in plugin for the ``consistency`` category: one thing written two ways: dates, numbers, spelling variants, names.

One check per module, named after the check; every one is listed in :data:`CHECKS` (the structure
test fails when a check module is missing from it).
"""

from __future__ import annotations

from collections.abc import Callable

from ...declaration import Check
from ...hookspecs import hookimpl
from .date_style import date_style
from .name_spelling import name_spelling
from .spelling_variant import spelling_variant
from .us_abbreviation import us_abbreviation

#: This plugin's checks, in code order.
CHECKS: tuple[Check, ...] = (
    date_style,  # NL351
    us_abbreviation,  # NL352
    spelling_variant,  # NL353
    name_spelling,  # NL354
)


@hookimpl
def newslint_register_checks(register: Callable[[Check], None]) -> None:
    for chk in CHECKS:
        register(chk)
