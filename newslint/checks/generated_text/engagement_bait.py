"""The reader is asked to comment ("Share your opinions in the comments below.")."""

from __future__ import annotations

from collections.abc import Iterator

from ...article import Article
from ...declaration import CheckContext, bad, check, good
from ...findings import Hit
from ...prefilter import may_match, prose_sentences_to_scan, scanner
from ._generated import _extra
from ._vocab import pattern

_LEAD_INS = frozenset({"please", "so", "and", "now", "also", "then", "well", "do", "be", "sure",
                       "to", "feel", "free", "we", "would", "love", "want", "you", "can", "hear"})


def _addresses_reader(sentence: str, at: int) -> bool:
    """The prompt opens its sentence, or follows only a lead-in addressed to the reader
    ("Please", "Feel free to", "We'd love to hear"), and the sentence is short: "Share your
    thoughts below." is bait; "Residents can comment below the notice" is reporting."""
    if len(sentence.split()) > 30:
        return False
    lead = [w.strip(",;:!*•–—-“”\"'’").lower() for w in sentence[:at].split()]
    return all(w in _LEAD_INS or w.startswith("we") for w in lead if w)


@check(
    code="NL161",
    name="engagement-bait",
    category="generated_text",
    severity="warning",
    options={"extra-phrases": []},
    examples=[
        bad("Do you believe the benefits outweighed the risks? Share your opinions in the comments "
            "below.", "Share your opinions in the comments below."),
        bad("The vote is Tuesday.\n\nWhat are your thoughts on the new plan? Let us know in the "
            "comments.", "What are your thoughts on the new plan?", "Let us know in the comments."),
        good("“Share your thoughts with us,” the mayor told residents at the meeting."),
        good("Residents can comment below the notice posted at city hall, the clerk said."),
    ],
)
def engagement_bait(article: Article, ctx: CheckContext) -> Iterator[Hit]:
    """The reader is asked to comment ("Share your opinions in the comments below.").

    What it does:
        Flags engagement prompts in the reporter's voice: share your thoughts, let us know in the
        comments, what are your thoughts, do you think, don't forget to like and share.

    Why it matters:
        Engagement bait is a content-farm and generated-text template; in syndicated copy the
        comments it points to do not exist.

    Options:
        extra-phrases: more engagement prompts (literal text, case-insensitive), added to
            ``data/bait.txt``.
    """
    # A sentence is a whitespace-bounded slice of the text: its first match is the first one
    # the article's scanner finds inside it (only where a prompt's first word stands).
    bait = pattern("bait", _extra(ctx), settings=ctx.settings)
    if not may_match(bait, article):
        return
    scan = scanner(bait, article)
    for sentence in prose_sentences_to_scan(article, scan):  # the prose sentences, or those that may match
        found = scan(sentence.start, sentence.end)
        if not found or article.in_quote(found[0][0]):
            continue
        at = found[0][0]
        if not _addresses_reader(sentence.text, at - sentence.start):
            continue
        yield Hit(at, sentence.end, "engagement bait: a prompt for reader comments, not news copy",
                  confidence=0.85)

