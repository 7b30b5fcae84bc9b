"""Consistency checks (NL351-NL354): one thing written two ways in one article."""

from __future__ import annotations

from newslint import Linter

LINTER = Linter({"select": ["consistency"]}, load_entry_points=False)


def codes(text: str) -> set[str]:
    return {f.code for f in LINTER.lint(text).findings}


def test_us_abbreviation_mixed() -> None:
    text = "U.S. officials met. The U.S. delegation left. Later US diplomats returned."
    assert "NL352" in codes(text)


def test_name_spelled_two_ways_points_at_minority() -> None:
    text = ("Ramírez spoke first. Then Ramírez left the room. "
            "Reporters waited for Ramirez outside.")
    hits = [f for f in LINTER.lint(text).findings if f.code == "NL354"]
    assert hits and text[hits[0].start:hits[0].end] == "Ramirez"
    assert hits[0].suggestion == "Ramírez"


def test_one_style_is_silent() -> None:
    text = "The talks began on March 13 and ended on July 18. U.S. officials organize them."
    assert not codes(text) & {"NL351", "NL352", "NL353", "NL354"}
