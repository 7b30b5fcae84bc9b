"""NL630-NL631: readability figures (textstat) and outlier sentences."""

from __future__ import annotations

import threading
from collections.abc import Iterator
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


def metrics(article: Article) -> dict[str, Any]:
    """Per-article figures for the report's ``metrics`` (computed once per article)."""
    def build(a: Article) -> dict[str, Any]:
        lengths = [len(words_between(a, s.start, s.end)) for p in prose_paragraphs(a)
                   for s in a.sentences_of(p)]
        prose = "\n".join(p.text for p in prose_paragraphs(a))
        out: dict[str, Any] = {"words": a.word_count, "sentences": len(a.sentences)}
        if lengths:
            out["mean_sentence_words"] = round(sum(lengths) / len(lengths), 1)
            out["longest_sentence_words"] = max(lengths)
        if prose.strip():
            ts = _ts()
            out["flesch_reading_ease"] = round(ts.flesch_reading_ease(prose), 1)
            out["grade_level"] = round(ts.flesch_kincaid_grade(prose), 1)
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
