"""A quotation mark opens and never closes."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator

from ...article import Article
from ...declaration import CheckContext, bad, check, good
from ...findings import Hit

_OPENERS = ("“", '"', "«")


@check(
    code="NL250",
    name="unclosed-quotation",
    category="punctuation",
    severity="warning",
    examples=[
        bad("Trump said that “all Venezuelan citizens 14 years of age or older may be removed.\n"
            "But officials later acknowledged that many had no records.", "“all Venezuelan"),
        bad("“We talked about everything we wanted, Lynn said. “It was a long night,” she added.\n"
            "The vote is on Friday.", "“We talked about",
            note="a new quotation opens while one is open: the first lost its closing mark"),
        bad("\"We used to have a forward market, he said. \"For a small exporter it mattered.\"\n"
            "The market closed in 1985.", "\"We used to"),
        bad("“The union is adamant, the Chamber said.\n“Members will vote,” it added.\nThe end.",
            "“The union is",
            note="an attribution inside the open quotation: not a quotation running on"),
        good("“We will rebuild,” she said.\n“And we will do it this year,” she added."),
        good("It pointed out that it has ‘‘a role in regulating content.’’ Critics disagreed."),
        good("He called it \"a disaster\" and \"a shame\", then \"left\" the room."),
        good("\"In the past,\" she said, \"we had one rule, maybe two. “Now there are ten.\n\n"
             "\"That is too many,\" she added.", title="straight and curly marks mixed"),
        good("“The first paragraph of a long quotation runs on,\n“and the next one opens again,” "
             "he said.\nThe end."),
        good("Her family said: “We cannot take it in.\n\nShe was kind to everyone.\n\nWe miss "
             "her,” they said.\n\nThe inquest opens next week.",
             title="a quotation over paragraphs that closes later"),
    ],
)
def unclosed_quotation(article: Article, ctx: CheckContext) -> Iterator[Hit]:
    """A quotation mark opens and never closes.

    What it does:
        Reads each paragraph's quotation marks in order. Flags an opening mark whose quotation
        is still open when another quotation opens (an opening curly mark, or a straight mark
        shaped like an opener after an attribution: ``"... market, he said. "For``), and one
        still open at the end of its paragraph, unless the next paragraph opens with a
        quotation mark (the convention for a quotation that runs over paragraphs). That
        convention does not cover a quotation holding its own attribution (``, the Chamber
        said.``): speech does not attribute itself, so the closing mark was lost before it.
        The article's last paragraph is otherwise left to the truncation check.

    Why it matters:
        Readers cannot tell where the speaker's words end and the reporter's begin; in
        rewritten copy the closing mark is often lost along with the attribution.
    """
    marks = article.quote_marks  # shared with ``article.quotes``
    doubled = _doubled(article.text)  # (asked of each paragraph only when the text holds one)
    if not marks and not doubled:
        return  # no mark, and no doubled single mark standing for one
    chrome = article.layout.furniture
    last = article.layout.body_end
    paras = article.paragraphs
    text = article.text
    k = 0  # the first mark not before the paragraph
    for para in paras:
        k = bisect_left(marks, para.start, k)
        stop = bisect_left(marks, para.end, k)
        if (k == stop and not doubled) or para.index in chrome:
            continue
        if doubled and _doubled(para.text):  # "''" and the like are marks too: the paragraph read itself
            found = _open_quotations(para.text)
        elif k == stop:
            continue
        else:
            found = _open_quotations(para.text, [m - para.start for m in marks[k:stop]])
        for start, end, how in found:
            stop = para.start + end
            spoken = text[para.start + start:stop]
            attributed = bool(_ATTRIBUTION.search(spoken))
            if how == "paragraph-end" and not attributed:
                if para.index >= last:
                    continue  # the article's end: the truncation check judges it
                nxt = paras[para.index + 1] if para.index + 1 < len(paras) else None
                if nxt is not None and nxt.text.startswith(_OPENERS):
                    continue  # a quotation running over paragraphs re-opens each one
                if _closes_in_later_paragraph(article, para.index, last):
                    continue  # the quotation runs over paragraphs without reopening marks, then closes
            at = para.start + start
            yield Hit(at, _first_words(text, at, stop),
                      "this quotation mark is never closed: where does the quotation end?"
                      + (" (the attribution after it shows where the closing mark belongs)" if attributed
                         else ""), confidence=0.85 if attributed or how == "reopened" else 0.8)


#: An attribution inside what would be the quotation: ", he said", ", Smith told reporters",
#: ", said Adam Meyers", ", Taliban spokesman Zabihullah Mujahid said". Speech does not attribute itself, so the closing mark was lost before it.
_ATTRIBUTION = re.compile(
    r"[,?!]\s+(?:(?:he|she|they|it|we)|(?:the|a|an|one|another) [a-z]+(?: [a-z]+)?|"
    r"(?:the\s+|[a-z]+\s+)?(?:[A-Z][\w'’-]+\s+[a-z]+\s+)?[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3})"
    r"\s+(?:said|says|added|adds|told|asked|wrote|explained|noted|stated|declared|continued|insisted|"
    r"yelled|shouted|warned)\b|[,?!]\s+(?:said|says|added|asked)\s+(?:[A-Z]|the\b)")
_STRAIGHT_OPENER_BEFORE = set("([{—–-/:")
_MARKS = re.compile("[“«„”»\"]")


def _doubled(text: str) -> bool:
    """Whether ``text`` holds two single marks standing for a double one, which
    :func:`_open_quotations` reads as a mark (its marks are then not the text's own)."""
    return "''" in text or "’’" in text or "‘‘" in text


def _open_quotations(text: str, marks: list[int] | None = None) -> list[tuple[int, int, str]]:
    """Quotations of one paragraph that never close, as (start, end, how): ``reopened`` when a
    new quotation opens while one is open (an opening curly mark, or a straight mark shaped
    like an opener: after a space, before a letter), ``paragraph-end`` when the paragraph ends
    inside one. Curly and straight marks may pair with each other, as scraped copy mixes them.

    ``marks``: where the paragraph's marks are (from ``article.quote_marks``), when it holds no
    doubled single mark (:func:`_doubled`); else they are searched for."""
    out: list[tuple[int, int, str]] = []
    open_at: int | None = None
    n = len(text)
    if marks is None:
        # Two single marks stand for a double one in some copy (‘‘...’’, ``...'').
        text = text.replace("’’", "”’").replace("‘‘", "“‘").replace("''", "\"'")
        marks = [mark.start() for mark in _MARKS.finditer(text)]  # a loop over every character was ~40% of the check
    for i in marks:
        ch = text[i]
        prev = text[i - 1] if i else " "
        nxt = text[i + 1] if i + 1 < n else " "
        opener_shape = (prev.isspace() or prev in _STRAIGHT_OPENER_BEFORE) and not nxt.isspace()
        if ch in "“«„" or (ch == '"' and open_at is None and opener_shape):
            same_style = open_at is not None and (text[open_at] == '"') == (ch == '"')
            if same_style and open_at is not None:
                out.append((open_at, i, "reopened"))
            # a curly opener inside a straight quotation is the copy mixing its marks: the
            # quotation goes on from the new mark
            open_at = i
        elif ch == '"' and open_at is not None and opener_shape and i - open_at > 1 \
                and _ATTRIBUTION.search(text, open_at, i):
            out.append((open_at, i, "reopened"))  # '"..., he said. "Next' : the close was lost
            open_at = i
        elif open_at is not None:
            open_at = None
    if open_at is not None:
        out.append((open_at, n, "paragraph-end"))
    return out


def _first_words(text: str, start: int, stop: int, words: int = 3) -> int:
    """The end of the first few words after ``start`` (the finding points at the opening)."""
    end, seen = start + 1, 0
    while end < stop and seen < words:
        end += 1
        if end < stop and text[end].isspace() and not text[end - 1].isspace():
            seen += 1
    return end


#: How many paragraphs a quotation may run on without reopening marks.
_RUN_ON_PARAGRAPHS = 8


def _closes_in_later_paragraph(article: Article, index: int, last: int) -> bool:
    """A later paragraph (within a few, before any other quotation opens) closes a quotation it
    never opened: the quotation ran over paragraphs, as segmented or re-flowed copy writes it.
    Each paragraph is read at its first mark (“ « ” » or a straight one; „ is passed over),
    found among ``article.quote_marks``."""
    paras = article.paragraphs
    marks = article.quote_marks
    text = article.text
    for para in paras[index + 1:min(index + 1 + _RUN_ON_PARAGRAPHS, last + 1)]:
        k = bisect_left(marks, para.start)
        while k < len(marks) and marks[k] < para.end and text[marks[k]] == "„":
            k += 1
        if k == len(marks) or marks[k] >= para.end:
            continue
        i = marks[k]
        ch = text[i]
        if ch == "”" or ch == "»":
            return True
        if ch in "“«":
            return False
        before = text[i - 1] if i > para.start else " "
        after = text[i + 1] if i + 1 < para.end else " "
        return not before.isspace() and (after.isspace() or after in ".,;:!?)")
    return False
