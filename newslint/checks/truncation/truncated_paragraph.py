"""NL102: a paragraph inside the body breaks off mid-sentence."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...article import Article, Paragraph
from ...declaration import CheckContext, bad, check, good
from ...findings import Hit
from .truncated_body import _INNER_STOP, breaks_off, punctuated_style

_ENDED = re.compile(r"[.!?…][\"”’)]?$")


def ended(text: str) -> bool:
    """``_ENDED.search(text)``: a match is at most two characters and a final newline long, so
    only the last three characters are read (a search from the start stops at every stop)."""
    return _ENDED.search(text, max(0, len(text) - 3)) is not None
#: "MUNICH, March 26 - ", "WASHINGTON (AP) — ", "LONDON (Reuters) - ": the body starts here.
_DATELINE = re.compile(r"^[A-Z][A-Z .'-]{2,30}(?:,[^-—–\n]{2,40})?(?:\s*\([A-Za-z. ]{2,20}\))?\s*[-—–]{1,2}\s")


@check(
    code="NL102",
    name="truncated-paragraph",
    category="truncation",
    severity="warning",
    examples=[
        bad("Officials met on Monday.\n\nThe council voted on Tuesday to delay the plan, and the mayor\n\nShe said the vote "
            "was close. The plan returns in May.", "and the mayor"),
        bad("Officials met on Monday.\n\nPrices rose 3 pct in March. The bank said it expected\n\nThe central bank left "
            "rates unchanged. It meets again in June.", "it expected"),
        good("The measures include:\n\n* tighter vetting;\n\n* secure channels.\n\nThe plan "
             "starts in May."),
        good("The council voted on Tuesday to delay the plan,\nand the mayor said he would appeal.\n"
             "The vote was close."),
        good("Officials met on Monday.\n\nThe turnout was low.\n\nPhoto by Jane Roe/Getty Images\n\n"
             "Officials said the plan was final."),
        bad("MUNICH, March 26 - Siemens AG said on Thursday it would sell its stake in the\n\nThe sale "
            "needs approval.", "in the"),
        bad("LONDON, June 19 - It has\n\nThe bank said profits rose.", "It has"),
        bad("OSLO, Oct 20 - Den Norske Creditbank (DNC\n\nThe bank said profits rose.", "(DNC"),
        good("Council votes to delay the plan, and the mayor\n\nOfficials met on Monday. The vote "
             "was close.", note="a headline before the first sentence"),
        bad("TOKYO, March 24 - Suzuki Motor Co\n\nThe company said sales rose.", "Suzuki Motor Co",
            note="a dateline opens body text: what follows it is a sentence, however short"),
        bad("The Senate voted late on Thursday, after a long debate over the bill and its costs, to "
            "start work on legislation to\n\nThe vote was close.", "legislation to",
            note="the first paragraph, too long for a headline"),
        bad("The council met on Monday.\n\nThe dollar also opened\n\nSterling rose.", "also opened",
            note="a clause (a past-tense verb, \"also\") is no subheading in an article without others"),
        bad("The council met on Monday.\n\nStandard and Poor's recent\n\nThe company is Japan's eighth largest "
            "insurer.", "recent", note="a cut line ending on an adjective"),
        bad("The council met on Monday.\n\nAnalysts in the past have criticized IBM\n\nBut the company "
            "said sales rose.", "criticized IBM", note="an auxiliary: headlinese drops them"),
        good("Officials said the plan was final.\n\nKey dates\n\nThe vote is set for May 4."),
        good("Officials said the plan was final.\n\nHow the vote unfolded\n\nThe vote was set "
             "for May 4."),
        good("The council met on Monday.\n\nA statement from the mayor's office said -\n\n"
             "“We will rebuild the bridge.”\n\nWork starts in June.", title="a lead-in to a quotation"),
    ],
)
def truncated_paragraph(article: Article, ctx: CheckContext) -> Iterator[Hit]:
    """A paragraph inside the body stops mid-sentence and the next one starts afresh.

    What it does:
        Flags a body paragraph that ends without terminal punctuation on a comma, a function
        word, a lowercase word or (when it reads as a sentence) a name, when the next
        paragraph starts a new sentence (a capital or an opening quotation mark) rather than
        continuing it. Articles that do not end their paragraphs with punctuation
        (hard-wrapped lines, captions) are left alone, as are headings, list introductions and
        the last paragraph (the truncated-body check judges the end of the article).

    Why it matters:
        Scrapers and rewriters drop the end of a paragraph when a link, an embed or an ad sat
        inside it; the reader gets half a sentence and the fact that completed it is lost.
    """
    if not punctuated_style(article):
        return
    layout = article.layout
    chrome = layout.furniture
    last = layout.body_end
    terminal = layout.terminal
    paras = article.paragraphs
    started = False  # the headline, standfirst and dateline come before the first full sentence
    for para in paras[:max(last, 0)]:
        if not started:
            started = para.kind == "body" and ended(para.text)
            if not (_DATELINE.match(para.text) or _running_text(para)):
                continue  # a dateline, or a whole sentence, opens the body itself: judged too
            started = True
        elif terminal[para.index] and not _DATELINE.match(para.text):
            continue  # most paragraphs: a sentence that ends, which breaks_off would say at once
        if para.index in chrome or para.is_list_item or para.index + 1 >= len(paras):
            continue
        nxt = paras[para.index + 1]
        if nxt.is_list_item or nxt.index in chrome or (not nxt.text[:1].isupper() and nxt.text[:1] not in "“\"‘'"):
            continue
        if _leads_on(para.text, nxt.text):
            continue
        dateline = _DATELINE.match(para.text)
        if dateline:
            # A dateline opens body text: what follows it is prose, however short.
            # A dateline opens body text: what follows it is prose, however short ("TOKYO, March
            # 24 - Suzuki Motor Co" is a sentence cut after its subject).
            rest = para.text[dateline.end():].split()
            if ended(para.text) or len(rest) < 2 or para.text.rstrip()[-1:] in ">)]":
                continue
        elif not breaks_off(article, para, strict_headings=True):
            continue
        start = para.text.rfind(" ", 0, max(0, len(para.text) - 12)) + 1
        yield Hit(para.start + start, para.end,
                  "this paragraph breaks off mid-sentence: the end of the sentence (or at least its "
                  "full stop) is missing", confidence=0.75)


def _running_text(para: Paragraph) -> bool:
    """A paragraph before the first finished one that is body text all the same: it holds a
    whole sentence ("... all over. A commercial that all") or is longer than any headline."""
    words = para.text.split()
    return para.kind == "body" and (bool(_INNER_STOP.search(para.text)) or len(words) >= 20)


def _leads_on(text: str, next_text: str) -> bool:
    """The paragraph ends on purpose: a dash or a colon introducing what follows ("... from the
    Italian Treasury said-", "... reported by private exporters -"), a comma or dash leading into
    a quotation in the next paragraph, or a full stop inside a closing bracket ("Holdings
    Inc.>")."""
    tail = text.rstrip()
    if tail.endswith((".>", ".]", ".)")):
        return True
    if tail.endswith(("-", "—", "–", ":")):
        return True
    return tail.endswith(",") and next_text[:1] in "“\"‘'"
