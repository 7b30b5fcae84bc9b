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


# -- duplicate checks -----------------------------------------------------------------------------

duplicate = importlib.import_module("newslint.checks.duplicate._duplicate")


def _article_texts() -> list[str]:
    """Fixtures, random texts, and articles of sentences drawn from a few, so that paragraphs
    and sentences repeat, nearly repeat, and hold the characters normalising folds."""
    rng = random.Random(13)
    sentences = [" ".join(rng.choice(_PIECES) for _ in range(rng.randint(3, 14))) + rng.choice(".!?")
                 for _ in range(12)]
    articles = []
    for _ in range(300):
        paras = [" ".join(rng.choice(sentences) for _ in range(rng.randint(1, 5))) for _ in range(rng.randint(1, 9))]
        articles.append("\n\n".join(paras))
    return _fixture_texts() + _random_texts(1500, 17) + articles


def test_shared_keys_are_each_paragraph_and_sentence_normalised():
    for text in _article_texts():
        article = Article(text)
        keys = duplicate.article_keys(article)
        assert keys.paragraphs == [duplicate.normalise(p.text) for p in article.paragraphs], text
        assert keys.sentences == [[duplicate.normalise(s.text) for s in article.sentences_of(p)]
                                  for p in article.paragraphs], text
        assert all(k.count(" ") + 1 == len(k.split()) for k in keys.paragraphs if k)


def _reference_near(paragraphs: list[list[str]]) -> list[int | None]:
    """Near copies as first written: every paragraph's 5-grams indexed, votes counted."""
    from collections import Counter

    owner: dict[str, int] = {}
    sizes: dict[int, int] = {}
    out: list[int | None] = []
    for index, words in enumerate(paragraphs):
        shingles = {" ".join(words[i:i + 5]) for i in range(len(words) - 4)}
        votes = Counter(owner[sh] for sh in shingles if sh in owner)
        found = None
        if votes:
            other, hits = votes.most_common(1)[0]
            if hits >= duplicate.NEAR_OVERLAP * max(len(shingles), sizes[other]):
                found = other
        out.append(found)
        sizes[index] = len(shingles)
        for sh in shingles:
            owner.setdefault(sh, index)
    return out


def test_near_copy_index_finds_what_indexing_every_paragraph_finds():
    """The vocabulary test only skips paragraphs that copy nothing: same answers as the full
    index on sequences rich in copies, edited copies, repeated 5-grams and shared vocabulary."""
    rng = random.Random(21)
    found_any = 0
    for _ in range(1500):
        vocab = [f"w{i}" for i in range(rng.randint(3, 60))]
        paragraphs: list[list[str]] = []
        for _ in range(rng.randint(1, 10)):
            if paragraphs and rng.random() < 0.4:
                words = list(rng.choice(paragraphs))
                for _ in range(rng.randint(0, len(words) // 3)):  # edit a copy
                    words[rng.randrange(len(words))] = rng.choice(vocab)
                if rng.random() < 0.3:
                    words = words[rng.randint(0, 6):]
            else:
                words = [rng.choice(vocab) for _ in range(rng.randint(20, 70))]
            paragraphs.append(words)
        near = duplicate._NearCopies()
        fast = [near.add(i, words) for i, words in enumerate(paragraphs)]
        assert fast == _reference_near(paragraphs)
        found_any += any(x is not None for x in fast)
    assert found_any > 100  # the sequences do hold near copies


def test_paragraph_keys_join_sentence_keys_only_when_that_is_exact():
    """The three ways sentence keys joined would differ from the paragraph's own key (found by a
    segmenter other than today's): text outside every sentence, a word cut between two
    sentences, a capital sigma (its lowercase depends on the next letter)."""
    from newslint.article import Paragraph
    from newslint.text.segment import Sentence

    def tiled(text: str, spans: list[tuple[int, int]]) -> bool:
        para = Paragraph(0, len(text), text, 0, "body", False, False)
        return duplicate._tiled(text, para, [Sentence(s, e, text[s:e], 0, i) for i, (s, e) in enumerate(spans)])

    assert tiled("One two. Three four.", [(0, 8), (9, 20)])
    assert not tiled("One two. x Three.", [(0, 8), (11, 17)])  # "x" in no sentence
    assert not tiled("Onetwo three.", [(0, 3), (3, 13)])  # "One|two"
    assert not tiled("ΟΔΟΣ'Α two.", [(0, 5), (5, 11)])  # final or medial sigma
    assert duplicate.normalise("ΟΔΟΣ'") != duplicate.normalise("ΟΔΟΣ'Α").split()[0]
