"""A machine timestamp (ISO 8601 or Unix seconds) left in the text."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...article import Article
from ...declaration import CheckContext, bad, check, good
from ...findings import Hit
from ...prefilter import matches_from

# Written to start with the character it consumes first (the look-behind moved after it), so
# that re skips to candidates in C instead of trying the pattern at every position (~5x less).
_TIMESTAMP = re.compile(r"\d(?<!\w\d)\d{3}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?\b")
#: A "T" after a digit: where the time of an ISO timestamp starts, ten characters into it.
_DATE_TIME_T = re.compile(r"T(?<=\dT)")


def timestamps(text: str) -> list[re.Match[str]]:
    """``list(_TIMESTAMP.finditer(text))``, tried only ten characters before each "T" that
    follows a digit (``2019-11-18T``): the pattern starts with a digit and ``re`` tried it at
    every digit of the text; the "T" is found by a search that skips to capitals in C, and
    ``finditer`` is replayed over those places (the leftmost not inside the last match)."""
    return matches_from(_TIMESTAMP, text, (t.start() - 10 for t in _DATE_TIME_T.finditer(text)))


_EPOCH = re.compile(r"1(?<![\w.,$]1)[3-7]\d{8}(?:\d{3})?(?![\w.,%])")


def _epoch_context(text: str, at: int) -> bool:
    """A ten-digit number is a timestamp only where a date would be: after a date word or a
    label, or alone on its line; otherwise it may be a phone or account number."""
    before = text[max(0, at - 25):at].lower()
    i = at  # walk back over blanks only: slicing from the line start was quadratic on one long line
    while i > 0 and text[i - 1] != "\n" and text[i - 1].isspace():
        i -= 1
    alone = i == 0 or text[i - 1] == "\n"
    return alone or any(w in before for w in ("updated", "posted", "published", "timestamp",
                                                "modified", "date", "time"))


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
    for m in timestamps(article.text):
        yield Hit(m.start(), m.end(), "a machine timestamp left in the text", confidence=0.9)
    for m in _EPOCH.finditer(article.text):
        if _epoch_context(article.text, m.start()):
            yield Hit(m.start(), m.end(), "a Unix timestamp (seconds since 1970) left in the text",
                      confidence=0.7)

