"""NL503: a claim made in nobody's name ("There were concerns that ...")."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...article import Article
from ...declaration import CheckContext, bad, check, good
from ...findings import Hit
from ...prefilter import may_match, prose_sentences_to_scan, scanner
from ._sources import named_source_near, vocabulary

_AGENT = re.compile(r"\bby\s+(?:the\s+)?[A-Za-z]|\b(?:among|from)\s+(?:the\s+)?[A-Z]")


@check(
    code="NL503",
    name="agentless-claim",
    category="attribution",
    severity="info",
    examples=[
        bad("There were concerns that revealing the talks could damage his reputation.",
            "There were concerns that"),
        bad("Securing their return was seen as a way to maintain control.", "was seen as"),
        good("There were concerns among Democrats that the bill would fail, Schumer said."),
        good("The plan has been criticized by the union."),
    ],
)
def agentless_claim(article: Article, ctx: CheckContext) -> Iterator[Hit]:
    """A concern, expectation or judgment is stated without anyone holding it.

    What it does:
        Flags "There were concerns that ...", "It is expected that ...", "was seen as ...",
        "has been criticised" in the reporter's voice when no agent ("by ...", "among ...") or
        named source is in the sentence or its neighbours. Reported at info level: it is often
        a style choice, and worth a look.

    Why it matters:
        Agentless phrasing hides who is concerned or who criticises; in rewritten copy it
        turns an opinion into an apparent fact.
    """
    pattern = vocabulary("agentless", settings=ctx.settings)
    if not may_match(pattern, article):
        return
    scan = scanner(pattern, article)
    for sentence in prose_sentences_to_scan(article, scan):  # the prose sentences, or those that may match
        for start, end in scan(sentence.start, sentence.end):
            if article.in_quote(start):
                continue
            if _AGENT.search(article.text, end, min(sentence.end, end + 40)):
                continue
            if named_source_near(article, sentence):
                continue
            yield Hit(start, end, f"\"{article.text[start:end]}\": whose view is this? Name who holds it",
                      confidence=0.6)
