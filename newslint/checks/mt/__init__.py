"""Machine-translation and machine-rewriting artifacts, judged from the target text alone."""

from __future__ import annotations

from collections.abc import Callable

from ...check import Check
from ...hookspecs import hookimpl
from .. import register_all
from . import capitalised_word, fragments, fused_words, odd_compound, pronoun_number


@hookimpl
def newslint_register_checks(register: Callable[[Check], None]) -> None:
    register_all(register, fused_words, capitalised_word, fragments, pronoun_number, odd_compound)
