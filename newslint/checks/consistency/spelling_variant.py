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


@lru_cache(maxsize=1)
def _listed() -> re.Pattern[str]:
    """The runs of ``_WORD`` that are listed spellings, found directly: the listed words grouped
    by first letter, each letter consumed before the check that no letter precedes it, so re
    skips to candidates in C. (Matching every lowercase run and looking it up was a Python step
    per word, ~100k per 142 articles.) A run ``_WORD`` finds is maximal, so it is a listed word
    exactly when this pattern matches it whole."""
    words = sorted(w for w in _pairs() if _WORD.fullmatch(w))
    groups = {w[0]: [x[1:] for x in words if x[0] == w[0]] for w in words}
    body = "|".join(f"{first}(?<![a-z]{first})(?:{'|'.join(rests)})" for first, rests in groups.items())
    return re.compile(f"(?:{body})(?![a-z])" if body else r"(?!)")


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
    for m in _listed().finditer(article.text):
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

