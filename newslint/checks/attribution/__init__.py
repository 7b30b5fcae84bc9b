"""Attribution: claims nobody is named for, and quotations without a speaker."""

from __future__ import annotations

from collections.abc import Callable

from ...check import Check
from ...hookspecs import hookimpl
from .. import register_all
from . import agentless, hedges, quotes, vague_source


@hookimpl
def newslint_register_checks(register: Callable[[Check], None]) -> None:
    register_all(register, vague_source, hedges, agentless, quotes)
