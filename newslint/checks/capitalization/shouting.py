"""NL304: an ordinary word in capitals in body text."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...analysis.prose import prose_paragraphs
from ...article import Article
from ...declaration import CheckContext, bad, check, good
from ...findings import Hit
from ...lexicon import zipf

_CAPS = re.compile(r"(?<![\w’'-])[A-Z]{4,}(?:\s+[A-Z]{2,})*(?![\w’'-])")
#: Capitalised words that are acronyms even though they spell ordinary words.
ACRONYMS = frozenset("""NATO NASA COVID AIDS SWAT NAFTA OPEC UNICEF UNESCO FEMA DACA ICE
    SCOTUS POTUS FLOTUS NIMBY LOL OMG WHO CARES HOPE ASAP RADAR LASER SONAR NEWS ISIS ISIL
    GOP NCAA NASCAR""".split())


@check(
    code="NL304",
    name="shouting",
    category="capitalization",
    severity="warning",
    examples=[
        bad("The council said the plan was a GREAT success for everyone.", "GREAT"),
        good("NATO and NASA officials met the FBI, the CEO of IBM and COVID experts."),
        good("Trump wrote: “GET OUT and VOTE!” on Monday."),
    ],
)
def shouting(article: Article, ctx: CheckContext) -> Iterator[Hit]:
    """An ordinary word written in capitals in body text ("a GREAT success").

    What it does:
        Flags runs of capital letters in body paragraphs whose words are ordinary English words
        (by word frequency), not acronyms. Quotations (a tweet quoted verbatim), headings and page
        chrome are left alone.

    Why it matters:
        Capitals for emphasis are not news style; in scraped text they are often a leftover label
        ("BREAKING", "WATCH") or a machine-rewritten heading.
    """
    for para in prose_paragraphs(article):
        for m in _CAPS.finditer(article.text, para.start, para.end):
            words = m.group(0).split()
            if any(w in ACRONYMS for w in words) or article.in_quote(m.start()):
                continue
            if not all(zipf(w.lower()) >= 3.5 for w in words):
                continue
            if para.text.isupper() or m.start() == para.start:
                continue  # an all-caps line, or a dateline ("WASHINGTON — ...")
            before = article.text[max(para.start, m.start() - 6):m.start()].split()
            if before and before[-1].isupper() and before[-1].isalpha():
                continue  # part of a name in capitals ("USA TODAY", "SAN FRANCISCO")
            if sum(1 for w in article.words if w.text == words[0]) > 1:
                continue  # a brand the article writes in capitals throughout ("WIRED")
            yield Hit(m.start(), m.end(), f"\"{m.group(0)}\" is in capitals; news style uses "
                      "capitals for acronyms only", suggestion=m.group(0).lower(), confidence=0.7)
