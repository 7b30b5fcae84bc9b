"""Which parts of an article are running prose, and word look-ups within them.

Sentence-level checks (fragments, lowercase starts, attribution) judge prose only: not headings,
list items, or page chrome, which the boilerplate checks report on their own.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter

from ..article import Article, Paragraph
from ..text.segment import Span

#: Capitalised word tokens, as :func:`newslint.text.segment.iter_words` cuts them.
_CAPITALISED = re.compile(r"(?<![^\W_])[A-Z][^\W_]*(?:['’\-][^\W_]+)*")


def chrome(article: Article) -> frozenset[int]:
    """Indices of furniture paragraphs (``article.layout.furniture_indices``)."""
    return article.layout.furniture_indices


def prose_paragraphs(article: Article) -> list[Paragraph]:
    """Body paragraphs: not headings, not list items, not furniture (``article.layout.prose``)."""
    return article.layout.prose


def words_between(article: Article, start: int, end: int) -> list[Span]:
    """The article's word tokens inside ``[start, end)`` (a sentence, a paragraph)."""
    starts = article.memo("prose.word_starts", lambda a: [w.start for w in a.words])
    return article.words[bisect_left(starts, start):bisect_left(starts, end)]


def capitalised_counts(article: Article) -> Counter[str]:
    """How often each capitalised word appears in the article (names recur; damage does not)."""
    return article.memo("prose.capitalised_counts", lambda a: Counter(_CAPITALISED.findall(a.text)))


def sentence_start_offsets(article: Article) -> frozenset[int]:
    """Offsets where a sentence starts (a capital there says nothing about names)."""
    return article.memo("prose.sentence_starts", lambda a: frozenset(s.start for s in a.sentences))
