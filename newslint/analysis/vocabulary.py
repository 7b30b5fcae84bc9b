"""Per-process facts about word tokens, shared by the word-level checks (they read the article's
tokens and counts from ``Article.word_texts`` / ``Article.word_counts``).

Why: the spelling, fused-words and readability checks each used to walk every token of the
article in Python (~500 an article) to test a few properties of each word. News repeats its
words, so the distinct tokens are about half as many, and most of them were already seen, and
found harmless, in earlier articles of the same run, so each check kept a per-process set of
the tokens it had cleared and screened the article's distinct tokens against it in C. Three such
screens cost ~220 ns a token each in a real pass (not ~40 as alone: between checks, the big
tables and the strings they compare are out of the cache), ~26 ms of every pass over the 142
clean articles. Now one table holds every check's facts about a token as bits of one integer
(and readability's syllable count above them): an article's distinct tokens are looked up in it
once (:meth:`TokenMarks.of`, shared through ``Article.memo``) and each check reads its own bit
from that small dict, in C.

Every fact is a property of the token alone, never of an article or of options, and says only
"nothing to do here": a fact lost (the table replaced when full, or two threads marking one
token at once) only means the token is examined again.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from itertools import compress, repeat
from operator import and_, lshift, not_, or_, rshift
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..article import Article

#: The spelling check never flags the token (the wrong shape, a dictionary word, or a word whose
#: verdict is "fine"): never a listed misspelling nor an accepted word.
FINE_SPELLING = 1
#: fused-words: the token is no word with a function word glued to its end.
NO_TAIL = 2
#: The marks' bits; above them, readability's syllable count of the token (0: not counted yet).
MARK_BITS = 0xFF
SYLLABLE_SHIFT = 8


class TokenMarks:
    """Token -> marks (bits) and syllables, one table per process, bounded: replaced by an empty
    one when full (never emptied in place, so a reader holding it keeps what it read), so
    memory stays flat on a stream of records that each bring new words. 32k tokens hold the
    ~12k distinct tokens of the 142 clean articles with room to spare."""

    def __init__(self, limit: int = 1 << 15) -> None:
        self.limit = limit
        self.table: dict[str, int] = {}

    def __len__(self) -> int:
        return len(self.table)

    def of(self, article: Article) -> dict[str, int]:
        """The marks of each distinct token of ``article`` as they were before the article (a
        copy, computed once and shared by the word checks; 0 for a token never marked)."""
        return article.memo("vocabulary.marks", lambda a: self.lookup(a.word_counts))

    def lookup(self, tokens: Iterable[str]) -> dict[str, int]:
        """The marks of each of ``tokens`` (0 for a token never marked), in C."""
        tokens = tokens if isinstance(tokens, Mapping) else list(tokens)
        return dict(zip(tokens, map(self.table.get, tokens, repeat(0)), strict=True))

    @staticmethod
    def without(marks: Mapping[str, int], mark: int) -> list[str]:
        """The tokens of ``marks`` that lack ``mark``, in order (in C)."""
        return list(compress(marks, map(not_, map(and_, marks.values(), repeat(mark)))))

    @staticmethod
    def syllables(marks: Mapping[str, int], tokens: Iterable[str]) -> list[int]:
        """The syllable count of each of ``tokens`` that ``marks`` holds (0: not counted)."""
        return list(map(rshift, map(marks.__getitem__, tokens), repeat(SYLLABLE_SHIFT)))

    def mark(self, tokens: Iterable[str], mark: int) -> None:
        """Set ``mark`` on each of ``tokens`` (in C)."""
        tokens = list(tokens)
        if tokens:
            table = self._room(len(tokens))
            table.update(zip(tokens, map(or_, map(table.get, tokens, repeat(0)), repeat(mark)), strict=True))

    def set_syllables(self, counted: Mapping[str, int]) -> None:
        """Record the syllable count of each token of ``counted`` (at least 1 each)."""
        tokens = list(counted)
        if tokens:
            table = self._room(len(tokens))
            kept = map(and_, map(table.get, tokens, repeat(0)), repeat(MARK_BITS))
            shifted = map(lshift, counted.values(), repeat(SYLLABLE_SHIFT))
            table.update(zip(tokens, map(or_, kept, shifted), strict=True))

    def _room(self, adding: int) -> dict[str, int]:
        table = self.table
        if len(table) + adding > self.limit:
            table = self.table = {}
        return table


#: The word checks' shared table.
MARKS = TokenMarks()
