"""Built-in plugin for the ``attribution`` category: claims without a named source: "experts say", "reportedly", anonymous authorities, vague outlets.

One check per module, named after the check; every one is listed in :data:`CHECKS` (the structure
test fails when a check module is missing from it).
"""

from __future__ import annotations

from collections.abc import Callable

from ...declaration import Check
from ...hookspecs import hookimpl
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


@hookimpl
def newslint_register_checks(register: Callable[[Check], None]) -> None:
    for chk in CHECKS:
        register(chk)
