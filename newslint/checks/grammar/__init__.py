"""Built-in plugin for the ``grammar`` category: grammar errors (LanguageTool).

One check per module, named after the check; every one is listed in :data:`CHECKS` (the structure
test fails when a check module is missing from it).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from ...declaration import Check
from ...hookspecs import hookimpl
from .languagetool import languagetool

#: This plugin's checks, in code order.
CHECKS: tuple[Check, ...] = (
    languagetool,  # NL601
)


@hookimpl
def newslint_register_checks(register: Callable[[Check], None]) -> None:
    for chk in CHECKS:
        register(chk)


@hookimpl
def newslint_config_keys() -> Mapping[str, str]:
    return {"languagetool-url": "URL of a LanguageTool server (e.g. http://localhost:8081)"}
