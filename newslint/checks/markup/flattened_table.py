"""A table flattened into lines of run-together cells."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...article import Article
from ...declaration import CheckContext, bad, check, good
from ...findings import Hit

_TERMINAL = re.compile(r"[.!?…:;,\"”’)]$")


def _header_like(text: str) -> bool:
    """A table's header row: a few capitalised cells ("Party Objective Concession", "Ticker
    Security Last Change Change %"), no colon or full stop of a sentence or a video title."""
    words = text.split()
    if len(words) > 8 or ":" in text or ". " in text:
        return False
    alpha = [w for w in words if w[:1].isalpha()]
    return bool(alpha) and sum(w[:1].isupper() for w in alpha) >= 0.75 * len(alpha)


def _row_like(text: str) -> bool:
    """A short capitalised line without final punctuation. The ending is read first, from the
    end only (``_TERMINAL`` is one character before the end or a final newline): prose ends
    with a stop, and splitting it into words was most of this check's time."""
    if not text[:1].isupper() or _TERMINAL.search(text, max(0, len(text) - 2)):
        return False
    return 2 <= len(text.split()) <= 14


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
    chrome = article.layout.furniture
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

