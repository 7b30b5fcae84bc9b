"""NL160-NL165: template and language-model leftovers."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...analysis.chrome import chrome_map
from ...analysis.prose import prose_paragraphs
from ...article import Article
from ...check import CheckContext, bad, check, good
from ...findings import Hit

_CALLOUT = re.compile(r"^(?:Pro Tip|Quick Tip|Expert Tip|Bonus Tip|Top Tip|Did You Know|Fun Fact|"
                      r"Key Takeaways?|Quick Facts?|TL;DR|In a Nutshell|Bottom Line)\s*[:?!]", re.IGNORECASE)
_BAIT = re.compile(
    r"(?:share|tell us|let us know|leave)\s+(?:your|us your)?\s*(?:thoughts|opinions?|views|comments?)"
    r"(?:\s+(?:in|on|below|with us))[^.!?]{0,40}[.!?]"
    r"|\bwhat (?:are|is) your (?:thoughts|opinion|take|view)s?\b[^.!?]{0,120}\?"
    r"|\b(?:comment|sound off|drop a comment) below\b[^.!?]{0,40}[.!?]?"
    r"|\bdon[’']t forget to (?:like|share|subscribe)\b[^.!?]{0,60}[.!?]?",
    re.IGNORECASE)
_BAIT_KEYS = ("comment", "thought", "opinion", "view", "like", "share", "let us know", "take")
_CHATBOT = re.compile(
    r"\bas an ai(?: language model)?\b|\bas a large language model\b|\bi hope this helps\b|"
    r"\bcertainly!\s+here(?:[’']s| is)\b|\bhere(?:[’']s| is) (?:a |an |the )?(?:rewritten|revised|"
    r"summary|draft|version|news article)\b|\bmy (?:knowledge|training) cut-?off\b|"
    r"\bregenerate response\b|\bi (?:cannot|can[’']t) (?:browse|access real-time)\b|"
    r"\bin this article,? we will\b|\blet[’']s (?:dive|delve) in(?:to)?\b", re.IGNORECASE)
_PLACEHOLDER = re.compile(
    r"\[(?:insert|add|your|placeholder|todo|tk|name of|link to)\b[^\]\n]{0,80}\]|\blorem ipsum\b|"
    r"(?<![\w-])TK(?:TK)*(?![\w-])|\{\{\s*[\w.]+\s*\}\}", re.IGNORECASE)
_FAQ = re.compile(r"^(?:frequently asked questions|faqs?)\s*:?$", re.IGNORECASE)


@check(
    code="NL160",
    name="content-farm-callout",
    category="generated_text",
    severity="warning",
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
    """
    for para in article.paragraphs:
        m = _CALLOUT.match(para.text)
        if m and not article.in_quote(para.start):
            yield Hit(para.start, para.start + m.end(), f"\"{m.group(0)}\" is a content-farm callout, "
                      "not news copy", confidence=0.9)


@check(
    code="NL161",
    name="engagement-bait",
    category="generated_text",
    severity="warning",
    examples=[
        bad("Do you believe the benefits outweighed the risks? Share your opinions in the comments "
            "below.", "Share your opinions in the comments below."),
        good("“Share your thoughts with us,” the mayor told residents at the meeting."),
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
    """
    for para in prose_paragraphs(article):
        lower = para.text.lower()
        if not any(k in lower for k in _BAIT_KEYS):
            continue
        for m in _BAIT.finditer(article.text, para.start, para.end):
            if not article.in_quote(m.start()):
                yield Hit(m.start(), m.end(), "engagement bait: a prompt for reader comments, not "
                          "news copy", confidence=0.85)


@check(
    code="NL162",
    name="leaked-prompt",
    category="generated_text",
    severity="warning",
    examples=[
        bad("The report was released.\n\nWhat legal precedents might be established regarding the "
            "duty of care owed to witnesses, based on the report?\n\nInformants Betrayed: The "
            "Report\n\nA recently released report has ignited controversy.",
            "What legal precedents might be established"),
        good("What happens next?\n\nThe council votes on Monday, officials said."),
        good("Frequently Asked Questions\n\nWhat is the deadline for filing a claim with the agency "
             "this year?\n\nThe deadline is May 1."),
    ],
)
def leaked_prompt(article: Article, ctx: CheckContext) -> Iterator[Hit]:
    """A lone question line followed by a headline: a generation prompt left in the text.

    What it does:
        Flags a paragraph that is one long question (ten words or more, not quoted) standing
        alone, when the next paragraph is a headline: the shape of a prompt given to a language
        model followed by the article it produced. Questions inside an FAQ block, followed by
        their answer, are not prompts.

    Why it matters:
        A leaked prompt shows the text was generated and published unreviewed; the question
        itself often frames the article's unsourced claims.
    """
    paras = article.paragraphs
    for p in paras[:-1]:
        text = p.text
        if not text.endswith("?") or len(text.split()) < 10 or text[:1] in "“\"‘'" or p.is_list_item:
            continue
        if len(article.sentences_of(p)) != 1 or not (p.blank_before and p.blank_after):
            continue
        nxt = paras[p.index + 1]
        if nxt.is_heading and not nxt.text.endswith("?") and not _in_faq(article, p.index):
            yield Hit(p.start, p.end, "a lone question followed by a headline: a generation prompt "
                      "left in the text", confidence=0.75)


def _in_faq(article: Article, index: int) -> bool:
    """Whether the paragraph is part of an FAQ block: walking back over questions and list
    items reaches an FAQ heading."""
    for p in reversed(article.paragraphs[max(0, index - 30):index]):
        if _FAQ.match(p.text):
            return True
        if not (p.is_list_item or p.text.endswith("?")):
            return False
    return False


@check(
    code="NL163",
    name="chatbot-phrase",
    category="generated_text",
    severity="error",
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
    """
    for m in _CHATBOT.finditer(article.text):
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
        good("The TKO came in the third round at the TK Elevator arena."),
    ],
)
def placeholder(article: Article, ctx: CheckContext) -> Iterator[Hit]:
    """A placeholder left in published text ("[Insert name]", "TK", "Lorem ipsum").

    What it does:
        Flags template slots in brackets ("[Insert ...]", "[Your ...]"), the newsroom's "TK"
        (to come) marker, "Lorem ipsum" and unfilled ``{{variables}}``.

    Why it matters:
        A placeholder means a fact was never filled in.
    """
    for m in _PLACEHOLDER.finditer(article.text):
        if m.group(0) == "TK" and re.match(r"\s+[A-Z]", article.text[m.end():m.end() + 2]):
            continue  # "TK Elevator": a name
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
        if _FAQ.match(p.text) and p.index not in chrome:
            following = article.paragraphs[p.index + 1:p.index + 4]
            if sum("?" in q.text for q in following) >= 2:
                yield Hit(p.start, p.end, "an FAQ block: usually SEO filler in news copy",
                          confidence=0.7)
