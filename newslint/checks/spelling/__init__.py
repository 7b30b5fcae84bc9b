"""Built-in plugin for the ``spelling`` category.

Covers misspelled words.

One check per module, named after the check; every one is listed in :data:`CHECKS` (the structure
test fails when a check module is missing from it).
"""

from __future__ import annotations

from ...declaration import Check
from .. import register_hook
from .languagetool_spelling import languagetool_spelling
from .misspelling import misspelling

#: This plugin's checks, in code order.
CHECKS: tuple[Check, ...] = (
    languagetool_spelling,  # NL602
    misspelling,  # NL620
)


newslint_register_checks = register_hook(CHECKS)
