"""NL620: misspelled words, proper-noun aware."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from itertools import compress, filterfalse
from typing import Any

from ... import wordlists
from ...analysis.slips import corrections, known, looks_like_abbreviation, may_pass
from ...analysis.vocabulary import Cleared
from ...article import Article
from ...declaration import CheckContext, bad, check, good
from ...findings import Fix, Hit
from ...lexicon import CACHE_WORDS, zipf
from ...text.tokens import looks_like_address, token_around
from ...worddata import english_ids, spelling_index

_lock = threading.Lock()
_state: dict[str, Any] = {}


def _pairs() -> dict[str, str]:
    """The list of misspellings common enough on the web to pass a rarity gate ("thier")."""
    if "pairs" not in _state:
        with _lock:
            if "pairs" not in _state:
                _state["pairs"] = wordlists.load("spelling/misspellings").pairs()
    return _state["pairs"]


#: How much likelier the best correction must be than the word itself (log10 units), for one
#: slip and for two. A word never seen in a web-scale corpus (Zipf < 1) needs only a plausible
#: correction; a word people do write needs a correction far more common than itself.
MARGIN_ONE, MARGIN_TWO = 1.0, 2.0
#: The lowest score (Zipf of the correction plus the price of the slips) that may stand for an
#: unseen word: two ordinary slips in a common word still pass, a far-fetched rewrite does not.
FLOOR_UNSEEN = -1.5

_verdicts: dict[str, tuple[str, float] | None] = {}
_UNDECIDED: Any = object()
#: Distinct unknown words one article may send to the correction search. The 2,611 corpus
#: articles have at most 16; 100 KB of non-dictionary tokens (a code list, a foreign text, an
#: attack) had 12,000 and took over 30 s (reliability audit D13). Past it, only the list of
#: known misspellings is checked.
MAX_SEARCHES = 60
#: Longer "words" are glued text or data, not misspellings; the correction search grows with the
#: square of the length (two slips), so a 100 KB run of letters never reaches it.
MAX_WORD = 40


def _correction(word: str) -> tuple[str, float] | None:
    """The likely intended word for ``word`` and a confidence, or None when ``word`` is fine.

    Cached per process (a dict write is atomic, so threads may share it)."""
    if word in _verdicts:
        return _verdicts[word]
    verdict = None
    if not known(word) and not looks_like_abbreviation(word):
        freq = zipf(word)
        one, two = (FLOOR_UNSEEN + 1.0, FLOOR_UNSEEN) if freq < 1.0 else (freq + MARGIN_ONE, freq + MARGIN_TWO)
        # Most unknown words are written on the web, so their bar is high: rule out the
        # corrections that cannot clear it before ranking them all (``may_pass``). A word never
        # written (Zipf < 1) has bars every common word clears, so ``may_pass`` would prune
        # nothing and run the whole search, then ``corrections`` again when it passes: it is
        # ranked directly. (``may_pass`` never changes a verdict, only skips a ranking whose
        # best cannot clear its bar.)
        ranked = corrections(word) if freq < 1.0 or may_pass(word, one, two) else ()
        if ranked:
            best = ranked[0]
            ok = best.score >= (two if len(best.slips) > 1 else one)
            if ok:
                # Confidence grows with how far the correction outranks the word and its rival.
                runner_up = ranked[1].score if len(ranked) > 1 else best.score - 2.0
                clear = best.score - runner_up >= 1.0
                verdict = best.word, (0.8 if clear else 0.7) - (0.1 if len(best.slips) > 1 else 0.0)
    if len(_verdicts) < CACHE_WORDS:  # bounded: memory stays flat on streams of new words
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
        bad("The firm said its acount was closed.", "acount",
            fixed="The firm said its account was closed.",
            note="a dropped double letter: the likely slip gives account, not the commoner count"),
        bad("The governmemnt said the budgett was final.", "governmemnt", "budgett"),
        bad("Shares in the compnay fell after the anouncement.", "compnay", "anouncement",
            note="web-frequent misspellings: common enough to pass a rarity gate"),
        bad("The ministry said the outllined plan was final.", "outllined",
            note="two slips (a doubled and a keyboard letter)"),
        good("The centre's favourite programme was analysed and recognised by the organisers."),
        good("The overstretched lawmakers livestreamed the ridesharing hearing."),
        good("Net profit was 12 mln dlrs, or 45 cts a shr, up 3 pct from a year earlier."),
        good("Salvatrucha, CECOT and Bukele are names; covid-19 and tweeted are words."),
        good("Follow @thier_handle at https://example.com/thier."),
        good("The gerrymandered districts were redrawn by the councillors."),
    ],
)
def misspelling(article: Article, ctx: CheckContext) -> Iterator[Hit]:
    """A word that is not in the dictionary and has a close, common correction.

    What it does:
        Checks lowercase words against pyspellchecker's English dictionary, extended with the
        inflections, derivations, compounds and British spellings it does not list
        (``livestreamed``, ``favourably``). For an unknown word it ranks corrections one or two
        slips away by how likely the slip is (a noisy channel: the correction's frequency times
        the price of the slip, from keyboard, transposition, dropped- and doubled-letter and
        phonetic models), so ``acount`` gives "account", not the commoner "count". The word is
        flagged when the best correction is far likelier than the word itself, which catches
        misspellings frequent enough on the web to pass a rarity gate (``compnay``). A list of
        misspellings common enough to appear in frequency lists (``thier``) is checked
        directly. Vowel-less tokens (``mln``, ``dlrs``) are abbreviations. Capitalised words (names), acronyms, words the article repeats, URLs,
        handles, words with digits and words in the ``accept`` option are never flagged.

    Why it matters:
        Misspellings undermine trust and break search; in translated or rewritten copy they
        often mark a word the machine did not know.

    Options:
        accept: words this newsroom accepts (house spellings, local names written in lowercase).
    """
    pairs = _pairs()
    accept = {w.lower() for w in ctx.options.get("accept", [])}
    counts = article.word_counts
    flagged: dict[str, tuple[str, float]] = {}
    for word in counts.keys() & pairs.keys():  # a listed misspelling, however often it recurs
        if _candidate(word) and word not in accept:
            flagged[word] = (pairs[word], 0.95)
    spell_counts = spelling_index()[1]
    fine = _FINE.tokens
    if len(fine) >= _FINE.limit:  # bounded (by the limit plus one article's tokens)
        fine.clear()
    # The tokens no earlier article cleared, screened in C: the wrong shape (see ``_candidate``),
    # then the dictionary words (one trie probe each); both are cleared. A listed misspelling and
    # an accepted word are never cleared (they depend on the list and the options).
    # (Lists, in text order: building sets of them costs more than the look-ups.) The screen
    # comes first: one set look-up a token, where the shape takes three calls that each read
    # the token's string (twice the time in a warm pass).
    new = _FINE.new(counts)
    words = list(filter(str.islower, filter(str.isalpha, new)))
    words = list(compress(words, map(_LENGTHS.__contains__, map(len, words))))
    if len(words) < len(new):
        shaped = set(words)
        fine.update(filterfalse(shaped.__contains__, new))
    if accept:
        words = list(filterfalse(accept.__contains__, words))
    words = list(filterfalse(pairs.__contains__, words))
    unknown = [w for w, i in zip(words, english_ids(words), strict=True) if i is None or not spell_counts[i]]
    if len(unknown) < len(words):  # in the dictionary, so known (no suffix analysis)
        fine.update(filterfalse(set(unknown).__contains__, words))
    clear = fine.add
    searches = 0
    for word in unknown:
        verdict = _verdicts.get(word, _UNDECIDED)
        if verdict is _UNDECIDED:
            if counts[word] > 1:
                continue  # a word the article repeats is a term, not a slip: no search
            if not known(word) and not looks_like_abbreviation(word):
                searches += 1  # a ranked search of corrections, the expensive part
                if searches > MAX_SEARCHES:
                    continue
            verdict = _correction(word)
        if verdict is None:
            clear(word)
        elif counts[word] == 1:
            flagged[word] = verdict
    if not flagged:
        return
    skip = article.layout.furniture_indices
    text = article.text
    for w_start, word in zip(article.word_starts, article.word_texts, strict=True):
        found = flagged.get(word)
        if found is None:
            continue
        w_end = w_start + len(word)
        right, confidence = found
        para = article.paragraph_at(w_start)
        if para is not None and para.index in skip:
            continue
        start, end = token_around(text, w_start)
        if looks_like_address(text[start:end]):
            continue
        yield Hit(w_start, w_end, f"\"{word}\" is misspelled; did you mean \"{right}\"?",
                  suggestion=right, confidence=confidence,
                  fix=Fix.replace(w_start, w_end, right, safe=confidence > 0.9))


#: The lengths a candidate may have, ``4 <= len(token) <= MAX_WORD``: tested in C over the
#: tokens' lengths (a ``fullmatch`` per token built a match object for each).
_LENGTHS = frozenset(range(4, MAX_WORD + 1))


def _candidate(word: str) -> bool:
    """Whether a token is one the check reads at all: a lowercase word of letters, 4 to
    :data:`MAX_WORD` long (names, acronyms, numbers and joined forms are never flagged)."""
    return 4 <= len(word) <= MAX_WORD and word.islower() and word.isalpha()


#: Tokens this check never flags in any article under any options: the wrong shape, or a word
#: whose verdict is "fine" (no likely correction). Never a listed misspelling nor an accepted
#: word (those depend on the list and the options).
_FINE = Cleared()
