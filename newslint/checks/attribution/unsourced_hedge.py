"""NL502: "reportedly", "allegedly", "is said to" with no source named nearby."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...article import Article
from ...declaration import CheckContext, bad, check, good
from ...findings import Hit
from ...lexicon import pos
from ...prefilter import prose_spans
from ._sources import SPEECH, grade, named_source_near, vocabulary

#: Legal process around "allegedly": the accusation's source is the charge, the arrest or the suit
#: ("charged with allegedly stealing", "sued the city after allegedly being beaten").
_LEGAL = re.compile(r"\b(?:charg|arrest|accus|indict|sue[ds]?\b|suing|lawsuit|convict|suspect|detain|jail|"
                    r"sentenc|prosecut|plead|pleaded|trial|court|complain|allegation|investigat)\w*",
                    re.IGNORECASE)
_TO_HEDGE = re.compile(r"\bto$", re.IGNORECASE)
_NOT_A_VERB = frozenset("the a an his her their its our my your this that these those police "
                        "authorities officials".split())

@check(
    code="NL502",
    name="unsourced-hedge",
    category="attribution",
    severity="warning",
    options={"extra-phrases": []},
    examples=[
        bad("The arrangement, reportedly brokered during the Trump administration, raises "
            "questions.", "reportedly"),
        bad("Rubio allegedly pledged to intervene with the Attorney General.", "allegedly"),
        good("The deal was reportedly struck in March, according to The Washington Post."),
        good("Police said the man allegedly stole a car. He was charged on Monday."),
        good("“He reportedly left,” she said."),
        good("The merger is believed to be close, bankers said on Friday.",
             title="a source named in the same sentence"),
        good("The flaw was reported to the vendor in March.", title="'reported to' someone"),
        good("The driver was arrested for allegedly running a red light.", title="legal language"),
        bad("The mayor is said to have ignored the warnings for years.", "is said to"),
    ],
)
def unsourced_hedge(article: Article, ctx: CheckContext) -> Iterator[Hit]:
    """A hedge ("reportedly", "allegedly", "is said to") with no source named nearby.

    What it does:
        Flags hedging words in the reporter's voice when neither the sentence nor its neighbours
        name a source ("according to The Washington Post", "police said", "court documents",
        "the indictment"). A hedge beside a named source passes; so does one whose own sentence
        says who says so ("is believed to be close, bankers said"), "reported to" followed by
        the one it was reported to, "allegedly" in legal language ("charged with allegedly",
        "arrested for allegedly"), and quotations. A warning only when the article's sourcing is
        vague throughout (see ``grade``), info otherwise: on the checking half of issue 13's clean
        material the two warnings it raised before were both false ("is believed to ..., analysts
        said"; "was reported to the foundation").

    Why it matters:
        "Reportedly" says someone reported it: the reader deserves to know who. "Allegedly"
        without the accuser is an unattributed accusation; on a crime or a named person it is a
        legal risk as well as a sourcing failure.

    Options:
        extra-phrases: more hedging phrases.
    """
    pattern = vocabulary("hedges", tuple(ctx.options.get("extra-phrases", [])), settings=ctx.settings)
    text = article.text
    # Gated and scanned once per article (shared with the count behind ``grade``): most
    # articles hold no hedge and cost a set intersection.
    for start, end in prose_spans(pattern, article):
        sentence = article.sentence_at(start)
        if sentence is None:
            continue
        if article.in_quote(start) or named_source_near(article, sentence):
            continue
        if _sourced_in_clause(text, sentence.start, start, end, sentence.end):
            continue
        word = text[start:end]
        if _TO_HEDGE.search(word) and not _verb_follows(text, end):
            continue  # "was reported to the police": reporting something to someone
        if word.lower() == "allegedly" and _LEGAL.search(text, max(sentence.start, start - 80), start):
            continue  # "charged with allegedly ...": the charge is the source
        severity, confidence = grade(article, sentence.text)
        yield Hit(start, end,
                  f"\"{word}\" with no source named nearby: say who reports or alleges it",
                  severity=severity, confidence=confidence)


_TRAILING = re.compile(r",\s*(?:[\w’'.-]+\s+){0,5}?(?:" + SPEECH.pattern[5:-3] + r")\b[^,;()]{0,40}$",
                       re.IGNORECASE)
_LEADING = re.compile(r"\b(?:said|says|say|told|believe|believes|think|thinks)\b(?: that)?[^;()]{0,80}$",
                      re.IGNORECASE)


def _sourced_in_clause(text: str, s_start: int, h_start: int, h_end: int, s_end: int) -> bool:
    """The hedge's own clause says who holds the view: a trailing attribution ("is believed to
    be a prelude, analysts said") or a leading one ("bankers said the deal is reportedly
    close"). A speech verb elsewhere in the sentence, in another clause, does not count."""
    after = text[h_end:s_end].rstrip(" .”\"")
    before = text[s_start:h_start]
    if any(q in after + before for q in "“”\""):
        return False
    return bool(_TRAILING.search(after) or _LEADING.search(before))


def _verb_follows(text: str, end: int) -> bool:
    """Whether the word after "... to" is a verb (a hedge: "is said to have"), not the one it was
    said or reported to ("reported to the vendor")."""
    nxt = text[end:end + 30].split()
    if not nxt:
        return True
    word = nxt[0].strip(",.;:")
    if word.lower() in _NOT_A_VERB or word[:1].isupper():
        return False
    tag = pos(word)
    return tag is None or tag.startswith("VB") or tag in ("MD", "RB")
