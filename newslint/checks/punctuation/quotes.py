"""NL250-NL252: quotation marks that never close, quotations that run on, mixed styles."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...analysis.chrome import body_end, chrome_map
from ...article import Article
from ...check import CheckContext, bad, check, good
from ...findings import Hit

_OPENERS = ("“", '"', "«")
# A closing quotation mark, a speaker and a speech verb, the end of that sentence, then a
# sentence with an editorial insertion in brackets: the quotation went on without its marks.
_RUN_ON = re.compile(
    r"[,.!?][”\"]\s+(?:he|she|they|[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+){0,3})\s+"
    r"(?:said|says|added|wrote|told [\w ]{1,30}?)[^.”\"]{0,80}\.\s+([^“\"\n]*?\[[^\]\n]{1,60}\][^.!?\n]*[.!?])")


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
        end = quote.start + 1
        words = 0
        while end < quote.end and words < 3:
            end += 1
            if end < quote.end and article.text[end].isspace() and not article.text[end - 1].isspace():
                words += 1
        yield Hit(quote.start, end, "this quotation mark is never closed: where does the quotation end?",
                  confidence=0.8)


@check(
    code="NL251",
    name="quotation-runs-on",
    category="punctuation",
    severity="warning",
    examples=[
        bad("“The results speak for themselves,” he said. [Tren de Aragua] Gang members have "
            "returned. American hostages are home.", "[Tren de Aragua] Gang members have returned."),
        good("“The results speak for themselves,” he said. [Applause]"),
        good("“We won,” she said on Monday."),
    ],
)
def quotation_runs_on(article: Article, ctx: CheckContext) -> Iterator[Hit]:
    """The speaker's words go on after the closing quotation mark and the attribution.

    What it does:
        Flags a sentence right after ``,” he said.`` that carries an editorial insertion in
        brackets (``[Tren de Aragua] Gang members have returned ...``): brackets mark a
        reporter's addition inside a quotation, so the quotation continued but lost its marks.

    Why it matters:
        The reader takes the speaker's claims for the reporter's. It is a common loss when
        copy is rewritten or re-paragraphed by a machine.
    """
    for para in article.paragraphs:
        for m in _RUN_ON.finditer(article.text, para.start, para.end):
            if article.in_quote(m.start(1)):
                continue
            yield Hit(m.start(1), m.end(1), "these words read like the speaker's (the bracketed "
                      "insertion belongs inside a quotation), but the quotation was closed before "
                      "them", confidence=0.75)


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
