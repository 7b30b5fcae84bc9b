"""NL130-NL132: repeated title and paragraphs, a second article stitched on, repeated sentences.

All comparisons are hash-based (normalised text as a dict key, word 5-gram shingles indexed to
the paragraph that first had them), so the cost is linear in the article, never all-pairs.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from ...article import Article, Paragraph
from ...check import CheckContext, bad, check, good
from ...findings import Fix, Hit

_NON_WORD = re.compile(r"[\W_]+")
MIN_WORDS = 5
HEAD_PARAGRAPHS = 5
SHINGLE = 5
NEAR_MIN_WORDS = 20
NEAR_OVERLAP = 0.7
WIDGET_REPEATS = 3
MIN_SENTENCE_WORDS = 10
STITCH_GAP = 3


def normalise(text: str) -> str:
    """Case, punctuation and spacing folded, so near-identical copies compare equal."""
    return _NON_WORD.sub(" ", text.lower()).strip()


def _chrome(article: Article) -> frozenset[int]:
    try:
        from ...analysis.chrome import chrome_paragraphs
    except ImportError:  # pragma: no cover - chrome analysis not installed
        return frozenset()
    return chrome_paragraphs(article)


@dataclass(frozen=True)
class Repeat:
    """One repeated paragraph: its kind ("title", "repeat", "near", "stitched") and where the
    first copy starts."""

    kind: str
    para: Paragraph
    first: int


@check(
    code="NL130",
    name="repeated-paragraph",
    category="duplicate",
    severity="warning",
    fixable=True,
    examples=[
        bad("Home » world » Deal Exposed by the State Department\n\nDeal Exposed by the State "
            "Department\n\nThe deal was signed.", "Department\n\nDeal Exposed"),
        bad("The council approved the budget on Monday night.\n\nIt passed.\n\n"
            "The council approved the budget on Monday night.", fixed="The council approved the "
            "budget on Monday night.\n\nIt passed.\n\n"),
        bad("The council approved the new budget on Monday night after a long debate over school "
            "funding and road repairs in the north of the city.\n\nIt passed.\n\nThe council "
            "approved the new budget on Monday evening after a long debate over school funding "
            "and road repairs in the north of the city.", "Monday evening"),
        good("The council met.\n\nIt passed.\n\nThe council met again."),
    ],
)
def repeated_paragraph(article: Article, ctx: CheckContext) -> Iterator[Hit]:
    """A paragraph, or the title, appears twice.

    What it does:
        Flags a paragraph of five words or more that repeats an earlier one (case, punctuation
        and spacing ignored), a long paragraph that shares 70% of its word 5-grams with an
        earlier one of similar length (a near-copy; a pull quote lifted from a longer paragraph
        is not one), the title repeated in the body, and a title line that
        repeats text already in the page head (a breadcrumb that ends with the headline).
        When the repeat is a headline reappearing mid-body with a new article after it, NL131
        reports the stitch instead.

    Why it matters:
        Scrapers and CMS imports duplicate blocks; readers see the same paragraph twice and
        summaries weigh it double.
    """
    for rep in repeats(article):
        if rep.kind == "stitched":
            continue
        para = rep.para
        line = article.line_col(rep.first)[0]
        if rep.kind == "near":
            yield Hit(para.start, para.end, f"this nearly repeats the paragraph on line {line}",
                      confidence=0.8)
            continue
        end = para.end
        while end < len(article.text) and article.text[end] == "\n":
            end += 1
        what = "the title" if rep.kind == "title" else "an earlier paragraph"
        yield Hit(para.start, para.end, f"this repeats {what} (line {line})",
                  confidence=0.9, fix=Fix.delete(para.start, end, safe=False))


@check(
    code="NL131",
    name="stitched-article",
    category="duplicate",
    severity="warning",
    examples=[
        bad("Deal Exposed by the State Department\n\nThe deal was signed on Monday.\n\n"
            "Officials said it would hold.\n\nCritics were unconvinced.\n\nThe vote is next week.\n\n"
            "Deal Exposed by the State Department\n\nA recently released report has ignited a "
            "firestorm.\n\nThe report details the deal.\n\nIt was compiled over months.",
            "Deal Exposed by the State Department\n\nA recently"),
        good("Deal Exposed\n\nThe deal was signed on Monday.\n\nOfficials said it would hold."),
    ],
)
def stitched_article(article: Article, ctx: CheckContext) -> Iterator[Hit]:
    """The headline reappears mid-body and a second article starts after it.

    What it does:
        Flags a heading-like line that repeats the title (or an earlier headline) after the
        body has begun, followed by more body paragraphs: two articles (or two generations of
        one) were stitched into one text. A line repeated three times or more is a widget
        (a product box, a disclaimer), not a headline, and is left to NL130; so is a repeat whose
        first copy is not in the page head or lies within three paragraphs (a
        video box repeats its title), or that a photo or video caption follows.

    Why it matters:
        A stitched article repeats its claims, contradicts itself and doubles its length; it is
        a hallmark of content farms and of generated text published without review.
    """
    for rep in repeats(article):
        if rep.kind == "stitched":
            end = rep.para.end
            nxt = article.paragraphs[rep.para.index + 1] if rep.para.index + 1 < len(
                article.paragraphs) else None
            if nxt is not None:
                end = nxt.end
            yield Hit(rep.para.start, end,
                      f"the headline from line {article.line_col(rep.first)[0]} reappears "
                      "mid-body: a second article is stitched on here", confidence=0.85)


@check(
    code="NL132",
    name="repeated-sentence",
    category="duplicate",
    severity="warning",
    examples=[
        bad("The mayor said the plan would cut costs for every household in the city. Critics "
            "disagreed.\n\nThe vote is on Monday. The mayor said the plan would cut costs for "
            "every household in the city.", "The vote is on Monday. The mayor said"),
        good("The mayor spoke.\n\nThe mayor spoke again, and the council listened to her closely "
             "for an hour."),
    ],
)
def repeated_sentence(article: Article, ctx: CheckContext) -> Iterator[Hit]:
    """A long sentence appears twice in different paragraphs.

    What it does:
        Flags a sentence of ten words or more (neither copy a quotation, not in page chrome) that
        repeats an earlier sentence, when its paragraph is not already a whole repeat (NL130).
        A repeat where either copy stands alone as a one-sentence paragraph is reported at info level: that is
        the shape of a pull quote whose box was lost in extraction.

    Why it matters:
        A sentence pasted twice is an editing or generation slip; the second copy adds nothing.
    """
    chrome = _chrome(article)
    whole = {r.para.index for r in repeats(article)}
    seen: dict[str, tuple[int, int]] = {}
    for s in article.sentences:
        key = normalise(s.text)
        if len(key.split()) < MIN_SENTENCE_WORDS or s.paragraph in chrome:
            continue
        if key in seen:
            first, first_para = seen[key]
            if s.paragraph not in whole and not article.in_quote(s.start, s.end) \
                    and not article.in_quote(first):
                line = article.line_col(first)[0]
                lone = (s.paragraph, first_para)
                if any(len(article.sentences_of(article.paragraphs[i])) == 1 for i in lone):
                    # A one-sentence paragraph lifted from the body is the shape of a pull quote.
                    yield Hit(s.start, s.end, f"this sentence repeats one on line {line}; a pull "
                              "quote that lost its box, or a pasted duplicate", confidence=0.5,
                              severity="info")
                else:
                    yield Hit(s.start, s.end, f"this sentence repeats one on line {line}",
                              confidence=0.8)
        else:
            seen[key] = (s.start, s.paragraph)


def _shingles(key: str) -> set[str]:
    words = key.split()
    return {" ".join(words[i:i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}


def _article_follows(paras: list[Paragraph], index: int) -> bool:
    """A new article starts after the repeated headline: the next paragraph is prose (eight
    words or more ending in sentence punctuation), and two of the next five are body text. A
    video or photo widget ("Play VIDEO", "Photo by ...") repeats its title but is no article."""
    nxt = paras[index + 1] if index + 1 < len(paras) else None
    if nxt is None or len(nxt.text.split()) < 8 or nxt.text[-1:] not in ".!?”\"’'":
        return False
    return sum(1 for q in paras[index + 1:index + 6] if q.kind == "body") >= 2


def repeats(article: Article) -> list[Repeat]:
    """Every repeated paragraph of the article, computed once and shared by NL130-NL132."""
    def build(a: Article) -> list[Repeat]:
        chrome = _chrome(a)
        paras = a.paragraphs
        keys = [normalise(p.text) for p in paras]
        counts = Counter(keys)
        seen: dict[str, int] = {}
        first_index: dict[str, int] = {}
        owner: dict[str, int] = {}
        sizes: dict[int, int] = {}
        out: list[Repeat] = []
        title = normalise(a.title) if a.title else ""
        head = [(p.start, keys[p.index]) for p in paras[:HEAD_PARAGRAPHS]]
        body_started = False
        for p in paras:
            key = keys[p.index]
            n = len(key.split())
            if p.kind == "body" and n >= 5:
                body_started = True
            if n < MIN_WORDS or p.index in chrome:
                if key:
                    seen.setdefault(key, p.start)
                    first_index.setdefault(key, p.index)
                continue
            if title and key == title:
                out.append(Repeat("title", p, p.start))
            elif key in seen:
                stitched = (p.is_heading and body_started and counts[key] < WIDGET_REPEATS
                            and (first_index[key] < HEAD_PARAGRAPHS or key == title)
                            and p.index - first_index[key] > STITCH_GAP
                            and _article_follows(paras, p.index))
                out.append(Repeat("stitched" if stitched else "repeat", p, seen[key]))
            elif p.index < HEAD_PARAGRAPHS and p.is_heading:
                earlier = next((s for s, k in head if s < p.start and key in k and k != key), None)
                if earlier is not None:
                    out.append(Repeat("repeat", p, earlier))
            elif n >= NEAR_MIN_WORDS and p.index not in chrome:
                shingles = _shingles(key)
                votes = Counter(owner[sh] for sh in shingles if sh in owner)
                if votes:
                    other, hits = votes.most_common(1)[0]
                    if hits >= NEAR_OVERLAP * max(len(shingles), sizes[other]):
                        out.append(Repeat("near", p, paras[other].start))
                sizes[p.index] = len(shingles)
                for sh in shingles:
                    owner.setdefault(sh, p.index)
            seen.setdefault(key, p.start)
            first_index.setdefault(key, p.index)
        return out

    return article.memo("extraction_text.repeats", build)
