"""American and British spellings of the same word in one article (organization/organisation)."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from functools import lru_cache

from ... import wordlists
from ...article import Article
from ...declaration import CheckContext, bad, check, good
from ...findings import Hit
from ._variants import _minority, _usable


@lru_cache(maxsize=1)
def _pairs() -> dict[str, tuple[str, str]]:
    """Spelling to (American, British) for both forms and their plurals."""
    out: dict[str, tuple[str, str]] = {}
    for us, uk in wordlists.load("consistency/spelling_pairs").pairs().items():
        for a, b in ((us, uk), (us + "s", uk + "s")):
            out[a] = out[b] = (a, b)
    return out


_WORD = re.compile(r"[a-z]+")


@check(
    code="NL353",
    name="spelling-variant",
    category="consistency",
    severity="warning",
    examples=[
        bad("The organization grew. Another organisation objected.", "organisation"),
        good("The organization grew. Another organization objected. The Labour Party agreed."),
    ],
)
def spelling_variant(article: Article, ctx: CheckContext) -> Iterator[Hit]:
    """American and British spellings of the same word in one article (organization/organisation).

    What it does:
        Looks up lowercase words in a data list of American/British pairs; when both spellings of
        a pair occur outside quotations, flags the less common one. Names ("Labour Party",
        "Department of Defense") are capitalised and left alone.

    Why it matters:
        Mixed spelling shows copy from different sources; house style picks one.
    """
    pairs = _pairs()
    seen: dict[tuple[str, str], dict[str, list[re.Match[str]]]] = defaultdict(lambda: defaultdict(list))
    for m in _WORD.finditer(article.text):
        pair = pairs.get(m.group(0))
        if pair and _usable(article, m.start()):
            seen[pair][m.group(0)].append(m)
    for (us, _uk), groups in seen.items():
        pick = _minority(groups, us)
        if pick:
            minority, majority = pick
            for m in groups[minority]:
                yield Hit(m.start(), m.end(), f"\"{minority}\" here, \"{majority}\" elsewhere: "
                          "pick one spelling", suggestion=majority, confidence=0.85)

