"""NL101: the article body breaks off."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...analysis.chrome import body_end, chrome_map
from ...article import Article, Paragraph
from ...declaration import CheckContext, bad, check, good
from ...findings import Hit
from ...text.tokens import looks_like_address

_TERMINAL = re.compile(r"[.!?…\"“”’)\]]$")
#: A rule of underscores, dashes or asterisks (AP's ``___``): a section break, not bold text.
_RULE = re.compile(r"[_*=~-]{3,}")
_ELLIPSIS = re.compile(r"(?:\.\.\.|…)$")
_PAYWALL = re.compile(
    r"\b(?:continue reading|read the (?:full|rest of the|whole) (?:story|article)|subscribe (?:now )?to "
    r"(?:continue|read|unlock)|to read (?:more|the full)|the rest of this (?:article|story)|already a "
    r"subscriber|(?:this|the full) (?:article|story) is (?:only )?(?:for|available to) subscribers|"
    r"become a (?:member|subscriber) to)\b", re.IGNORECASE)
#: Endings of clean copy that have no full stop: credits, agency tags, wire lines, bios.
_CLEAN_ENDING = re.compile(
    r"^(?:©|\(?c\)|copyright\b|contributing\b|with\b.*\bwires?$|reporting by|editing by|additional "
    r"reporting|photo|image|source:|via\b|by\s+[A-Z]|___|—|–|-\s|\*\*\*|#)|\b(?:AP|PTI|AFP|Reuters|"
    r"IANS|ANI|UPI|Xinhua)$", re.IGNORECASE)
_FUNCTION_END = re.compile(r"\b(?:the|a|an|and|or|but|of|to|in|on|for|with|by|from|that|which|who|"
                           r"is|are|was|were|has|have|had|will|would|could|as|at|its|their|his|her)$")


def _emphasis_open(text: str) -> bool:
    """An odd number of ``**``/``__`` markers once separator rules are set aside."""
    text = _RULE.sub(" ", text)
    return text.count("**") % 2 == 1 or text.count("__") % 2 == 1


def _verdict(article: Article, para: Paragraph) -> tuple[str, float] | None:
    text = para.text
    words = text.split()
    if _RULE.fullmatch(text) or looks_like_address(words[-1].rstrip(".,;:")):
        return None  # a section rule, or a closing link: both deliberate endings
    if _emphasis_open(text):
        return "breaks off inside bold text (an emphasis marker is never closed)", 0.9
    if _ELLIPSIS.search(text) and not text.endswith(("”", '"')):
        return "ends in an ellipsis: the body was cut to a teaser", 0.85
    if para.is_list_item and not _TERMINAL.search(text):
        items = [p for p in article.paragraphs[max(0, para.index - 6):para.index] if p.is_list_item]
        if len(items) >= 2 and sum(bool(_TERMINAL.search(p.text)) for p in items) >= len(items) - 1:
            return "breaks off in the middle of a list item", 0.85
    prose_like = para.kind == "body" or (
        len(words) >= 8 and sum(w[:1].islower() for w in words) * 2 >= len(words))
    if prose_like and not _TERMINAL.search(text) and len(words) >= 5 \
            and not _CLEAN_ENDING.search(text) and not text.rstrip().endswith(":") \
            and (text[-1] in ",;-–" or _FUNCTION_END.search(text) or text.split()[-1][:1].islower()):
        return "breaks off mid-sentence", 0.85
    if text.endswith(":") and len(words) >= 4 and para.kind == "body":
        return "ends on a colon: what was introduced is missing", 0.8
    quote = article.quote_at(para.end - 1)
    if quote is not None and quote.text[-1:] not in "”\"" and len(quote.text.split()) >= 8:
        return "ends inside a quotation that is never closed", 0.7
    return None


@check(
    code="NL101",
    name="truncated-body",
    category="truncation",
    severity="warning",
    examples=[
        bad("Measures include:\n\n* Enhanced vetting: vet all officials.\n\n* Secure channels: "
            "encrypt data.\n\n* **Autonomous\n\nYou may also like\n\nLeave a Comment",
            "* **Autonomous"),
        bad("The minister said the plan would cut costs and that the council", "the council"),
        bad("The report found that All...", "All..."),
        bad("Prices rose again in March.\n\nContinue reading the full story with a subscription",
            "Continue reading"),
        good("The vote passed 52-48.\n\n(AP Photo/Jane Doe)"),
        good("The vote passed 52-48.\n\n___\n\nAssociated Press writer John Roe contributed."),
        good("The vote passed 52-48.\n\nContributing: Kristine Phillips"),
        good("The vote passed 52-48. Correction: an earlier version misstated the date."),
        good("The vote passed 52-48.\n\n______________________________"),
        good("The vote passed 52-48.\n\nTicket details: http://www.example.com/"),
        good("The vote passed 52-48.\n\nFollow us on Twitter\n\nShare this:\n\nFacebook\n\nTwitter"),
        good("WASHINGTON (AP) — The vote passed 52-48 on Tuesday after a long debate.\n\n"
             "— Reporting by Jane Smith; Editing by John Doe"),
    ],
)
def truncated_body(article: Article, ctx: CheckContext) -> Iterator[Hit]:
    """The article body breaks off: mid-sentence, mid-list, inside bold text, or at a paywall.

    What it does:
        Finds the real end of the body first, setting trailing page chrome aside ("You may also
        like", comment widgets), then judges the last body paragraph: an unclosed emphasis marker
        (``* **Autonomous``), a list item without its ending when the others have one, a sentence
        ending on a comma or a function word, an ellipsis stub (``All...``), an unclosed
        quotation, or a paywall line ("Continue reading", "Subscribe to read"). Clean endings pass:
        photo credits, author bios, AP's ``___`` separator, correction notes, agency tags
        (PTI, AP), "Contributing:" lines.

    Why it matters:
        A cut-off article misleads: the reader gets the setup without the facts, and
        aggregators republish the stub as if it were the story.
    """
    end = body_end(article)
    if end < 0:
        return
    chrome = chrome_map(article)
    for para in article.paragraphs[end:]:
        m = _PAYWALL.search(para.text)
        if m and (para.index in chrome or para.index == end or len(para.text.split()) <= 16):
            yield Hit(para.start + m.start(), para.start + m.end(),
                      "the body stops at a paywall or \"read more\" link: the rest of the article is missing",
                      confidence=0.9)
            return
    para = article.paragraphs[end]
    verdict = _verdict(article, para)
    if verdict:
        message, confidence = verdict
        yield Hit(para.start, para.end, f"the article body {message}", confidence=confidence)
