"""NL130-NL131: repeated title, repeated paragraphs, and a second article stitched on."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...analysis.chrome import chrome_map
from ...article import Article
from ...check import CheckContext, bad, check, good
from ...findings import Fix, Hit

_NON_WORD = re.compile(r"[\W_]+")
MIN_WORDS = 5
HEAD_PARAGRAPHS = 5


def normalise(text: str) -> str:
    """Case, punctuation and spacing folded, so near-identical copies compare equal."""
    return _NON_WORD.sub(" ", text.lower()).strip()


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
        good("The council met.\n\nIt passed.\n\nThe council met again."),
    ],
)
def repeated_paragraph(article: Article, ctx: CheckContext) -> Iterator[Hit]:
    """A paragraph, or the title, appears twice.

    What it does:
        Flags a paragraph of five words or more that repeats an earlier one (case, punctuation
        and spacing ignored), the title repeated in the body, and a title line that repeats text
        already in the page head (a breadcrumb that ends with the headline). When the repeat is
        a headline reappearing mid-body with a new article after it, NL131 reports the stitch
        instead.

    Why it matters:
        Scrapers and CMS imports duplicate blocks; readers see the same paragraph twice and
        summaries weigh it double.
    """
    for kind, para, first in _repeats(article):
        if kind == "stitched":
            continue
        end = para.end
        while end < len(article.text) and article.text[end] == "\n":
            end += 1
        what = "the title" if kind == "title" else "an earlier paragraph"
        yield Hit(para.start, para.end,
                  f"this repeats {what} (line {article.line_col(first)[0]})",
                  confidence=0.9, fix=Fix.delete(para.start, end, safe=False))


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
        one) were stitched into one text.

    Why it matters:
        A stitched article repeats its claims, contradicts itself and doubles its length; it is
        a hallmark of content farms and of generated text published without review.
    """
    for kind, para, first in _repeats(article):
        if kind == "stitched":
            yield Hit(para.start, para.end,
                      f"the headline from line {article.line_col(first)[0]} reappears mid-body: "
                      "a second article is stitched on here", confidence=0.85)


def _repeats(article: Article) -> list[tuple[str, object, int]]:
    def build(a: Article) -> list[tuple[str, object, int]]:
        chrome = chrome_map(a)
        paras = a.paragraphs
        seen: dict[str, int] = {}
        out: list[tuple[str, object, int]] = []
        title = normalise(a.title) if a.title else ""
        head = [(p.start, normalise(p.text)) for p in paras[:HEAD_PARAGRAPHS]]
        body_started = False
        for p in paras:
            key = normalise(p.text)
            if p.kind == "body" and len(key.split()) >= 5:
                body_started = True
            if len(key.split()) < MIN_WORDS or (p.index in chrome and p.index < HEAD_PARAGRAPHS):
                if key:
                    seen.setdefault(key, p.start)
                continue
            if title and key == title:
                out.append(("title", p, p.start))
            elif key in seen:
                later_body = sum(1 for q in paras[p.index + 1:p.index + 6] if q.kind == "body")
                stitched = p.is_heading and body_started and later_body >= 2
                out.append(("stitched" if stitched else "repeat", p, seen[key]))
            elif p.index < HEAD_PARAGRAPHS and p.is_heading:
                earlier = next((s for s, k in head if s < p.start and key in k and k != key), None)
                if earlier is not None:
                    out.append(("repeat", p, earlier))
            seen.setdefault(key, p.start)
        return out

    return article.memo("duplicate.repeats", build)
