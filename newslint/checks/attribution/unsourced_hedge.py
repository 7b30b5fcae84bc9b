"""NL502: "reportedly", "allegedly", "is said to" with no source named nearby."""

from __future__ import annotations

from collections.abc import Iterator

from ...analysis.prose import prose_paragraphs
from ...article import Article
from ...declaration import CheckContext, bad, check, good
from ...findings import Hit
from ._sources import grade, named_source_near, vocabulary


@check(
    code="NL502",
    name="unsourced-hedge",
    category="attribution",
    severity="warning",
    options={"extra-phrases": []},
    examples=[
        bad("The arrangement, reportedly brokered during the Trump administration, raises "
            "questions.", "reportedly"),
        bad("Rubio allegedly pledged to intervene with the Attorney General.", "allegedly"),
        good("The deal was reportedly struck in March, according to The Washington Post."),
        good("Police said the man allegedly stole a car. He was charged on Monday."),
        good("“He reportedly left,” she said."),
    ],
)
def unsourced_hedge(article: Article, ctx: CheckContext) -> Iterator[Hit]:
    """A hedge ("reportedly", "allegedly", "is said to") with no source named nearby.

    What it does:
        Flags hedging words in the reporter's voice when neither the sentence nor its neighbours
        name a source ("according to The Washington Post", "police said", "court documents",
        "the indictment"). A hedge beside a named source passes; so do quotations. A warning
        when the claim is serious or the article's sourcing is vague throughout, info otherwise.

    Why it matters:
        "Reportedly" says someone reported it: the reader deserves to know who. "Allegedly"
        without the accuser is an unattributed accusation; on a crime or a named person it is a
        legal risk as well as a sourcing failure.

    Options:
        extra-phrases: more hedging phrases.
    """
    pattern = vocabulary("hedges", tuple(ctx.options.get("extra-phrases", [])), settings=ctx.settings)
    for para in prose_paragraphs(article):
        for m in pattern.finditer(article.text, para.start, para.end):
            sentence = article.sentence_at(m.start())
            if sentence is None:
                continue
            if article.in_quote(m.start()) or named_source_near(article, sentence):
                continue
            severity, confidence = grade(article, sentence.text)
            word = m.group(0)
            yield Hit(m.start(), m.end(),
                      f"\"{word}\" with no source named nearby: say who reports or alleges it",
                      severity=severity, confidence=confidence)
