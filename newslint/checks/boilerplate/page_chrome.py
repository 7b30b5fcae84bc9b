"""NL110: page chrome left in the article text."""

from __future__ import annotations

from collections.abc import Iterator

from ...analysis.chrome import analyse, chrome_map
from ...article import Article
from ...declaration import CheckContext, bad, check, good
from ...findings import Fix, Hit

REASONS = {
    "widget": "page furniture (a widget, notice or prompt), not article text",
    "breadcrumb": "breadcrumb navigation, not article text",
    "promo": "a site promotion, not article text",
}


@check(
    code="NL110",
    name="page-chrome",
    category="boilerplate",
    severity="warning",
    fixable=True,
    options={"extra-phrases": []},
    examples=[
        bad("Home » world » Deal Revealed\n\nThe deal was signed on Monday.", "Home » world »"),
        bad("The deal was signed on Monday.\n\nYou may also like\n\nLeave a Comment\n\n"
            "This site uses Akismet to reduce spam. Learn how your comment data is processed.",
            "You may also like", "Leave a Comment", "This site uses Akismet",
            fixed="The deal was signed on Monday.\n\n"),
        bad("Add thelocalreport.in As A\nTrusted Source\nThe minister resigned on Monday.",
            "Trusted Source"),
        good("The minister said: “You may also like the new plan.” Critics disagreed."),
        good("He told readers to leave a comment on the council's website if they objected."),
        good("The vote was close.\n\n(Reporting by Jane Smith; Editing by John Doe)"),
    ],
)
def page_chrome(article: Article, ctx: CheckContext) -> Iterator[Hit]:
    """Lines of the web page (navigation, widgets, comment and ad notices) left in the text.

    What it does:
        Scores every line by vocabulary (a data file of widget phrases such as "You may also
        like", "Leave a Comment", "Adblock Detected", "Sign up for our newsletter", share bars,
        cookie notices, "Image caption"), by shape (breadcrumbs like "Home » world »", a bare
        domain in a short promo line) and by position (short unpunctuated lines next to chrome
        at the top or bottom of the page). A phrase inside a quotation or a normal sentence is
        not chrome. The fix removes the lines; it is unsafe (applied only with --unsafe-fixes).

    Why it matters:
        Scrapers keep the page's furniture. Readers of an aggregator or a newsletter see "Leave a
        Comment" under an article they cannot comment on; search and summarisers index the noise.

    Options:
        extra-phrases: more widget phrases of the sites you ingest (whole-line matches).
    """
    extra = ctx.options.get("extra-phrases", [])
    found = analyse(article, extra) if extra else chrome_map(article)
    text = article.text
    for index in sorted(found):
        para = article.paragraphs[index]
        end = para.end
        while end < len(text) and text[end] in "\r\n":
            end += 1
        yield Hit(para.start, para.end, f"\"{_short(para.text)}\" is {REASONS[found[index]]}",
                  confidence=0.9 if found[index] != "widget" or len(para.text) > 3 else 0.7,
                  fix=Fix.delete(para.start, end, safe=False))


def _short(text: str) -> str:
    return text if len(text) <= 60 else text[:57] + "..."
