""""U.S." and "US" both used in one article."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator

from ...article import Article
from ...declaration import CheckContext, bad, check, good
from ...findings import Hit
from ._variants import _minority, _usable

_US = re.compile(r"(?<![\w.])(?:U\.S\.(?!\w)|US(?![\w.]))")


@check(
    code="NL352",
    name="us-abbreviation",
    category="consistency",
    severity="warning",
    examples=[
        bad("The U.S. said no. Later the US agreed, and U.S. officials left.", "US"),
        good("The U.S. said no. Later U.S. officials agreed."),
    ],
)
def us_abbreviation(article: Article, ctx: CheckContext) -> Iterator[Hit]:
    """"U.S." and "US" both used in one article.

    What it does:
        When the article writes both "U.S." and "US", flags the less common form.

    Why it matters:
        House styles pick one; mixing them shows copy stitched from several sources.
    """
    groups: dict[str, list[re.Match[str]]] = defaultdict(list)
    for m in _US.finditer(article.text):
        para = article.paragraph_at(m.start())
        if para is not None and not para.text.isupper() and _usable(article, m.start()):
            groups[m.group(0)].append(m)
    pick = _minority(groups, "U.S.")
    if pick:
        minority, majority = pick
        for m in groups[minority]:
            yield Hit(m.start(), m.end(), f"\"{minority}\" here, \"{majority}\" elsewhere in the article",
                      suggestion=majority, confidence=0.9)

