"""Built-in plugin for the ``duplicate`` category.

Covers repeated title, paragraphs or sentences; two articles stitched together.

One check per module, named after the check; every one is listed in :data:`CHECKS` (the structure
test fails when a check module is missing from it).
"""

from __future__ import annotations

from ...declaration import Check
from .. import register_hook
from .repeated_paragraph import repeated_paragraph
from .repeated_sentence import repeated_sentence
from .stitched_article import stitched_article

#: This plugin's checks, in code order.
CHECKS: tuple[Check, ...] = (
    repeated_paragraph,  # NL130
    stitched_article,  # NL131
    repeated_sentence,  # NL132
)


newslint_register_checks = register_hook(CHECKS)
