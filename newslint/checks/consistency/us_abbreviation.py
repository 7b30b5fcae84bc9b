""""U.S." and "US" both used in one article."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator

from ...article import Article
from ...declaration import CheckContext, bad, check, good
from ...findings import Hit
from ._variants import _minority, _usable

# Written to start with the character it consumes first (the look-behind moved after it), so
# that re skips to candidates in C instead of trying the pattern at every position (~5x less).
_US = re.compile(r"U(?<![\w.]U)(?:\.S\.(?!\w)|S(?![\w.]))")  # was (?<![\w.])(?:U\.S\.(?!\w)|US(?![\w.]))


@check(
    code="NL352",
    name="us-abbreviation",
    category="consistency",
    severity="warning",
    examples=[
        bad("The U.S. said no. Later the US agreed, and U.S. officials left.", "US"),
        good("The U.S. said no. Later U.S. officials agreed."),
        good("US and China agree on trade truce\n\nThe U.S. and China agreed on Monday to pause "
             "new tariffs.", title="headline style"),
        good("US Telco lost money. The U.S. market is hard, a US Telco executive said.",
             title="US inside a company name"),
    ],
)
def us_abbreviation(article: Article, ctx: CheckContext) -> Iterator[Hit]:
    """"U.S." and "US" both used in one article.

    What it does:
        When the article's body writes both "U.S." and "US", flags the less common form.
        Headlines and headings are left out: many house styles write "US" in headlines and
        "U.S." in body copy. A form always followed by the same capitalised word is part of a
        name ("US Sprint") and is not counted.

    Why it matters:
        House styles pick one; mixing them shows copy stitched from several sources.
    """
    if "U.S." not in article.text or "US" not in article.text:
        return  # both forms are needed for a finding (most articles write one or neither)
    groups: dict[str, list[re.Match[str]]] = defaultdict(list)
    for m in _US.finditer(article.text):
        para = article.paragraph_at(m.start())
        if para is not None and (para.text.isupper() or para.is_heading or (para.index == 0 and
                                 len(article.paragraphs) > 1 and para.text[-1:] not in ".!?")):
            continue  # headline style: "US" in headlines, "U.S." in body copy (AP, Reuters)
        if _usable(article, m.start()):
            groups[m.group(0)].append(m)
    for form, found in list(groups.items()):
        if len(found) >= 2 and len({_next_word(article.text, m.end()) for m in found}) == 1 \
                and _next_word(article.text, found[0].end())[:1].isupper():
            del groups[form]  # "US Sprint" every time: part of a company's name, not the style
    pick = _minority(groups, "U.S.")
    if pick:
        minority, majority = pick
        for m in groups[minority]:
            yield Hit(m.start(), m.end(), f"\"{minority}\" here, \"{majority}\" elsewhere in the article",
                      suggestion=majority, confidence=0.9)


def _next_word(text: str, end: int) -> str:
    words = text[end:end + 40].split()
    word = words[0].strip(",.;:’'\"") if words else ""
    return word.removesuffix("'s").removesuffix("’s")  # "US Sprint's" is the same name
