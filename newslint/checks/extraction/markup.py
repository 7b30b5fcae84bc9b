"""NL140-NL143: markup left in plain text, flattened tables and embeds, machine timestamps."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...analysis.chrome import chrome_map
from ...article import Article
from ...check import CheckContext, bad, check, good
from ...findings import Fix, Hit

_TAG = re.compile(r"</?(?:p|div|span|br|a|strong|em|b|i|u|img|iframe|script|style|h[1-6]|ul|ol|li|table|"
                  r"tr|td|th|blockquote|figure|figcaption|section|article|header|footer|nav)\b[^<>\n]{0,200}>",
                  re.IGNORECASE)
_ENTITY = re.compile(r"&(?:nbsp|amp|quot|apos|lt|gt|rsquo|lsquo|rdquo|ldquo|mdash|ndash|hellip|"
                     r"#\d{2,5}|#x[0-9a-fA-F]{2,4});")
_MD_LINK = re.compile(r"\[[^\[\]\n]{1,200}\]\((?:https?://|/)[^()\s]{1,500}\)")
_MD_HEADING = re.compile(r"^#{1,6} ")
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_EMBED = re.compile(r"[—–-]\s*[^\n()]{1,60}\(@\w{1,15}\)\s+" + _MONTH + r"\s+\d{1,2},\s+\d{4}"
                    r"|pic\.twitter\.com/\w+|\b\d[\d,.]*K?\s+(?:Retweets|Likes|Quote Tweets)\b")
_TIMESTAMP = re.compile(r"\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?\b")
_TERMINAL = re.compile(r"[.!?…:;,\"”’)]$")
_DIRECTIVE = re.compile(r"<!--\s*newslint\s*:")


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
    chrome = chrome_map(article)
    for para in article.paragraphs:
        if para.index in chrome:
            continue
        for marker in ("**", "__"):
            if _open_emphasis(para.text, marker):
                at = para.start + para.text.rfind(marker)
                end = at + 2
                while end < para.end and not text[end].isspace():
                    end += 1
                yield Hit(at, end, f"the emphasis marker \"{marker}\" is never closed",
                          confidence=0.9, fix=Fix.delete(at, at + 2, safe=False))
        if markdown:
            continue
        if _DIRECTIVE.search(para.text):
            continue
        for pattern, what in ((_TAG, "an HTML tag"), (_ENTITY, "an HTML entity"),
                              (_MD_LINK, "a Markdown link")):
            for m in pattern.finditer(text, para.start, para.end):
                yield Hit(m.start(), m.end(), f"\"{m.group(0)[:40]}\" is {what} left in plain text",
                          confidence=0.9)
        if _MD_HEADING.match(para.text) and article.media_type == "text/plain":
            yield Hit(para.start, para.start + para.text.index(" "), "a Markdown heading marker in "
                      "plain text", confidence=0.7)


@check(
    code="NL141",
    name="flattened-table",
    category="markup",
    severity="warning",
    examples=[
        bad("The deal is described below.\n\nParty Objective Concession\nUnited States Deport "
            "Venezuelan Immigrants Access to CECOT Prison\nEl Salvador Extradition of MS-13 Leaders "
            "Prison Access & Financial Aid\n\nDid the deal hold?", "Party Objective Concession"),
        good("The deal is described below.\n\nThe council voted on Monday.\n\nIt passed."),
    ],
)
def flattened_table(article: Article, ctx: CheckContext) -> Iterator[Hit]:
    """A table flattened into lines of run-together cells.

    What it does:
        Flags a run of three or more consecutive short lines with no sentence punctuation,
        in an article whose paragraphs are otherwise separated by blank lines: a header row of
        a few capitalised words ("Party Objective Concession") and rows of cells that lost
        their separators.

    Why it matters:
        A flattened table reads as nonsense ("United States Deport Venezuelan Immigrants Access
        to CECOT Prison"); the information needs its table back or a sentence.
    """
    paras = article.paragraphs
    if len(paras) < 5 or sum(p.blank_before for p in paras) < len(paras) * 0.6:
        return
    chrome = chrome_map(article)
    i = 0
    while i < len(paras):
        j = i
        while j < len(paras) and (j == i or not paras[j].blank_before) and _row_like(paras[j].text) \
                and paras[j].index not in chrome and not paras[j].is_list_item:
            j += 1
        if j - i >= 3 and paras[i].blank_before:
            head = paras[i]
            yield Hit(head.start, paras[j - 1].end,
                      f"{j - i} lines of run-together cells: a table flattened into text",
                      confidence=0.8)
            i = j
        else:
            i += 1


def _open_emphasis(text: str, marker: str) -> bool:
    """An odd number of emphasis markers, not counting ones inside a word ("s**thole")."""
    count = 0
    start = text.find(marker)
    while start >= 0:
        before = text[start - 1] if start else " "
        after = text[start + 2] if start + 2 < len(text) else " "
        if not (before.isalnum() and after.isalnum()):
            count += 1
        start = text.find(marker, start + 2)
    return count % 2 == 1


def _row_like(text: str) -> bool:
    words = text.split()
    return 2 <= len(words) <= 14 and not _TERMINAL.search(text) and text[:1].isupper()


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
    for m in _EMBED.finditer(article.text):
        yield Hit(m.start(), m.end(), "a flattened social-media embed (signature, link or counter)",
                  confidence=0.85)


@check(
    code="NL143",
    name="machine-timestamp",
    category="markup",
    severity="warning",
    examples=[
        bad("Updated 2019-11-18T14:32:00Z. The council met.", "2019-11-18T14:32:00Z"),
        good("The council met on Nov. 18, 2019, at 2:32 p.m."),
    ],
)
def machine_timestamp(article: Article, ctx: CheckContext) -> Iterator[Hit]:
    """A machine timestamp (ISO 8601) left in the text.

    What it does:
        Flags timestamps like ``2019-11-18T14:32:00Z`` from a page's metadata.

    Why it matters:
        They are page furniture from the CMS, not a date written for readers.
    """
    for m in _TIMESTAMP.finditer(article.text):
        yield Hit(m.start(), m.end(), "a machine timestamp left in the text", confidence=0.9)
