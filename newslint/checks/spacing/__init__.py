"""Spacing checks: missing, doubled and misplaced spaces around punctuation."""

from __future__ import annotations

from collections.abc import Callable

from ...check import Check
from ...hookspecs import hookimpl
from .. import register_all
from . import around_punctuation, missing_space


@hookimpl
def newslint_register_checks(register: Callable[[Check], None]) -> None:
    register_all(register, missing_space, around_punctuation)
