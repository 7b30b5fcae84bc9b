"""NL202-NL204: doubled spaces, a space before punctuation, a space inside quotation marks."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...analysis.prose import chrome
from ...article import Article
from ...check import CheckContext, bad, check, good
from ...findings import Fix, Hit

# A word, one or more spaces, then , ; : ! ? or . followed by a space or the end: "word ,".
_BEFORE = re.compile(r"(?<=[^\W_])( +)([,;:!?.])(?=\s|$)")
_INSIDE_OPEN = re.compile(r"(?:^|(?<=\s))(“)( +)(?=[^\W_])")
_INSIDE_CLOSE = re.compile(r"(?<=[^\W_][.,!?])( +)(”)")
_DOUBLE = re.compile(r"(?<=[^\W_,;]) {2,}(?=[^\W_])")


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
    skip = chrome(article)
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
    for para in article.paragraphs:
        for m in _INSIDE_OPEN.finditer(text, para.start, para.end):
            yield Hit(m.start(1), m.end(2) + 1, "space after the opening quotation mark",
                      confidence=0.8, fix=Fix.delete(m.start(2), m.end(2)))
        for m in _INSIDE_CLOSE.finditer(text, para.start, para.end):
            yield Hit(m.start(1) - 1, m.end(2), "space before the closing quotation mark",
                      confidence=0.85, fix=Fix.delete(m.start(1), m.end(1)))


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
    text = article.text
    for para in article.paragraphs:
        for m in _DOUBLE.finditer(text, para.start, para.end):
            yield Hit(m.start() - 1, m.end() + 1, "more than one space between words",
                      confidence=0.9, fix=Fix.replace(m.start(), m.end(), " "))
