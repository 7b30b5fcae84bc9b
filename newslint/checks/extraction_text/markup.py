"""NL140-NL143: markup left in plain text, flattened tables and embeds, machine timestamps.

Every pattern here is a run of one character class between literals (no nested quantifiers),
bounded by ``{m,n}`` where it could run long, so matching is linear on any line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...article import Article
from ...check import CheckContext, bad, check, good
from ...findings import Fix, Hit
from .duplicate import _chrome as chrome_map

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
_EPOCH = re.compile(r"(?<![\w.,$])1[3-7]\d{8}(?:\d{3})?(?![\w.,%])")
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
    chrome = chrome_map(article)
    for para in article.paragraphs:
        if para.index in chrome:
            continue
        for marker in ("**", "__"):
            if _open_emphasis(para.text, marker):
                at = para.start + _last_marker(para.text, marker)
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
        good("Here is how to sign up.\n\nSign up for a Hulu ad-free account for $11.99 a month\n"
             "If you already have a Hulu account, visit your account page to upgrade\n"
             "Sign up for the Disney+ bundle using the same email\n\nThat is all."),
    ],
)
def flattened_table(article: Article, ctx: CheckContext) -> Iterator[Hit]:
    """A table flattened into lines of run-together cells.

    What it does:
        Flags a run of three or more consecutive short lines with no sentence punctuation,
        in an article whose paragraphs are otherwise separated by blank lines, when the first
        line looks like a header row (at most eight words, nearly all capitalised, no colon:
        "Party Objective Concession") and the rest are rows of cells that lost their
        separators. A run of instructions in sentence case is a list, not a table.

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
        if j - i >= 3 and paras[i].blank_before and _header_like(paras[i].text):
            head = paras[i]
            yield Hit(head.start, paras[j - 1].end,
                      f"{j - i} lines of run-together cells: a table flattened into text",
                      confidence=0.8)
            i = j
        else:
            i += 1


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


def _header_like(text: str) -> bool:
    """A table's header row: a few capitalised cells ("Party Objective Concession", "Ticker
    Security Last Change Change %"), no colon or full stop of a sentence or a video title."""
    words = text.split()
    if len(words) > 8 or ":" in text or ". " in text:
        return False
    alpha = [w for w in words if w[:1].isalpha()]
    return bool(alpha) and sum(w[:1].isupper() for w in alpha) >= 0.75 * len(alpha)


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
        bad("Posted 1574090000\n\nThe council met.", "1574090000"),
        good("The council met on Nov. 18, 2019, at 2:32 p.m."),
        good("The fund holds 1574090000 dollars in reserve."),
    ],
)
def machine_timestamp(article: Article, ctx: CheckContext) -> Iterator[Hit]:
    """A machine timestamp (ISO 8601 or Unix seconds) left in the text.

    What it does:
        Flags timestamps like ``2019-11-18T14:32:00Z`` from a page's metadata, and Unix
        timestamps (``1574090000``) alone on a line or after a date label ("Updated").

    Why it matters:
        They are page furniture from the CMS, not a date written for readers.
    """
    for m in _TIMESTAMP.finditer(article.text):
        yield Hit(m.start(), m.end(), "a machine timestamp left in the text", confidence=0.9)
    for m in _EPOCH.finditer(article.text):
        if _epoch_context(article.text, m.start()):
            yield Hit(m.start(), m.end(), "a Unix timestamp (seconds since 1970) left in the text",
                      confidence=0.7)


def _epoch_context(text: str, at: int) -> bool:
    """A ten-digit number is a timestamp only where a date would be: after a date word or a
    label, or alone on its line; otherwise it may be a phone or account number."""
    before = text[max(0, at - 25):at].lower()
    line_start = text.rfind("\n", 0, at) + 1
    alone = not text[line_start:at].strip()
    return alone or any(w in before for w in ("updated", "posted", "published", "timestamp",
                                                "modified", "date", "time"))
