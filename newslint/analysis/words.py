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


def words_between(article: Article, start: int, end: int) -> list[Span]:
    """The article's word tokens inside ``[start, end)`` (a sentence, a paragraph)."""
    starts = article.word_starts
    return article.words[bisect_left(starts, start):bisect_left(starts, end)]


def capitalised_counts(article: Article) -> Counter[str]:
    """How often each capitalised word appears in the article (names recur; damage does not)."""
    return article.memo("prose.capitalised_counts", lambda a: Counter(_CAPITALISED.findall(a.text)))


def sentence_start_offsets(article: Article) -> frozenset[int]:
    """Offsets where a sentence starts (a capital there says nothing about names)."""
    return article.memo("prose.sentence_starts", lambda a: frozenset(s.start for s in a.sentences))
