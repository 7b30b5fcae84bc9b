"""Curly and straight quotation marks mixed in one article."""

from __future__ import annotations

from collections.abc import Iterator

from ...article import Article
from ...declaration import CheckContext, bad, check, good
from ...findings import Hit


@check(
    code="NL252",
    name="mixed-quote-styles",
    category="punctuation",
    severity="info",
    examples=[
        bad("“We won,” she said. He said \"we lost\" and left.", "\"we lost\""),
        good("“We won,” she said. He said “we lost” and left."),
    ],
)
def mixed_quote_styles(article: Article, ctx: CheckContext) -> Iterator[Hit]:
    """Curly and straight quotation marks mixed in one article.

    What it does:
        Counts curly (“ ”) and straight (") double quotation marks; when both are used, reports
        the first quotation in the less common style, once per article.

    Why it matters:
        Mixed styles show text assembled from several sources or edited in different tools.
    """
    curly = [q for q in article.quotes if q.text.startswith("“")]
    straight = [q for q in article.quotes if q.text.startswith('"')]
    if not curly or not straight:
        return
    minority, style = (straight, "straight") if len(straight) <= len(curly) else (curly, "curly")
    q = minority[0]
    yield Hit(q.start, q.end, f"{style} quotation marks here, while the article mostly uses the "
              "other style", confidence=0.9)

