"""Word knowledge shared by checks: how common an English word is.

Backed by wordfreq's English list (321k words, from news, books, subtitles, the web), loaded once
per process on first use, under a lock so that threads sharing a ``Linter`` load it once. Looking
words up in the plain dictionary avoids wordfreq's per-call tokenizer, which is ~50x slower.
"""

from __future__ import annotations

import math
import threading
from functools import lru_cache

_lock = threading.Lock()
_freq: dict[str, float] | None = None


def _load() -> dict[str, float]:
    global _freq
    if _freq is None:
        with _lock:
            if _freq is None:
                from wordfreq import get_frequency_dict

                _freq = get_frequency_dict("en", wordlist="best")
    return _freq


@lru_cache(maxsize=1 << 18)
def zipf(word: str) -> float:
    """Zipf frequency of ``word`` (case-folded): about 7 for "the", 3 for "detain", 0 unknown.

    Curly apostrophes are read as straight ones. Cached: news repeats its words.
    """
    freq = _load().get(word.lower().replace("’", "'"))
    return 0.0 if not freq else round(math.log10(freq) + 9, 2)


def is_word(word: str, min_zipf: float = 1.5) -> bool:
    """Whether ``word`` is an English word at least as common as ``min_zipf``."""
    return zipf(word) >= min_zipf


_pos_lock = threading.Lock()
_pos: dict[str, str] | None = None


def _load_pos() -> dict[str, str]:
    """The Brill lexicon bundled with textblob (pattern's, from the WSJ corpus): one most likely
    tag per word, case-sensitive, so "Washington NNP" and "detain VB" tell a name from a common
    word. Read as data, without importing textblob (which would import NLTK)."""
    global _pos
    if _pos is None:
        with _pos_lock:
            if _pos is None:
                import importlib.util
                from pathlib import Path

                table: dict[str, str] = {}
                spec = importlib.util.find_spec("textblob")
                if spec and spec.submodule_search_locations:
                    path = Path(next(iter(spec.submodule_search_locations))) / "en" / "en-lexicon.txt"
                    with open(path, encoding="utf-8") as fh:
                        for line in fh:
                            word, _, tag = line.rstrip("\n").partition(" ")
                            if word and tag and not word.startswith(";;;"):
                                table[word] = tag.split()[0]
                _pos = table
    return _pos


def pos(word: str) -> str | None:
    """The lexicon's most likely Penn tag for ``word`` exactly as written (case matters)."""
    return _load_pos().get(word.replace("’", "'"))


def is_name_form(word: str) -> bool:
    """Whether the lexicon knows the capitalised ``word`` as a proper noun."""
    tag = pos(word)
    return tag is not None and tag.startswith("NNP")
