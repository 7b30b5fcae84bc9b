"""Extraction damage in the text itself: duplicated and stitched text (NL130-NL132), markup
leftovers (NL140-NL143) and template or language-model leftovers (NL160-NL165).
"""

from __future__ import annotations

from collections.abc import Callable

from ...check import Check
from ...hookspecs import hookimpl
from .. import register_all
from . import duplicate, generated, markup


@hookimpl
def newslint_register_checks(register: Callable[[Check], None]) -> None:
    register_all(register, duplicate, markup, generated)
