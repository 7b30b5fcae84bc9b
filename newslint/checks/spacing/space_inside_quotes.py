"""A space just inside a quotation mark ("“ I love", "city. ”")."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...article import Article
from ...declaration import CheckContext, bad, check, good
from ...findings import Fix, Hit
from ...prefilter import may_match

# Written to start with the character it consumes first (the look-behind moved after it), so
# that re skips to candidates in C instead of trying the pattern at every position (~5x less).
_INSIDE_OPEN = re.compile(r"(“)(?<!\S“)( +)(?=[^\W_])")  # was (?:^|(?<=\s))(“)( +)...


_INSIDE_CLOSE = re.compile(r"[.,!?](?<=[^\W_][.,!?])( +)(”)")  # groups as (?<=[^\W_][.,!?])( +)(”)


@check(
    code="NL203",
    name="space-inside-quotes",
    category="spacing",
    severity="info",
    fixable=True,
    examples=[
        bad("She said “ I love this city,” and left.", "“ I", fixed="She said “I love this city,” and left."),
        bad("She said “I love this city. ” Then she left.", ". ”"),
        good("She said “I love this city,” and left."),
    ],
)
def space_inside_quotes(article: Article, ctx: CheckContext) -> Iterator[Hit]:
    """A space just inside a quotation mark ("“ I love", "city. ”").

    What it does:
        Flags a space after an opening curly quotation mark and before a closing one (straight
        marks are left alone: they cannot tell opening from closing). Info level: edited copy has
        these slips too, and they are cosmetic.

    Why it matters:
        Detached quotation marks are a typical machine-translation and OCR artifact; a line break
        can leave the mark alone on a line.
    """
    text = article.text
    # Gated on "“ " and " ”", read off the patterns: most articles have neither.
    opening, closing = may_match(_INSIDE_OPEN, article), may_match(_INSIDE_CLOSE, article)
    for para in article.paragraphs if opening or closing else ():
        for m in _INSIDE_OPEN.finditer(text, para.start, para.end) if opening else ():
            yield Hit(m.start(1), m.end(2) + 1, "space after the opening quotation mark",
                      confidence=0.8, fix=Fix.delete(m.start(2), m.end(2)))
        for m in _INSIDE_CLOSE.finditer(text, para.start, para.end) if closing else ():
            yield Hit(m.start(1) - 1, m.end(2), "space before the closing quotation mark",
                      confidence=0.85, fix=Fix.delete(m.start(1), m.end(1)))

