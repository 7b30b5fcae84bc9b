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
from collections.abc import Iterable, Iterator
from functools import lru_cache
from itertools import filterfalse
from typing import Any

from . import store
from .store import data_dir, loaded

__all__ = [
    "Spelling",
    "common_vocabulary",
    "common_words",
    "data_dir",
    "delete_index",
    "digit_syllables",
    "english_ids",
    "foreign_zipf",
    "frequency_dict",
    "loaded",
    "near_words",
    "pieces_syllables",
    "pos",
    "reset",
    "spelling",
    "spelling_index",
    "spelling_words",
    "syllable_count",
    "syllable_index",
    "syllables",
    "textstat_pieces",
    "word_syllables",
    "zipf",
]


#: Entries per word cache. A look-up in the compiled data costs ~1-2 µs and a cache hit ~0.1 µs,
#: so caches only need the working vocabulary (8k words, ~1.5 MB each when full). Small enough to
#: fill within the first few thousand records of a stream, so memory is flat after that on any
#: number of records bringing new words (measured in benchmarks/bench.py).
CACHE_WORDS = 1 << 13


_lookups: dict[tuple[str, str], tuple[Any, Any]] = {}


def _lookup(trie: str, column: str) -> tuple[Any, Any]:
    """``(trie.get, column)`` for a trie and one of its columns, opened once: a word look-up is
    then one dict hit and the trie's own ``get`` (~0.3 µs), not two openers per word."""
    found = _lookups.get((trie, column))
    if found is None:
        found = _lookups[(trie, column)] = (store.trie(trie).get, store.column(column))
    return found


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
    get, column = _lookup("en", "en.zipf.u16")
    i = get(word.lower().replace("’", "'"))
    if i is None:
        return 0.0
    return _bucket_zipf(column[i], True)


_frequency_dict: dict[str, float] = {}


def frequency_dict() -> dict[str, float]:
    """wordfreq's English "best" list as ``{word: frequency}`` (what ``get_frequency_dict``
    returned), built once per process from the compiled tables (~0.2 s, 321k entries)."""
    if not _frequency_dict:
        trie, column = store.trie("en"), store.column("en.zipf.u16")
        out = {}
        for word, i in trie.iteritems():
            b = column[i]
            if b:
                out[word] = 10 ** (-(b - 1) / 100)
        _frequency_dict.update(out)
    return _frequency_dict


def foreign_zipf(lang: str, word: str) -> float:
    """Zipf frequency of ``word`` (as written) in wordfreq's small list for ``lang`` (es, fr,
    de, pt, it), unrounded as ``math.log10(freq) + 9``; 0 unknown."""
    i = store.trie(lang).get(word)
    if i is None:
        return 0.0
    return _bucket_zipf(store.column(f"{lang}.zipf.u16")[i], False)


def pos(word: str) -> str | None:
    """The Brill lexicon's most likely Penn tag for ``word`` exactly as written (case matters)."""
    get, column = _lookup("pos", "pos.tag.u8")
    i = get(word)
    if i is None:
        return None
    return store.meta()["pos_tags"][column[i]]


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
    get, column = _lookup("en", "en.syll.u8")
    i = get(token)
    if i is not None:
        return column[i]
    return _hyphen_syllables(token)


def digit_syllables(word: str) -> int:
    """``syllables(word)`` for a word of digits (``word.isdigit()``): what ``syllable_count``
    comes to for it (no punctuation to remove, one token), without its regular expressions;
    hyphenation patterns are not walked when none can match digits (``Patterns.syllables``)."""
    get, column = _lookup("en", "en.syll.u8")
    i = get(word)
    n = column[i] if i is not None else _hyphen_syllables(word)
    return n if n > 1 else 1


def textstat_pieces(text: str) -> list[str]:
    """The words ``syllable_count`` counts in ``text`` that is not all letters: textstat's
    punctuation removal and lower-casing, split (the syllables of ``text`` are the sum of each
    piece's CMU count or hyphenation points plus one)."""
    return _PUNCTUATION.sub("", _NONCONTRACTION_APOSTROPHE.sub("", text)).lower().split()


def syllable_count(text: str) -> int:
    """Syllables in ``text`` exactly as textstat 0.7.8 counts them: its punctuation removal and
    lower-casing, then per word the CMU dictionary's first pronunciation, else hyphenation points
    plus one. Uncached (pair it with a bounded cache)."""
    if text.isalpha():
        return _token_syllables(text.lower())
    return sum(_token_syllables(t) for t in textstat_pieces(text))


def pieces_syllables(pieces: list[str]) -> int:
    """``syllables(text)`` for a ``text`` that is not all letters, from its
    ``textstat_pieces(text)`` (a caller that split it already need not split it again)."""
    return max(1, sum(_token_syllables(t) for t in pieces))


@lru_cache(maxsize=CACHE_WORDS)
def syllables(word: str) -> int:
    """Syllables of one word, at least 1 (what readability formulas need); bounded cache."""
    return max(1, syllable_count(word))


def syllable_index() -> tuple[Any, Any]:
    """``(get, column)``: the English trie's ``get`` and the syllable column: a lower-case word of
    letters ``w`` with ``i = get(w)`` not None has ``max(1, column[i])`` syllables (what
    ``word_syllables`` returns), for callers that count many new words in one loop."""
    return _lookup("en", "en.syll.u8")


def word_syllables(word: str) -> int:
    """``syllables(word)`` uncached, for callers that keep their own table: a word of letters is
    one trie probe and one column read (the hyphenation patterns only for words the CMU
    dictionary lacks), without the chain of calls ``syllable_count`` makes for any text."""
    if word.isalpha():
        low = word.lower()
        get, column = _lookup("en", "en.syll.u8")
        i = get(low)
        n = column[i] if i is not None else _hyphen_syllables(low)
        return n if n > 1 else 1
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


class WordSet:
    """A read-only set of words backed by a trie (``in``, iteration, ``len``), or by a
    ``frozenset`` when built at run time."""

    def __init__(self, contains: Any, iterate: Any, size: int) -> None:
        self._contains = contains
        self._iterate = iterate
        self._size = size

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self._contains(word)

    def __iter__(self) -> Iterator[str]:
        return iter(self._iterate())

    def __len__(self) -> int:
        return self._size


#: Ids in the English trie of the lower-case words the word checks have looked up (None: not
#: listed), shared: a cold pass over the clean corpus probes ~7.5k new words for spelling and
#: the same words again for their syllables, at ~1 µs a probe where a dict hit costs ~0.05.
#: A full table is replaced, never emptied, so a reader holding it keeps every entry it saw.
_english_ids: list[dict[str, int | None]] = [{}]
#: Entries the table may hold before it is replaced (~1.5 MB).
ENGLISH_IDS = 1 << 14


def english_ids(words: list[str]) -> list[int | None]:
    """``[en.get(w) for w in words]`` for the English trie ``en`` (the ids of ``zipf``,
    ``spelling_index`` and ``syllable_index``), each word probed once per process while the
    table keeps it. Everything runs in C but the probes of words never met before."""
    table = _english_ids[-1]
    missing = list(filterfalse(table.__contains__, words))
    if missing:
        if len(table) + len(missing) > ENGLISH_IDS:  # bounded: memory stays flat on streams
            table = {}
            _english_ids[-1] = table
            missing = words
        ids = list(map(_lookup("en", "en.zipf.u16")[0], missing))
        table.update(zip(missing, ids, strict=True))
        if len(missing) == len(words):  # all new (the first check to ask, in a cold pass)
            return ids
    return list(map(table.__getitem__, words))


def spelling_index() -> tuple[Any, Any]:
    """``(get, counts)``: the English trie's ``get`` and pyspellchecker's count column, so that
    ``word`` is in the spelling dictionary when ``get(word)`` is an id ``i`` with
    ``counts[i] > 0`` (exactly ``word in spelling_words()``, without its two calls a word; for a
    caller that tests every distinct word of an article)."""
    return _lookup("en", "en.spell.u32")


_spelling_words: list[WordSet] = []


def spelling_words() -> WordSet:
    """pyspellchecker's English dictionary as a set of its (lower-case) keys, matched exactly as
    ``frozenset(SpellChecker().word_frequency.dictionary)`` is: ``"Paris" in`` it is False.
    One shared object (the spelling check asks for it on every unknown-word test)."""
    if not _spelling_words:
        _spelling_words.append(_spelling_word_set())
    return _spelling_words[0]


def _spelling_word_set() -> WordSet:
    trie, counts = store.trie("en"), store.column("en.spell.u32")

    def contains(word: str) -> bool:
        i = trie.get(word)
        return i is not None and counts[i] > 0

    def iterate() -> Iterator[str]:
        return (w for w, i in trie.iteritems() if counts[i])

    return WordSet(contains, iterate, store.meta()["spell_words"])


_common: dict[float, frozenset[str]] = {}


def common_words(min_freq: float = 1e-6) -> frozenset[str]:
    """Alphabetic words of the spelling dictionary whose English frequency is at least
    ``min_freq``: correction candidates, as a frozenset (a corrector tests tens of thousands of
    candidates per word, and a set answers in C). Read from the compiled list for the default
    (Zipf 3: 26k words, ~5 ms); any other threshold is computed from the tables."""
    found = _common.get(min_freq)
    if found is None:
        if min_freq == store.meta().get("common_min_freq"):
            found = frozenset(store.trie("common").keys())  # listed in C: ~2x iterkeys
        else:
            listed = spelling_words()
            found = frozenset(w for w, f in frequency_dict().items()
                              if f >= min_freq and w.isalpha() and w in listed)
        _common[min_freq] = found
    return found


class CommonVocabulary:
    """Membership in :func:`common_words` (the default threshold) at the cost the run can bear:
    look-ups in the compiled trie (~2 µs each) until as many have been made as building the
    frozenset costs (~10 ms: 26k strings), then the frozenset (~0.1 µs each).

    Why: a one-article run asks about ~50 words (measured: 1,102 tests over 20 clean articles)
    and spent ~17% of its instructions building the set; a corpus run asks about enough words
    to pay for it, and gets it. The answers are the set's: the trie holds the same words."""

    __slots__ = ("_left", "_set", "_trie")

    #: Look-ups by trie before the set is built (about the set's cost in trie look-ups).
    LOOKUPS_BEFORE_SET = 5000

    def __init__(self) -> None:
        self._set: frozenset[str] | None = None
        self._left = self.LOOKUPS_BEFORE_SET
        if store.meta().get("common_min_freq") == 1e-6:
            self._trie = store.trie("common")
        else:  # data compiled for another threshold: the set, computed from the tables
            self._set = common_words()

    def __contains__(self, word: object) -> bool:
        found = self._set
        if found is not None:
            return word in found
        self._left -= 1
        if self._left <= 0:
            self._set = common_words()
            return word in self._set
        return isinstance(word, str) and word in self._trie

    def __iter__(self) -> Iterator[str]:
        return iter(common_words())

    def __len__(self) -> int:
        return len(common_words())

    def current(self) -> Any:
        """The frozenset once it is built, else this object: for a caller about to make
        thousands of look-ups (the correction search), which then run in C rather than
        through ``__contains__`` (~20% of the search's instructions)."""
        return self._set if self._set is not None else self


_vocabulary: list[CommonVocabulary] = []


def common_vocabulary() -> CommonVocabulary:
    """The shared :class:`CommonVocabulary`: :func:`common_words` with the default threshold, for
    membership tests only."""
    if not _vocabulary:
        _vocabulary.append(CommonVocabulary())
    return _vocabulary[0]


class DeleteIndex:
    """Each common word under every string it becomes with one letter deleted: ``get(key)``
    gives the words (the symmetric-delete index of a spelling corrector)."""

    def __init__(self, lookup: Any) -> None:
        self._lookup = lookup

    def get(self, key: str, default: tuple[str, ...] = ()) -> tuple[str, ...]:
        found = self._lookup(key)
        return found if found else default


def delete_index(min_len: int = 5, min_freq: float = 1e-6) -> DeleteIndex:
    """The one-deletion index over ``common_words(min_freq)`` of at least ``min_len`` letters;
    compiled for the defaults, built in memory for other parameters."""
    facts = store.meta()
    if min_len == facts.get("deletes_min_len") and min_freq == facts.get("common_min_freq"):
        btrie = store.bytes_trie("deletes")

        def lookup(key: str) -> tuple[str, ...]:
            return tuple(v.decode("utf-8") for v in btrie.get(key, ()))

        return DeleteIndex(lookup)
    index: dict[str, list[str]] = {}
    for w in common_words(min_freq):
        if len(w) >= min_len:
            for i in range(len(w)):
                index.setdefault(w[:i] + w[i + 1:], []).append(w)
    frozen = {k: tuple(v) for k, v in index.items()}
    return DeleteIndex(lambda key: frozen.get(key, ()))


def _deletions(word: str, upto: int) -> set[str]:
    """``word`` and every string it becomes with at most ``upto`` (1 or 2) letters deleted."""
    keys = {word}
    for i in range(len(word)):
        one = word[:i] + word[i + 1:]
        keys.add(one)
        if upto > 1:
            keys.update(one[:j] + one[j + 1:] for j in range(len(one)))
    return keys


_near: dict[tuple[int, float], dict[str, tuple[str, ...]]] = {}


def near_words(typed: str, min_len: int = 5, min_freq: float = 1e-6) -> set[str]:
    """Every word of ``common_words(min_freq)`` of ``min_len``+ letters that shares with
    ``typed`` a string both become with at most two letters deleted (SymSpell's candidates:
    all words within two insertions, deletions, substitutions or swaps, and some more).

    Why: a spelling corrector that tries every two-slip string of a word generates ~400n²
    strings (40 ms for ten letters); this asks the compiled index ``deletes2.btrie`` for the
    ~n²/2 deletions of ``typed`` (well under a millisecond). Other parameters than the compiled
    ones build an in-memory index at first call."""
    facts = store.meta()
    keys = _deletions(typed, 2)
    found: set[str] = set()
    if min_len == facts.get("deletes_min_len") and min_freq == facts.get("common_min_freq"):
        get = store.bytes_trie("deletes2").get
        for key in keys:
            values = get(key)
            if values:
                found.update(v.decode("utf-8") for v in values)
        return found
    index = _near.get((min_len, min_freq))
    if index is None:
        lists: dict[str, list[str]] = {}
        for w in common_words(min_freq):
            if len(w) >= min_len:
                for key in _deletions(w, 2):
                    lists.setdefault(key, []).append(w)
        index = _near[(min_len, min_freq)] = {k: tuple(v) for k, v in lists.items()}
    for key in keys:
        found.update(index.get(key, ()))
    return found


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
    _common.clear()
    _lookups.clear()
    _near.clear()
    _spelling_words.clear()
    _vocabulary.clear()
    _english_ids[-1] = {}
    syllables.cache_clear()
