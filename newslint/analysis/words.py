"""Word look-ups within an article shared by sentence-level checks.

Which paragraphs are prose and which are page furniture is the layout's business
(``article.layout``, :mod:`newslint.analysis.layout`); this module only finds words.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter

from ..article import Article
from ..text.segment import Span

#: Capitalised word tokens, as :func:`newslint.text.segment.iter_words` cuts them.
#: Starts with the capital it consumes (the look-behind after it), so re skips to capitals in C;
#: same matches as ``(?<![^\W_])[A-Z][^\W_]*(?:['’\-][^\W_]+)*``.
_CAPITALISED = re.compile(r"[A-Z](?<![^\W_][A-Z])[^\W_]*(?:['’\-][^\W_]+)*")


def word_range(article: Article, start: int, end: int) -> tuple[int, int]:
    """Indices ``i, j`` such that ``article.words[i:j]`` are the word tokens inside
    ``[start, end)``: slice :attr:`~newslint.article.Article.word_texts` or
    :attr:`~newslint.article.Article.word_starts` with them to read the words of a sentence without
    a span per word."""
    starts = article.word_starts
    return bisect_left(starts, start), bisect_left(starts, end)


def words_between(article: Article, start: int, end: int) -> list[Span]:
    """The article's word tokens inside ``[start, end)`` (a sentence, a paragraph), as spans.

    A check that reads only the words' texts or their number should use
    :func:`word_texts_between` or :func:`count_words_between`: no span is built then."""
    starts = article.word_starts
    i, j = bisect_left(starts, start), bisect_left(starts, end)
    words = article.__dict__.get("words")
    if words is not None:
        return words[i:j]
    # No check has asked for every word as a span yet: build the spans of this range only (the
    # same values; a check that reads a few sentences does not pay for the whole article).
    return list(map(Span, starts[i:j], article.word_ends[i:j], article.word_texts[i:j]))


def word_texts_between(article: Article, start: int, end: int) -> list[str]:
    """The texts of the word tokens inside ``[start, end)`` (``[w.text for w in
    words_between(...)]`` without building the spans)."""
    starts = article.word_starts
    return article.word_texts[bisect_left(starts, start):bisect_left(starts, end)]


def count_words_between(article: Article, start: int, end: int) -> int:
    """How many word tokens lie inside ``[start, end)`` (two bisections, no list)."""
    starts = article.word_starts
    return bisect_left(starts, end) - bisect_left(starts, start)


def capitalised_counts(article: Article) -> Counter[str]:
    """How often each capitalised word appears in the article (names recur; damage does not)."""
    return article.memo("prose.capitalised_counts", lambda a: Counter(_CAPITALISED.findall(a.text)))


def sentence_start_offsets(article: Article) -> frozenset[int]:
    """Offsets where a sentence starts (a capital there says nothing about names)."""
    return article.memo("prose.sentence_starts", lambda a: frozenset(s.start for s in a.sentences))
