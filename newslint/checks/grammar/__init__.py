"""Built-in plugin for the ``grammar`` category.

Covers grammar errors (LanguageTool).

One check per module, named after the check; every one is listed in :data:`CHECKS` (the structure
test fails when a check module is missing from it).
"""

from __future__ import annotations

from collections.abc import Mapping

from ...config import Config
from ...declaration import Check
from ...hookspecs import hookimpl
from ...services import languagetool as languagetool_service
from .. import register_hook
from .languagetool import languagetool

#: This plugin's checks, in code order.
CHECKS: tuple[Check, ...] = (
    languagetool,  # NL601
)


newslint_register_checks = register_hook(CHECKS)


@hookimpl
def newslint_configure(config: Config) -> None:
    # The LanguageTool client notices a missing server only when grammar was asked for by name.
    languagetool_service.configure(config)


@hookimpl
def newslint_config_keys() -> Mapping[str, str]:
    return {"languagetool-url": "URL of a LanguageTool server (e.g. http://localhost:8081)"}
