"""Built-in plugin for the ``language`` category.

Covers passages in another language than the article's.

One check per module, named after the check; every one is listed in :data:`CHECKS` (the structure
test fails when a check module is missing from it).
"""

from __future__ import annotations

from ...declaration import Check
from .. import register_hook
from .foreign_passage import foreign_passage

#: This plugin's checks, in code order.
CHECKS: tuple[Check, ...] = (
    foreign_passage,  # NL640
)


newslint_register_checks = register_hook(CHECKS)
