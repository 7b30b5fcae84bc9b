"""NL630-NL631: readability figures (textstat) and outlier sentences."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from ...analysis.prose import prose_paragraphs, words_between
from ...article import Article
from ...check import CheckContext, bad, check, good
from ...findings import Hit

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


@check(
    code="NL630",
    name="long-sentence",
    category="readability",
    severity="info",
    options={"max-words": 55},
    examples=[
        bad("The report, compiled over several months by investigators who interviewed dozens of "
            "officials, informants, lawyers and relatives in three countries, highlights several "
            "disturbing patterns in the handling of confidential sources, including failures of "
            "vetting, delays in relocation, and a lack of accountability that left many people "
            "exposed to the very gangs they had informed on for years.", "The report",
            options={"max-words": 40}),
        good("The report highlights several patterns. Vetting failed. Relocation was slow."),
    ],
)
def long_sentence(article: Article, ctx: CheckContext) -> Iterator[Hit]:
    """A sentence much longer than news copy usually allows.

    What it does:
        Reports sentences in body text longer than ``max-words`` (default 55) at info level.

    Why it matters:
        Very long sentences are hard to read aloud and on a phone; in generated copy they are
        often run-on lists.

    Options:
        max-words: the longest acceptable sentence, in words.
    """
    limit = int(ctx.options.get("max-words", 55))
    for para in prose_paragraphs(article):
        for s in article.sentences_of(para):
            n = len(words_between(article, s.start, s.end))
            if n > limit:
                yield Hit(s.start, s.end, f"sentence of {n} words (over {limit}): consider splitting it",
                          confidence=1.0)


@check(
    code="NL631",
    name="reading-grade",
    category="readability",
    severity="info",
    options={"max-grade": 16.0, "min-words": 150},
    examples=[
        bad("Notwithstanding considerable institutional reluctance, the interdepartmental "
            "committee's comprehensive reevaluation necessitated unprecedented administrative "
            "reorganization, jurisdictional clarification, and extraordinarily complicated "
            "intergovernmental negotiations concerning extradition.",
            "Notwithstanding", options={"max-grade": 14.0, "min-words": 10}),
        good("The cat sat on the mat. The dog sat too. They were friends.",
             options={"min-words": 5}),
    ],
)
def reading_grade(article: Article, ctx: CheckContext) -> Iterator[Hit]:
    """The article reads far above the grade level of general news.

    What it does:
        Computes the Flesch-Kincaid grade of the body text with textstat and reports it at info
        level when it exceeds ``max-grade`` (default 16, university level) in articles of at
        least ``min-words`` words.

    Why it matters:
        General news aims at a wide audience; a grade far above the outlet's norm is a sign of
        padded or machine-generated prose.

    Options:
        max-grade: the highest acceptable Flesch-Kincaid grade.
        min-words: articles shorter than this are not graded (the formula is unstable).
    """
    figures = metrics(article)
    grade = figures.get("grade_level")
    if grade is None or figures["words"] < int(ctx.options.get("min-words", 150)):
        return
    if grade > float(ctx.options.get("max-grade", 16.0)):
        body = prose_paragraphs(article)
        yield Hit(body[0].start, body[0].end, f"reading grade {grade} is above "
                  f"{ctx.options.get('max-grade', 16.0)}: long words and sentences throughout",
                  confidence=0.8)
