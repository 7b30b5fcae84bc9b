"""Shared by this folder's checks: NL160-NL165: template and language-model leftovers."""

from __future__ import annotations

import re

from ...declaration import CheckContext
from ._vocab import pattern

_SENTENCE_END = re.compile(r"[.!?]")


def _extra(ctx: CheckContext) -> tuple[str, ...]:
    return tuple(ctx.options.get("extra-phrases", ()) or ())


def _faq_heading(text: str) -> bool:
    return pattern("faq", anchored=True).fullmatch(text.rstrip(" :")) is not None

