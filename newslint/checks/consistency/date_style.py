"""Dates written both "March 13" and "18th July" in one article."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...article import Article
from ...declaration import CheckContext, bad, check, good
from ...findings import Hit
from ...prefilter import haystack, matches_from, word_places
from ...text.calendar import MONTHS
from ._variants import _minority, _usable

_MONTHS = "|".join(MONTHS)


# Written to start with the character it consumes first (the look-behind moved after it), so
# that re skips to candidates in C instead of trying the pattern at every position (~5x less).
#: Each month name checks the word boundary after its first letter ("J(?<!\wJ)anuary").
_MONTHS_BOUNDED = "|".join(f"{m[0]}(?<!\\w{m[0]}){m[1:]}" for m in _MONTHS.split("|"))
_MONTH_DAY = re.compile(rf"(?:{_MONTHS_BOUNDED})\.? \d{{1,2}}(?:st|nd|rd|th)?\b")


_DAY_MONTH = re.compile(rf"\d(?<!\w\d)\d?(?:st|nd|rd|th)? (?:of )?(?:{_MONTHS})\b")
#: The months as the article's folded ASCII words hold them (``prefilter.word_places``).
_MONTH_WORDS = frozenset(m.lower().encode() for m in MONTHS)
#: The farthest a day-month date starts before its month: two digits, a suffix, a space, "of ".
_DAY_REACH = 8


def day_month_dates(article: Article) -> list[re.Match[str]]:
    """``list(_DAY_MONTH.finditer(article.text))``, tried only at the digits just before a
    month's name.

    Why: the pattern starts with a digit, and news is full of digits; ``re`` tried it at every
    one (~1 ms an article). Every match ends in a month's name that starts 2 to 8 characters
    after it, so the digits up to 8 characters before each month name are the only places a
    match can start; ``finditer`` is replayed over them (the leftmost place not inside the last
    match, matched there), which is its definition, so the matches are the same. The month in
    a match is a whole word (a space before it, ``\b`` after it), so its places are among the
    month's word places (``bytes.find`` over the folded text, shared with other checks; the
    article's words say which months to look for): a search for the months' names through the
    whole text tried a character class at every character."""
    text = article.text
    places: set[int] = set()
    for word in _MONTH_WORDS.intersection(haystack(article).words):
        for at in word_places(article, word):
            places.update(p for p in range(max(0, at - _DAY_REACH), at) if text[p].isdigit())
    return matches_from(_DAY_MONTH, text, sorted(places))


@check(
    code="NL351",
    name="date-style",
    category="consistency",
    severity="warning",
    options={"prefer": "month-day"},
    examples=[
        bad("In a call on March 13, he agreed. On 18th July, the men were freed.", "18th July"),
        good("In a call on March 13, he agreed. On July 18, the men were freed."),
    ],
)
def date_style(article: Article, ctx: CheckContext) -> Iterator[Hit]:
    """Dates written both "March 13" and "18th July" in one article.

    What it does:
        Counts month-day and day-month dates outside quotations; when both occur, flags the less
        common style (ties go against the ``prefer`` option, month-day by default).

    Why it matters:
        Two date styles in one article show copy from different sources or a machine rewrite;
        "4 May" and "May 4" side by side also confuse readers about which is meant.

    Options:
        prefer: month-day or day-month, the style kept on a tie.
    """
    text = article.text
    day_month = [m for m in day_month_dates(article) if _usable(article, m.start())]
    if not day_month:
        return  # one style at most (most articles): the month-day dates need not be listed
    groups = {"month-day": [m for m in _MONTH_DAY.finditer(text) if _usable(article, m.start())],
              "day-month": day_month}
    pick = _minority(groups, str(ctx.options.get("prefer", "month-day")))
    if pick:
        minority, majority = pick
        for m in groups[minority]:
            yield Hit(m.start(), m.end(), f"date written {minority} (\"{m.group(0)}\") while the article "
                      f"also writes {majority} (\"{groups[majority][0].group(0)}\")", confidence=0.85)

