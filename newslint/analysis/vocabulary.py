"""Per-process memory of word tokens a check found harmless, for the word-level checks (they
read the article's tokens and counts from ``Article.word_texts`` / ``Article.word_counts``).

Why: the spelling, fused-words and readability checks each used to walk every token of the
article in Python (~500 an article) to test a few properties of each word. News repeats its
words, so the distinct tokens are about half as many, and most of them were already seen, and
found harmless, in earlier articles of the same run: counting the tokens in C once, then
screening the distinct ones against a per-process set of tokens already cleared (also in C),
leaves Python a few dozen new words an article.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import filterfalse
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..article import Article


class Cleared:
    """Tokens one check has found harmless in any article (a property of the token alone, never
    of an article or of options), so each is examined once per process.

    Bounded: emptied when full, so memory stays flat on a stream of records that each bring
    new words (a token forgotten is only examined again). 16k tokens hold the ~12k distinct
    tokens of the 142 clean articles; 64k made a 5 MB saw-tooth (+14% of the process between
    10k and 30k new-word records)."""

    def __init__(self, limit: int = 1 << 14) -> None:
        self.limit = limit
        self.tokens: set[str] = set()

    def __contains__(self, token: object) -> bool:
        return token in self.tokens

    def __len__(self) -> int:
        return len(self.tokens)

    def add(self, token: str) -> None:
        if len(self.tokens) >= self.limit:
            self.tokens.clear()
        self.tokens.add(token)

    def update(self, tokens: Iterable[str]) -> None:
        """:meth:`add` each of ``tokens`` (in C: the bound is checked once, before)."""
        if len(self.tokens) >= self.limit:
            self.tokens.clear()
        self.tokens.update(tokens)

    def new(self, counts: Iterable[str]) -> list[str]:
        """The distinct tokens of ``counts`` not cleared yet, in order of first occurrence:
        ``filterfalse`` in C (a set difference built a set of every token first, ~3x slower)."""
        return list(filterfalse(self.tokens.__contains__, counts))


def distinct_tokens(article: Article) -> str:
    """The article's distinct word tokens joined by spaces, in order of first occurrence, built
    once per article: for tests in C of what lies inside tokens (runs of letters, foreign
    letters, function words joined to others), about a third of the text to scan."""
    return article.memo("vocabulary.distinct_tokens", lambda a: " ".join(a.word_counts))
