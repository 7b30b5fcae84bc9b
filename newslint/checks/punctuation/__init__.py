"""Built-in plugin for the ``punctuation`` category.

Covers unbalanced quotation marks or brackets, mixed quote styles.

One check per module, named after the check; every one is listed in :data:`CHECKS` (the structure
test fails when a check module is missing from it).
"""

from __future__ import annotations

from ...declaration import Check
from .. import register_hook
from .languagetool_punctuation import languagetool_punctuation
from .mixed_quote_styles import mixed_quote_styles
from .quotation_runs_on import quotation_runs_on
from .unclosed_quotation import unclosed_quotation

#: This plugin's checks, in code order.
CHECKS: tuple[Check, ...] = (
    unclosed_quotation,  # NL250
    quotation_runs_on,  # NL251
    mixed_quote_styles,  # NL252
    languagetool_punctuation,  # NL603
)


newslint_register_checks = register_hook(CHECKS)
