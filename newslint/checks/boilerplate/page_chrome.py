"""NL110: page chrome left in the article text."""

from __future__ import annotations

from collections.abc import Iterator

from ...article import Article
from ...declaration import CheckContext, bad, check, good
from ...findings import Fix, Hit

#: What found a line, said in the message after its kind.
EVIDENCE = {
    "phrase": "a known furniture phrase",
    "breadcrumb": "breadcrumb separators",
    "caption": "a photo credit closing the line",
    "promo": "a call to sign up or follow",
    "post": "a name and an @handle alone on the line",
    "video": "a running time closing the line or player scraps",
    "position": "a short label in a run of furniture",
    "model": "the line model: its shape, words and neighbours",
    "batch": "it recurs in other articles of this source",
    "profile": "the site profile",
}
#: Evidence strong enough for a safe fix (deleting the line with plain --fix): a phrase of the
#: vocabulary, a credit or breadcrumb shape, the user's own site profile. Lines found by position,
#: by the model or by recurrence are deleted only with --unsafe-fixes.
SAFE_EVIDENCE = frozenset({"phrase", "breadcrumb", "caption", "profile"})


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
        bad("The council approved the plan on Monday after a long debate.\n\nLeave a Reply Cancel reply",
            "Leave a Reply Cancel reply"),
        bad("The council approved the plan on Monday. Continue reading below.\n\n"
            "The mayor said the vote was a victory for the city's taxpayers.", "Continue reading below."),
    ],
)
def page_chrome(article: Article, ctx: CheckContext) -> Iterator[Hit]:
    """Lines of the web page (navigation, widgets, credits, promos, comment and ad notices) left
    in the text.

    What it does:
        Reads the article's layout (``article.layout``): every line judged page furniture by
        vocabulary (a data file of furniture phrases such as "You may also like", "Leave a
        Comment", "Sign up for our newsletter"), by shape (breadcrumbs like "Home » world »", a
        bare domain in a short promo line), by position (short unpunctuated lines next to
        furniture at the top or bottom of the page), by a line model learned from real news
        pages of other sites (length, capitalised share, verbs, final punctuation, digits and
        durations, link words, neighbours), and, in a run over many files, by recurring in
        several articles of the same source. The message names the kind of furniture (a share
        bar, a photo credit, a newsletter promo, a related-content link...) and what found it. A
        furniture sentence glued to the start or end of a body paragraph ("... the vote.
        Continue reading below.") is reported on its own span. A phrase inside a quotation or a
        normal sentence is not furniture. The fix deletes the line: a safe fix when a phrase,
        a credit or breadcrumb shape or the site profile found it, unsafe (``--unsafe-fixes``)
        for lines found by position, by the model or by recurrence, and for glued spans.

    Why it matters:
        Scrapers keep the page's furniture. Readers of an aggregator or a newsletter see "Leave a
        Comment" under an article they cannot comment on; search and summarisers index the noise.

    Options:
        extra-phrases: more furniture lines of the sites you ingest (whole-line matches). Read
            once per linter into the layout settings, with the top-level keys
            ``furniture-profiles`` (site profiles from ``newslint learn-furniture``),
            ``furniture-batch`` and ``furniture-model``.
    """
    text = article.text
    layout = article.layout
    for item in layout.furniture.values():
        para = article.paragraphs[item.paragraph]
        end = para.end
        while end < len(text) and text[end] in "\r\n":
            end += 1
        safe = item.evidence in SAFE_EVIDENCE
        confidence = 0.7 if item.evidence == "position" or len(para.text) <= 3 else 0.9 \
            if item.evidence != "model" else round(min(item.score, 0.95), 2)
        what = "page furniture" if item.kind == "furniture" else f"{item.label}, page furniture"
        yield Hit(para.start, para.end, f"\"{_short(para.text)}\" is {what}, not article text (found by "
                  f"{EVIDENCE.get(item.evidence, item.evidence)}); delete the line",
                  confidence=confidence, fix=Fix.delete(para.start, end, safe=safe))
    for item in layout.partial:
        start, end = item.start, item.end
        if start > article.paragraphs[item.paragraph].start:
            while start > 0 and text[start - 1] == " ":
                start -= 1  # the space that glued it to the sentence before
        else:
            while end < len(text) and text[end] == " ":
                end += 1  # the space before the sentence after
        yield Hit(item.start, item.end, f"\"{_short(text[item.start:item.end])}\" is {item.label} glued to a "
                  "body paragraph, not article text; delete it", confidence=0.8,
                  fix=Fix.delete(start, end, safe=False))


def _short(text: str) -> str:
    return text if len(text) <= 60 else text[:57] + "..."
