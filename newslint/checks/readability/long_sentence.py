"""A sentence much longer than news copy usually allows."""

from __future__ import annotations

from collections.abc import Iterator

from ...article import Article
from ...declaration import CheckContext, bad, check, good
from ...findings import Hit
from ._metrics import prose_sentences


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
    for s, lo, hi in prose_sentences(article):
        n = hi - lo
        if n > limit:
            yield Hit(s.start, s.end, f"sentence of {n} words (over {limit}): consider splitting it",
                      confidence=1.0)

