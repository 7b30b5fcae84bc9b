"""Dates written both "March 13" and "18th July" in one article."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...article import Article
from ...declaration import CheckContext, bad, check, good
from ...findings import Hit
from ...text.calendar import MONTHS
from ._variants import _minority, _usable

_MONTHS = "|".join(MONTHS)


# Written to start with the character it consumes first (the look-behind moved after it), so
# that re skips to candidates in C instead of trying the pattern at every position (~5x less).
#: Each month name checks the word boundary after its first letter ("J(?<!\wJ)anuary").
_MONTHS_BOUNDED = "|".join(f"{m[0]}(?<!\\w{m[0]}){m[1:]}" for m in _MONTHS.split("|"))
_MONTH_DAY = re.compile(rf"(?:{_MONTHS_BOUNDED})\.? \d{{1,2}}(?:st|nd|rd|th)?\b")


_DAY_MONTH = re.compile(rf"\d(?<!\w\d)\d?(?:st|nd|rd|th)? (?:of )?(?:{_MONTHS})\b")


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
    groups = {"month-day": [m for m in _MONTH_DAY.finditer(text) if _usable(article, m.start())],
              "day-month": [m for m in _DAY_MONTH.finditer(text) if _usable(article, m.start())]}
    pick = _minority(groups, str(ctx.options.get("prefer", "month-day")))
    if pick:
        minority, majority = pick
        for m in groups[minority]:
            yield Hit(m.start(), m.end(), f"date written {minority} (\"{m.group(0)}\") while the article "
                      f"also writes {majority} (\"{groups[majority][0].group(0)}\")", confidence=0.85)

