"""Punctuation: unbalanced quotation marks, quotations that run on, mixed quote styles."""

from __future__ import annotations

from collections.abc import Callable

from ...check import Check
from ...hookspecs import hookimpl
from .. import register_all
from . import quotes


@hookimpl
def newslint_register_checks(register: Callable[[Check], None]) -> None:
    register_all(register, quotes)
