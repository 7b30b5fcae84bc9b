"""NL201: a word, punctuation, and the next word with no space between them."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...article import Article
from ...declaration import CheckContext, bad, check, good
from ...findings import Fix, Hit
from ...text.tokens import looks_like_address, token_around

# letter(s) + punctuation + (optional opening quote) + letter. Linear: fixed-width look-arounds.
# Written to start with the character it consumes first (the look-behind moved after it), so
# that re skips to candidates in C instead of trying the pattern at every position (~5x less).
# The letter after is asked before the two before: most punctuation is followed by a space.
_JOIN_TAIL = r"(?=[“‘\"']?[^\W\d_])(?<=[^\W\d_]{2}[.!?;:,])([“‘\"']?)(?=[^\W\d_])"
_JOIN = re.compile(r"([.!?;:,])" + _JOIN_TAIL)
#: The same, one pattern per mark, each starting with its literal mark (as :data:`_AFTER_CLOSES`):
#: ``re`` skips to a literal with a plain character loop, to a class at ~5x the cost a character;
#: the marks absent from the text (";", "!", "?" mostly) are not searched for at all.
_JOINS = tuple((mark, re.compile(f"({re.escape(mark)})" + _JOIN_TAIL)) for mark in ".,;:!?")
_CAP_WORD = re.compile(r"[A-Z][a-z]")
_LOWER_WORD = re.compile(r"[a-z]{2}")
# A closing quotation mark glued to the next word: ``said.”He``.
_AFTER_CLOSE = re.compile(r"([”\"])(?<=[.!?,][”\"])(?=[^\W\d_]{2})")
#: The same, one pattern per mark: each starts with a single literal character, which ``re``
#: skips to with a plain character loop (a class costs it ~5x more per character scanned).
_AFTER_CLOSES = (re.compile(r"(”)(?<=[.!?,]”)(?=[^\W\d_]{2})"), re.compile(r"(\")(?<=[.!?,]\")(?=[^\W\d_]{2})"))

NAMES = {".": "full stop", ",": "comma", ";": "semicolon", ":": "colon", "!": "exclamation mark",
         "?": "question mark"}


@check(
    code="NL201",
    name="missing-space-after-punctuation",
    category="spacing",
    severity="warning",
    fixable=True,
    examples=[
        bad("Gang members.This included sharing data.", "members.This",
            fixed="Gang members. This included sharing data."),
        bad("Despite promises of relocation assistance,many informants were left alone.",
            "assistance,many",
            fixed="Despite promises of relocation assistance, many informants were left alone."),
        bad("“We will win,”he said.", "”he", fixed="“We will win,” he said."),
        good("Inflation rose 3.5 percent in the U.S. last year, officials said at 9:30 a.m."),
        good("Add thelocalreport.in to your sources or write to news@example.com."),
        good("See https://example.com/news,Story and www.example.org/a.b for more."),
        good("Prices fell 1,000 points; the No.1 seed, a Ph.D. student, won."),
        good("Both Ph.Ds were hired."),
    ],
)
def missing_space_after_punctuation(article: Article, ctx: CheckContext) -> Iterator[Hit]:
    """A full stop, comma or other punctuation mark is followed directly by the next word.

    What it does:
        Flags ``members.This``, ``assistance,many`` and ``said.”He``: punctuation between two
        words with no space after it. Numbers (``3.5``, ``1,000``), abbreviations (``U.S.``,
        ``a.m.``, ``Ph.D.``), times, URLs, e-mail addresses, domains (``thelocalreport.in``),
        handles and hashtags are left alone.

    Why it matters:
        Missing spaces are the commonest trace of text pasted from a web page or a CMS field that
        dropped line breaks. Readers see broken words, search engines index non-words, and
        text-to-speech reads them as one word.
    """
    text = article.text
    # Both patterns are run once over the whole text, not once per paragraph (~25 calls an
    # article, most finding nothing): a match never crosses a line (its look-arounds need
    # letters, a paragraph is a stripped line, and what lies between paragraphs is white
    # space), so the matches are the paragraphs' own, grouped back by paragraph here.
    joins: dict[int, list[re.Match[str]]] = {}
    closes: dict[int, list[re.Match[str]]] = {}
    marks = tuple(pattern for mark, pattern in _JOINS if mark in text)
    for found, patterns in ((joins, marks), (closes, _AFTER_CLOSES)):
        matches = [m for pattern in patterns for m in pattern.finditer(text)]
        if len(patterns) > 1:
            matches.sort(key=_start)  # (a mark and a quotation mark at most: no two overlap)
        for m in matches:
            para = article.paragraph_at(m.start())
            if para is not None:
                found.setdefault(para.index, []).append(m)
    for index in sorted(joins.keys() | closes.keys()):
        para = article.paragraphs[index]
        ptext = para.text
        base = para.start
        seen: set[int] = set()  # positions already reported, so `Twitter."That` fires once
        for m in joins.get(index, ()):
            punct = m.group(1)
            m_start, m_end = m.start() - base, m.end() - base
            after = ptext[m_end:m_end + 2]
            before_start, token_end = token_around(ptext, m_start)
            if token_end - before_start > MAX_TOKEN:
                continue  # no prose: a data blob, a base64 string (and quadratic to slice per match)
            word_before = ptext[before_start:m_start]
            if punct == ".":
                # "members.This": a word, then a capitalised word. "Ph.D" or "U.S" are initials.
                if not _CAP_WORD.match(after) or "." in word_before:
                    continue
                if len(word_before) <= 2 and word_before[:1].isupper():
                    continue  # an abbreviation's initials: "Ph.Ds", "St.Louis" styled without space
            elif punct in ",;":
                if not (_LOWER_WORD.match(after) or _CAP_WORD.match(after)):
                    continue
            elif not _CAP_WORD.match(after):
                continue
            if not word_before[-2:].isalpha() or (word_before[-1:].isupper() and punct == "."):
                continue
            tok_start, tok_end = token_around(ptext, m_start)
            if looks_like_address(ptext[tok_start:tok_end]):
                continue
            start = base + m_start - min(len(word_before), 24)
            end = base + m_end
            end = _word_end(text, end)
            at = base + m_start + 1
            seen.add(m_end)
            yield Hit(
                start, end,
                f"no space after the {NAMES[punct]} in \"{text[start:end]}\"",
                suggestion=text[start:at] + " " + text[at:end],
                confidence=0.9 if punct in ".," else 0.8,
                fix=Fix.replace(at, at, " "),
            )
        for m in closes.get(index, ()):
            if m.end() - base in seen:
                continue
            at = m.end()
            start = max(base, at - 8)
            while start > base and not text[start - 1].isspace():
                start -= 1
            end = _word_end(text, at)
            yield Hit(start, end, "no space after the closing quotation mark",
                      suggestion=text[start:at] + " " + text[at:end], confidence=0.85,
                      fix=Fix.replace(at, at, " "))


def _start(m: re.Match[str]) -> int:
    return m.start()


#: Longest space-free token this check looks inside (a longer one is data, not two glued words).
MAX_TOKEN = 300


def _word_end(text: str, i: int) -> int:
    n = len(text)
    j = i
    while j < n and j - i < 30 and (text[j].isalnum() or text[j] in "'’-"):
        j += 1
    return j
