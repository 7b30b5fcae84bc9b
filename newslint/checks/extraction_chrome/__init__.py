"""Page chrome and truncation: lines of the web page kept by the scraper (boilerplate) and
article bodies that break off (truncation). Both rest on ``newslint.analysis.chrome``.
"""

from __future__ import annotations

from collections.abc import Callable

from ...check import Check
from ...hookspecs import hookimpl
from .. import register_all
from . import boilerplate, truncation


@hookimpl
def newslint_register_checks(register: Callable[[Check], None]) -> None:
    register_all(register, truncation, boilerplate)
