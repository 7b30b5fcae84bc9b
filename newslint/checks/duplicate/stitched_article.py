"""The headline reappears mid-body and a second article starts after it."""

from __future__ import annotations

from collections.abc import Iterator

from ...article import Article
from ...declaration import CheckContext, bad, check, good
from ...findings import Hit
from ._duplicate import repeats


@check(
    code="NL131",
    name="stitched-article",
    category="duplicate",
    severity="warning",
    examples=[
        bad("Deal Exposed by the State Department\n\nThe deal was signed on Monday.\n\n"
            "Officials said it would hold.\n\nCritics were unconvinced.\n\nThe vote is next week.\n\n"
            "Deal Exposed by the State Department\n\nA recently released report has ignited a "
            "firestorm.\n\nThe report details the deal.\n\nIt was compiled over months.",
            "Deal Exposed by the State Department\n\nA recently"),
        good("Deal Exposed\n\nThe deal was signed on Monday.\n\nOfficials said it would hold."),
    ],
)
def stitched_article(article: Article, ctx: CheckContext) -> Iterator[Hit]:
    """The headline reappears mid-body and a second article starts after it.

    What it does:
        Flags a heading-like line that repeats the title (or an earlier headline) after the
        body has begun, followed by more body paragraphs: two articles (or two generations of
        one) were stitched into one text. A line repeated three times or more is a widget
        (a product box, a disclaimer), not a headline, and is left to NL130; so is a repeat whose
        first copy is not in the page head or lies within three paragraphs (a
        video box repeats its title), or that a photo or video caption follows.

    Why it matters:
        A stitched article repeats its claims, contradicts itself and doubles its length; it is
        a hallmark of content farms and of generated text published without review.
    """
    for rep in repeats(article):
        if rep.kind == "stitched":
            end = rep.para.end
            nxt = article.paragraphs[rep.para.index + 1] if rep.para.index + 1 < len(
                article.paragraphs) else None
            if nxt is not None:
                end = nxt.end
            yield Hit(rep.para.start, end,
                      f"the headline from line {article.line_col(rep.first)[0]} reappears "
                      "mid-body: a second article is stitched on here", confidence=0.85)

