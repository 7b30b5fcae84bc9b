"""Built-in plugin for the ``truncation`` category.

Covers the article body breaks off: mid-sentence, mid-list, unclosed quote, "Read more" stubs.

One check per module, named after the check; every one is listed in :data:`CHECKS` (the structure
test fails when a check module is missing from it).
"""

from __future__ import annotations

from ...declaration import Check
from .. import register_hook
from .truncated_body import truncated_body
from .truncated_paragraph import truncated_paragraph

#: This plugin's checks, in code order.
CHECKS: tuple[Check, ...] = (
    truncated_body,  # NL101
    truncated_paragraph,  # NL102
)


newslint_register_checks = register_hook(CHECKS)
