"""A lone question line followed by a headline: a generation prompt left in the text."""

from __future__ import annotations

from collections.abc import Iterator

from ...analysis.layout import is_finished_prose
from ...article import Article
from ...declaration import CheckContext, bad, check, good
from ...findings import Hit
from ._generated import _faq_heading

MIN_PROSE_BEFORE = 3


def _title_case(text: str) -> bool:
    """Most longer words capitalised: a headline, not a typed prompt (prompts are sentence case)."""
    long_words = [w for w in text.split() if len(w) > 3 and w[:1].isalpha()]
    return bool(long_words) and sum(w[:1].isupper() for w in long_words) > 0.5 * len(long_words)


def _in_faq(article: Article, index: int) -> bool:
    """Whether the paragraph is part of an FAQ block: walking back over questions and list
    items reaches an FAQ heading."""
    for p in reversed(article.paragraphs[max(0, index - 30):index]):
        if _faq_heading(p.text):
            return True
        if not (p.is_list_item or p.text.endswith("?")):
            return False
    return False


@check(
    code="NL162",
    name="leaked-prompt",
    category="generated_text",
    severity="warning",
    examples=[
        bad("The report was released on Monday by the State Department.\n\nIt names six "
            "informants who were handed over to El Salvador.\n\nOfficials declined to comment on "
            "the report on Tuesday.\n\nWhat legal precedents might be established regarding the "
            "duty of care owed to witnesses, based on the report?\n\nInformants Betrayed: The "
            "Report\n\nA recently released report has ignited controversy.",
            "What legal precedents might be established"),
        good("What happens next?\n\nThe council votes on Monday, officials said."),
        good("Will the balloon incident change how the United States sees its rivals?\n\n"
             "Balloon Incident Reviewed\n\nThe balloon was shot down on Saturday, officials said."),
        good("Frequently Asked Questions\n\nWhat is the deadline for filing a claim with the agency "
             "this year?\n\nThe deadline is May 1."),
    ],
)
def leaked_prompt(article: Article, ctx: CheckContext) -> Iterator[Hit]:
    """A lone question line followed by a headline: a generation prompt left in the text.

    What it does:
        Flags a paragraph that is one long question (ten words or more, not quoted) standing
        alone, when the next paragraph is a headline and at least three prose paragraphs come
        before it: the shape of a prompt given to a language model followed by the article it
        produced, pasted after another copy. A question at the top is the article's own
        headline or lede, and a question in title case is a section heading. Questions inside an FAQ block, followed by
        their answer, are not prompts.

    Why it matters:
        A leaked prompt shows the text was generated and published unreviewed; the question
        itself often frames the article's unsourced claims.
    """
    paras = article.paragraphs
    prose_before = 0
    for p in paras[:-1]:
        text = p.text
        before = prose_before
        if before < MIN_PROSE_BEFORE:  # counted only up to the threshold: nothing reads past it
            prose_before += is_finished_prose(text)
            continue  # a question at the top is the article's own headline or lede
        if not text.endswith("?") or len(text.split()) < 10 or text[:1] in "“\"‘'" or p.is_list_item:
            continue
        if len(article.sentences_of(p)) != 1 or not (p.blank_before and p.blank_after):
            continue
        if _title_case(text):
            continue  # "What Are the 12 Strands and Why Is a War Against Them?" is a heading
        nxt = paras[p.index + 1]
        if nxt.is_heading and not nxt.text.endswith("?") and not _in_faq(article, p.index):
            yield Hit(p.start, p.end, "a lone question followed by a headline: a generation prompt "
                      "left in the text", confidence=0.75)

