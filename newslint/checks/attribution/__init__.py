"""Built-in plugin for the ``attribution`` category.

Covers claims without a named source: "experts say", "reportedly", anonymous authorities, vague outlets.

One check per module, named after the check; every one is listed in :data:`CHECKS` (the structure
test fails when a check module is missing from it).
"""

from __future__ import annotations

from ...declaration import Check
from .. import register_hook
from .agentless_claim import agentless_claim
from .quote_without_speaker import quote_without_speaker
from .unsourced_hedge import unsourced_hedge
from .vague_source import vague_source

#: This plugin's checks, in code order.
CHECKS: tuple[Check, ...] = (
    vague_source,  # NL501
    unsourced_hedge,  # NL502
    agentless_claim,  # NL503
    quote_without_speaker,  # NL504
)


newslint_register_checks = register_hook(CHECKS)
