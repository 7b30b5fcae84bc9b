"""Two or more spaces between words inside a sentence."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...article import Article
from ...declaration import CheckContext, bad, check, good
from ...findings import Fix, Hit

# Written to start with the character it consumes first (the look-behind moved after it), so
# that re skips to candidates in C instead of trying the pattern at every position (~5x less).
# Starts with the two spaces it needs (the look-behind after them): re then skips from one
# double space to the next in C instead of stopping at every single space.
_DOUBLE = re.compile(r"  (?<=[^\W_,;]  ) *(?=[^\W_])")  # was (?<=[^\W_,;]) {2,}(?=[^\W_])


@check(
    code="NL204",
    name="doubled-space",
    category="spacing",
    severity="info",
    fixable=True,
    examples=[
        bad("The council  approved the budget.", "council  approved",
            fixed="The council approved the budget."),
        good("The council approved the budget.  It passed."),
    ],
)
def doubled_space(article: Article, ctx: CheckContext) -> Iterator[Hit]:
    """Two or more spaces between words inside a sentence.

    What it does:
        Flags runs of spaces between two words (not after a sentence's end, where some house
        styles use two). Info level: invisible in most renderings, but a sign of deleted words.

    Why it matters:
        A double space mid-sentence often marks where a word or a link was removed.
    """
    # One scan of the whole text, not one per paragraph: a match (spaces between two word
    # characters of one line) lies inside a paragraph, which is a stripped line.
    for m in _DOUBLE.finditer(article.text):
        yield Hit(m.start() - 1, m.end() + 1, "more than one space between words",
                  confidence=0.9, fix=Fix.replace(m.start(), m.end(), " "))

