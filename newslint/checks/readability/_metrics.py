"""Readability figures shared by the readability checks and the report's ``metrics``:
textstat's syllable counts with newslint's own sentence and word segmentation."""

from __future__ import annotations

import threading
from collections import Counter
from functools import lru_cache
from typing import Any

from ...analysis.prose import prose_paragraphs, words_between
from ...article import Article

_lock = threading.Lock()


_textstat: Any = None


def _ts() -> Any:
    """textstat, imported once; its CMU dictionary loads on first use (about a second) and is
    then shared by every thread."""
    global _textstat
    if _textstat is None:
        with _lock:
            if _textstat is None:
                import textstat

                textstat.syllable_count("warm up the dictionary")
                _textstat = textstat
    return _textstat


@lru_cache(maxsize=1 << 16)
def syllables(word: str) -> int:
    """Syllables of one word, from textstat (CMU dictionary, Pyphen for unknown words), cached:
    news repeats its vocabulary, so most words are counted once per process."""
    return max(1, int(_ts().syllable_count(word)))


def metrics(article: Article) -> dict[str, Any]:
    """Per-article figures for the report's ``metrics`` (computed once per article).

    Flesch reading ease and Flesch-Kincaid grade use textstat's syllable counts with newslint's
    own sentence and word segmentation, so the figures agree with the sentence lengths reported.
    """
    def build(a: Article) -> dict[str, Any]:
        lengths: list[int] = []
        vocabulary: Counter[str] = Counter()
        for p in prose_paragraphs(a):
            for s in a.sentences_of(p):
                words = words_between(a, s.start, s.end)
                lengths.append(len(words))
                vocabulary.update(w.text.lower() for w in words)
        syllable_total = sum(n * syllables(word) for word, n in vocabulary.items())
        out: dict[str, Any] = {"words": a.word_count, "sentences": len(a.sentences)}
        n_words = sum(lengths)
        if lengths and n_words:
            out["mean_sentence_words"] = round(n_words / len(lengths), 1)
            out["longest_sentence_words"] = max(lengths)
            wps, spw = n_words / len(lengths), syllable_total / n_words
            out["flesch_reading_ease"] = round(206.835 - 1.015 * wps - 84.6 * spw, 1)
            out["grade_level"] = round(0.39 * wps + 11.8 * spw - 15.59, 1)
        return out

    return article.memo("readability.metrics", build)
