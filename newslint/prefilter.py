"""Literal gates for regular expressions: skip a scan that cannot match before running it.

Python's ``re`` finds no first-character skip for a case-insensitive alternation, so a phrase
list costs a full scan of every paragraph it is run on, match or not (issue 16: the phrase and
pattern checks were ~40% of the per-article CPU of a cold pass, almost all of it scanning text
that holds none of the phrases). Most of those scans can be answered from what the text
*contains*: "as an AI language model" cannot match an article without the word "language".

A :class:`Gate` is a necessary condition read off a pattern's parse tree, never written by
hand, so it cannot drift from the pattern: for each top-level alternative, a conjunction of
clauses, each clause a set of *atoms* of which at least one must be in the text. An atom is a
whole word (looked up in the article's set of words, O(1)) when the pattern bounds it on both
sides (a look-behind or look-ahead on ``\\w``, ``\\b``, a space, a punctuation literal), else a
literal substring (``in`` on the folded text). Text and literals are compared *folded*: each
character mapped as ``re.IGNORECASE`` compares it (simple lower case plus the regex module's
extra equivalences, ``ı``/``i``, ``ſ``/``s``...), which keeps one character per character, so
a case-sensitive pattern is gated soundly too. Only a necessary condition is derived (parts the
reader does not understand add no clause), so a gate that says no is always right: the scan it
skips would have found nothing.

The article's side (:class:`Haystack`: folded text and word set) is built once per article
and shared by every gated check; a gate costs one set intersection, so a check whose phrases
are absent (most articles, for most lists) costs microseconds instead of a scan. Cutting an
alternation down to the alternatives that pass was tried and dropped: each distinct subset
needs its own ``re.compile`` (milliseconds), more than the scans it saves.
"""

from __future__ import annotations

import re
import threading
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from re import _constants as sre  # type: ignore[attr-defined]
from typing import TYPE_CHECKING, Any

from .text.segment import non_ascii

if TYPE_CHECKING:
    from .article import Article
    from .text.segment import Sentence

#: Word-string variants one word of a pattern may expand to ("experts?" is two) before the
#: reader gives up on it (the gate then simply has no clause from that word).
MAX_VARIANTS = 64
#: Variants of a literal run (any characters) kept for substring atoms, which are the fallback.
MAX_RUN_VARIANTS = 8

_lock = threading.Lock()
_fold_cache: dict[str, str] = {}


def _fold_char(ch: str) -> str:
    """``ch`` as ``re.IGNORECASE`` sees it: its simple lower case, or the least member of the
    regex module's extra equivalence class of that lower case ("ı" -> "i", "ſ" -> "s")."""
    found = _fold_cache.get(ch)
    if found is None:
        import _sre  # the regex engine's own case mapping: the one IGNORECASE compares with
        from re._casefix import _EXTRA_CASES  # type: ignore[import-not-found,unused-ignore]

        lo = _sre.unicode_tolower(ord(ch))
        found = chr(min((lo, *_EXTRA_CASES.get(lo, ()))))
        _fold_cache[ch] = found
    return found


def fold(text: str) -> str:
    """``text`` with every character folded as ``re.IGNORECASE`` compares it, one character per
    character (``str.lower`` is not: it turns "İ" into two characters and leaves "ſ" alone).

    ``str.lower`` is used where it agrees with the regex engine for every character present
    (all ASCII text, and nearly all news text: curly quotes, dashes and accented Latin letters
    lower the same way), so the common case costs one C call."""
    if text.isascii() or _lower_folds(non_ascii(text)):
        return text.lower()
    return "".join(_fold_char(ch) for ch in text)


def _lower_folds(others: str) -> bool:
    """Whether ``str.lower`` folds a text whose non-ASCII characters are ``others`` (in order,
    :func:`~newslint.text.segment.non_ascii`: a few C passes over the text's bytes; searching
    the text itself for :data:`_ODD_CHARS` tried a character class at every character)."""
    if _ODD is not None:
        return _ODD.search(others) is None
    return not any(_odd(ch) for ch in set(others))


#: Every character on which ``str.lower`` and the regex engine's folding disagree, in the
#: Unicode version below (recomputed over all code points by tests/test_prefilter.py); one
#: search for them costs a tenth of reading the text's distinct characters. Another Unicode
#: version asks each distinct non-ASCII character instead.
_ODD_CHARS = (
    "\u0130\u0131\u017f\u0399\u039c\u03a3\u03b9\u03bc\u03c3\u03d0\u03d1\u03d5\u03d6\u03f0\u03f1"
    "\u03f5\u1c80\u1c81\u1c82\u1c83\u1c84\u1c85\u1c86\u1c87\u1e9b\u1fbe\u1fd3\u1fe3\ua64a\ua64b\ufb06")
_ODD_UNICODE = "14.0.0"


def _odd_pattern() -> re.Pattern[str] | None:
    import unicodedata

    if unicodedata.unidata_version != _ODD_UNICODE:
        return None
    return re.compile("[" + re.escape(_ODD_CHARS) + "]")


_ODD = _odd_pattern()
_odd_cache: dict[str, bool] = {}


def _odd(ch: str) -> bool:
    """Whether ``str.lower`` and the regex engine disagree on ``ch``."""
    found = _odd_cache.get(ch)
    if found is None:
        found = _odd_cache[ch] = _fold_char(ch) != ch.lower()
    return found


#: ASCII bytes that are not word characters become spaces (non-ASCII characters arrive as "?").
_ASCII_WORDS = bytes(c if chr(c).isalnum() or c == 95 else 32 for c in range(128)) + b" " * 128


def words_of(folded: str | bytes) -> frozenset[bytes]:
    """A superset of the ASCII ``\\w+`` runs of ``folded``, as bytes: every maximal run of ASCII
    word characters. A run beside a non-ASCII letter is a fragment of a longer word ("caf" of
    "café") and is kept too: the set may hold a word the text lacks, never lack one it holds, so
    a gate reading it can only say yes too often. Gates look up ASCII words only (a non-ASCII
    word is asked as a substring); in C, at a third of the cost of ``findall``."""
    raw = folded.encode("ascii", "replace") if isinstance(folded, str) else folded
    return frozenset(raw.translate(_ASCII_WORDS).split())


@dataclass(frozen=True, slots=True)
class Haystack:
    """What gates ask about one text: its folded form, the same as ASCII bytes (one byte a
    character, "?" for a non-ASCII one: ``bytes.find`` is several times faster than
    ``str.find`` on text with a curly quote in it), and its ASCII words (:func:`words_of`)."""

    folded: str
    raw: bytes
    words: frozenset[bytes]
    #: ``str.lower`` folds the text (no character of :data:`_ODD_CHARS` in it): then it folds
    #: any string made of slices of the text and ASCII characters too (``found_in(lowered=)``).
    lower_folds: bool = False

    @classmethod
    def of(cls, text: str) -> Haystack:
        plain = text.isascii() or _lower_folds(non_ascii(text))
        folded = text.lower() if plain else fold(text)  # (fold's own test, asked once)
        raw = folded.encode("ascii", "replace")
        return cls(folded, raw, words_of(raw), plain)


def haystack(article: Article) -> Haystack:
    """The article's :class:`Haystack`, built once per article and shared by every check."""
    return article.memo("prefilter.haystack", lambda a: Haystack.of(a.text))


#: An atom: (True, word) must be one of the text's ASCII words (bytes); (False, literal) must be
#: in its folded text (bytes: in ``Haystack.raw``; str: in ``Haystack.folded``).
Atom = tuple[bool, "str | bytes"]
Clause = frozenset[Atom]


class Gate:
    """A necessary condition for a pattern to match: any alternative whose clauses all hold.

    ``alternatives`` is empty when nothing could be read (the gate always passes). The first
    clause of each alternative is its rarest; where it is made of whole words, the alternatives
    are indexed by those words, so a text is ruled out by one set intersection in C instead of
    a loop over the alternatives (a phrase list of 30 phrases is one intersection of 30 words
    with the article's words)."""

    __slots__ = ("_index", "_keys", "_rest", "alternatives", "first", "memo_key", "starts")

    def __init__(self, alternatives: tuple[tuple[Clause, ...], ...],
                 first: frozenset[bytes] | None = None, starts: tuple[str | bytes, ...] = ()) -> None:
        if any(not clauses for clauses in alternatives):
            alternatives = ()  # an alternative with no clause may match anything
        self.alternatives = alternatives
        #: The words every match starts with (ASCII, whole words), when known.
        self.first = first
        #: The punctuation every match starts with ("<" of a tag, "&" of an entity), folded:
        #: one of them must be in the text.
        self.starts = starts
        self._index: dict[str | bytes, list[int]] = {}
        self._rest: list[int] = []
        for i, clauses in enumerate(alternatives):
            if all(whole for whole, _ in clauses[0]):
                for _, w in clauses[0]:
                    self._index.setdefault(w, []).append(i)
            else:
                self._rest.append(i)
        self._keys = frozenset(self._index)
        #: The key of this gate's answer in an article's memo (:func:`may_match`), made once.
        self.memo_key = f"prefilter.gate:{id(self)}"

    @property
    def always(self) -> bool:
        return not self.alternatives and not self.starts

    def admits(self, hay: Haystack) -> bool:
        """Whether the pattern may match somewhere in the text of ``hay``."""
        if self.starts and not any((c in hay.raw) if isinstance(c, bytes) else (c in hay.folded)
                                   for c in self.starts):
            return False
        if not self.alternatives:
            return True
        alternatives = self.alternatives
        for i in self._rest:
            if _holds(alternatives[i], hay):
                return True
        if self._keys.isdisjoint(hay.words):
            return False
        return any(_holds(alternatives[i][1:], hay)
                   for w in self._keys & hay.words for i in self._index[w])


    def holding(self, hay: Haystack) -> set[int]:
        """The indices of the alternatives whose clauses all hold (``admits`` without the
        punctuation starts: any of them means yes)."""
        alternatives = self.alternatives
        out = {i for i in self._rest if _holds(alternatives[i], hay)}
        for w in self._keys.intersection(hay.words):
            for i in self._index[w]:
                if i not in out and _holds(alternatives[i][1:], hay):
                    out.add(i)
        return out


def _holds(clauses: Sequence[Clause], hay: Haystack) -> bool:
    words, raw, folded = hay.words, hay.raw, hay.folded
    for clause in clauses:
        several: Any = _literal_searches.get(clause, False)  # False: not yet derived
        if several is False:
            several = _literal_search(clause)
        if several is not None:
            if several.search(raw) is not None:
                continue  # one of its ASCII literals is in the text
        for whole, w in clause:
            if several is not None and not whole and isinstance(w, bytes):
                continue  # asked just above
            if whole:
                found = w in words
            elif isinstance(w, bytes):
                found = w in raw
            else:
                found = w in folded
            if found:
                break
        else:
            return False
    return True


_literal_searches: dict[Clause, re.Pattern[bytes] | None] = {}


def _literal_search(clause: Clause) -> re.Pattern[bytes] | None:
    """One search for a clause's ASCII literals when it has several (" ," " ." " ;" ...: a
    ``bytes`` alternation ``re`` reads as " " and a class, one pass over the text instead of
    one ``in`` per literal); None for a clause with fewer."""
    literals = sorted(w for whole, w in clause if not whole and isinstance(w, bytes))
    found = re.compile(b"|".join(map(re.escape, literals))) if len(literals) >= 2 else None
    with _lock:
        _literal_searches[clause] = found
    return found


def _literal(text: str) -> str | bytes:
    """A substring atom's literal: bytes (looked up in ``Haystack.raw``) when it is ASCII and
    holds no "?" (the stand-in for a non-ASCII character there), else the folded string."""
    return text.encode() if text.isascii() and "?" not in text else text


# -- reading a parse tree ----------------------------------------------------------------------

def _is_word_char(code: int) -> bool:
    return code == 95 or chr(code).isalnum()


class _Reader:
    """Walks one sequence of parse items left to right, collecting clauses.

    ``word`` holds the variants of the word being read (None: none started, or given up),
    ``word_bounded`` whether a boundary is known before it; ``run`` holds the variants of the
    current literal run (any characters), for substring atoms."""

    def __init__(self, left_bounded: bool) -> None:
        self.clauses: list[Clause] = []
        self.substrings: list[Clause] = []
        self.word: list[str] | None = None
        self.word_bounded = left_bounded
        self.run: list[str] = [""]
        # The first word of every match, when the sequence starts with a whole word (nothing
        # consumed before it): where a match can start (see Alternation.scan).
        self.consumed = False
        self.first_open = False
        self.first: frozenset[bytes] | None = None

    # The current word ends here. ``right_bounded``: a non-word character (or a look-ahead
    # forbidding a word character) follows, so the word is a whole word of the text.
    def end_word(self, right_bounded: bool, next_bounded: bool) -> None:
        if (self.word is not None and self.word_bounded and right_bounded and all(self.word)
                and all(w.isascii() for w in self.word)):
            self.clauses.append(frozenset((True, w.encode()) for w in self.word))
            if self.first_open and not any("_" in w for w in self.word):
                self.first = frozenset(w.encode() for w in self.word)
        elif self.word is not None and all(len(w) >= 3 for w in self.word):
            self.substrings.append(frozenset((False, _literal(w)) for w in self.word))
        self.word = None
        self.word_bounded = next_bounded
        self.first_open = False

    def end_run(self) -> None:
        if all(len(r) >= 2 for r in self.run) and self.run != [""]:
            self.substrings.append(frozenset((False, _literal(r)) for r in self.run))
        self.run = [""]

    def add_variants(self, options: Sequence[str], word_chars: bool) -> None:
        """Append one of ``options`` (folded strings) to the word and the run."""
        if word_chars and self.word is None:
            self.first_open = not self.consumed
        self.consumed = True
        if word_chars:
            base = self.word if self.word is not None else [""]
            grown = [w + o for w in base for o in options]
            self.word = grown if len(grown) <= MAX_VARIANTS else None
            if self.word is None:
                self.word_bounded = False
        if len(self.run) * len(options) <= MAX_RUN_VARIANTS:
            self.run = [r + o for r in self.run for o in options]
        else:
            self.end_run()

    def give_up(self) -> None:
        """An item the reader does not understand: the word and the run end unbounded."""
        self.end_word(False, False)
        self.end_run()
        self.word_bounded = False
        self.consumed = True

    def boundary(self) -> None:
        """A non-word character or ``\\b`` / a look-around on ``\\w``: the word ends bounded and
        the next one starts bounded."""
        self.end_word(True, True)


def _literal_options(op: Any, av: Any) -> tuple[list[str], bool] | None:
    """The folded strings a single-character item can match and whether they are all word
    characters (None: not a small set of literals)."""
    if op is sre.LITERAL:
        return [_fold_char(chr(av))], _is_word_char(av)
    if op is sre.IN:
        codes: list[int] = []
        for kind, value in av:
            if kind is sre.LITERAL:
                codes.append(value)
            elif kind is sre.RANGE and value[1] - value[0] < 8:
                codes.extend(range(value[0], value[1] + 1))
            else:
                return None
        folded = sorted({_fold_char(chr(c)) for c in codes})
        if not folded or len(folded) > 8:
            return None
        kinds = {_is_word_char(ord(c)) for c in folded}
        if len(kinds) != 1:
            return None
        return folded, kinds.pop()
    return None


def _non_word_class(op: Any, av: Any) -> bool:
    """A character class that matches no word character (``\\s``, ``[ \\t]``, ``['’]``)."""
    if op is sre.LITERAL:
        return not _is_word_char(av)
    if op is not sre.IN:
        return False
    for kind, value in av:
        if kind is sre.LITERAL and not _is_word_char(value):
            continue
        if kind is sre.CATEGORY and value in (sre.CATEGORY_SPACE, sre.CATEGORY_NOT_WORD):
            continue
        return False
    return True


def _forbids_word(av: Any) -> bool:
    """A negative look-around ``(?<!\\w)`` / ``(?![\\w-])``: no word character beside."""
    _direction, sub = av
    items = list(sub)
    if len(items) != 1:
        return False
    op, value = items[0]
    if op is sre.IN:
        return any(kind is sre.CATEGORY and v == sre.CATEGORY_WORD for kind, v in value)
    return False


def _word_options(items: Sequence[Any]) -> list[str] | None:
    """The folded strings a sequence of word-character literals (some optional: "experts?")
    can spell, or None."""
    out = [""]
    for op, av in items:
        opts = _literal_options(op, av)
        if opts is None and op is sre.MAX_REPEAT and av[0] == 0 and av[1] == 1:
            inner = _word_options(list(av[2]))
            opts = (["", *inner], True) if inner is not None else None
        if opts is None or not opts[1]:
            return None
        out = [o + x for o in out for x in opts[0]]
        if len(out) > MAX_VARIANTS:
            return None
    return out


def _read(items: Sequence[Any], left_bounded: bool, right_bounded: bool) -> tuple[Clause, ...]:
    """The clauses every match of the sequence ``items`` satisfies."""
    return _read_first(items, left_bounded, right_bounded)[0]


def _read_first(items: Sequence[Any], left_bounded: bool,
                right_bounded: bool) -> tuple[tuple[Clause, ...], frozenset[bytes] | None]:
    """The clauses every match of ``items`` satisfies, and the words every match starts with
    (None: not known)."""
    r = _Reader(left_bounded)
    items = _inline_groups(items)
    for idx, (op, av) in enumerate(items):
        opts = _literal_options(op, av)
        if opts is not None:
            options, word_chars = opts
            if word_chars:
                r.add_variants(options, True)
            else:
                r.boundary()
                r.add_variants(options, False)
            continue
        if op is sre.AT and av in (sre.AT_BOUNDARY, sre.AT_BEGINNING, sre.AT_BEGINNING_STRING,
                                   sre.AT_END, sre.AT_END_STRING):
            r.boundary()
            continue
        if op in (sre.ASSERT, sre.ASSERT_NOT):
            if op is sre.ASSERT_NOT and _forbids_word(av):
                r.boundary()
            continue  # other look-arounds consume nothing: no clause, no change to the word
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            lo, hi, sub = av
            sub_items = list(sub)
            if len(sub_items) == 1 and _non_word_class(*sub_items[0]):
                single = _literal_options(*sub_items[0])
                char = single[0][0] if single is not None and len(single[0]) == 1 else None
                ends_with_it = char is not None and r.run != [""] and all(v.endswith(char) for v in r.run)
                if lo >= 1:
                    r.boundary()
                    if char is not None:
                        r.add_variants([char], False)  # "“ +": "“ " is there whatever follows
                    r.end_run()
                    r.consumed = True
                else:
                    r.give_up()
                    if not ends_with_it:
                        continue
                if char is not None and (lo >= 1 or ends_with_it):
                    # " +" (or " *" after a space): whatever the count, a space is the last
                    # character so far, and a literal after it follows a space (" ,").
                    r.run = [char]
                continue
            if lo == 0 and hi == 1:
                spelled = _branch_words(sub_items)
                if spelled is not None:
                    r.add_variants(["", *spelled], True)
                    continue
            was_bounded = r.word is None and r.word_bounded
            r.give_up()
            if lo == 0 and was_bounded and _ends_non_word(sub_items):
                # "(?:widely )?" after a space: skipped or not, a non-word character comes
                # right before what follows, so the next word is still a whole word.
                r.word_bounded = True
            if lo >= 1:  # the body occurs at least once: its own clauses hold
                r.clauses.extend(_read(sub_items, False, False))
            continue
        if op in (sre.SUBPATTERN, sre.BRANCH):
            group = list(av[-1]) if op is sre.SUBPATTERN else [(op, av)]
            nxt_bounded = _next_bounds(items, idx + 1, right_bounded)
            spelled = _branch_words(group)
            if spelled is not None:
                r.add_variants(spelled, True)
                continue
            if _next_bounds(items, idx, False):
                r.boundary()  # "it(?: is|'s)": every alternative starts with a non-word character
            at_start = not r.consumed and r.word is None
            before = r.word_bounded and r.word is None
            r.give_up()
            if at_start:
                # A group opening the sequence: every match starts with one of the words its
                # alternatives start with ("(?:some|foreign[- ]policy) experts").
                read = _alternatives_first(group, before, nxt_bounded)
                if read and all(first is not None for _c, first in read):
                    r.first = frozenset().union(*(first for _c, first in read if first is not None))
            r.clauses.extend(_clause_of(group, before, nxt_bounded))
            continue
        r.give_up()
    r.end_word(right_bounded, False)
    r.end_run()
    # Whole words first, rare ones before common ones ("access" rules a text out sooner than
    # "to"); then the most telling literal substring ("(@", "pic.twitter.com/"), which costs a
    # scan of the text and is asked only when every word is there.
    words = sorted(dict.fromkeys(r.clauses), key=lambda c: (-min(len(w) for _, w in c), len(c)))
    known = {w for c in words for _, w in c}
    # At most eight literals: each costs a scan of the text (of bytes, mostly: fast).
    substrings = sorted(dict.fromkeys(c for c in r.substrings if len(c) <= 8 and not all(
                            (w if isinstance(w, bytes) else w.encode()) in known for _, w in c)),
                        key=lambda c: (-min(len(w) for _, w in c), len(c)))
    if words:
        # Beside words, a literal is worth its scan only when it holds punctuation ("(@"): a
        # run of words and spaces ("according to ") says little more than its words.
        substrings = [c for c in substrings if all(
            any(not (ch.isalnum() or ch.isspace() or ch == "_") for ch in (w.decode() if isinstance(w, bytes) else w))
            for _, w in c)]
    return (*words, *substrings[:1]), r.first


def _inline_groups(items: Sequence[Any]) -> list[Any]:
    """``items`` with each group that holds a plain sequence (a capturing group, no inline
    flags, no alternation of its own) replaced by its items: "( +)" reads as " +"."""
    out: list[Any] = []
    for op, av in items:
        if op is sre.SUBPATTERN and not av[1] and not av[2]:
            inner = list(av[3])
            if not (len(inner) == 1 and inner[0][0] is sre.BRANCH):
                out.extend(_inline_groups(inner))
                continue
        out.append((op, av))
    return out


def _next_bounds(items: Sequence[Any], at: int, right_bounded: bool) -> bool:
    """Whether what follows position ``at`` of ``items`` starts with a non-word character."""
    if at >= len(items):
        return right_bounded
    op, av = items[at]
    if op is sre.ASSERT_NOT and _forbids_word(av):
        return True
    if op is sre.AT and av in (sre.AT_BOUNDARY, sre.AT_END, sre.AT_END_STRING):
        return True
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        lo, _hi, sub = av
        sub_items = list(sub)
        return lo >= 1 and len(sub_items) == 1 and _non_word_class(*sub_items[0])
    if op is sre.BRANCH:
        return all(alt and _next_bounds(list(alt), 0, False) for alt in av[1])
    if op is sre.SUBPATTERN:
        return _next_bounds(list(av[-1]), 0, False)
    return _non_word_class(op, av)


def _ends_non_word(items: Sequence[Any]) -> bool:
    """Whether every match of ``items`` ends with a non-word character ("widely ")."""
    if not items:
        return False
    op, av = items[-1]
    if op is sre.BRANCH:
        return all(_ends_non_word(list(alt)) for alt in av[1])
    if op is sre.SUBPATTERN:
        return _ends_non_word(list(av[-1]))
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        lo, _hi, sub = av
        return lo >= 1 and _ends_non_word(list(sub))
    return _non_word_class(op, av)


def _branch_words(items: Sequence[Any]) -> list[str] | None:
    """The strings a group spells when it is only an alternation of word-character literals
    ("(?:say|says|said)"), or None."""
    if len(items) != 1:
        return _word_options(items)
    op, av = items[0]
    if op is sre.BRANCH:
        out: list[str] = []
        for alternative in av[1]:
            spelled = _word_options(list(alternative))
            if spelled is None:
                return None
            out.extend(spelled)
            if len(out) > MAX_VARIANTS:
                return None
        return out
    return _word_options(items)


def _clause_of(items: Sequence[Any], left_bounded: bool, right_bounded: bool) -> tuple[Clause, ...]:
    """Clauses for a nested group: its own clauses, or for an alternation the union of one
    clause of each alternative (a disjunction of conjunctions is kept as one weaker clause)."""
    alternatives = _alternatives(items, left_bounded, right_bounded)
    if len(alternatives) == 1:
        return alternatives[0]
    union: set[Atom] = set()
    for clauses in alternatives:
        if not clauses:
            return ()
        union |= min(clauses, key=len)
    return (frozenset(union),)


def _alternatives(items: Sequence[Any], left_bounded: bool, right_bounded: bool) -> list[tuple[Clause, ...]]:
    """The top-level alternatives of ``items`` with their clauses (see :func:`_alternatives_first`)."""
    return [clauses for clauses, _first in _alternatives_first(items, left_bounded, right_bounded)]


def _alternatives_first(items: Sequence[Any], left_bounded: bool, right_bounded: bool
                        ) -> list[tuple[tuple[Clause, ...], frozenset[bytes] | None]]:
    """The top-level alternatives of ``items`` with their clauses and first words: a sequence
    that is one alternation between zero-width boundaries is read alternative by alternative."""
    items = list(items)
    core = [i for i, (op, _av) in enumerate(items) if op not in (sre.ASSERT, sre.ASSERT_NOT, sre.AT)]
    if len(core) == 1:
        op, av = items[core[0]]
        inner = list(av[-1]) if op is sre.SUBPATTERN else [(op, av)]
        if len(inner) == 1 and inner[0][0] is sre.BRANCH:
            lb = left_bounded or any(_bounds_left(*items[i]) for i in range(core[0]))
            rb = _next_bounds(items, core[0] + 1, right_bounded)
            return [_read_first(list(alt), lb, rb) for alt in inner[0][1][1]]
    return [_read_first(items, left_bounded, right_bounded)]


def _bounds_left(op: Any, av: Any) -> bool:
    if op is sre.ASSERT_NOT and _forbids_word(av):
        return True
    return op is sre.AT and av in (sre.AT_BOUNDARY, sre.AT_BEGINNING, sre.AT_BEGINNING_STRING)


_gates: dict[tuple[str, int], Gate] = {}


def _union(firsts: Sequence[frozenset[bytes] | None]) -> frozenset[bytes] | None:
    """The words any of several alternatives starts with; None when one is not known."""
    out: set[bytes] = set()
    for first in firsts:
        if first is None:
            return None
        out |= first
    return frozenset(out) if firsts else None


def gate(pattern: re.Pattern[str] | str, flags: int = 0) -> Gate:
    """The gate of a compiled pattern (or of a pattern string and flags), cached per process."""
    if isinstance(pattern, re.Pattern):
        source, flags = pattern.pattern, pattern.flags
    else:
        source = pattern
    key = (source, flags)
    found = _gates.get(key)
    if found is not None:
        return found
    alternation = _alternations.get(id(pattern))
    if alternation is not None and alternation.full is pattern:
        # A word list: the union of its phrases' gates (each phrase is read anyway).
        parts = alternation.gates()
        found = Gate(() if any(g.always for g in parts) else tuple(a for g in parts for a in g.alternatives),
                     _union([g.first for g in parts]))
        with _lock:
            _gates.setdefault(key, found)
        return _gates[key]
    from . import regex_cache  # the parse is kept from run to run with the compiled patterns

    found = Gate(*regex_cache.derived(_read_gate, source, flags))
    with _lock:
        _gates.setdefault(key, found)
    return _gates[key]


def _read_gate(source: str, flags: int) -> tuple[tuple[tuple[Clause, ...], ...], frozenset[bytes] | None,
                                                 tuple[str | bytes, ...]]:
    """A :class:`Gate`'s parts read off a pattern's parse tree (nothing when it cannot be read):
    a pure function of the pattern, so ``regex_cache.derived`` keeps it from run to run."""
    from re import _parser  # type: ignore[attr-defined]

    try:
        parsed = list(_parser.parse(source, flags))
        read = _alternatives_first(parsed, False, False)
    except (re.error, RecursionError):
        parsed, read = [], []
    return (tuple(clauses for clauses, _first in read), _union([first for _clauses, first in read]),
            _punctuation_starts(parsed))



def first_characters(items: Any) -> tuple[set[str], bool] | None:
    """The characters a sequence of parsed regex items can start with, and whether it can match
    the empty string; None when a first item is not a literal, a small class, a group, an
    alternation or a repetition of those (``\\w``, ``.``, a back-reference: unknown). Shared with
    ``wordlists.first_character_guard`` (here, so the import goes one way)."""
    found: set[str] = set()
    for op, av in items:
        if op is sre.LITERAL:
            first, nullable = {chr(av)}, False
        elif op is sre.IN:
            first, nullable = set(), False
            for kind, value in av:
                if kind is sre.LITERAL:
                    first.add(chr(value))
                elif kind is sre.RANGE and value[1] - value[0] < 64:
                    first.update(chr(c) for c in range(value[0], value[1] + 1))
                else:
                    return None
        elif op is sre.SUBPATTERN:
            inner = first_characters(av[3])
            if inner is None:
                return None
            first, nullable = inner
        elif op is sre.BRANCH:
            first, nullable = set(), False
            for alternative in av[1]:
                inner = first_characters(alternative)
                if inner is None:
                    return None
                first |= inner[0]
                nullable = nullable or inner[1]
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            inner = first_characters(av[2])
            if inner is None:
                return None
            first, nullable = inner[0], inner[1] or av[0] == 0
        elif op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
            first, nullable = set(), True  # zero-width: the next item gives the character
        else:
            return None
        found |= first
        if not nullable:
            return found, False
    return found, True


def _punctuation_starts(parsed: list[Any]) -> tuple[str | bytes, ...]:
    """The characters every match starts with, when they are a few punctuation marks ("<",
    "&", "["): a text without any of them holds no match. Read by :func:`first_characters`, as
    ``wordlists.first_character_guard`` reads its guard; letters and digits are too common to be worth it."""
    try:
        found = first_characters(parsed)
    except RecursionError:
        return ()
    if found is None or found[1] or not found[0] or len(found[0]) > 4:
        return ()
    chars = {fold(c) for c in found[0]}
    if any(c.isalnum() or c == "_" or c.isspace() for c in chars):
        return ()
    return tuple(_literal(c) for c in sorted(chars))


def may_match(pattern: re.Pattern[str], article: Article) -> bool:
    """Whether ``pattern`` can match anywhere in the article (False: a scan of its text finds
    nothing, nor one of a window or a slice that does not end inside a word, such as a
    paragraph or a sentence: a word cut there could look whole)."""
    g = gate(pattern)
    if g.always:
        return True
    # Memoised per article: a check asking once per sentence pays for one answer.
    memo = article._memo
    found = memo.get(g.memo_key)
    if found is None:
        found = memo[g.memo_key] = g.admits(haystack(article))
    return found


# -- scanning the folded text --------------------------------------------------------------------

_variants: dict[tuple[str, int], re.Pattern[str] | None] = {}


def _exact(ch: str) -> bool:
    """Whether ``ch`` in a pattern matches the same under IGNORECASE in a text as plainly in the
    folded text: its own fold, and ASCII or no letter (a non-ASCII letter may have case
    partners that a simple lower-casing does not reach)."""
    return _fold_char(ch) == ch and (ch.isascii() or not ch.isalpha())


def _folded_items(items: Any) -> bool:
    """Whether every character a parse tree names is its own fold and ASCII (so matching it
    case-insensitively in a text is matching it exactly in the folded text)."""
    for op, av in items:
        if op in (sre.LITERAL, sre.NOT_LITERAL):
            if not _exact(chr(av)):
                return False
        elif op is sre.IN:
            for kind, value in av:
                if kind is sre.LITERAL and not _exact(chr(value)):
                    return False
                if kind is sre.RANGE and (value[1] > 127 or not all(
                        _exact(chr(c)) for c in range(value[0], value[1] + 1))):
                    return False
                if kind not in (sre.LITERAL, sre.RANGE, sre.CATEGORY, sre.NEGATE):
                    return False
        elif op is sre.BRANCH:
            if not all(_folded_items(alt) for alt in av[1]):
                return False
        elif op is sre.SUBPATTERN:
            if av[1] or av[2] or not _folded_items(av[3]):  # no inline flags inside
                return False
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            if not _folded_items(av[2]):
                return False
        elif op in (sre.ASSERT, sre.ASSERT_NOT):
            if not _folded_items(av[1]):
                return False
        elif op is sre.ATOMIC_GROUP:
            if not _folded_items(av):
                return False
        elif op not in (sre.AT, sre.ANY, sre.CATEGORY):
            return False  # back-references, conditionals...: not rewritten
    return True


#: Escapes, group openers, and single characters of a pattern's source.
_SOURCE_TOKEN = re.compile(r"\\(.)|\(\?(<[=!]|[:=!])?|(.)", re.DOTALL)


def _plain_source(source: str) -> bool:
    """A quick reading of a pattern's source, before the parser is asked (~1 ms a list): no
    upper-case or cased non-ASCII character, no escape but of punctuation or of a class
    (``\\w``, ``\\s``, ``\\b``...), no inline flags or named groups. A pattern that fails
    has no exact folded twin as far as this module can tell."""
    for m in _SOURCE_TOKEN.finditer(source):
        escaped, opener, ch = m.group(1), m.group(2), m.group(3)
        if escaped is not None:
            if escaped.isalnum() and escaped not in "wWsSdDbBAZtnrfv":
                return False
        elif m.group(0).startswith("(?"):
            if opener is None:
                return False
        elif ch is not None and not _exact(ch):
            return False
    return True


def _foldable(source: str, flags: int) -> bool:
    """:func:`_folded_items` of a pattern's parse tree (False when it cannot be read)."""
    from re import _parser  # type: ignore[attr-defined]

    try:
        return _folded_items(_parser.parse(source, flags))
    except (re.error, RecursionError):
        return False


def _has_twin(source: str, flags: int) -> bool:
    """:func:`_plain_source` and :func:`_foldable` together: kept from run to run by
    ``regex_cache.derived`` (reading the source cost ~1 ms a phrase list in every process)."""
    return _plain_source(source) and _foldable(source, flags)


def folded_variant(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """The case-sensitive twin of a case-insensitive ``pattern``, to run on :func:`fold`'s text:
    the same matches at the same offsets, at about 2.5x less cost (``re`` lowers every character
    it compares under IGNORECASE). None when the twin would not be exact: a pattern that names
    an upper-case or non-ASCII character, or uses other flags than IGNORECASE."""
    key = (pattern.pattern, pattern.flags)
    if key in _variants:
        return _variants[key]
    from . import regex_cache  # the parse is kept from run to run with the compiled patterns

    variant = None
    flags = pattern.flags & ~re.UNICODE
    if flags == re.IGNORECASE and regex_cache.derived(_has_twin, pattern.pattern, pattern.flags):
        variant = re.compile(pattern.pattern)
    with _lock:
        _variants.setdefault(key, variant)
    return _variants[key]


def matches_from(pattern: re.Pattern[str], text: str, places: Iterable[int]) -> list[re.Match[str]]:
    """``list(pattern.finditer(text))`` when every match starts at one of ``places`` (ascending):
    ``finditer`` replayed over those places only, each tried with ``match`` unless it lies inside
    the last match (the leftmost match not overlapping the one before, as ``finditer`` finds it).
    For patterns ``re`` would try at every character because they start with a class."""
    out: list[re.Match[str]] = []
    done = 0
    for at in places:
        if at < done:
            continue
        found = pattern.match(text, at)
        if found is not None:
            out.append(found)
            done = max(found.end(), at + 1)
    return out


def spans(pattern: re.Pattern[str], article: Article, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of ``pattern.finditer(article.text, start, end)``, found the cheapest exact way
    (see :func:`scanner`)."""
    return scanner(pattern, article)(start, end)


Scan = Callable[[int, int], list[tuple[int, int]]]


def _nothing(start: int, end: int) -> list[tuple[int, int]]:
    return []


def scanner(pattern: re.Pattern[str], article: Article) -> Scan:
    """``scan(start, end)``: the spans of ``pattern.finditer(article.text, start, end)``, chosen
    once per article and pattern: nothing when the gate rules the article out; for a word list
    (:func:`register`), only its alternatives that may match (:meth:`Alternation.scan`); on the
    folded text by the case-sensitive twin when there is one (the matched text is
    ``article.text[a:b]``; the folded one is lower case)."""
    def build(a: Article) -> Scan:
        inner: Scan
        alternation = _alternations.get(id(pattern))
        if alternation is not None and alternation.full is pattern:
            # Its alternatives' gates are asked there (the list's own gate, the union of
            # theirs, admits whenever one of them does: asking it first was asking twice).
            inner = alternation.scan(a)
        elif not may_match(pattern, a):
            inner = _nothing
        else:
            inner = _finditer(pattern, a)
        text = a.text
        n = len(text)
        plain = pattern.finditer

        def scan(start: int, end: int) -> list[tuple[int, int]]:
            if 0 < end < n and _cuts_word(text, end):
                # A window ending inside a word: a word whole in the window is not whole in
                # the text, which is what the gates and word places read. Scanned plainly.
                return [m.span() for m in plain(text, start, end)]
            return inner(start, end)

        # Where every match starts, when the inner scan knows (None: anywhere).
        scan.places = [] if inner is _nothing else getattr(inner, "places", None)  # type: ignore[attr-defined]
        return scan

    return article.memo(f"prefilter.scanner:{id(pattern)}", build)


def _cuts_word(text: str, end: int) -> bool:
    """Whether ``end`` falls between two word characters of ``text``."""
    a, b = text[end - 1], text[end]
    return (a.isalnum() or a == "_") and (b.isalnum() or b == "_")


def _finditer(pattern: re.Pattern[str], article: Article) -> Scan:
    variant = folded_variant(pattern)
    text = article.text if variant is None else haystack(article).folded
    finditer = (pattern if variant is None else variant).finditer

    def scan(start: int, end: int) -> list[tuple[int, int]]:
        return [m.span() for m in finditer(text, start, end)]

    return scan


#: ASCII letters and digits kept, every other character a space (non-ASCII ones arrive as "?").
_ALNUM = bytes(c if chr(c).isalnum() else 32 for c in range(128)) + b" " * 128


def spaced(article: Article) -> bytes:
    """The folded text as bytes, one per character, with every character but an ASCII letter or
    digit a space, and one space added at each end: ``b" said "`` is found exactly where
    "said" stands as a whole word (and in a few more places: beside an underscore or a
    non-ASCII letter), at its offset in the text."""
    return article.memo("prefilter.spaced", lambda a: b" " + haystack(a).raw.translate(_ALNUM) + b" ")


def word_places(article: Article, word: bytes) -> list[int]:
    """Where ``word`` (ASCII, lower case) stands in the article as a whole word of
    :func:`spaced` (and so wherever it stands as a whole word of the folded text), in order:
    found with ``bytes.find`` in C, once per article and word, and shared by every list and
    grammar that asks (the attribution lists all start at "is", "was", "it"...)."""
    table: dict[bytes, list[int]] = article.memo("prefilter.word_places", lambda a: {})
    found = table.get(word)
    if found is None:
        pad = spaced(article)
        needle = b" " + word + b" "
        found = []
        at = pad.find(needle)
        while at >= 0:
            found.append(at)  # the word starts at at + 1 in the padded bytes: at in the text
            at = pad.find(needle, at + 1)
        table[word] = found
    return found


def _word_starts(pattern: re.Pattern[str], article: Article, firsts: frozenset[bytes]) -> Scan:
    """A scanner that tries ``pattern`` only where one of ``firsts`` (the words every match
    starts with) stands: their places are found with ``bytes.find`` in C, and ``finditer`` is
    replayed over them (the leftmost place not before the end of the last match where the
    pattern matches). Since every match starts at such a place, the matches are the same, for
    a fraction of the cost: ``re`` tries an alternation at every character otherwise."""
    hay = haystack(article)
    variant = folded_variant(pattern)
    text = article.text if variant is None else hay.folded
    match = (pattern if variant is None else variant).match
    places: set[int] = set()
    for word in firsts & hay.words:
        places.update(word_places(article, word))
    if not places:
        return _nothing
    order = sorted(places)

    def scan(start: int, end: int) -> list[tuple[int, int]]:
        out: list[tuple[int, int]] = []
        done = start
        for at in order[bisect_left(order, start):bisect_left(order, end)]:
            if at < done:
                continue
            m = match(text, at, end)
            if m is not None:
                out.append(m.span())
                done = max(m.end(), at + 1)
        return out

    scan.places = order  # type: ignore[attr-defined]
    return scan


class Alternation:
    """A word list's pattern, ``guard + lead + (?:b1)|(?:b2)... + tail``, with the gate of each
    alternative, so an article is scanned only for the alternatives that may match in it (a
    pattern of one phrase costs a fifth of the list's: measured on the vague-source list)."""

    __slots__ = ("_gates", "_owners", "_single", "bodies", "full", "guard", "lead", "tail")

    #: Up to this many live alternatives are scanned one by one and merged (below); more, and
    #: the whole alternation is cheaper.
    MAX_SEPARATE = 3

    def __init__(self, full: re.Pattern[str], lead: str, bodies: tuple[str, ...], tail: str,
                 guard: Callable[[str], str]) -> None:
        self.full, self.lead, self.bodies, self.tail, self.guard = full, lead, bodies, tail, guard
        self._gates: tuple[Gate, ...] | None = None
        self._single: dict[int, re.Pattern[str]] = {}
        self._owners: list[int] | None = None

    def gates(self) -> tuple[Gate, ...]:
        if self._gates is None:
            # Each alternative read as it sits in the pattern: between the lead's look-behind
            # and the tail's look-ahead (both forbid a word character beside the match).
            bounded = self.lead.startswith("(?<!") and "\\w" in self.lead and "\\w" in self.tail
            self._gates = tuple((bounded and _phrase_gate(b))
                                or gate(self.lead + f"(?:{b})" + self.tail, self.full.flags)
                                for b in self.bodies)
        return self._gates

    def alive(self, hay: Haystack) -> list[int]:
        """The alternatives whose gates admit the text: ``[i for i, g in enumerate(self.gates())
        if g.admits(hay)]``, read through the list's own gate (the union of the alternatives',
        indexed by their rarest words) with one set intersection, instead of a look-up per
        alternative. Only when every alternative has clauses (else the union has none)."""
        gates = self.gates()
        union = gate(self.full)
        if self._owners is None:
            owners = [i for i, g in enumerate(gates) for _ in g.alternatives]
            whole = owners and all(g.alternatives for g in gates) and len(owners) == len(union.alternatives)
            self._owners = owners if whole else []
        owners = self._owners
        if not owners:
            return [i for i, g in enumerate(gates) if g.admits(hay)]
        held = {owners[j] for j in union.holding(hay)}
        return [i for i in sorted(held) if not gates[i].starts or gates[i].admits(hay)]

    def single(self, i: int) -> re.Pattern[str]:
        """The pattern of alternative ``i`` alone, as the list would try it."""
        found = self._single.get(i)
        if found is None:
            body = f"(?:{self.bodies[i]})"
            found = re.compile(self.guard(body) + self.lead + body + self.tail, self.full.flags)
            with _lock:
                found = self._single.setdefault(i, found)
        return found

    def scan(self, article: Article) -> Scan:
        """The scanner for ``article`` (see :func:`scanner`).

        With one live alternative, its own pattern gives the list's matches (the others fail
        everywhere). With a few, each one's every match position is found (a search from each
        position found plus one, so no position is hidden inside an earlier match), and the
        list's own ``finditer`` is replayed over those positions: the leftmost position not
        before the end of the last match, matched there by the whole list, which tries its
        alternatives in order. That is ``finditer``'s definition, so the matches are the same."""
        hay = haystack(article)
        gates = self.gates()
        alive = self.alive(hay)
        if not alive:
            return _nothing
        firsts = _union([gates[i].first for i in alive])
        if firsts is not None:
            return _word_starts(self.full, article, firsts)
        if len(alive) == 1:
            return _finditer(self.single(alive[0]), article)
        if len(alive) > self.MAX_SEPARATE:
            return _finditer(self.full, article)
        full = folded_variant(self.full)
        parts = [self.single(i) for i in alive]
        twins = [folded_variant(p) for p in parts]
        if full is None or any(t is None for t in twins):
            return _finditer(self.full, article)
        text = hay.folded
        searches = [t.search for t in twins if t is not None]
        match = full.match

        def scan(start: int, end: int) -> list[tuple[int, int]]:
            starts: set[int] = set()
            for search in searches:
                m = search(text, start, end)
                while m is not None:
                    starts.add(m.start())
                    m = search(text, m.start() + 1, end)
            out: list[tuple[int, int]] = []
            done = start
            for at in sorted(starts):
                if at < done:
                    continue
                m = match(text, at, end)
                if m is not None:  # always: an alternative matches here
                    out.append(m.span())
                    done = max(m.end(), at + 1)
            return out

        return scan


_alternations: dict[int, Alternation] = {}

#: An escaped phrase as ``wordlists.escape_phrase`` writes it: literal characters, escapes of
#: punctuation, ``['’]`` for an apostrophe and ``[ \t]+`` between words.
_PHRASE_BODY = re.compile(r"(?:[^.^$*+?{}\[\]|()\\]|\\[^\w]|\['’\]|\[ \\t\]\+)+")
_UNESCAPE = re.compile(r"\\(.)|\['’\]|\[ \\t\]\+")


def _phrase_gate(body: str) -> Gate | None:
    """The gate of an escaped literal phrase between word boundaries, read without the regex
    parser (which costs ~1 ms a phrase at start-up): every ASCII word of the phrase must be a
    word of the text. None when ``body`` is not such a phrase."""
    if not _PHRASE_BODY.fullmatch(body):
        return None
    literal = fold(_UNESCAPE.sub(lambda m: m.group(1) or " ", body))
    words = [w for w in re.findall(r"\w+", literal) if w.isascii()]
    if not words:
        return None
    clauses = sorted({frozenset({(True, w.encode())}) for w in words},
                     key=lambda c: -len(next(iter(c))[1]))
    lead = re.match(r"\w+", literal)
    first = lead.group() if lead else ""
    return Gate((tuple(clauses),), frozenset({first.encode()}) if first.isascii() and first.isalnum() else None)


def register(full: re.Pattern[str], lead: str, bodies: tuple[str, ...], tail: str,
             guard: Callable[[str], str]) -> None:
    """Record how a word list's pattern was built (see :class:`Alternation`); its gates are
    read on first use."""
    if id(full) not in _alternations:
        with _lock:
            _alternations.setdefault(id(full), Alternation(full, lead, bodies, tail, guard))


def prose_spans(pattern: re.Pattern[str], article: Article) -> list[tuple[int, int]]:
    """:func:`spans` over the article's prose paragraphs (``article.layout.prose``), in order,
    memoised per article and pattern: a check and the article-wide count that grades it
    (attribution) share one scan."""
    def build(a: Article) -> list[tuple[int, int]]:
        scan = scanner(pattern, a)  # (gated there)
        prose = a.layout.prose
        places: list[int] | None = scan.places  # type: ignore[attr-defined]
        if places is None:
            return [s for para in prose for s in scan(para.start, para.end)]
        # Only the paragraphs where a match may start (a word place of the list), found by
        # bisection from the places: the others give nothing. (``scan``'s plain fallback is
        # for a window ending inside a word; a paragraph ends before white space or a line
        # break, never inside a word.)
        starts = a.memo("prefilter.prose_starts", lambda a: [p.start for p in a.layout.prose])
        wanted: set[int] = set()
        for at in places:
            i = bisect_right(starts, at) - 1
            if i >= 0 and at < prose[i].end:
                wanted.add(i)
        out: list[tuple[int, int]] = []
        for i in sorted(wanted):
            para = prose[i]
            out.extend(scan(para.start, para.end))
        return out

    return article.memo(f"prefilter.prose:{id(pattern)}", build)


def prose_sentences_to_scan(article: Article, scan: Scan) -> list[Sentence]:
    """The sentences of the prose paragraphs, in order, that ``scan`` can find something in:
    those holding one of its word places when it knows them (the others give nothing: a
    sentence ends before white space, never inside a word, so ``scan``'s plain fallback is
    not taken), else all of them. A check scanning sentence by sentence then makes a few
    calls an article instead of one per sentence."""
    places: list[int] | None = getattr(scan, "places", None)
    prose = article.layout.prose
    if places is None:
        return [s for para in prose for s in article.sentences_of(para)]
    sentences = article.sentences
    starts = article._sentence_starts
    chosen: set[int] = set()
    for at in places:
        i = bisect_right(starts, at) - 1
        if i >= 0 and at < sentences[i].end:
            chosen.add(i)
    if not chosen:
        return []
    kept = {p.index for p in prose}
    return [sentences[i] for i in sorted(chosen) if sentences[i].paragraph in kept]


def found_in(pattern: re.Pattern[str], text: str, *, lowered: bool = False) -> bool:
    """``bool(pattern.search(text))``, by the case-sensitive twin on the folded text when the
    pattern has one (half the cost on a paragraph: issue 16, the speech-verb search of
    quote-without-speaker).

    A pattern that is one alternation of plain words between ``\\b``s (:func:`_word_needles`)
    is first answered from the folded text's ASCII words, by ``bytes`` look-ups in C (the search
    tried the alternation at every word start of a paragraph-long text): a word standing alone
    between characters that are surely not word characters is a match; a word absent even when
    every other character (a non-ASCII one, "_") counts as a separator means no match; the
    pattern decides the rest.

    ``lowered``: ``text.lower()`` is known to be its fold (``Haystack.lower_folds`` of the
    article it was cut from), so the text is not read again for odd characters."""
    needles = _word_needles(pattern)
    if needles is not None:
        raw = (text.lower() if lowered else fold(text)).encode("ascii", "replace")
        glued = b" " + raw.translate(_GLUED) + b" "
        if any(n in glued for n in needles):
            return True
        apart = b" " + raw.translate(_ALNUM) + b" "
        if not any(n in apart for n in needles):
            return False
    variant = folded_variant(pattern)
    if variant is None:
        return pattern.search(text) is not None
    return variant.search(fold(text)) is not None


#: ASCII letters, digits, "_" and "?" (a non-ASCII character in ``Haystack.raw``: it may be a
#: letter) kept, every other character a space: a word between two spaces here is whole.
_GLUED = bytes(c if chr(c).isalnum() or chr(c) in "_?" else 32 for c in range(128)) + b" " * 128
_WORD_ALTERNATION = re.compile(r"\\b\(\?:([a-z]+(?:\|[a-z]+)*)\)\\b")
_needles: dict[tuple[str, int], tuple[bytes, ...] | None] = {}


def _word_needles(pattern: re.Pattern[str]) -> tuple[bytes, ...] | None:
    """``(b" said ", b" says ", ...)`` for a case-insensitive ``\\b(?:said|says|...)\\b`` of
    lower-case ASCII words (read off its source; None for any other pattern)."""
    key = (pattern.pattern, pattern.flags)
    found: Any = _needles.get(key, False)  # False: not yet derived
    if found is False:
        m = _WORD_ALTERNATION.fullmatch(pattern.pattern)
        found = None
        if m is not None and pattern.flags & ~re.UNICODE == re.IGNORECASE:
            found = tuple(f" {w} ".encode() for w in m.group(1).split("|"))
        _needles[key] = found
    return found
