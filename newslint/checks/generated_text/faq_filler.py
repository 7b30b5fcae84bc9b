"""A "Frequently Asked Questions" block in a news article."""

from __future__ import annotations

from collections.abc import Iterator

from ...article import Article
from ...declaration import CheckContext, bad, check, good
from ...findings import Hit
from ._vocab import pattern


@check(
    code="NL165",
    name="faq-filler",
    category="generated_text",
    severity="info",
    examples=[
        bad("Frequently Asked Questions\n\n* What is MS-13? MS-13 is a gang.\n\n* What is CECOT? "
            "It is a prison.", "Frequently Asked Questions"),
        good("The council answered residents' questions at the meeting."),
    ],
)
def faq_filler(article: Article, ctx: CheckContext) -> Iterator[Hit]:
    """A "Frequently Asked Questions" block in a news article.

    What it does:
        Flags an FAQ heading followed by question-and-answer items. Info level: explainers use
        them legitimately, but in news copy they are usually SEO filler.

    Why it matters:
        Filler FAQs restate the article (or the web) without sourcing, and are a common template
        of generated news.
    """
    if "?" not in article.text:
        return  # an FAQ block needs two questions after its heading
    chrome = article.layout.furniture
    heading = pattern("faq", anchored=True)  # what _faq_heading asks, looked up once
    for p in article.paragraphs:
        if heading.fullmatch(p.text.rstrip(" :")) is not None and p.index not in chrome:
            following = article.paragraphs[p.index + 1:p.index + 4]
            if sum("?" in q.text for q in following) >= 2:
                yield Hit(p.start, p.end, "an FAQ block: usually SEO filler in news copy",
                          confidence=0.7)

