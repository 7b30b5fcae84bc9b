"""Built-in plugin for the ``boilerplate`` category.

Covers page chrome left in the text: navigation, widgets, comment and ad notices, share buttons, site promos.

One check per module, named after the check; every one is listed in :data:`CHECKS` (the structure
test fails when a check module is missing from it).
"""

from __future__ import annotations

from collections.abc import Mapping

from ...analysis.layout import CONFIG_KEYS
from ...declaration import Check
from ...hookspecs import hookimpl
from .. import register_hook
from .page_chrome import page_chrome

#: This plugin's checks, in code order.
CHECKS: tuple[Check, ...] = (
    page_chrome,  # NL110
)


newslint_register_checks = register_hook(CHECKS)


@hookimpl
def newslint_config_keys() -> Mapping[str, str]:
    """The layout's ``furniture-*`` settings (see :mod:`newslint.analysis.layout`)."""
    return CONFIG_KEYS
