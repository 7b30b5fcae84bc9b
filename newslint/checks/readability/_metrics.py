"""Readability figures shared by the readability checks and the report's ``metrics``:
textstat's syllable counts (compiled, see ``newslint.worddata``) with newslint's own sentence
and word segmentation."""

from __future__ import annotations

from collections import Counter
from typing import Any

from ... import lexicon
from ...analysis.words import words_between
from ...article import Article


def syllables(word: str) -> int:
    """Syllables of one word, at least 1: textstat 0.7.8's count (CMU dictionary, hyphenation
    patterns for unknown words) read from the compiled word data, so no run builds the CMU
    dictionary (over 1 s); bounded cache, as news repeats its vocabulary."""
    if len(word) > 40:  # no word: a URL, glued text; hyphenation is slow on 100 KB "words"
        return max(1, len(word) // 3)
    return lexicon.syllables(word)


#: Distinct words whose syllables are counted one by one; a larger vocabulary (a book-length
#: page, 100 KB of unique tokens) is estimated from an even sample of it, so the cost stays
#: bounded (syllables of an unknown word cost ~0.1 ms through Pyphen; reliability audit D13).
MAX_COUNTED_WORDS = 3000


def _syllable_total(vocabulary: Counter[str]) -> float:
    """Syllables in the text: exact up to :data:`MAX_COUNTED_WORDS` distinct words, else the
    count-weighted mean over every k-th distinct word (in sorted order: deterministic) times
    the number of words."""
    if len(vocabulary) <= MAX_COUNTED_WORDS:
        return sum(n * syllables(word) for word, n in vocabulary.items())
    ordered = sorted(vocabulary)
    step = -(-len(ordered) // MAX_COUNTED_WORDS)
    sample = ordered[::step]
    weight = sum(vocabulary[w] for w in sample)
    mean = sum(vocabulary[w] * syllables(w) for w in sample) / weight
    return mean * sum(vocabulary.values())


def metrics(article: Article) -> dict[str, Any]:
    """Per-article figures for the report's ``metrics`` (computed once per article).

    Flesch reading ease and Flesch-Kincaid grade use textstat's syllable counts with newslint's
    own sentence and word segmentation, so the figures agree with the sentence lengths reported.
    """
    def build(a: Article) -> dict[str, Any]:
        lengths: list[int] = []
        vocabulary: Counter[str] = Counter()
        for p in a.layout.prose:
            for s in a.sentences_of(p):
                words = words_between(a, s.start, s.end)
                lengths.append(len(words))
                vocabulary.update(w.text.lower() for w in words)
        syllable_total = _syllable_total(vocabulary)
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
