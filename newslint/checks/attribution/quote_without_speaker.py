"""NL504: a direct quotation with no speaker."""

from __future__ import annotations

from collections.abc import Iterator

from ...article import Article
from ...declaration import CheckContext, bad, check, good
from ...findings import Hit
from ...prefilter import found_in, haystack
from ._sources import SPEECH

#: Characters each side of a quotation searched for its speaker.
_NEAR = 5_000


def _after_colon(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` ends with a colon and white space ("She says:" before the quote)."""
    i = end - 1
    while i >= start and text[i].isspace():
        i -= 1
    return i >= start and text[i] == ":"


@check(
    code="NL504",
    name="quote-without-speaker",
    category="attribution",
    severity="info",
    examples=[
        bad("The deal drew fire.\n\n“This is a betrayal of everyone who trusted the government "
            "with their lives.”\n\nThe department did not respond.",
            "“This is a betrayal"),
        good("“This is a betrayal of everyone who trusted us,” the lawyer said."),
        good("The mayor spoke for an hour.\n\n“We will rebuild every house that was lost in the "
             "fire,” she told reporters. “And we will do it this year, whatever it costs us.”"),
        good("The group calls it a “tropical Gulag” and a scandal."),
    ],
)
def quote_without_speaker(article: Article, ctx: CheckContext) -> Iterator[Hit]:
    """A direct quotation that nobody is said to have said.

    What it does:
        Flags a quotation of six words or more when no speaking verb (said, told, wrote,
        according to ...) or colon introduction appears in its paragraph, in the paragraph
        before (a quotation may run over paragraphs), or right after it. Short quoted terms
        ("a “tropical Gulag”") are not quotations of speech and are left alone. Info level: quoted
        documents, slogans and titles also lack a speaking verb.

    Why it matters:
        A quotation without a speaker cannot be checked or weighed; in scraped copy it often
        means the attribution was cut away with the surrounding text.
    """
    skip = article.layout.furniture_indices
    paragraphs = article.paragraphs
    lowered = haystack(article).lower_folds  # known once per article
    for quote in article.quotes:
        words = quote.text.split(None, 12)  # up to 12 words are counted (a 13th item: more)
        if len(words) < 6:
            continue
        para = article.paragraph_at(quote.start)
        if para is None or para.index in skip or para.is_heading:
            continue
        # The speaker is looked for near the quotation only: taking the whole paragraph for
        # each quotation was quadratic on a one-paragraph article of several megabytes.
        lo = max(para.start, quote.start - _NEAR)
        context = article.text[lo:min(para.end, quote.end + _NEAR)]
        if para.index > 0 and lo == para.start:
            context = paragraphs[para.index - 1].text[-_NEAR:] + " " + context
        if para.index + 1 < len(paragraphs) and quote.end >= para.end - 1:
            context += " " + paragraphs[para.index + 1].text[:120]
        outside = context.replace(quote.text, " ")  # slices of the text and spaces
        if found_in(SPEECH, outside, lowered=lowered) or _after_colon(article.text, para.start, quote.start):
            continue
        if "?" in quote.text[-3:] and len(words) < 12:
            continue  # a rhetorical question set in quotes
        yield Hit(quote.start, min(quote.end, quote.start + 60),
                  "quotation with no speaker in this paragraph or the one before: say who said it",
                  confidence=0.7)
