"""Inline suppression comments and the finding for one that suppressed nothing."""

from __future__ import annotations

from newslint import Linter

LINTER = Linter({"select": ["spacing", "NL002"]}, load_entry_points=False)


def codes(text: str) -> list[tuple[str, str]]:
    return [(f.code, f.excerpt) for f in LINTER.lint(text).findings]


def test_disable_until_enable():
    text = ("<!-- newslint: disable=NL201 -->\nOne.Two here.\nThree.Four here.\n"
            "<!-- newslint: enable=NL201 -->\nFive.Six here.\n")
    assert [c for c, _ in codes(text)] == ["NL201"]
    assert codes(text)[0][1].startswith("Five")


def test_disable_next_covers_one_line():
    text = "<!-- newslint: disable-next=spacing -->\nOne.Two here.\nThree.Four here.\n"
    assert [e for _, e in codes(text)] == ["Three.Four"]


def test_disable_all_without_codes():
    assert codes("<!-- newslint: disable -->\nOne.Two here.\n") == []


def test_unused_suppression_is_reported():
    text = "<!-- newslint: disable-next=NL201 -->\nA clean line.\n"
    found = LINTER.lint(text).findings
    assert [f.code for f in found] == ["NL002"]
    assert found[0].category == "internal"
    assert found[0].excerpt.startswith("<!-- newslint")


def test_unused_suppression_can_be_ignored():
    linter = Linter({"select": ["spacing"], "ignore": ["NL002"]}, load_entry_points=False)
    assert linter.lint("<!-- newslint: disable=NL201 -->\nClean.\n").findings == []
