"""Every registered check is well declared: unique codes, kebab-case names, contract categories,
documented sections and examples of both kinds."""

from __future__ import annotations

import pytest

from newslint import Linter
from newslint.check import DOC_SECTIONS

CHECKS = Linter(load_entry_points=False).all_checks


def test_codes_and_names_unique():
    assert len({c.code for c in CHECKS}) == len(CHECKS)
    assert len({c.qualified_name for c in CHECKS}) == len(CHECKS)


@pytest.mark.parametrize("chk", CHECKS, ids=lambda c: c.code)
def test_declaration(chk):
    assert chk.validate() == []
    assert chk.code.startswith("NL")
    assert chk.summary, "a one-line summary (first docstring paragraph)"
    sections = chk.doc_sections()
    for name in DOC_SECTIONS:
        assert sections.get(name), f"{chk.code} docstring lacks a '{name}:' section"
    assert any(e.bad for e in chk.examples) or chk.service, f"{chk.code} has no bad example"
    assert any(not e.bad for e in chk.examples), f"{chk.code} has no good example"
