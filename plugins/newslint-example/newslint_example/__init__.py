"""newslint-example: a newsroom's house style as a newslint plugin.

newslint finds this module through the ``newslint`` entry point in ``pyproject.toml`` and calls
its hook implementations; nothing else is needed.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from newslint import Check, hookimpl
from newslint.house_rules import load_rule_file

from .said import said_not_synonym

RULE_FILE = Path(__file__).with_name("house.toml")


def all_checks() -> list[Check]:
    """The Python check and the rule-file checks this plugin registers."""
    return [said_not_synonym, *load_rule_file(RULE_FILE)]


@hookimpl
def newslint_register_checks(register: Callable[[Check], None]) -> None:
    for chk in all_checks():
        register(chk)
