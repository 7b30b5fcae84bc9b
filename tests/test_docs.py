"""Generated documentation is current, and every hook is documented."""

from __future__ import annotations

import inspect

import pytest

from newslint import Linter, hookspecs
from newslint.docs import hook_functions, render_checks_reference, render_hooks_reference

from .conftest import ROOT

DOCS = ROOT / "docs"


def test_check_reference_is_current():
    expected = render_checks_reference(Linter(load_entry_points=False))
    assert (DOCS / "checks.md").read_text(encoding="utf-8") == expected, (
        "docs/checks.md is stale: run `python -m newslint.docs docs/`")


def test_hook_reference_is_current():
    assert (DOCS / "hooks.md").read_text(encoding="utf-8") == render_hooks_reference(), (
        "docs/hooks.md is stale: run `python -m newslint.docs docs/`")


@pytest.mark.parametrize(("name", "fn"), hook_functions(hookspecs))
def test_every_hook_is_documented(name, fn):
    doc = inspect.getdoc(fn) or ""
    assert doc, f"{name} has no docstring"
    for param in inspect.signature(fn).parameters:
        assert f":param {param}:" in doc, f"{name} does not document its argument {param!r}"
    assert ":returns:" in doc, f"{name} does not say what it returns"
    assert f"`{name}(" in (DOCS / "hooks.md").read_text(encoding="utf-8")
