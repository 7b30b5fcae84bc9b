"""Speed work on the name and duplicate checks (issue 16) that must not change a single finding:
entity-variant's name index, the capital-first scanning patterns, the shared paragraph and
sentence keys of the duplicate checks.

The speed itself is measured in ``benchmarks/`` and written up in docs/benchmarks.md (Session
4: name and duplicate checks), never asserted here; these tests pin each fast path to the slow,
obvious version it replaced, on the vendored fixtures and on random texts over the characters
the fast paths reason about (joiners, accents, letters whose lowercase changes length or
depends on context)."""

from __future__ import annotations

import importlib
import random
import re
from pathlib import Path

from newslint.article import Article

entity_variant = importlib.import_module("newslint.checks.capitalization.entity_variant")
names = importlib.import_module("newslint.checks.capitalization._names")

FIXTURES = Path(__file__).parent / "fixtures"

#: Words the random texts are made of: well-known names in several cases, their pieces, joiners,
#: and letters whose lowercase is longer (İ) or context-dependent (Σ), or ASCII from non-ASCII (K).
_PIECES = ("New", "new", "NEW", "York", "york", "United", "united", "States", "states", "El", "el",
           "Salvador", "salvador", "Justice", "justice", "Department", "department", "of", "the",
           "Iraq", "iraq", "Iraq's", "Iraq’s", "Hong", "Kong", "kong", "Wall", "street", "Street",
           "West", "Germany", "german", "South", "Korea", "korean", "Diamond", "Lumber", "and",
           "İstanbul", "ΟΔΟΣ", "Σ", "\u212aent", "anti-New", "x-York", "said", "A", "I", "Co")
_SEPARATORS = (" ", " ", " ", ", ", ". ", "\n", "\n\n", "-", "'", "’", " “", "” ", "_", "  ")


def _random_texts(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(_PIECES) + rng.choice(_SEPARATORS) for _ in range(rng.randint(1, 30)))
            for _ in range(n)]


def _fixture_texts() -> list[str]:
    return [p.read_text(encoding="utf-8", errors="replace") for p in sorted(FIXTURES.rglob("*.txt"))]


# -- entity-variant -------------------------------------------------------------------------------


def _reference_find_names(text: str, known: dict[str, str]) -> list[tuple[int, int]]:
    """The search as first written: every name, one ``str.find`` scan each."""
    lower = text.lower()
    n = len(text)
    found: dict[int, int] = {}
    for key in known:
        i = lower.find(key)
        while i >= 0:
            end = i + len(key)
            before = text[i - 1] if i else " "
            after = text[end] if end < n else " "
            if not (before.isalnum() or before in "’'-") and not (after.isalnum() or after == "-"):
                if end - i > found.get(i, 0) - i:
                    found[i] = end
            i = lower.find(key, i + 1)
    out: list[tuple[int, int]] = []
    last_end = -1
    for start, end in sorted(found.items()):
        if start >= last_end:
            out.append((start, end))
            last_end = end
    return out


def test_indexed_name_search_keeps_every_match_that_can_matter():
    """Searching only the names the word index allows, and none of the one-word names, finds the
    same matches as searching every name, less the one-word matches (which yield no finding)."""
    extra = ["at&t", "e-trade", "İstanbul".lower(), "ΟΔΟΣ".lower(), "\u212aent".lower(), "kong"]
    for text in _fixture_texts() + _random_texts(3000, 7):
        article = Article(text)
        own = ["diamond lumber", "justice department", "new york", "iraq's army", "korea", *extra]
        known = dict(names.proper_nouns())
        for key in own:
            known.setdefault(key, key)
        may_occur = names.names_that_may_occur(article, own)
        keys = known if may_occur is None else may_occur
        assert may_occur is None or may_occur <= known.keys()
        fast = entity_variant._find_names(text, [k for k in keys if entity_variant._worth_searching(k)])
        slow = [(s, e) for s, e in _reference_find_names(text, known) if not text[s:e].isalnum()]
        assert fast == slow, text


def test_one_word_names_yield_no_finding():
    """What the search leaves out: a one-word name spelled any way is no finding."""
    text = "Iraq and iraq and IRAQ and iRAQ and Washington. washington said WASHINGTON won."
    from newslint import Linter

    lint = Linter({"select": ["NL301"], "checks": {"entity-variant": {"extra-names": ["Iraq", "Washington"]}}},
                  load_entry_points=False)
    assert not lint.lint(text).findings


def _reference_at_sentence_start(article: Article, offset: int) -> bool:
    sentence = article.sentence_at(offset)
    lead_from = sentence.start if sentence is not None else offset
    line_start = article.text.rfind("\n", lead_from, offset) + 1
    return not any(c.isalnum() for c in article.text[max(lead_from, line_start):offset]) or (
        sentence is not None and not any(c.isalnum() for c in article.text[sentence.start:offset]))


def test_sentence_start_test_is_the_two_scans_it_replaced():
    for text in _fixture_texts()[:40] + _random_texts(500, 11):
        article = Article(text)
        for offset in range(len(text) + 1):
            assert entity_variant._at_sentence_start(article, offset) == \
                _reference_at_sentence_start(article, offset), (text, offset)


def test_name_runs_pattern_matches_its_plain_form():
    plain = re.compile(
        r"(?<![\w’'-])[A-Z][\w’'-]*(?:\s+(?:(?:of|de|del|la|las|los|el|and|for|the|y|da|di|du|van|von)\s+)?"
        r"[A-Z][\w’'-]*)+")
    assert names._NAME_RUN.pattern != plain.pattern
    for text in _fixture_texts() + _random_texts(2000, 5):
        assert [m.span() for m in names._NAME_RUN.finditer(text)] == [m.span() for m in plain.finditer(text)]
