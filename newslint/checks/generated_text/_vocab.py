"""The generated-text checks' vocabularies: ``phrases`` lists in ``data/``, read by
:mod:`newslint.wordlists` (one loader, one cache), adjustable in the config's ``word-lists`` table
and extended per check by its ``extra-phrases`` option.

Each list compiles into one case-insensitive alternation of escaped literals: no nested
quantifiers, so matching stays linear.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from ... import wordlists


def phrases(name: str) -> tuple[str, ...]:
    """The phrases of ``data/<name>.txt`` as shipped."""
    return wordlists.load(f"generated_text/{name}").entries


def pattern(name: str, extra: Iterable[str] = (), *, anchored: bool = False,
            settings: Mapping[str, Any] | None = None) -> re.Pattern[str]:
    """The compiled alternation of a vocabulary plus ``extra`` phrases, cached per process."""
    return wordlists.pattern(f"generated_text/{name}", settings, tuple(extra), anchored=anchored)
