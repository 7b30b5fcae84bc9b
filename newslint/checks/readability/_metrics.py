"""Readability figures shared by the readability checks and the report's ``metrics``:
textstat's syllable counts (compiled, see ``newslint.worddata``) with newslint's own sentence
and word segmentation."""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Mapping
from itertools import compress, filterfalse
from operator import mul, not_
from typing import Any

from ... import worddata
from ...article import Article
from ...text.segment import Sentence


def syllables(word: str) -> int:
    """Syllables of one word, at least 1: textstat 0.7.8's count (CMU dictionary, hyphenation
    patterns for unknown words) read from the compiled word data, so no run builds the CMU
    dictionary (over 1 s). Uncached: :func:`_syllable_total` keeps a per-process table."""
    if len(word) > 40:  # no word: a URL, glued text; hyphenation is slow on 100 KB "words"
        return max(1, len(word) // 3)
    return worddata.word_syllables(word)


#: Syllables of each word token as written (``"The"`` and ``"the"`` are two entries), filled as
#: articles bring words. One dict probe per distinct token of an article, where an ``lru_cache``
#: costs a call and its bookkeeping (and, at 8k entries, thrashed on the 11k distinct words of
#: the 142 clean articles). Emptied when full, so memory stays flat on a stream of new words.
_SYLLABLES: dict[str, int] = {}
#: Entries the table may hold before it is emptied (~3 MB at most).
TABLE_WORDS = 1 << 15


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


def _token_total(tokens: Counter[str]) -> float:
    """:func:`_syllable_total` of ``tokens`` (counted as written) lower-cased: each distinct token
    is one table probe. A vocabulary too large to count exactly is lower-cased first, so the
    sampling sees the same words as before."""
    if len(tokens) > MAX_COUNTED_WORDS:  # lower-casing only merges: the lower-case one may fit
        lowered: Counter[str] = Counter()
        for token, n in tokens.items():
            lowered[token.lower()] += n
        return _syllable_total(lowered)
    table = _SYLLABLES
    values = tokens.values()
    try:  # every token counted before (a warm article): one pass, in C
        return sum(map(mul, values, map(table.__getitem__, tokens)))
    except KeyError:  # a new token (stops the pass where it is met)
        pass
    # A cold article. The new counts go into a dict of the article's own, then into the shared
    # table; the sum reads the table, or the article's dict and what the table held before,
    # when the table is emptied (memory stays flat) or another thread empties it meanwhile.
    new: dict[str, int] = {}
    _fill(new, list(filterfalse(table.__contains__, tokens)), table)
    if len(table) + len(new) <= TABLE_WORDS:
        table.update(new)
        try:
            return sum(map(mul, values, map(table.__getitem__, tokens)))
        except KeyError:
            pass
    counted = list(map(table.get, tokens))
    if len(table) + len(new) > TABLE_WORDS:
        table.clear()
    table.update(new)
    return sum(map(mul, values, map(new.get, tokens, counted)))  # new, else counted before


def _fill(table: dict[str, int], tokens: list[str], counted: Mapping[str, int] | None = None) -> None:
    """Put the syllables of each of ``tokens`` into ``table``: :func:`_token_syllables` of each,
    without a call per token (a cold pass meets ~12k new tokens). The words of letters (nine
    tokens in ten) are sorted out and looked up together in the English trie, in C
    (``worddata.english_ids``: the spelling check has probed most of them already). Of the
    rest, a token whose lower-case form is in ``table`` or ``counted`` (the shared table, which
    lacks each of ``tokens``) takes its count ("The" after "the"); a word of digits goes
    straight to the CMU index and the hyphenation patterns, which is where
    ``worddata.syllable_count`` takes it, and so does a token that textstat's punctuation
    removal leaves one word of letters (``california-based`` is counted as ``californiabased``)."""
    lowered = list(map(str.lower, tokens))
    letters = list(map(str.isalpha, lowered))
    words = list(compress(tokens, letters))
    lows = list(compress(lowered, letters))
    if lows and max(map(len, lows)) > 40:  # no word: counted by length (see ``syllables``)
        long = [k for k, low in enumerate(lows) if len(low) > 40]
        for k in reversed(long):
            table[words[k]] = syllables(lows[k])
            del words[k], lows[k]
    if len(words) < len(tokens):
        earlier = table if counted is None else counted
        for token, low in compress(zip(tokens, lowered, strict=True), map(not_, letters)):
            known = table.get(low) or earlier.get(low)  # "The" after "the"
            if known is not None:
                table[token] = known
            elif len(low) > 40:
                table[token] = syllables(low)
            elif low.isdigit():
                table[token] = worddata.digit_syllables(low)
            else:
                pieces = worddata.textstat_pieces(low)
                if len(pieces) == 1 and pieces[0].isalpha():  # "court’s", "california-based"
                    words.append(token)
                    lows.append(pieces[0])
                else:  # what ``syllables(low)`` counts, from the pieces already split
                    table[token] = worddata.pieces_syllables(pieces)
    column = worddata.syllable_index()[1]
    table.update(zip(words, [(column[i] or 1) if i is not None else syllables(low)
                             for low, i in zip(lows, worddata.english_ids(lows), strict=True)], strict=True))


def _token_syllables(token: str, table: dict[str, int], get: Any, column: Any) -> int:
    """Syllables of one token as written: its lower-case form's entry in ``table`` ("The" after
    "the"), else one probe of the compiled CMU index, else :func:`syllables`. The token-by-token
    specification that :func:`_fill` is tested against."""
    low = token.lower()  # lower-casing is idempotent: syllables(low) lower-cases again
    known = table.get(low)
    if known is None:
        i = get(low) if len(low) <= 40 and low.isalpha() else None
        known = (column[i] or 1) if i is not None else syllables(low)
    return known


def prose_sentences(article: Article) -> list[tuple[Sentence, int, int]]:
    """Each sentence of the prose paragraphs with the index range ``[lo, hi)`` of its words in
    ``article.words`` (what ``words_between`` slices), found by bisection only: the sentence
    length is ``hi - lo`` and no word list is copied. Shared by the readability checks and the
    report's metrics."""
    def build(a: Article) -> list[tuple[Sentence, int, int]]:
        starts = a.word_starts
        out = []
        for p in a.layout.prose:
            for s in a.sentences_of(p):
                out.append((s, bisect_left(starts, s.start), bisect_left(starts, s.end)))
        return out

    return article.memo("readability.prose_sentences", build)


def metrics(article: Article) -> dict[str, Any]:
    """Per-article figures for the report's ``metrics`` (computed once per article).

    Flesch reading ease and Flesch-Kincaid grade use textstat's syllable counts with newslint's
    own sentence and word segmentation, so the figures agree with the sentence lengths reported.
    """
    def build(a: Article) -> dict[str, Any]:
        ranges = prose_sentences(a)
        lengths = [hi - lo for _, lo, hi in ranges]
        if sum(lengths) == a.word_count:  # the prose holds every word (7 articles in 10)
            tokens = a.word_counts  # (the ranges never overlap) the shared counts, built once
        else:
            texts = a.word_texts
            tokens = Counter()
            start = end = 0
            for _, lo, hi in ranges:  # sentences of a paragraph are usually contiguous: one slice
                if lo != end:
                    tokens.update(texts[start:end])
                    start = lo
                end = hi
            tokens.update(texts[start:end])  # counted in C; lower-cased per distinct token
        syllable_total = _token_total(tokens)
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
