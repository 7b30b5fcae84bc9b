"""Word knowledge shared by checks: how common an English word is.

Backed by wordfreq's English list (321k words, from news, books, subtitles, the web), loaded once
per process on first use, under a lock so that threads sharing a ``Linter`` load it once. Looking
words up in the plain dictionary avoids wordfreq's per-call tokenizer, which is ~50x slower.
"""

from __future__ import annotations

import math
import threading

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


def zipf(word: str) -> float:
    """Zipf frequency of ``word`` (case-folded): about 7 for "the", 3 for "detain", 0 unknown.

    Curly apostrophes are read as straight ones.
    """
    freq = _load().get(word.lower().replace("’", "'"))
    return 0.0 if not freq else round(math.log10(freq) + 9, 2)


def is_word(word: str, min_zipf: float = 1.5) -> bool:
    """Whether ``word`` is an English word at least as common as ``min_zipf``."""
    return zipf(word) >= min_zipf
