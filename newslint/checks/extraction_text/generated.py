"""NL160-NL165: template and language-model leftovers.

Phrase lists live in ``data/*.txt`` and can be extended per check with ``extra-phrases``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...analysis.prose import prose_paragraphs
from ...article import Article
from ...check import CheckContext, bad, check, good
from ...findings import Hit
from ._vocab import pattern
from .duplicate import _chrome as chrome_map

_SLOT = re.compile(r"\[(?:insert|add|your|placeholder|todo|tk|name of|link to|enter)\b[^\]\n]{0,80}\]"
                   r"|\{\{[ \t]*[\w.]{1,40}[ \t]*\}\}", re.IGNORECASE)
_TK = re.compile(r"(?<![\w-])(?:TK(?:TK)*|XX(?:,XXX)*)(?![\w-])")
_SENTENCE_END = re.compile(r"[.!?]")


def _extra(ctx: CheckContext) -> tuple[str, ...]:
    return tuple(ctx.options.get("extra-phrases", ()) or ())


def _faq_heading(text: str) -> bool:
    return pattern("faq", anchored=True).fullmatch(text.rstrip(" :")) is not None


@check(
    code="NL160",
    name="content-farm-callout",
    category="generated_text",
    severity="warning",
    options={"extra-phrases": []},
    examples=[
        bad("The deal was signed.\n\nDid You Know? El Salvador has a long history of gang truces.",
            "Did You Know?"),
        bad("Pro Tip: When evaluating reports, look for corroborating sources.", "Pro Tip:"),
        good("Did you know the answer? She did not, she said."),
    ],
)
def content_farm_callout(article: Article, ctx: CheckContext) -> Iterator[Hit]:
    """A content-farm callout ("Pro Tip:", "Did You Know?", "Key Takeaways:") in a news article.

    What it does:
        Flags paragraphs that open with a template callout label: Pro Tip, Did You Know, Fun
        Fact, Key Takeaways, Quick Facts, Bottom Line and the like.

    Why it matters:
        These boxes are the signature of SEO templates and generated copy; they are not
        reporting and often carry unsourced claims.

    Options:
        extra-phrases: more callout labels (literal text, case-insensitive), added to
            ``data/callouts.txt``.
    """
    callout = pattern("callouts", _extra(ctx), anchored=True)
    for para in article.paragraphs:
        text = para.text.lstrip("*_#>•- ")
        m = callout.match(text)
        if m is None:
            continue
        rest = text[m.end():m.end() + 3].lstrip("*_ ")
        if not rest or rest[0] not in ":?!" or article.in_quote(para.start):
            continue
        at = para.start + (len(para.text) - len(text)) + m.start()
        yield Hit(at, at + m.end() - m.start() + 1, f"\"{m.group(0)}\" is a content-farm callout, "
                  "not news copy", confidence=0.9)


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
    bait = pattern("bait", _extra(ctx))
    for para in prose_paragraphs(article):
        for sentence in article.sentences_of(para):
            m = bait.search(sentence.text)
            if m is None or article.in_quote(sentence.start + m.start()):
                continue
            if not _addresses_reader(sentence.text, m.start()):
                continue
            yield Hit(sentence.start + m.start(), sentence.end, "engagement bait: a prompt for "
                      "reader comments, not news copy", confidence=0.85)


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
        before, prose_before = prose_before, prose_before + _is_prose(text)
        if before < MIN_PROSE_BEFORE:
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


MIN_PROSE_BEFORE = 3


def _title_case(text: str) -> bool:
    """Most longer words capitalised: a headline, not a typed prompt (prompts are sentence case)."""
    long_words = [w for w in text.split() if len(w) > 3 and w[:1].isalpha()]
    return bool(long_words) and sum(w[:1].isupper() for w in long_words) > 0.5 * len(long_words)


def _is_prose(text: str) -> bool:
    """A body paragraph of a finished sentence or more (eight words, sentence punctuation)."""
    return len(text.split()) >= 8 and text[-1:] in ".!?”\"’'"


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
    code="NL163",
    name="chatbot-phrase",
    category="generated_text",
    severity="error",
    options={"extra-phrases": []},
    examples=[
        bad("Certainly! Here is a news article about the vote.", "Certainly! Here is"),
        bad("As an AI language model, I cannot verify this.", "As an AI language model"),
        good("The company said its AI model would launch next year."),
    ],
)
def chatbot_phrase(article: Article, ctx: CheckContext) -> Iterator[Hit]:
    """A chatbot's own words left in the article ("As an AI language model", "Certainly! Here is").

    What it does:
        Flags assistant phrases outside quotations: "As an AI language model", "I hope this
        helps", "Certainly! Here is", "Here is a rewritten version", "my knowledge cutoff",
        "Regenerate response", "In this article, we will", "Let's dive in".

    Why it matters:
        They prove the text was generated and published without review.

    Options:
        extra-phrases: more chatbot phrases (literal text, case-insensitive), added to
            ``data/chatbot.txt``.
    """
    for m in pattern("chatbot", _extra(ctx)).finditer(article.text):
        if not article.in_quote(m.start()):
            yield Hit(m.start(), m.end(), f"\"{m.group(0)}\" is a chatbot's phrase left in the text",
                      confidence=0.95)


@check(
    code="NL164",
    name="placeholder",
    category="generated_text",
    severity="error",
    examples=[
        bad("The mayor, [Insert name], said the budget would pass.", "[Insert name]"),
        bad("Turnout was TK percent, officials said.", "TK"),
        bad("Lorem ipsum dolor sit amet.", "Lorem ipsum"),
        bad("Sales reached $XX million, the company said.", "XX"),
        bad("Dear {{first_name}}, the vote is on Monday.", "{{first_name}}"),
        good("The TKO came in the third round at the TK Elevator arena."),
        good("Super Bowl XX was played in New Orleans."),
    ],
)
def placeholder(article: Article, ctx: CheckContext) -> Iterator[Hit]:
    """A placeholder left in published text ("[Insert name]", "TK", "Lorem ipsum").

    What it does:
        Flags template slots in brackets ("[Insert ...]", "[Your ...]"), the newsroom's "TK"
        (to come) marker, ``XX`` where a number belongs ("$XX million", "XX percent"),
        "Lorem ipsum" and unfilled ``{{variables}}``. "TK" inside a name ("TK Elevator") and
        the Roman numeral XX ("Super Bowl XX") are left alone.

    Why it matters:
        A placeholder means a fact was never filled in.

    Options:
        extra-phrases: more placeholder phrases (literal text, case-insensitive), added to
            ``data/placeholders.txt``.
    """
    text = article.text
    found = list(_SLOT.finditer(text)) + list(pattern("placeholders", _extra(ctx)).finditer(text))
    for m in _TK.finditer(text):
        after = text[m.end():m.end() + 2]
        before = text[max(0, m.start() - 12):m.start()]
        if m.group(0).startswith("TK"):
            if re.match(r"\s[A-Z]", after) or re.search(r"[A-Z]\w*\s$", before):
                continue  # "TK Elevator", "Team TK": part of a name
        elif not (before.endswith(("$", "£", "€")) or re.match(r"\s*(?:%|percent|million|billion|"
                                                             r"people|years)", text[m.end():m.end() + 9])):
            continue  # "XX" is a Roman numeral unless it stands where a number should be
        found.append(m)
    for m in sorted(found, key=lambda m: m.start()):
        yield Hit(m.start(), m.end(), f"\"{m.group(0)}\" is a placeholder left in the text",
                  confidence=0.9)


@check(
    code="NL165",
    name="faq-filler",
    category="generated_text",
    severity="info",
    examples=[
        bad("Frequently Asked Questions\n\n* What is MS-13? MS-13 is a gang.\n\n* What is CECOT? "
            "It is a prison.", "Frequently Asked Questions"),
        good("The council answered residents' questions at the meeting."),
    ],
)
def faq_filler(article: Article, ctx: CheckContext) -> Iterator[Hit]:
    """A "Frequently Asked Questions" block in a news article.

    What it does:
        Flags an FAQ heading followed by question-and-answer items. Info level: explainers use
        them legitimately, but in news copy they are usually SEO filler.

    Why it matters:
        Filler FAQs restate the article (or the web) without sourcing, and are a common template
        of generated news.
    """
    chrome = chrome_map(article)
    for p in article.paragraphs:
        if _faq_heading(p.text) and p.index not in chrome:
            following = article.paragraphs[p.index + 1:p.index + 4]
            if sum("?" in q.text for q in following) >= 2:
                yield Hit(p.start, p.end, "an FAQ block: usually SEO filler in news copy",
                          confidence=0.7)
