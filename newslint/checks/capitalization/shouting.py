"""NL304: an ordinary word in capitals in body text."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...article import Article
from ...declaration import CheckContext, bad, check, good
from ...findings import Hit
from ...lexicon import pos, zipf
from ._names import case_bytes

#: Capital first, boundary after it: re skips to capitals in C (same matches as
#: ``(?<![\w’'-])[A-Z]{4,}(?:\s+[A-Z]{2,})*(?![\w’'-])``).
_CAPS = re.compile(r"[A-Z](?<![\w’'-][A-Z])[A-Z]{3,}(?:\s+[A-Z]{2,})*(?![\w’'-])")
#: Capitalised words that are acronyms even though they spell ordinary words.
ACRONYMS = frozenset("""NATO NASA COVID AIDS SWAT NAFTA OPEC UNICEF UNESCO FEMA DACA ICE
    SCOTUS POTUS FLOTUS NIMBY LOL OMG WHO CARES HOPE ASAP RADAR LASER SONAR NEWS ISIS ISIL
    GOP NCAA NASCAR""".split())
#: Nouns that introduce or follow a name ("the carmaker SEAT", "TIME magazine"): the capitals are
#: the name's own spelling.
NAMING_NOUNS = frozenset("""company companies firm firms brand brands group maker makers carmaker
    label labels agency magazine magazines newspaper newspapers paper publication journal band
    show series app party club team unit subsidiary studio collective outlet network channel
    station programme program fund index""".split())
#: A dateline: capitalised words, commas, abbreviations and a date, then a dash, at a paragraph's
#: start ("SAN FRANCISCO, CALIF., March 25 -", "SANTOS, BRAZIL, MARCH 11 —").
# Bounded (at most 12 parts, 40-character words) so that it is linear anywhere (tests/test_hostile.py).
_DATELINE = re.compile(r"[A-Z][\w.’'-]{0,40}(?:[ ,]+(?:[A-Z][\w.’'-]{0,40}|\d{1,4}|\(\w{1,40}\))){0,12}\s+[-—–]\s")
#: Bytes of the text made "A" for a capital A-Z and " " otherwise (one byte a character, "?"
#: for the others first): a match of ``_CAPS`` starts with four capitals in a row, so without
#: "AAAA" in them there is none (a byte table in C instead of a pattern tried at every capital).
#: Where the article has ``case_bytes`` (capitals "U", no other byte "U"), "UUUU" there says the same.
_CAPITALS_AS_A = bytes(65 if 65 <= c <= 90 else 32 for c in range(256))
#: A ticker or code: "<FIAT.MI>", "<LOTS>", "XYZ.N".
_TICKER_AFTER = re.compile(r"(?:\.[A-Z]{1,3})?\s{0,4}>|\.[A-Z]{1,2}\b")


@check(
    code="NL304",
    name="shouting",
    category="capitalization",
    severity="info",
    examples=[
        bad("The council said the plan was a GREAT success for everyone.", "GREAT"),
        good("NATO and NASA officials met the FBI, the CEO of IBM and COVID experts."),
        good("Trump wrote: “GET OUT and VOTE!” on Monday."),
        good("LIMA, PERU, APRIL 3 - Fishing boats stayed in port on Friday.", title="a dateline"),
        good("Shares of Volvo AB <VOLV.ST> and Fiat Spa <FIAT.MI> rose.", title="tickers"),
        good("Watch the launch (VIDEO) before the crew boards.", title="a bracketed headline tag"),
        good("The carmaker SEAT will open a plant near Lyon.", title="a brand after a naming noun"),
        good("Police studied CCTV footage from the station.", title="an acronym"),
        good("Fiat said profits rose. The board of FIAT met on Monday.",
             title="a name the article also writes in title case"),
        bad("The mayor said the new bridge was a HUGE relief for commuters.", "HUGE"),
    ],
)
def shouting(article: Article, ctx: CheckContext) -> Iterator[Hit]:
    """An ordinary word written in capitals in body text ("a GREAT success").

    What it does:
        Flags runs of capital letters in body paragraphs whose words are ordinary English words
        (by word frequency and the lexicon's lowercase forms), not acronyms. Quotations (a tweet
        quoted verbatim), headings and page chrome are left alone, and so are the capitals that
        news copy uses on purpose: datelines ("SANTOS, BRAZIL, MARCH 11 -"), tickers and codes
        ("<FIAT.MI>", "XYZ.N"), bracketed headline tags ("(VIDEO)"), names the article also
        writes in title case ("Fiat" ... "FIAT"), brand and publication names in capitals next to
        a name or a naming noun ("Groupe LAPS", "the carmaker SEAT", "TIME magazine"), and
        acronyms whose lowercase form is no word ("CCTV").

        Info by default: on the clean material of issue 13, even after those exceptions, the
        words it still flagged in edited news were brands and acronyms ("USSR", "VISA", "WIRED":
        0 of 8 right on the tuning half, none left on the checking half), so it cannot promise a
        warning's 9 in 10. Raise it with ``severity`` in the configuration for rewritten or
        generated copy, where capitals for emphasis are common.

    Why it matters:
        Capitals for emphasis are not news style; in scraped text they are often a leftover label
        ("BREAKING", "WATCH") or a machine-rewritten heading.
    """
    text = article.text
    raw = case_bytes(article)  # (shared with the other checks that scan for capitals)
    if (b"UUUU" not in raw) if raw is not None else (
            b"AAAA" not in text.encode("ascii", "replace").translate(_CAPITALS_AS_A)):
        return  # no four capitals in a row anywhere (most articles): no scan of the paragraphs
    title_case: set[str] | None = None
    for para in article.layout.prose:
        dateline: re.Match[str] | bool | None = False  # matched on the paragraph's first run of capitals
        for m in _CAPS.finditer(text, para.start, para.end):
            if m.start() == para.start or para.text.isupper():
                continue  # a dateline ("WASHINGTON — ..."), or an all-caps line (tested first:
                # no look-up in the lexicon, whose first read of a word costs)
            words = m.group(0).split()
            if any(w in ACRONYMS for w in words) or article.in_quote(m.start()):
                continue
            if not all(zipf(w.lower()) >= 3.5 and pos(w.lower()) is not None for w in words):
                continue  # an acronym or a name: its lowercase form is no ordinary word
            if dateline is False:
                dateline = _DATELINE.match(text, para.start, min(para.end, para.start + 90))
            if dateline and m.end() <= dateline.end():  # type: ignore[union-attr]
                continue
            left, right = text[max(para.start, m.start() - 1):m.start()], text[m.end():m.end() + 4]
            if (left in "<([" and left) or _TICKER_AFTER.match(right) or (left == "(" and right[:1] == ")"):
                continue  # a ticker, a code or a bracketed tag
            before = text[max(para.start, m.start() - 30):m.start()].split()
            after = text[m.end():min(para.end, m.end() + 30)].split()
            if before and before[-1].isupper() and before[-1].isalpha():
                continue  # part of a name in capitals ("USA TODAY", "SAN FRANCISCO")
            if before and _name_word_before(article, m.start(), before[-1]):
                continue  # after a capitalised name word: one name ("Groupe LAPS")
            if (before and before[-1].lower().strip(",") in NAMING_NOUNS) or (
                    after and after[0].lower().strip(",.;:") in NAMING_NOUNS):
                continue  # "the carmaker SEAT", "TIME magazine"
            if article.word_counts[words[0]] > 1:
                continue  # a brand the article writes in capitals throughout ("WIRED")
            if title_case is None:
                title_case = {t for t in article.word_set if t[:1].isupper() and t[1:].islower()}
            if any(w.capitalize() in title_case for w in words):
                continue  # the article also writes it as a name ("Fiat" ... "FIAT")
            yield Hit(m.start(), m.end(), f"\"{m.group(0)}\" is in capitals; news style uses "
                      "capitals for acronyms only", suggestion=m.group(0).lower(), confidence=0.3)


def _name_word_before(article: Article, start: int, word: str) -> bool:
    """The word before is capitalised as a name: mid-sentence, or at a sentence start when its
    lowercase form is no English word ("Groupe LAPS")."""
    if not (word[:1].isupper() and word[1:].islower() and word.isalpha()):
        return False
    sentence = article.sentence_at(start)
    mid_sentence = sentence is not None and sentence.start < start - len(word) - 1
    return mid_sentence or pos(word.lower()) is None
