"""Page chrome and truncation: lines of the web page kept by the scraper (boilerplate) and
article bodies that break off (truncation). Both rest on ``newslint.analysis.chrome``.

Transition: the first versions of these two checks (same codes) live in
``newslint.checks.extraction``. While that package still ships them, this plugin registers
nothing, so a code is never registered twice; once they are removed there, these take over.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib.util import find_spec

from ...check import Check
from ...hookspecs import hookimpl
from .. import register_all
from . import boilerplate, truncation


def _superseded() -> bool:
    """True while the extraction package still provides NL101/NL110 itself."""
    return find_spec("newslint.checks.extraction.boilerplate") is not None


@hookimpl
def newslint_register_checks(register: Callable[[Check], None]) -> None:
    if not _superseded():
        register_all(register, truncation, boilerplate)
