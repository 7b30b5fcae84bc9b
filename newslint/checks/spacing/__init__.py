"""Built-in plugin for the ``spacing`` category.

Covers missing or doubled spaces around punctuation.

One check per module, named after the check; every one is listed in :data:`CHECKS` (the structure
test fails when a check module is missing from it).
"""

from __future__ import annotations

from ...declaration import Check
from .. import register_hook
from .doubled_space import doubled_space
from .missing_space_after_punctuation import missing_space_after_punctuation
from .space_before_punctuation import space_before_punctuation
from .space_inside_quotes import space_inside_quotes

#: This plugin's checks, in code order.
CHECKS: tuple[Check, ...] = (
    missing_space_after_punctuation,  # NL201
    space_before_punctuation,  # NL202
    space_inside_quotes,  # NL203
    doubled_space,  # NL204
)


newslint_register_checks = register_hook(CHECKS)
