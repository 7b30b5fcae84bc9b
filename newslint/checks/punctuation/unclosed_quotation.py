"""A quotation mark opens and never closes."""

from __future__ import annotations

from collections.abc import Iterator

from ...analysis.chrome import body_end, chrome_map
from ...article import Article
from ...declaration import CheckContext, bad, check, good
from ...findings import Hit

_OPENERS = ("“", '"', "«")


@check(
    code="NL250",
    name="unclosed-quotation",
    category="punctuation",
    severity="warning",
    examples=[
        bad("Trump said that “all Venezuelan citizens 14 years of age or older may be removed.\n"
            "But officials later acknowledged that many had no records.", "“all Venezuelan"),
        good("“We will rebuild,” she said.\n“And we will do it this year,” she added."),
        good("“The first paragraph of a long quotation runs on,\n“and the next one opens again,” "
             "he said.\nThe end."),
        good("Her family said: “We cannot take it in.\n\nShe was kind to everyone.\n\nWe miss "
             "her,” they said.\n\nThe inquest opens next week.",
             title="a quotation over paragraphs that closes later"),
    ],
)
def unclosed_quotation(article: Article, ctx: CheckContext) -> Iterator[Hit]:
    """A quotation mark opens and never closes.

    What it does:
        Flags an opening quotation mark whose quotation does not close in its paragraph, when the
        next paragraph does not open with a quotation mark (the convention for a quotation that
        runs over paragraphs). The article's last paragraph is left to the truncation check.

    Why it matters:
        Readers cannot tell where the speaker's words end and the reporter's begin; in
        rewritten copy the closing mark is often lost along with the attribution.
    """
    chrome = chrome_map(article)
    last = body_end(article)
    paras = article.paragraphs
    for quote in article.quotes:
        if quote.text[-1:] in "”\"»" and len(quote.text) > 1:
            continue
        para = article.paragraph_at(quote.start)
        if para is None or para.index in chrome or para.index >= last:
            continue
        nxt = paras[para.index + 1] if para.index + 1 < len(paras) else None
        if nxt is not None and nxt.text.startswith(_OPENERS):
            continue
        if _closes_in_later_paragraph(paras, para.index, last):
            continue  # the quotation runs over paragraphs without reopening marks, then closes
        end = quote.start + 1
        words = 0
        while end < quote.end and words < 3:
            end += 1
            if end < quote.end and article.text[end].isspace() and not article.text[end - 1].isspace():
                words += 1
        yield Hit(quote.start, end, "this quotation mark is never closed: where does the quotation end?",
                  confidence=0.8)


#: How many paragraphs a quotation may run on without reopening marks.
_RUN_ON_PARAGRAPHS = 8


def _closes_in_later_paragraph(paras: list, index: int, last: int) -> bool:
    """A later paragraph (within a few, before any other quotation opens) closes a quotation it
    never opened: the quotation ran over paragraphs, as segmented or re-flowed copy writes it."""
    for para in paras[index + 1:min(index + 1 + _RUN_ON_PARAGRAPHS, last + 1)]:
        text = para.text
        for i, ch in enumerate(text):
            if ch == "”" or ch == "»":
                return True
            if ch in "“«":
                return False
            if ch == '"':
                before = text[i - 1] if i else " "
                after = text[i + 1] if i + 1 < len(text) else " "
                return not before.isspace() and (after.isspace() or after in ".,;:!?)")
    return False
