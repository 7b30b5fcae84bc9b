"""What the machine-translation checks share: which paragraphs to judge, and name knowledge."""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter

from ...article import Article, Paragraph
from ...text.segment import Span


def chrome(article: Article) -> frozenset[int]:
    """Paragraphs judged page chrome (left to the boilerplate checks)."""
    try:
        from ...analysis.chrome import chrome_paragraphs
    except ImportError:
        return frozenset()
    return chrome_paragraphs(article)


def prose_paragraphs(article: Article) -> list[Paragraph]:
    """Body paragraphs: not headings, not list items, not chrome."""
    skip = chrome(article)
    return [p for p in article.paragraphs if p.kind == "body" and p.index not in skip]


def capitalised_counts(article: Article) -> Counter[str]:
    """How often each capitalised word appears in the article (names recur; damage does not)."""
    def build(a: Article) -> Counter[str]:
        return Counter(w.text for w in a.words if w.text[:1].isupper())

    return article.memo("mt.capitalised_counts", build)


def words_between(article: Article, start: int, end: int) -> list[Span]:
    """The article's word tokens inside ``[start, end)`` (a sentence, a paragraph)."""
    starts = article.memo("mt.word_starts", lambda a: [w.start for w in a.words])
    words = article.words
    i = bisect_left(starts, start)
    out = []
    while i < len(words) and words[i].start < end:
        out.append(words[i])
        i += 1
    return out
