"""A chatbot's own words left in the article ("As an AI language model", "Certainly! Here is")."""

from __future__ import annotations

from collections.abc import Iterator

from ...article import Article
from ...declaration import CheckContext, bad, check, good
from ...findings import Hit
from ...house_rules import existence_matches
from ._generated import _extra
from ._vocab import pattern


@check(
    code="NL163",
    name="chatbot-phrase",
    category="generated_text",
    severity="error",
    options={"extra-phrases": []},
    examples=[
        bad("Certainly! Here is a news article about the vote.", "Certainly! Here is"),
        bad("As an AI language model, I cannot verify this.", "As an AI language model"),
        good("The company said its AI model would launch next year."),
    ],
)
def chatbot_phrase(article: Article, ctx: CheckContext) -> Iterator[Hit]:
    """A chatbot's own words left in the article ("As an AI language model", "Certainly! Here is").

    What it does:
        Flags assistant phrases outside quotations: "As an AI language model", "I hope this
        helps", "Certainly! Here is", "Here is a rewritten version", "my knowledge cutoff",
        "Regenerate response", "In this article, we will", "Let's dive in".

    Why it matters:
        They prove the text was generated and published without review.

    Options:
        extra-phrases: more chatbot phrases (literal text, case-insensitive), added to
            ``data/chatbot.txt``.
    """
    chatbot = pattern("chatbot", _extra(ctx), settings=ctx.settings)
    for m in existence_matches(article, chatbot, skip_quotes=True):
        yield Hit(m.start(), m.end(), f"\"{m.group(0)}\" is a chatbot's phrase left in the text",
                  confidence=0.95)

