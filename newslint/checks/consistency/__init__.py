"""Built-in plugin for the ``consistency`` category.

Covers one thing written two ways: dates, numbers, spelling variants, names.

One check per module, named after the check; every one is listed in :data:`CHECKS` (the structure
test fails when a check module is missing from it).
"""

from __future__ import annotations

from ...declaration import Check
from .. import register_hook
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


newslint_register_checks = register_hook(CHECKS)
