"""Built-in plugin for the ``generated_text`` category.

Covers template or language-model leftovers: "Pro Tip:", "Did You Know?", engagement bait, leaked prompts, filler FAQ.

One check per module, named after the check; every one is listed in :data:`CHECKS` (the structure
test fails when a check module is missing from it).
"""

from __future__ import annotations

from ...declaration import Check
from .. import register_hook
from .chatbot_phrase import chatbot_phrase
from .content_farm_callout import content_farm_callout
from .engagement_bait import engagement_bait
from .faq_filler import faq_filler
from .leaked_prompt import leaked_prompt
from .placeholder import placeholder

#: This plugin's checks, in code order.
CHECKS: tuple[Check, ...] = (
    content_farm_callout,  # NL160
    engagement_bait,  # NL161
    leaked_prompt,  # NL162
    chatbot_phrase,  # NL163
    placeholder,  # NL164
    faq_filler,  # NL165
)


newslint_register_checks = register_hook(CHECKS)
