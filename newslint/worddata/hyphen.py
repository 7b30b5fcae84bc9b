"""Syllable estimates by hyphenation patterns, for words the compiled tables do not hold.

A port of the part of pyphen (``HyphDict.positions`` with ``Pyphen(lang="en_US", left=2, right=2)``) that
textstat 0.7.8 uses for words missing from the CMU dictionary: the number of hyphenation points
plus one. The patterns are compiled once with the other word data (``hyphen.marshal``), so this
module never imports pyphen nor parses its dictionary (about 0.15 s per process); results are the
same as ``len(Pyphen(lang="en_US").positions(word)) + 1``, which ``tests/test_worddata.py`` checks.

Unlike pyphen's own per-word cache, which grows without bound on a stream of new words, callers
cache results in a bounded ``lru_cache``.
"""

from __future__ import annotations

from collections.abc import Mapping

Patterns = Mapping[str, tuple[int, tuple[int, ...]]]


def positions(word: str, patterns: Patterns, maxlen: int, left: int = 2, right: int = 2) -> list[int]:
    """Hyphenation points of ``word`` (0-based character offsets), as pyphen reports them."""
    word = word.lower()
    pointed = f".{word}."
    n = len(pointed)
    references = [0] * (n + 1)
    for i in range(n - 1):
        stop = min(i + maxlen, n) + 1
        for j in range(i + 1, stop):
            pattern = patterns.get(pointed[i:j])
            if not pattern:
                continue
            offset, values = pattern
            base = i + offset
            for k, value in enumerate(values):
                if value > references[base + k]:
                    references[base + k] = value
    last = len(word) - right
    return [i - 1 for i, reference in enumerate(references)
            if reference % 2 and left <= i - 1 <= last]


def syllables(word: str, patterns: Patterns, maxlen: int) -> int:
    """Syllables of one lower-case token when the CMU dictionary does not know it: textstat's
    fallback, the hyphenation points plus one."""
    return len(positions(word, patterns, maxlen)) + 1
