"""Built-in plugin for the ``capitalization`` category.

Covers lowercase sentence starts, one name written with different case, heading style mixed.

One check per module, named after the check; every one is listed in :data:`CHECKS` (the structure
test fails when a check module is missing from it).
"""

from __future__ import annotations

from ...declaration import Check
from .. import register_hook
from .entity_variant import entity_variant
from .heading_style import heading_style
from .lowercase_sentence_start import lowercase_sentence_start
from .shouting import shouting

#: This plugin's checks, in code order.
CHECKS: tuple[Check, ...] = (
    entity_variant,  # NL301
    lowercase_sentence_start,  # NL302
    heading_style,  # NL303
    shouting,  # NL304
)


newslint_register_checks = register_hook(CHECKS)
