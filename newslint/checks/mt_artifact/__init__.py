"""Built-in plugin for the ``mt_artifact`` category.

Covers machine-translation or machine-rewriting damage: fused link text, capitalised words mid-sentence, verbless fragments, pronoun number mismatch, non-words.

One check per module, named after the check; every one is listed in :data:`CHECKS` (the structure
test fails when a check module is missing from it).
"""

from __future__ import annotations

from ...declaration import Check
from .. import register_hook
from .capitalised_word_mid_sentence import capitalised_word_mid_sentence
from .fused_words import fused_words
from .odd_compound import odd_compound
from .pronoun_number import pronoun_number
from .verbless_fragment import verbless_fragment

#: This plugin's checks, in code order.
CHECKS: tuple[Check, ...] = (
    fused_words,  # NL401
    capitalised_word_mid_sentence,  # NL402
    verbless_fragment,  # NL403
    pronoun_number,  # NL404
    odd_compound,  # NL405
)


newslint_register_checks = register_hook(CHECKS)
