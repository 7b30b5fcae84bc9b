"""A social-media embed flattened into the text ("— Name (@handle) November 18, 2019")."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...article import Article
from ...declaration import CheckContext, bad, check, good
from ...findings import Hit
from ...prefilter import may_match

_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"


# Digit runs are bounded ({0,20}): an unbounded run was re-scanned from every digit of 100 KB of
# "1,2.3,4..." (quadratic; reliability audit S3).
_EMBED = re.compile(r"[—–-]\s*[^\n()]{1,60}\(@\w{1,15}\)\s+" + _MONTH + r"\s+\d{1,2},\s+\d{4}"
                    r"|pic\.twitter\.com/\w+|\b\d[\d,.]{0,20}K?\s+(?:Retweets|Likes|Quote Tweets)\b")


@check(
    code="NL142",
    name="flattened-embed",
    category="markup",
    severity="warning",
    examples=[
        bad("He posted it. — Jane Doe (@janedoe) November 18, 2019", "(@janedoe) November 18, 2019"),
        bad("Watch the video pic.twitter.com/AbC123 now.", "pic.twitter.com/AbC123"),
        good("Jane Doe wrote on Twitter on November 18, 2019 that she would run."),
    ],
)
def flattened_embed(article: Article, ctx: CheckContext) -> Iterator[Hit]:
    """A social-media embed flattened into the text ("— Name (@handle) November 18, 2019").

    What it does:
        Flags the signature line of an embedded post, ``pic.twitter.com`` links and retweet or
        like counters left in the text.

    Why it matters:
        The embed's frame is gone, so the post's words run into the article as if the reporter
        wrote them.
    """
    if not may_match(_EMBED, article):
        return  # none of the words an embed needs ("(@", a month; "twitter"; "Retweets", "Likes")
    for m in _EMBED.finditer(article.text):
        yield Hit(m.start(), m.end(), "a flattened social-media embed (signature, link or counter)",
                  confidence=0.85)

