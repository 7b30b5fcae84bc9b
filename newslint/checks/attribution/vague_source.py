"""NL501: an anonymous authority or a vague outlet ("experts say", "according to reports")."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator

from ...analysis.words import word_range
from ...article import Article
from ...declaration import CheckContext, bad, check, good
from ...findings import Hit
from ...prefilter import prose_spans
from ._shapes import find_shapes_in_words, shape_sentences
from ._sources import grade, named_in, neighbours, vocabulary

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
        bad("Many people believe the plan will fail.", "Many people believe",
            note="a group with a belief verb, matched as a grammar, not a phrase"),
        bad("Some consider the deal a mistake.", "Some consider"),
        bad("Scientists now think the virus spread earlier.", "Scientists now think"),
        bad("The move is considered by many to be overdue.", "considered by many"),
        bad("The plan was regarded by some as a risky bet.", "regarded by some"),
        bad("It was reported that the minister had resigned.", "It was reported that"),
        bad("It has been said that the mill will close.", "It has been said that"),
        good("Protesters believe the bill is an attack on the city's freedoms."),
        good("Analysts said the dollar would weaken, and the analysts at Goldman expect a cut."),
        good("It is expected to close on Friday, and it was reported by Reuters on Monday."),
        good("The plan, considered by Smith to be final, was regarded by the board as sound."),
        good("According to The Washington Post, the deal was struck in March."),
        good("“Experts say it works,” she said."),
        good("Experts at the University of Chicago, led by Jane Smith, said the data was clear."),
    ],
)
def vague_source(article: Article, ctx: CheckContext) -> Iterator[Hit]:
    """A claim is credited to unnamed experts, critics or officials, or to "reports".

    What it does:
        Flags anonymous authorities in the reporter's voice ("experts say", "critics argue",
        "some say", "as noted by security experts", "officials argued"), and, as small grammars
        over the tokens rather than phrases, their general shapes: a vague group with a verb of
        belief ("many people believe", "some consider", "scientists now think"), a passive with
        a vague agent ("is considered by many", "regarded by some as", "widely believed") and
        impersonal reporting ("it was reported that", "it has been said that"); vague outlets
        ("according to investigative reporting", "media reports said") and studies without a
        study ("studies show"). Words inside quotations are the speaker's and are left alone.
        Wire-style anonymous sourcing that states its rule ("a person familiar with the
        matter", "spoke on condition of anonymity") is reported at info level at most; a vague
        source with a named one beside it is left alone. Severity is graded: a warning only when
        the article's sourcing is vague throughout (three or more unattributed claims and no
        named source anywhere); info otherwise, however serious the claim. Measured on the
        checking half of issue 13's clean material, the earlier grading (a warning for any
        serious claim or any three vague sources) was right 0 times in 58: wire copy that names
        its sources and adds "analysts said" is house practice, not a slip.

    Why it matters:
        Readers cannot weigh a claim when they cannot tell who makes it. Vague sourcing is
        also the commonest way generated and rewritten copy launders assertions as reporting.

    Options:
        extra-phrases: more phrases to treat as vague sources (a newsroom's own list).
    """
    pattern = vocabulary("vague_sources", tuple(ctx.options.get("extra-phrases", [])), settings=ctx.settings)
    listed = prose_spans(pattern, article)  # shared with the article-wide count behind ``grade``
    text = article.text
    # Only sentences with a trigger word are tokenised and read by the shape grammars (about
    # one in six of a news article's sentences).
    candidates = sorted(shape_sentences(article, prose_only=True))
    if not listed and not candidates:
        return
    sentences = article.sentences
    sentence_starts = article._sentence_starts
    word_texts, word_starts, word_ends = article.word_texts, article.word_starts, article.word_ends
    # Only the prose paragraphs a listed phrase or a candidate sentence starts in (or follows, for
    # a sentence outside the prose) are read: the others hold neither.
    prose = article.layout.prose
    prose_starts = [p.start for p in prose]
    touched = sorted({bisect_right(prose_starts, at) - 1 for at in (*(a for a, _ in listed), *candidates)})
    for para in (prose[k] for k in touched if k >= 0):
        taken: list[tuple[int, int]] = []
        i = bisect_left(listed, (para.start, -1))
        while i < len(listed) and listed[i][0] < para.end:
            a, b = listed[i]
            i += 1
            hit = _judge(article, a, b, bool(_OUTLET.search(text, a, b)))
            if hit is not None:
                taken.append((a, b))
                yield hit
        # The paragraph's candidate sentences, found by bisection (a sentence belongs to the
        # paragraph it starts in).
        j = bisect_left(candidates, para.start)
        while j < len(candidates) and candidates[j] < para.end:
            sentence = sentences[bisect_left(sentence_starts, candidates[j])]
            j += 1
            lo, hi = word_range(article, sentence.start, sentence.end)  # texts only: no spans
            for first, last, _kind in find_shapes_in_words(word_texts[lo:hi]):
                start, end = word_starts[lo + first], word_ends[lo + last]
                if any(start < b and a < end for a, b in taken):
                    continue
                hit = _judge(article, start, end, False)
                if hit is not None:
                    taken.append((start, end))
                    yield hit


def _judge(article: Article, start: int, end: int, outlet: bool) -> Hit | None:
    """The finding for a vague source at ``text[start:end]``, or None when it is quoted speech,
    has a named source in its sentence, or names an institution ("experts at the University")."""
    sentence = article.sentence_at(start)
    if sentence is None or article.in_quote(start):
        return None
    if named_in(article, sentence) and not outlet:  # memoised: asked once per match
        return None
    if re.search(r"\b(?:at|from|with|of) (?:the )?[A-Z]", article.text[end:end + 14]):
        return None  # "experts at the University of Chicago said": a named institution
    wire = article.memo(f"vague_source.wire:{sentence.start}",
                        lambda a: bool(_WIRE.search(neighbours(a, sentence))))
    severity, confidence = ("info", 0.5) if wire else grade(article, sentence.text)
    phrase = article.text[start:end]
    what = ("a vague outlet: name the report or the publication" if outlet
            else "an anonymous authority: name the experts, officials or organisation")
    return Hit(start, end, f"\"{phrase}\" is {what}" + (" (wire-style anonymous sourcing)" if wire else ""),
               severity=severity, confidence=confidence)
