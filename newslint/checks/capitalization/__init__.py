"""Capitalization: lowercase sentence starts, one name in two cases, heading style, shouting."""

from __future__ import annotations

from collections.abc import Callable

from ...check import Check
from ...hookspecs import hookimpl
from .. import register_all
from . import entity_variant, heading_style, lowercase_start, shouting


@hookimpl
def newslint_register_checks(register: Callable[[Check], None]) -> None:
    register_all(register, entity_variant, lowercase_start, heading_style, shouting)
