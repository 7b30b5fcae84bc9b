"""A long sentence appears twice in different paragraphs."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import chain

from ...article import Article
from ...declaration import CheckContext, bad, check, good
from ...findings import Hit
from ._duplicate import article_keys, repeats

MIN_SENTENCE_WORDS = 10


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
    sentence_keys = article_keys(article).sentences
    if not _any_key_twice(sentence_keys):
        return  # no sentence repeats another (most articles): one set in C, no loop
    chrome = article.layout.furniture_indices
    whole = {r.para.index for r in repeats(article)}
    seen: dict[str, tuple[int, int]] = {}
    for s, key in ((s, key) for para in article.paragraphs
                   for s, key in zip(article.sentences_of(para), sentence_keys[para.index], strict=True)):
        if not key or key.count(" ") + 1 < MIN_SENTENCE_WORDS or s.paragraph in chrome:
            continue  # (a key's words are single-spaced)
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


def _any_key_twice(sentence_keys: list[list[str]]) -> bool:
    """Whether some non-empty sentence key occurs twice (what the check's loop looks for)."""
    keys = list(chain.from_iterable(sentence_keys))
    distinct = set(keys)
    return len(keys) - len(distinct) > (keys.count("") - 1 if "" in distinct else 0)
