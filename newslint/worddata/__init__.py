"""Compiled word data: frequencies, spelling dictionary, syllables, part-of-speech tags and
foreign-language lists, opened in milliseconds.

Why: building the same data from its source packages cost about 2 s per process (the CMU
dictionary alone over 1 s, pyspellchecker's JSON, wordfreq's msgpack, the Brill lexicon as text),
more than the linting of a typical article by two orders of magnitude. The data is now compiled
once (see ``build.py``) into memory-mapped marisa tries and packed columns (see ``store.py``), and
each table is opened on first use only, so a check that is not run opens nothing.

The answers are the same as the source packages give: ``zipf`` as wordfreq's "best" English list
(rounded to 2 decimals, as newslint always did), ``foreign_zipf`` as wordfreq's small lists,
``syllable_count`` as textstat 0.7.8's ``syllable_count``, ``spelling()`` as pyspellchecker's
``SpellChecker(distance=1)`` (membership, counts, one-edit ``correction``), ``pos`` as the
first tag of the Brill lexicon. ``tests/test_worddata.py`` checks each against its source.
"""

from __future__ import annotations

import math
import re
import string
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from . import store
from .store import data_dir, loaded

__all__ = [
    "Spelling",
    "data_dir",
    "foreign_zipf",
    "loaded",
    "pos",
    "reset",
    "spelling",
    "syllable_count",
    "syllables",
    "zipf",
]


@lru_cache(maxsize=4096)  # one entry per wordfreq bucket and kind (under 2,000)
def _bucket_zipf(value: int, rounded: bool) -> float:
    """Zipf value of a stored bucket (value = bucket + 1; 0 = absent), computed as wordfreq
    does: bucket b holds words of frequency ``10 ** (-b / 100)``, Zipf is ``log10(f) + 9``."""
    if value == 0:
        return 0.0
    z = math.log10(10 ** (-(value - 1) / 100)) + 9
    return round(z, 2) if rounded else z


def zipf(word: str) -> float:
    """Zipf frequency of ``word`` in English, case-folded, curly apostrophes read as straight:
    about 7 for "the", 3 for "detain", 0 unknown. Uncached (``newslint.lexicon.zipf`` caches)."""
    i = store.trie("en").get(word.lower().replace("’", "'"))
    if i is None:
        return 0.0
    return _bucket_zipf(store.column("en.zipf.u16")[i], True)


def foreign_zipf(lang: str, word: str) -> float:
    """Zipf frequency of ``word`` (as written) in wordfreq's small list for ``lang`` (es, fr,
    de, pt, it), unrounded as ``math.log10(freq) + 9``; 0 unknown."""
    i = store.trie(lang).get(word)
    if i is None:
        return 0.0
    return _bucket_zipf(store.column(f"{lang}.zipf.u16")[i], False)


def pos(word: str) -> str | None:
    """The Brill lexicon's most likely Penn tag for ``word`` exactly as written (case matters)."""
    i = store.trie("pos").get(word)
    if i is None:
        return None
    return store.meta()["pos_tags"][store.column("pos.tag.u8")[i]]


# -- syllables ---------------------------------------------------------------------------------

_NONCONTRACTION_APOSTROPHE = re.compile(r"\'(?![tsd]|ve|ll|re)")
_PUNCTUATION = re.compile(r"[^\w\s\']")
_hyphen: list[Any] = []


def _hyphen_syllables(token: str) -> int:
    if not _hyphen:
        from .hyphen import Patterns

        _hyphen.append(Patterns(store.trie("hyphen"), store.column("hyphen.index.u32"),
                                store.column("hyphen.values.u8"), store.meta()["hyphen_maxlen"]))
    return _hyphen[0].syllables(token)


def _token_syllables(token: str) -> int:
    i = store.trie("en").get(token)
    if i is not None:
        return store.column("en.syll.u8")[i]
    return _hyphen_syllables(token)


def syllable_count(text: str) -> int:
    """Syllables in ``text`` exactly as textstat 0.7.8 counts them: its punctuation removal and
    lower-casing, then per word the CMU dictionary's first pronunciation, else hyphenation points
    plus one. Uncached (pair it with a bounded cache)."""
    if text.isalpha():
        return _token_syllables(text.lower())
    text = _PUNCTUATION.sub("", _NONCONTRACTION_APOSTROPHE.sub("", text)).lower()
    return sum(_token_syllables(t) for t in text.split())


@lru_cache(maxsize=1 << 15)
def syllables(word: str) -> int:
    """Syllables of one word, at least 1 (what readability formulas need); bounded cache."""
    return max(1, syllable_count(word))


# -- spelling ----------------------------------------------------------------------------------


def _remove_diacritics(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


class Spelling:
    """pyspellchecker's English dictionary (``SpellChecker(distance=1)``) over the compiled
    tables: the same membership, counts and one-edit correction, with no JSON to load.

    The spelling check (owned by the recall work, #15) uses ``in``, ``[]`` and ``correction``;
    ``edits1`` and ``known`` are there for its own candidate ranking.
    """

    def __init__(self) -> None:
        facts = store.meta()
        self.letters: str = facts["spell_letters"]
        self.longest: int = facts["spell_longest"]
        self._trie = store.trie("en")
        self._counts = store.column("en.spell.u32")

    def count(self, word: str) -> int:
        """pyspellchecker's count for ``word`` (case-folded); 0 when it is not in the dictionary."""
        i = self._trie.get(word.lower())
        return 0 if i is None else self._counts[i]

    def __contains__(self, word: str) -> bool:
        return self.count(word) > 0

    def __getitem__(self, word: str) -> int:
        n = self.count(word)
        if not n:
            raise KeyError(word)
        return n

    def should_check(self, word: str) -> bool:
        """pyspellchecker's filter: no lone punctuation, no number, nothing far too long."""
        if len(word) == 1 and word in string.punctuation:
            return False
        if len(word) > self.longest + 3:
            return False
        if word.lower() in ("nan", "inf", "infinity"):
            return True
        try:
            float(word)
            return False
        except ValueError:
            return True

    def known(self, words: Iterable[str]) -> set[str]:
        """The (case-folded) words of ``words`` that the dictionary holds."""
        return {w for w in (x.lower() for x in words) if self.count(w) and self.should_check(w)}

    def edits1(self, word: str) -> set[str]:
        """Every string one deletion, transposition, replacement or insertion away from
        ``word``, over the dictionary's alphabet."""
        w = word.lower()
        if not self.should_check(w):
            return {w}
        letters = self.letters
        splits = [(w[:i], w[i:]) for i in range(len(w) + 1)]
        out = {a + b[1:] for a, b in splits if b}
        out.update(a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1)
        out.update(a + c + b[1:] for a, b in splits if b for c in letters)
        out.update(a + c + b for a, b in splits for c in letters)
        return out

    def candidates(self, word: str) -> set[str] | None:
        if self.known([word]) or not self.should_check(word):
            return {word}
        return self.known(self.edits1(word)) or None

    def correction(self, word: str) -> str | None:
        """The most frequent known word within one edit (``word`` itself when known); words
        differing only by accents first. Ties, which pyspellchecker breaks by set order, are
        broken alphabetically here so runs are reproducible."""
        found = self.candidates(word)
        if not found:
            return None
        bare = _remove_diacritics(word)
        pool = [c for c in found if _remove_diacritics(c) == bare] or list(found)
        return max(sorted(pool), key=self.count)


_spelling: Spelling | None = None


def spelling() -> Spelling:
    """The shared English spelling dictionary (opened on first call)."""
    global _spelling
    if _spelling is None:
        _spelling = Spelling()
    return _spelling


def reset() -> None:
    """Close every table and forget the data directory (tests; after ``build --force``)."""
    global _spelling
    store.reset()
    _spelling = None
    _hyphen.clear()
    syllables.cache_clear()
