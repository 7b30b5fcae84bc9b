"""Extraction damage: page chrome, truncation, duplicated and stitched text, markup leftovers,
and template or language-model leftovers."""

from __future__ import annotations

from collections.abc import Callable

from ...check import Check
from ...hookspecs import hookimpl
from .. import register_all
from . import boilerplate, duplicate, generated, markup, truncation


@hookimpl
def newslint_register_checks(register: Callable[[Check], None]) -> None:
    register_all(register, truncation, boilerplate, duplicate, markup, generated)
