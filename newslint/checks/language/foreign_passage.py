"""NL640: a passage in another language inside an English article."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from functools import lru_cache

from ...analysis.vocabulary import distinct_tokens
from ...analysis.words import words_between
from ...article import Article
from ...declaration import CheckContext, bad, check, good
from ...findings import Hit
from ...lexicon import CACHE_WORDS, foreign_zipf, zipf

#: Short function words shared by English and Romance languages ("a", "de" in names).
_AMBIGUOUS = frozenset("a de la el le".split())
#: A paragraph can hold a foreign run only if it has a letter English lacks or a foreign
#: function word; most paragraphs are skipped on this one search.
_MARKER = re.compile(r"[À-ÖØ-öø-ÿ]|\b(?:de|del|la|las|los|el|y|para|por|con|des|du|les|und|der|das|"
                     r"von|für|dos|della|di|il|che|et|pour|avec|dans|em|uma|um|ao|zu|mit)\b")
_FUNCTION_WORDS = _MARKER.pattern.split("(?:", 1)[1].split(")", 1)[0].split("|")
#: ``_MARKER`` as two searches that ``re`` runs in C from candidate to candidate: a letter
#: English lacks, and the function words grouped by first letter, each letter consumed before
#: its word-boundary check (a leading ``\b`` or an alternation of a class and words makes re
#: try the pattern at every position: ~5x slower on the paragraphs without a marker).
_ACCENTED = re.compile(r"[À-ÖØ-öø-ÿ]")
_FUNCTION_WORD = re.compile("(?:" + "|".join(
    f"{first}(?<=\\b{first})(?:{'|'.join(w[1:] for w in _FUNCTION_WORDS if w[0] == first)})"
    for first in dict.fromkeys(w[0] for w in _FUNCTION_WORDS)) + r")\b")


def _has_accented(text: str) -> bool:
    """``_ACCENTED.search(text) is not None``, asked only of a text that may hold such a letter:
    not ASCII (an O(1) test of the string) and holding the UTF-8 lead byte 0xC3, which every
    letter of U+00C0-U+00FF starts with and no other character has (a byte search in C, where
    ``re`` tests each character against the class)."""
    return not text.isascii() and b"\xc3" in text.encode("utf-8", "surrogatepass") \
        and _ACCENTED.search(text) is not None


def has_marker(text: str) -> bool:
    """Whether ``_MARKER`` finds something in ``text`` (a foreign letter or function word)."""
    return _ACCENTED.search(text) is not None or _FUNCTION_WORD.search(text) is not None


_WORD_SET = frozenset(_FUNCTION_WORDS)
_JOINERS = "-'’"
#: A function word next to a token's inner joiner ("de-facto", "l'amour"): the joiner is
#: consumed first (so ``re`` skips to hyphens and apostrophes in C), then the word after it, or
#: one before it by a fixed-width look-behind per word length.
_JOINED_WORD = re.compile(f"[{_JOINERS}](?:(?:{'|'.join(_FUNCTION_WORDS)})\\b|" + "|".join(
    f"(?<=\\b(?:{'|'.join(w for w in _FUNCTION_WORDS if len(w) == n)})[{_JOINERS}])"
    for n in sorted({len(w) for w in _FUNCTION_WORDS})) + ")")


def _may_have_marker(article: Article) -> bool:
    """Whether ``_MARKER`` may match anywhere in the article (never false when it does): a
    foreign letter, a token that is a function word, or a function word joined to another by a
    hyphen or an apostrophe (a marker inside a token sits next to one of its joiners). A set
    test of the distinct tokens, then two searches of those tokens joined by spaces (a third of
    the text: a foreign letter is a letter, so it is inside a token, and a function word next
    to a joiner either is a token of its own or is inside one; a space where the text has an
    underscore can only add matches); 9 articles in 10 stop here."""
    if not _WORD_SET.isdisjoint(article.word_counts):
        return True
    tokens = distinct_tokens(article)
    return _has_accented(tokens) or _JOINED_WORD.search(tokens) is not None


def _marker_starts(text: str) -> list[int]:
    """Where ``_MARKER`` matches in ``text``, sorted: two scans of the whole text in C instead
    of two searches per paragraph. A marker is a letter or a whole word, so it never spans two
    paragraphs, and a paragraph has one exactly when one of these offsets falls inside it."""
    found = [m.start() for m in _ACCENTED.finditer(text)] if _has_accented(text) else []
    words = [m.start() for m in _FUNCTION_WORD.finditer(text)]
    if found and words:
        return sorted(found + words)
    return found or words


LANGUAGES = {"es": "Spanish", "fr": "French", "de": "German", "pt": "Portuguese", "it": "Italian"}


def _zipf_in(lang: str, word: str) -> float:
    """Zipf frequency in another language, from wordfreq's small lists (~35k words each,
    compiled and memory-mapped): enough to tell "Confinamiento" is Spanish, without a 100 MB
    detector."""
    return foreign_zipf(lang, word)


def _leaning(word: str) -> tuple[str, float] | None:
    """The language a word leans to, if it is clearly more common there than in English."""
    return _leaning_lower(word.lower())


@lru_cache(maxsize=CACHE_WORDS)
def _leaning_lower(low: str) -> tuple[str, float] | None:
    en = zipf(low)
    if en >= 6.0 and low not in _AMBIGUOUS:
        return None  # a very common English word ("the", "said") never starts a foreign run
    best = max(((lang, _zipf_in(lang, low)) for lang in LANGUAGES), key=lambda kv: kv[1])
    if best[1] >= 2.0 and best[1] >= en + 0.8:
        return best
    return None


@check(
    code="NL640",
    name="foreign-passage",
    category="language",
    severity="info",
    options={"min-words": 3},
    examples=[
        bad("The core issue is the Programa de Protección a Testigos and its failures.",
            "Programa de Protección"),
        bad("The detainees went to the Centro de Confinamiento de Terroristas, officials said.",
            "Centro de Confinamiento de Terroristas"),
        good("He flew from Los Angeles to San Francisco and then to El Salvador."),
        good("The council approved the budget on Monday after a long debate."),
    ],
)
def foreign_passage(article: Article, ctx: CheckContext) -> Iterator[Hit]:
    """Words in another language (Spanish, French, German, Portuguese, Italian) in English text.

    What it does:
        Marks each word that is clearly more common in one of five languages than in English
        (word-frequency lists from wordfreq), and reports runs of at least ``min-words`` such
        words ("Centro de Confinamiento de Terroristas") at info level, naming the language.
        Two-word place names (Los Angeles, El Salvador) are below the threshold.

    Why it matters:
        Untranslated passages are a trace of machine translation or of copy pasted from a
        foreign source; an editor should decide whether to translate or gloss them.

    Options:
        min-words: the shortest run reported.
    """
    if not _may_have_marker(article):
        return
    markers = _marker_starts(article.text)
    if not markers:
        return
    skip = article.layout.furniture_indices
    min_words = int(ctx.options.get("min-words", 3))
    find = _runs if min_words >= 1 else _runs_word_by_word
    for para in article.paragraphs:
        i = bisect_left(markers, para.start)
        if para.index in skip or i == len(markers) or markers[i] >= para.end:
            continue  # no marker in the paragraph: ``has_marker(para.text)`` is false
        for start, end, lang in find(article, para.start, para.end, min_words):
            yield Hit(start, end, f"\"{article.text[start:end]}\" looks {LANGUAGES[lang]}: "
                      "translate or gloss it for English readers", confidence=0.7)


def _lean(word: str) -> str | None:
    """The language a word token leans to (``_leaning``), None for a token not all letters."""
    if not word.isalpha():
        return None
    lean = _leaning(word)
    return lean[0] if lean is not None else None


def _vote(langs: list[str]) -> str:
    """The language most words of a run lean to (the first of them on a tie)."""
    votes: dict[str, int] = {}
    for lang in langs:
        votes[lang] = votes.get(lang, 0) + 1
    return max(votes, key=votes.__getitem__)


def _runs(article: Article, start: int, end: int, min_words: int) -> Iterator[tuple[int, int, str]]:
    """``(start, end, language)`` of each run of at least ``min_words`` (1 or more) leaning words
    in ``[start, end)``: words next to each other with only spaces between, each leaning to a
    language (not necessarily the same). What :func:`_runs_word_by_word` finds, looking up only
    every ``min_words``-th word and the neighbours of those that lean: a run that long holds
    one of them (each word met costs up to six frequency look-ups the first time)."""
    starts, ends, texts = article.word_starts, article.word_ends, article.word_texts
    lo, hi = bisect_left(starts, start), bisect_left(starts, end)
    text = article.text
    leans: dict[int, str | None] = {}

    def lean(k: int) -> str | None:
        found = leans.get(k, _UNSEEN)
        if found is _UNSEEN:
            found = leans[k] = _lean(texts[k])
        return found  # type: ignore[return-value]

    def joined(k: int) -> bool:  # only spaces between word k - 1 and word k
        return text[ends[k - 1]:starts[k]].strip(" ") == ""

    k = lo + min_words - 1
    while k < hi:
        if lean(k) is None:
            k += min_words
            continue
        first = last = k
        while first > lo and joined(first) and lean(first - 1) is not None:
            first -= 1
        while last + 1 < hi and joined(last + 1) and lean(last + 1) is not None:
            last += 1
        if last - first + 1 >= min_words:
            yield starts[first], ends[last], _vote([lean(x) for x in range(first, last + 1)])  # type: ignore[misc]
        k = last + min_words  # the next run starts after this one ends
    return


_UNSEEN = object()


def _runs_word_by_word(article: Article, start: int, end: int, min_words: int) -> Iterator[tuple[int, int, str]]:
    """The runs of :func:`_runs`, word by word (any ``min_words``: below 1 an empty run counts,
    which fails as it always did). The specification the faster search is tested against."""
    words = words_between(article, start, end)
    run: list[tuple[int, int, str]] = []
    for w in [*words, None]:
        lean = _leaning(w.text) if w is not None and w.text.isalpha() else None
        if w is not None and lean is not None and run \
                and article.text[run[-1][1]:w.start].strip(" ") == "":
            run.append((w.start, w.end, lean[0]))
            continue
        if len(run) >= min_words:
            yield run[0][0], run[-1][1], _vote([lang for _, _, lang in run])
        run = [(w.start, w.end, lean[0])] if w is not None and lean is not None else []
