"""Word knowledge shared by checks: how common a word is, its part of speech, its syllables.

A thin, cached layer over ``newslint.worddata`` (compiled, memory-mapped tables that open in
milliseconds; see that package for where the data comes from). The function names here are the
ones checks have always used; new code may call ``newslint.worddata`` directly.

Caches are bounded (``lru_cache`` with a size), so a stream of records that each bring new words
keeps memory flat.
"""

from __future__ import annotations

from functools import lru_cache

from . import worddata
from .worddata import Spelling, foreign_zipf, spelling, syllable_count, syllables

#: Entries per word cache (see ``newslint.worddata.CACHE_WORDS``).
CACHE_WORDS = worddata.CACHE_WORDS

__all__ = [
    "CACHE_WORDS",
    "Spelling",
    "foreign_zipf",
    "is_name_form",
    "is_word",
    "pos",
    "spelling",
    "syllable_count",
    "syllables",
    "zipf",
]


@lru_cache(maxsize=CACHE_WORDS)
def zipf(word: str) -> float:
    """Zipf frequency of ``word`` (case-folded): about 7 for "the", 3 for "detain", 0 unknown.

    From wordfreq's English "best" list (321k words: news, books, subtitles, the web), compiled.
    Curly apostrophes are read as straight ones. Cached: news repeats its words.
    """
    return worddata.zipf(word)


def _load() -> dict[str, float]:
    """The English list as ``{word: frequency}``, as ``wordfreq.get_frequency_dict("en", "best")``
    returned it (kept for code written against the old loader; builds a 321k-entry dict, ~0.2 s:
    prefer ``zipf`` or ``newslint.worddata.common_words``)."""
    return worddata.frequency_dict()


def is_word(word: str, min_zipf: float = 1.5) -> bool:
    """Whether ``word`` is an English word at least as common as ``min_zipf``."""
    return zipf(word) >= min_zipf


@lru_cache(maxsize=CACHE_WORDS)
def _pos(word: str) -> str | None:
    return worddata.pos(word)


def pos(word: str) -> str | None:
    """The Brill lexicon's most likely Penn tag for ``word`` exactly as written (case matters):
    "Washington NNP" and "detain VB" tell a name from a common word."""
    return _pos(word.replace("’", "'"))


def is_name_form(word: str) -> bool:
    """Whether the lexicon knows the capitalised ``word`` as a proper noun."""
    tag = pos(word)
    return tag is not None and tag.startswith("NNP")
