"""NL302: a sentence or paragraph that starts with a lowercase letter."""

from __future__ import annotations

from collections.abc import Iterator

from ...article import Article
from ...declaration import CheckContext, bad, check, good
from ...findings import Fix, Hit
from ...text.tokens import looks_like_address, token_around
from ._names import in_listing_block

#: Name particles that start names in lowercase ("de Blasio", "van Gogh", "al-Assad").
PARTICLES = frozenset("de van von al da di du del der den le la bin ibn ter".split())


@check(
    code="NL302",
    name="lowercase-sentence-start",
    category="capitalization",
    severity="warning",
    fixable=True,
    examples=[
        bad("Protecting sources matters. the principle is essential to law enforcement.",
            "the principle", fixed="Protecting sources matters. The principle is essential to law "
            "enforcement."),
        bad("Some background first.\n\nthe informants in question were providing intelligence.",
            "the informants"),
        good("He bought an iPhone. eBay sold it. iOS updated it."),
        good("The mayor, de Blasio, spoke. de Blasio later left."),
        good("Three findings: lower costs, fewer delays and more staff."),
        good("“We waited ... and waited,” she said. “... and then nothing.”"),
        good("See example.com for details. www.example.com has more."),
        good("“Are you OK?” the voice asked. Sen. Ted Cruz (R-Tex.) experienced it."),
    ],
)
def lowercase_sentence_start(article: Article, ctx: CheckContext) -> Iterator[Hit]:
    """A sentence or paragraph starts with a lowercase letter.

    What it does:
        Flags sentences and paragraphs whose first word is lowercase ("the principle of
        protecting ..."). Brand names that start lowercase (iPhone, eBay), name particles
        (de Blasio), continuations after a colon, ellipsis continuations inside quotations,
        addresses, lines of a listing block (a venue, an address and opening hours on lines of
        their own) and page chrome are left alone.

    Why it matters:
        A lowercase start is a sign that text was cut, merged or rewritten by a machine (the
        sentence before it often lost its ending), and it reads as a typo.
    """
    if not any(s.text[:1].islower() for s in article.sentences):
        return  # no sentence opens with a lowercase letter (most articles): no loop per paragraph
    text = article.text
    skip = article.layout.furniture_indices
    for para in article.paragraphs:
        if para.index in skip:
            continue
        # Only sentences opening with a lowercase letter are judged: the listing-block test of
        # the paragraph runs only when it has one.
        lowercase = [s for s in article.sentences_of(para) if s.text[:1].isalpha() and s.text[:1].islower()]
        if not lowercase or in_listing_block(article, para.index):
            continue
        for sentence in lowercase:
            first = sentence.text[:1]
            word_end = sentence.start
            while word_end < sentence.end and (text[word_end].isalnum() or text[word_end] in "'’-"):
                word_end += 1
            word = text[sentence.start:word_end]
            if any(ch.isupper() for ch in word[1:]) or word.lower() in PARTICLES:
                continue  # iPhone, eBay, de Blasio
            if _after_colon(text, sentence.start) or _continues(text, sentence.start):
                continue
            if article.in_quote(sentence.start) and _mark_before(text, sentence.start) in "?!":
                continue  # speech quoted as spoken: "what are they looking for? and ..."
            if sentence.index > 0 and _after_closing_mark(text, sentence.start):
                continue  # “Are you OK?” the voice asked. / (R-Tex.) experienced
            tok_start, tok_end = token_around(text, sentence.start)
            if looks_like_address(text[tok_start:tok_end]):
                continue
            where = "paragraph" if sentence.index == 0 else "sentence"
            yield Hit(sentence.start, word_end,
                      f"{where} starts with a lowercase \"{word}\"; the text before it may have "
                      "been cut or merged", suggestion=word[:1].upper() + word[1:], confidence=0.85,
                      fix=Fix.replace(sentence.start, sentence.start + 1, first.upper()))


def _after_colon(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    return i >= 0 and text[i] in ":;,"


def _mark_before(text: str, start: int) -> str:
    """The last character before ``start`` that is not white space ("" at the start). Walks back
    from ``start``: slicing and stripping everything before it, per sentence, was quadratic on a
    one-paragraph article of several megabytes."""
    i = start - 1
    while i >= 0 and text[i].isspace():
        i -= 1
    return text[i] if i >= 0 else ""


def _after_closing_mark(text: str, start: int) -> bool:
    """The sentence follows a closing quotation mark or bracket: the splitter cut after a quoted
    question or an abbreviation in brackets, not at a real sentence end."""
    mark = _mark_before(text, start)
    return mark != "" and mark in "”\"’')]"


def _continues(text: str, start: int) -> bool:
    """The sentence continues a quotation or an ellipsis: "... and then", “and then”."""
    before = text[max(0, start - 8):start].rstrip()
    return before.endswith(("...", ". . .", "…", "“", '"', "‘"))  # ". . ." is AP's spaced ellipsis
