"""Built-in plugin for the ``duplicate`` category: repeated title, paragraphs or sentences; two articles stitched together.

One check per module, named after the check; every one is listed in :data:`CHECKS` (the structure
test fails when a check module is missing from it).
"""

from __future__ import annotations

from collections.abc import Callable

from ...declaration import Check
from ...hookspecs import hookimpl
from .repeated_paragraph import repeated_paragraph
from .repeated_sentence import repeated_sentence
from .stitched_article import stitched_article

#: This plugin's checks, in code order.
CHECKS: tuple[Check, ...] = (
    repeated_paragraph,  # NL130
    stitched_article,  # NL131
    repeated_sentence,  # NL132
)


@hookimpl
def newslint_register_checks(register: Callable[[Check], None]) -> None:
    for chk in CHECKS:
        register(chk)
