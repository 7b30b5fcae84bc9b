"""Readability figures shared by the readability checks and the report's ``metrics``:
textstat's syllable counts (compiled, see ``newslint.worddata``) with newslint's own sentence
and word segmentation."""

from __future__ import annotations

from collections import Counter
from typing import Any

from ... import lexicon
from ...analysis.prose import prose_paragraphs, words_between
from ...article import Article


def syllables(word: str) -> int:
    """Syllables of one word, at least 1: textstat 0.7.8's count (CMU dictionary, hyphenation
    patterns for unknown words) read from the compiled word data, so no run builds the CMU
    dictionary (over 1 s); bounded cache, as news repeats its vocabulary."""
    return lexicon.syllables(word)


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
