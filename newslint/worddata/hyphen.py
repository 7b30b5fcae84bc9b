"""Syllable estimates by hyphenation patterns, for words the compiled tables do not hold.

A port of the part of pyphen (``HyphDict.positions`` with ``Pyphen(lang="en_US", left=2,
right=2)``) that textstat 0.7.8 uses for words missing from the CMU dictionary: the number of
hyphenation points plus one. Results are the same as ``len(Pyphen(lang="en_US").positions(word))
+ 1``, which ``tests/test_worddata.py`` checks.

At lint time the patterns are a memory-mapped marisa trie (``hyphen.trie``, opened in ~0.1 ms
where parsing pyphen's dictionary takes ~150 ms and even a marshalled dict ~5 ms) with packed
values; one prefix walk per letter finds every pattern starting there, which is also about twice
as fast as pyphen's one dict probe per substring. Callers cache results in a bounded
``lru_cache`` (pyphen's own per-word cache grows without bound on a stream of new words).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

#: ``starting(text)``: (offset, values) of every pattern that is a prefix of ``text``.
Lookup = Callable[[str], Iterable[tuple[int, bytes | tuple[int, ...]]]]


def _points(word: str, starting: Lookup, maxlen: int, left: int, right: int) -> list[int]:
    word = word.lower()
    pointed = f".{word}."
    n = len(pointed)
    references = [0] * (n + 1)
    for i in range(n - 1):
        for offset, values in starting(pointed[i:i + maxlen]):
            base = i + offset
            for k, value in enumerate(values):
                if value > references[base + k]:
                    references[base + k] = value
    last = len(word) - right
    return [i - 1 for i, reference in enumerate(references)
            if reference % 2 and left <= i - 1 <= last]


def positions_from_dict(word: str, patterns: Mapping[str, tuple[int, tuple[int, ...]]], maxlen: int,
                        left: int = 2, right: int = 2) -> list[int]:
    """Hyphenation points from pyphen's own pattern dict (used when building the data)."""
    def starting(text: str) -> Iterable[tuple[int, tuple[int, ...]]]:
        for j in range(1, len(text) + 1):
            pattern = patterns.get(text[:j])
            if pattern:
                yield pattern
    return _points(word, starting, maxlen, left, right)


class Patterns:
    """The compiled patterns: ``trie`` (keys), ``index`` (start of each key's values in
    ``blob``, one more entry than keys) and ``blob`` (per key: offset byte, then value bytes)."""

    def __init__(self, trie: object, index: memoryview, blob: memoryview, maxlen: int) -> None:
        self._trie: Any = trie
        self._walk = trie.iter_prefixes_with_ids  # type: ignore[attr-defined]
        self._index = index
        self._blob = blob
        self.maxlen = maxlen
        #: Each pattern met so far (by key id) as its non-zero values, ``(position, value)``
        #: from the start of the match: decoded once, at most one entry per pattern (11k).
        self._points: dict[int, tuple[tuple[int, int], ...]] = {}
        #: Whether no pattern can match inside a word of ASCII digits (none is made of digits
        #: and the dots that mark the word's ends): asked of the trie once, on first need.
        self._digits_inert: bool | None = None

    def starting(self, text: str) -> Iterator[tuple[int, bytes]]:
        index, blob = self._index, self._blob
        for _, key_id in self._walk(text):
            chunk = bytes(blob[index[key_id]:index[key_id + 1]])
            yield chunk[0], chunk[1:]

    def _decode(self, key_id: int) -> tuple[tuple[int, int], ...]:
        chunk = bytes(self._blob[self._index[key_id]:self._index[key_id + 1]])
        offset = chunk[0]
        found = self._points[key_id] = tuple((offset + k, v) for k, v in enumerate(chunk[1:]) if v)
        return found

    def positions(self, word: str, left: int = 2, right: int = 2) -> list[int]:
        """Hyphenation points of ``word`` (0-based character offsets), as pyphen reports them.

        The same computation as :func:`_points` (the highest value any pattern puts between two
        letters; odd means a point), with each pattern's values decoded once per process and
        its zeros dropped (a zero never raises the highest value): ~1.7x faster, which matters
        because textstat sends every hyphenated compound here ("agriculture-dependent" is
        looked up as "agriculturedependent")."""
        word = word.lower()
        if len(word) < left + right:
            return []  # no offset can satisfy left <= offset <= len(word) - right
        pointed = f".{word}."
        n = len(pointed)
        references = [0] * (n + 1)
        walk, known, decode, maxlen = self._walk, self._points, self._decode, self.maxlen
        for i in range(n - 1):
            for _, key_id in walk(pointed[i:i + maxlen]):
                found = known.get(key_id)
                if found is None:
                    found = decode(key_id)
                for k, value in found:
                    if value > references[i + k]:
                        references[i + k] = value
        last = n - 2 - right
        return [i - 1 for i, reference in enumerate(references)
                if reference % 2 and left <= i - 1 <= last]

    def digits_inert(self) -> bool:
        """Whether no pattern can match inside ``.DIGITS.``: a pattern that does is made of
        digits and dots only, so it is ``.`` or starts with a digit, ``.`` and a digit, or
        ``..`` (with the English patterns, none: numbers have no hyphenation points)."""
        if self._digits_inert is None:
            trie = self._trie
            starts = [*"0123456789", *(f".{d}" for d in "0123456789"), ".."]
            self._digits_inert = "." not in trie and all(next(trie.iterkeys(p), None) is None for p in starts)
        return self._digits_inert

    def syllables(self, word: str) -> int:
        """Syllables of one lower-case token the CMU dictionary does not know: textstat's
        fallback, the hyphenation points plus one (a number: one, when ``digits_inert``:
        ~250 numbers of the clean corpus reach here, each walking every position)."""
        if word.isascii() and word.isdigit() and self.digits_inert():
            return 1
        return len(self.positions(word)) + 1
