"""Capitalization and consistency checks on labelled excerpts (tests/fixtures/capitalization/).

Each line of the fixture file is labelled BAD (the code must fire) or GOOD (it must stay silent),
so precision and recall on hand-made cases are checked alongside the corpus figures in
tests/test_damage.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from newslint import Linter

FIXTURES = Path(__file__).parent / "fixtures" / "capitalization" / "labelled.txt"
LINTER = Linter({"select": ["capitalization", "consistency"]}, load_entry_points=False)


def cases() -> list[tuple[str, str, str]]:
    rows = []
    for line in FIXTURES.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            label, code, text = line.split("\t", 2)
            rows.append((label, code, text))
    return rows


@pytest.mark.parametrize(("label", "code", "text"), cases())
def test_labelled(label: str, code: str, text: str) -> None:
    codes = {f.code for f in LINTER.lint(text).findings}
    if label == "BAD":
        assert code in codes, text
    else:
        assert code not in codes, text


def test_entity_variant_suggests_majority_form() -> None:
    text = ("The Justice Department opened a case. The Justice Department said so. "
            "A justice Department lawyer declined to comment.")
    hits = [f for f in LINTER.lint(text).findings if f.code == "NL301"]
    assert hits and hits[0].suggestion == "Justice Department"
    assert text[hits[0].start:hits[0].end] == "justice Department"


def test_lowercase_start_fix_capitalises() -> None:
    text = "The vote was close. the senators left early."
    hits = [f for f in LINTER.lint(text).findings if f.code == "NL302"]
    assert hits and hits[0].start == text.index("the senators")
