"""Built-in plugin for the ``markup`` category.

Covers Markdown or HTML leftovers, flattened tables, unclosed emphasis.

One check per module, named after the check; every one is listed in :data:`CHECKS` (the structure
test fails when a check module is missing from it).
"""

from __future__ import annotations

from ...declaration import Check
from .. import register_hook
from .flattened_embed import flattened_embed
from .flattened_table import flattened_table
from .machine_timestamp import machine_timestamp
from .markup_leftover import markup_leftover

#: This plugin's checks, in code order.
CHECKS: tuple[Check, ...] = (
    markup_leftover,  # NL140
    flattened_table,  # NL141
    flattened_embed,  # NL142
    machine_timestamp,  # NL143
)


newslint_register_checks = register_hook(CHECKS)
