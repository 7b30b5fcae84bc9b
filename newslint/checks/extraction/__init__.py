"""Extraction damage: duplicated and stitched text, markup leftovers, and template or
language-model leftovers (page chrome and truncation are in ``extraction_chrome``)."""

from __future__ import annotations

from collections.abc import Callable

from ...check import Check
from ...hookspecs import hookimpl
from .. import register_all
from . import duplicate, generated, markup


@hookimpl
def newslint_register_checks(register: Callable[[Check], None]) -> None:
    register_all(register, duplicate, markup, generated)
