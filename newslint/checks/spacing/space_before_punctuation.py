"""A space before a comma, full stop, colon, semicolon, question or exclamation mark."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...article import Article
from ...declaration import CheckContext, bad, check, good
from ...findings import Fix, Hit
from ...prefilter import may_match

# A word, one or more spaces, then , ; : ! ? or . followed by a space or the end: "word ,".
# Written to start with the character it consumes first (the look-behind moved after it), so
# that re skips to candidates in C instead of trying the pattern at every position (~5x less).
_BEFORE = re.compile(r"( (?<=[^\W_] ) *)([,;:!?.])(?=\s|$)")  # was (?<=[^\W_])( +)([,;:!?.])...


@check(
    code="NL202",
    name="space-before-punctuation",
    category="spacing",
    severity="warning",
    fixable=True,
    examples=[
        bad("The plan , officials said , was ready .", "plan ,", fixed="The plan, officials said, was ready."),
        good("The score was 3 - 1 ... and then it rose again, where . . . he said."),
        good("The French say « bonjour ! » often."),
    ],
)
def space_before_punctuation(article: Article, ctx: CheckContext) -> Iterator[Hit]:
    """A space before a comma, full stop, colon, semicolon, question or exclamation mark.

    What it does:
        Flags ``word ,`` and ``word .``: spaces between a word and the punctuation that follows
        it. Ellipses, dashes and French-style spacing inside guillemets are left alone.

    Why it matters:
        A space before punctuation is a trace of machine translation or of text assembled from
        fields; it also lets a line break strand the mark at the start of a line.
    """
    if not may_match(_BEFORE, article):
        return  # no " ," " ." " ;" ... anywhere (the gate reads them off the pattern)
    skip = article.layout.furniture_indices
    text = article.text
    for para in article.paragraphs:
        if para.index in skip or "«" in para.text:
            continue
        for m in _BEFORE.finditer(text, para.start, para.end):
            if m.group(2) == "." and text[m.end(2):m.end(2) + 2].startswith(".."):
                continue
            if text[m.end(2) - 1:m.end(2) + 2] in ("...", "…") or text[m.end(2):m.end(2) + 2] == " .":
                continue  # an ellipsis, spaced or not ("where . . . he")
            yield Hit(m.start(1), m.end(2), f"space before \"{m.group(2)}\"",
                      suggestion=m.group(2), confidence=0.85, fix=Fix.delete(m.start(1), m.end(1)))

