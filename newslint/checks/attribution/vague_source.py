"""NL501: an anonymous authority or a vague outlet ("experts say", "according to reports")."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...analysis.prose import prose_paragraphs
from ...article import Article
from ...declaration import CheckContext, bad, check, good
from ...findings import Hit
from ._sources import NAMED, grade, neighbours, vocabulary

#: Wire-style anonymous sourcing that follows stated rules: info at most.
_WIRE = re.compile(r"\b(?:familiar with|spoke on (?:the )?condition of anonymity|not authori[sz]ed to|"
                   r"declined to be named|who asked not to be (?:named|identified))\b", re.IGNORECASE)
_OUTLET = re.compile(r"reporting|reports?|accounts|estimates", re.IGNORECASE)


@check(
    code="NL501",
    name="vague-source",
    category="attribution",
    severity="warning",
    options={"extra-phrases": []},
    examples=[
        bad("As noted by security experts, once that trust is broken, it is hard to rebuild.",
            "noted by security experts"),
        bad("According to investigative reporting, the deal stemmed from a desire to deport "
            "migrants.", "According to investigative reporting"),
        bad("Several legal experts believe the government could face lawsuits.",
            "Several legal experts believe"),
        bad("Officials argued that the migrants posed a significant threat.", "Officials argued"),
        good("According to The Washington Post, the deal was struck in March."),
        good("“Experts say it works,” she said."),
        good("Experts at the University of Chicago, led by Jane Smith, said the data was clear."),
    ],
)
def vague_source(article: Article, ctx: CheckContext) -> Iterator[Hit]:
    """A claim is credited to unnamed experts, critics or officials, or to "reports".

    What it does:
        Flags anonymous authorities in the reporter's voice ("experts say", "critics argue",
        "some say", "as noted by security experts", "officials argued"), vague outlets
        ("according to investigative reporting", "media reports said") and studies without a
        study ("studies show"). Words inside quotations are the speaker's and are left alone.
        Wire-style anonymous sourcing that states its rule ("a person familiar with the
        matter", "spoke on condition of anonymity") is reported at info level at most; a vague
        source with a named one beside it is left alone. Severity is graded: a warning when the
        claim is serious (a crime, a death) or the article rests on three or more unattributed
        claims; info for an isolated "experts say" in otherwise sourced copy.

    Why it matters:
        Readers cannot weigh a claim when they cannot tell who makes it. Vague sourcing is
        also the commonest way generated and rewritten copy launders assertions as reporting.

    Options:
        extra-phrases: more phrases to treat as vague sources (a newsroom's own list).
    """
    pattern = vocabulary("vague_sources", tuple(ctx.options.get("extra-phrases", [])), settings=ctx.settings)
    for para in prose_paragraphs(article):
        for m in pattern.finditer(article.text, para.start, para.end):
            sentence = article.sentence_at(m.start())
            if sentence is None:
                continue
            if article.in_quote(m.start()):
                continue
            context = neighbours(article, sentence)
            outlet = bool(_OUTLET.search(m.group(0)))
            if NAMED.search(sentence.text) and not outlet:
                continue
            if re.search(r"\b(?:at|from|with|of) (?:the )?[A-Z]", article.text[m.end():m.end() + 14]):
                continue  # "experts at the University of Chicago said": a named institution
            wire = bool(_WIRE.search(context))
            severity, confidence = ("info", 0.5) if wire else grade(article, sentence.text)
            what = ("a vague outlet: name the report or the publication" if outlet
                    else "an anonymous authority: name the experts, officials or organisation")
            yield Hit(
                m.start(), m.end(),
                f"\"{m.group(0)}\" is {what}" + (" (wire-style anonymous sourcing)" if wire else ""),
                severity=severity, confidence=confidence,
            )
