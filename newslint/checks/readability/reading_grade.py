"""The article reads far above the grade level of general news."""

from __future__ import annotations

from collections.abc import Iterator

from ...article import Article
from ...declaration import CheckContext, bad, check, good
from ...findings import Hit
from ._metrics import metrics


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
        body = article.layout.prose
        yield Hit(body[0].start, body[0].end, f"reading grade {grade} is above "
                  f"{ctx.options.get('max-grade', 16.0)}: long words and sentences throughout",
                  confidence=0.8)

