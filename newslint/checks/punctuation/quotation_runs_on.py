"""The speaker's words go on after the closing quotation mark and the attribution."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...article import Article
from ...declaration import CheckContext, bad, check, good
from ...findings import Hit

# A closing quotation mark, a speaker and a speech verb, the end of that sentence, then a
# sentence with an editorial insertion in brackets: the quotation went on without its marks.
_RUN_ON = re.compile(
    r"[,.!?][”\"]\s+(?:he|she|they|[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+){0,3})\s+"
    r"(?:said|says|added|wrote|told [\w ]{1,30}?)[^.”\"]{0,80}\.\s+([^“\"\n]*?\[[^\]\n]{1,60}\][^.!?\n]*[.!?])")


@check(
    code="NL251",
    name="quotation-runs-on",
    category="punctuation",
    severity="warning",
    examples=[
        bad("“The results speak for themselves,” he said. [Tren de Aragua] Gang members have "
            "returned. American hostages are home.", "[Tren de Aragua] Gang members have returned."),
        good("“The results speak for themselves,” he said. [Applause]"),
        good("“We won,” she said on Monday."),
    ],
)
def quotation_runs_on(article: Article, ctx: CheckContext) -> Iterator[Hit]:
    """The speaker's words go on after the closing quotation mark and the attribution.

    What it does:
        Flags a sentence right after ``,” he said.`` that carries an editorial insertion in
        brackets (``[Tren de Aragua] Gang members have returned ...``): brackets mark a
        reporter's addition inside a quotation, so the quotation continued but lost its marks.

    Why it matters:
        The reader takes the speaker's claims for the reporter's. It is a common loss when
        copy is rewritten or re-paragraphed by a machine.
    """
    if "[" not in article.text:
        return  # every match holds a bracketed insertion (most articles have no "[" at all)
    for para in article.paragraphs:
        for m in _RUN_ON.finditer(article.text, para.start, para.end):
            if article.in_quote(m.start(1)):
                continue
            yield Hit(m.start(1), m.end(1), "these words read like the speaker's (the bracketed "
                      "insertion belongs inside a quotation), but the quotation was closed before "
                      "them", confidence=0.75)

