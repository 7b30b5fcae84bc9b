"""Consistency: one thing written two ways in one article (dates, U.S./US, spellings, names)."""

from __future__ import annotations

from collections.abc import Callable

from ...check import Check
from ...hookspecs import hookimpl
from .. import register_all
from . import variants


@hookimpl
def newslint_register_checks(register: Callable[[Check], None]) -> None:
    register_all(register, variants)
