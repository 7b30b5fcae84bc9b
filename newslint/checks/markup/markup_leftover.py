"""HTML tags, entities or Markdown syntax left in plain text."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...article import Article
from ...declaration import CheckContext, bad, check, good
from ...findings import Fix, Hit
from ...prefilter import may_match

#: An HTML tag: a known tag name, then nothing or attributes in HTML's shape (lowercase names,
#: optional values), so that wire copy's "<Li Ka-shing Foundations Ltd>" (an unlisted company) and
#: "<A/S Norske Shell>" are not read as tags. A bare inline tag right after a company name
#: ("Entertainment Marketing Inc <EM>") is a ticker: see ``_ticker``.
_TAG = re.compile(r"</?(?:p|div|span|br|a|strong|em|b|i|u|img|iframe|script|style|h[1-6]|ul|ol|li|table|"
                  r"tr|td|th|blockquote|figure|figcaption|section|article|header|footer|nav)"
                  r"(?-i:(?:\s+[a-z][\w:-]*(?:\s*=\s*(?:\"[^\"<>\n]{0,200}\"|'[^'<>\n]{0,200}'|[^\s<>]{1,200}))?){0,20})"
                  r"\s*/?>",
                  re.IGNORECASE)
_COMPANY_BEFORE = re.compile(r"(?:\b(?:Inc|Corp|Co|Ltd|Plc|LLC|SA|AG|NV|Spa|SpA|Group|Bank)\.?|[A-Z][\w&'’-]+)\s*$")


def _ticker(text: str, start: int, end: int) -> bool:
    """A bare "<XX>" right after a company name: a Reuters-style ticker, not a tag."""
    tag = text[start:end]
    return re.fullmatch(r"<[A-Za-z]{1,5}>", tag) is not None and bool(
        _COMPANY_BEFORE.search(text[max(0, start - 40):start]))


_ENTITY = re.compile(r"&(?:nbsp|amp|quot|apos|lt|gt|rsquo|lsquo|rdquo|ldquo|mdash|ndash|hellip|"
                     r"#\d{2,5}|#x[0-9a-fA-F]{2,4});")


_MD_LINK = re.compile(r"\[[^\[\]\n]{1,200}\]\((?:https?://|/)[^()\s]{1,500}\)")


_MD_HEADING = re.compile(r"^#{1,6} ")


_DIRECTIVE = re.compile(r"<!--\s*newslint\s*:")


def _open_emphasis(text: str, marker: str) -> bool:
    """An odd number of emphasis markers, not counting ones inside a word ("s**thole"), runs of
    three or more (``___`` and ``***`` are rules or dinkuses, not emphasis), or markers inside a
    URL or identifier token (``?__mref=``)."""
    count = 0
    char = marker[0]
    start = text.find(marker)
    while start >= 0:
        stop = start
        while stop < len(text) and text[stop] == char:
            stop += 1
        before = text[start - 1] if start else " "
        after = text[stop] if stop < len(text) else " "
        if stop - start == 2 and not (before.isalnum() and after.isalnum()) \
                and not _in_url(text, start):
            count += 1
        start = text.find(marker, stop)
    return count % 2 == 1


def _last_marker(text: str, marker: str) -> int:
    """Offset of the last lone (exactly doubled) marker in ``text``."""
    at = text.rfind(marker)
    while at > 0 and (text[at - 1] == marker[0] or text[at + 2:at + 3] == marker[0]):
        at = text.rfind(marker, 0, at)
    return max(at, 0)


def _in_url(text: str, at: int) -> bool:
    """Whether the token around ``at`` looks like a URL or a query string."""
    left = text.rfind(" ", 0, at) + 1
    right = text.find(" ", at)
    token = text[left:right if right >= 0 else len(text)]
    return "://" in token or "=" in token or token.startswith("www.")


@check(
    code="NL140",
    name="markup-leftover",
    category="markup",
    severity="warning",
    fixable=True,
    examples=[
        bad("* Enhanced vetting.\n\n* **Autonomous", "**Autonomous"),
        bad("The mayor said<br> the plan&nbsp;works.", "<br>", "&nbsp;"),
        bad("Read the [full report](https://example.com/report) today.", "[full report]"),
        good("The **plan** was approved by the *council*."),
        good("Profits rose 5% at AT&T and P&G; 3 < 4 > 2."),
        good("The first item.\n\n___\n\nAssociated Press writers contributed."),
        good("See https://example.com/x?__mref=message for details."),
    ],
)
def markup_leftover(article: Article, ctx: CheckContext) -> Iterator[Hit]:
    """HTML tags, entities or Markdown syntax left in plain text.

    What it does:
        Flags unclosed bold or italic markers (``**Autonomous``), HTML tags (``<br>``,
        ``</div>``), HTML entities (``&nbsp;``, ``&amp;``) and Markdown links or headings in
        plain-text articles. Markdown files may use Markdown (only unclosed emphasis counts
        there); newslint's own suppression comments are not markup.

    Why it matters:
        Markup leftovers show that conversion to text failed; readers see the code, and
        downstream systems may render or escape it twice.
    """
    text = article.text
    markdown = article.media_type == "text/markdown"
    chrome = article.layout.furniture
    # Asked once per article, not per paragraph: most articles hold no "**", "<", "&" or "[".
    markers = [marker for marker in ("**", "__") if marker in text]
    patterns = [(pattern, what) for pattern, what in ((_TAG, "an HTML tag"), (_ENTITY, "an HTML entity"),
                                                      (_MD_LINK, "a Markdown link")) if may_match(pattern, article)]
    directives = may_match(_DIRECTIVE, article)
    if not markers and (markdown or (not patterns and "#" not in text)):
        return  # nothing left to find: no marker, tag, entity or link, and no "#" for a heading
    for para in article.paragraphs:
        if para.index in chrome:
            continue
        for marker in markers:
            if _open_emphasis(para.text, marker):
                at = para.start + _last_marker(para.text, marker)
                end = at + 2
                while end < para.end and not text[end].isspace():
                    end += 1
                yield Hit(at, end, f"the emphasis marker \"{marker}\" is never closed",
                          confidence=0.9, fix=Fix.delete(at, at + 2, safe=False))
        if markdown:
            continue
        if directives and _DIRECTIVE.search(para.text):
            continue
        for pattern, what in patterns:
            for m in pattern.finditer(text, para.start, para.end):
                if pattern is _TAG and _ticker(text, m.start(), m.end()):
                    continue
                yield Hit(m.start(), m.end(), f"\"{m.group(0)[:40]}\" is {what} left in plain text",
                          confidence=0.9)
        if para.text.startswith("#") and _MD_HEADING.match(para.text) and article.media_type == "text/plain":
            yield Hit(para.start, para.start + para.text.index(" "), "a Markdown heading marker in "
                      "plain text", confidence=0.7)

