"""NL620: misspelled words, proper-noun aware."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Iterator
from typing import Any

from ... import wordlists
from ...analysis.prose import chrome
from ...article import Article
from ...declaration import CheckContext, bad, check, good
from ...findings import Fix, Hit
from ...lexicon import zipf
from ...text.tokens import looks_like_address, token_around

_lock = threading.Lock()
_state: dict[str, Any] = {}


def _resources() -> tuple[Any, dict[str, str]]:
    """pyspellchecker's English dictionary (160k words, ~0.15 s) and the misspellings list."""
    if "checker" not in _state:
        with _lock:
            if "checker" not in _state:
                from spellchecker import SpellChecker

                _state["pairs"] = wordlists.load("spelling/misspellings").pairs()
                _state["checker"] = SpellChecker(distance=1)
    return _state["checker"], _state["pairs"]


_verdicts: dict[str, str | None] = {}


def _correction(word: str, checker: Any) -> str | None:
    """A common word one edit away from an unknown, rare ``word``; None when ``word`` is fine.
    Cached per process (a dict write is atomic, so threads may share it)."""
    if word in _verdicts:
        return _verdicts[word]
    verdict = None
    if zipf(word) < 2.0 and word not in checker:
        candidate = checker.correction(word)
        if candidate and candidate != word and zipf(candidate) >= 3.5:
            verdict = candidate
    if len(_verdicts) < 1 << 18:
        _verdicts[word] = verdict
    return verdict


@check(
    code="NL620",
    name="misspelling",
    category="spelling",
    severity="warning",
    fixable=True,
    options={"accept": []},
    examples=[
        bad("Individuals who risked thier lives were exposed.", "thier", fixed="Individuals who "
            "risked their lives were exposed."),
        bad("The letter was recieved on Monday.", "recieved"),
        good("Salvatrucha, CECOT and Bukele are names; covid-19 and tweeted are words."),
        good("Follow @thier_handle at https://example.com/thier."),
        good("The gerrymandered districts were redrawn by the councillors."),
    ],
)
def misspelling(article: Article, ctx: CheckContext) -> Iterator[Hit]:
    """A word that is not in the dictionary and has a close, common correction.

    What it does:
        Checks lowercase words against pyspellchecker's English dictionary, backed by word
        frequency: a word is flagged when the dictionary does not know it, it is rare in
        written English, and a one-letter edit gives a common word (``recieved``). A list of
        misspellings common enough to appear in frequency lists (``thier``) is checked
        directly. Capitalised words (names), acronyms, words the article repeats, URLs,
        handles, words with digits and words in the ``accept`` option are never flagged.

    Why it matters:
        Misspellings undermine trust and break search; in translated or rewritten copy they
        often mark a word the machine did not know.

    Options:
        accept: words this newsroom accepts (house spellings, local names written in lowercase).
    """
    checker, pairs = _resources()
    accept = {w.lower() for w in ctx.options.get("accept", [])}
    skip = chrome(article)
    text = article.text
    counts: Counter[str] | None = None
    for w in article.words:
        word = w.text
        if len(word) < 4 or not word.islower() or not word.isalpha() or word in accept:
            continue
        known = pairs.get(word)
        if known is None:
            candidate = _correction(word, checker)
            if candidate is None:
                continue
            if counts is None:
                counts = Counter(x.text for x in article.words)
            if counts[word] > 1:
                continue  # a word the article repeats is a term, not a slip
            known, confidence = candidate, 0.7
        else:
            confidence = 0.95
        para = article.paragraph_at(w.start)
        if para is not None and para.index in skip:
            continue
        start, end = token_around(text, w.start)
        if looks_like_address(text[start:end]):
            continue
        yield Hit(w.start, w.end, f"\"{word}\" is misspelled; did you mean \"{known}\"?",
                  suggestion=known, confidence=confidence,
                  fix=Fix.replace(w.start, w.end, known, safe=confidence > 0.9))
