"""A paragraph, or the title, appears twice."""

from __future__ import annotations

from collections.abc import Iterator

from ...article import Article
from ...declaration import CheckContext, bad, check, good
from ...findings import Fix, Hit
from ._duplicate import repeats


@check(
    code="NL130",
    name="repeated-paragraph",
    category="duplicate",
    severity="warning",
    fixable=True,
    examples=[
        bad("Home » world » Deal Exposed by the State Department\n\nDeal Exposed by the State "
            "Department\n\nThe deal was signed.", "Department\n\nDeal Exposed"),
        bad("The council approved the budget on Monday night.\n\nIt passed.\n\n"
            "The council approved the budget on Monday night.", fixed="The council approved the "
            "budget on Monday night.\n\nIt passed.\n\n"),
        bad("The council approved the new budget on Monday night after a long debate over school "
            "funding and road repairs in the north of the city.\n\nIt passed.\n\nThe council "
            "approved the new budget on Monday evening after a long debate over school funding "
            "and road repairs in the north of the city.", "Monday evening"),
        good("The council met.\n\nIt passed.\n\nThe council met again."),
        good("Ferry fares to rise in May\n\nThe island's ferry fares will rise by a tenth in May.\n\n"
             "By Ann Lee\n\nThe island's ferry fares will rise by a tenth in May. The operator "
             "blamed fuel costs.", title="a standfirst repeated by the body"),
        good("Ferry fares to rise in May\n\nFares will rise by a tenth.\n\nThe operator blamed "
             "fuel.\n\nFerry fares to rise in May", title="a closing tagline"),
    ],
)
def repeated_paragraph(article: Article, ctx: CheckContext) -> Iterator[Hit]:
    """A paragraph, or the title, appears twice.

    What it does:
        Flags a paragraph of five words or more that repeats an earlier one (case, punctuation
        and spacing ignored), a long paragraph that shares 70% of its word 5-grams with an
        earlier one of similar length (a near-copy; a pull quote lifted from a longer paragraph
        is not one), the title repeated in the body, and a title line that
        repeats text already in the page head (a breadcrumb that ends with the headline).
        When the repeat is a headline reappearing mid-body with a new article after it, NL131
        reports the stitch instead. Deliberate repeats are left alone: a standfirst in the page
        head that the body's opening repeats (only a byline or a date between them), and a
        closing line that repeats the headline.

    Why it matters:
        Scrapers and CMS imports duplicate blocks; readers see the same paragraph twice and
        summaries weigh it double.
    """
    for rep in repeats(article):
        if rep.kind == "stitched":
            continue
        para = rep.para
        line = article.line_col(rep.first)[0]
        if rep.kind == "near":
            yield Hit(para.start, para.end, f"this nearly repeats the paragraph on line {line}",
                      confidence=0.8)
            continue
        end = para.end
        while end < len(article.text) and article.text[end] == "\n":
            end += 1
        what = "the title" if rep.kind == "title" else "an earlier paragraph"
        yield Hit(para.start, para.end, f"this repeats {what} (line {line})",
                  confidence=0.9, fix=Fix.delete(para.start, end, safe=False))

