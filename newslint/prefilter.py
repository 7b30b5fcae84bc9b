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
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

if TYPE_CHECKING:
    from .article import Article

#: Word-string variants one word of a pattern may expand to ("experts?" is two) before the
#: reader gives up on it (the gate then simply has no clause from that word).
MAX_VARIANTS = 64
_WORD_RUN = re.compile(r"\w+")

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
    if text.isascii() or not any(_odd(ch) for ch in set(_NON_ASCII.findall(text))):
        return text.lower()
    return "".join(_fold_char(ch) for ch in text)


_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_odd_cache: dict[str, bool] = {}


def _odd(ch: str) -> bool:
    """Whether ``str.lower`` and the regex engine disagree on ``ch``."""
    found = _odd_cache.get(ch)
    if found is None:
        found = _odd_cache[ch] = _fold_char(ch) != ch.lower()
    return found


#: ASCII bytes that are not word characters become spaces (non-ASCII characters arrive as "?").
_ASCII_WORDS = bytes(c if chr(c).isalnum() or c == 95 else 32 for c in range(128)) + b" " * 128


def words_of(folded: str) -> frozenset[bytes]:
    """A superset of the ASCII ``\\w+`` runs of ``folded``, as bytes: every maximal run of ASCII
    word characters. A run beside a non-ASCII letter is a fragment of a longer word ("caf" of
    "café") and is kept too: the set may hold a word the text lacks, never lack one it holds, so
    a gate reading it can only say yes too often. Gates look up ASCII words only (a non-ASCII
    word is asked as a substring); in C, at a third of the cost of ``findall``."""
    return frozenset(folded.encode("ascii", "replace").translate(_ASCII_WORDS).split())


@dataclass(frozen=True, slots=True)
class Haystack:
    """What gates ask about one text: its folded form and its ASCII words (see :func:`words_of`)."""

    folded: str
    words: frozenset[bytes]

    @classmethod
    def of(cls, text: str) -> Haystack:
        folded = fold(text)
        return cls(folded, words_of(folded))


def haystack(article: Article) -> Haystack:
    """The article's :class:`Haystack`, built once per article and shared by every check."""
    return article.memo("prefilter.haystack", lambda a: Haystack.of(a.text))


#: An atom: (True, word) must be one of the text's ASCII words (bytes); (False, literal) must be
#: in its folded text.
Atom = tuple[bool, "str | bytes"]
Clause = frozenset[Atom]


class Gate:
    """A necessary condition for a pattern to match: any alternative whose clauses all hold.

    ``alternatives`` is empty when nothing could be read (the gate always passes). The first
    clause of each alternative is its rarest; where it is made of whole words, the alternatives
    are indexed by those words, so a text is ruled out by one set intersection in C instead of
    a loop over the alternatives (a phrase list of 30 phrases is one intersection of 30 words
    with the article's words)."""

    __slots__ = ("_index", "_keys", "_rest", "alternatives")

    def __init__(self, alternatives: tuple[tuple[Clause, ...], ...]) -> None:
        if any(not clauses for clauses in alternatives):
            alternatives = ()  # an alternative with no clause may match anything
        self.alternatives = alternatives
        self._index: dict[str | bytes, list[int]] = {}
        self._rest: list[int] = []
        for i, clauses in enumerate(alternatives):
            if all(whole for whole, _ in clauses[0]):
                for _, w in clauses[0]:
                    self._index.setdefault(w, []).append(i)
            else:
                self._rest.append(i)
        self._keys = frozenset(self._index)

    @property
    def always(self) -> bool:
        return not self.alternatives

    def admits(self, hay: Haystack) -> bool:
        """Whether the pattern may match somewhere in the text of ``hay``."""
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


def _holds(clauses: Sequence[Clause], hay: Haystack) -> bool:
    words, folded = hay.words, hay.folded
    for clause in clauses:
        if not any((w in words) if whole else (cast(str, w) in folded) for whole, w in clause):
            return False
    return True


# -- reading a parse tree ----------------------------------------------------------------------

def _is_word_char(code: int) -> bool:
    ch = chr(code)
    return ch.isalnum() or ch == "_"


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

    # The current word ends here. ``right_bounded``: a non-word character (or a look-ahead
    # forbidding a word character) follows, so the word is a whole word of the text.
    def end_word(self, right_bounded: bool, next_bounded: bool) -> None:
        if (self.word is not None and self.word_bounded and right_bounded and all(self.word)
                and all(w.isascii() for w in self.word)):
            self.clauses.append(frozenset((True, w.encode()) for w in self.word))
        elif self.word is not None and all(len(w) >= 3 for w in self.word):
            self.substrings.append(frozenset((False, w) for w in self.word))
        self.word = None
        self.word_bounded = next_bounded

    def end_run(self) -> None:
        if all(len(r) >= 2 for r in self.run) and self.run != [""]:
            self.substrings.append(frozenset((False, r) for r in self.run))
        self.run = [""]

    def add_variants(self, options: Sequence[str], word_chars: bool) -> None:
        """Append one of ``options`` (folded strings) to the word and the run."""
        if word_chars:
            base = self.word if self.word is not None else [""]
            grown = [w + o for w in base for o in options]
            self.word = grown if len(grown) <= MAX_VARIANTS else None
            if self.word is None:
                self.word_bounded = False
        grown_run = [r + o for r in self.run for o in options]
        if len(grown_run) <= MAX_VARIANTS:
            self.run = grown_run
        else:
            self.end_run()

    def give_up(self) -> None:
        """An item the reader does not understand: the word and the run end unbounded."""
        self.end_word(False, False)
        self.end_run()
        self.word_bounded = False

    def boundary(self) -> None:
        """A non-word character or ``\\b`` / a look-around on ``\\w``: the word ends bounded and
        the next one starts bounded."""
        self.end_word(True, True)


def _literal_options(op: Any, av: Any) -> tuple[list[str], bool] | None:
    """The folded strings a single-character item can match and whether they are all word
    characters (None: not a small set of literals)."""
    from re import _constants as sre  # type: ignore[attr-defined]

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
        if not folded or len(folded) > 4:
            return None
        kinds = {_is_word_char(ord(c)) for c in folded}
        if len(kinds) != 1:
            return None
        return folded, kinds.pop()
    return None


def _non_word_class(op: Any, av: Any) -> bool:
    """A character class that matches no word character (``\\s``, ``[ \\t]``, ``['’]``)."""
    from re import _constants as sre  # type: ignore[attr-defined]

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
    from re import _constants as sre  # type: ignore[attr-defined]

    _direction, sub = av
    items = list(sub)
    if len(items) != 1:
        return False
    op, value = items[0]
    if op is sre.IN:
        return any(kind is sre.CATEGORY and v == sre.CATEGORY_WORD for kind, v in value)
    return False


def _word_options(items: Sequence[Any]) -> list[str] | None:
    """The folded strings a sequence of word-character literals can spell, or None."""
    out = [""]
    for op, av in items:
        opts = _literal_options(op, av)
        if opts is None or not opts[1]:
            return None
        out = [o + x for o in out for x in opts[0]]
        if len(out) > MAX_VARIANTS:
            return None
    return out


def _read(items: Sequence[Any], left_bounded: bool, right_bounded: bool) -> tuple[Clause, ...]:
    """The clauses every match of the sequence ``items`` satisfies."""
    from re import _constants as sre  # type: ignore[attr-defined]

    r = _Reader(left_bounded)
    items = list(items)
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
                if lo >= 1:
                    r.boundary()
                    r.end_run()
                else:
                    r.give_up()
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
        if op is sre.SUBPATTERN:
            sub_items = list(av[-1])
            nxt_bounded = _next_bounds(items, idx + 1, right_bounded)
            spelled = _branch_words(sub_items)
            if spelled is not None:
                r.add_variants(spelled, True)
                continue
            r.give_up()
            r.clauses.extend(_clause_of(sub_items, False, nxt_bounded))
            continue
        if op is sre.BRANCH:
            spelled = _branch_words([(op, av)])
            if spelled is not None:
                r.add_variants(spelled, True)
                continue
            before = r.word_bounded and r.word is None
            r.give_up()
            nxt_bounded = _next_bounds(items, idx + 1, right_bounded)
            r.clauses.extend(_clause_of([(op, av)], before, nxt_bounded))
            continue
        r.give_up()
    r.end_word(right_bounded, False)
    r.end_run()
    # Whole words first, rare ones before common ones ("access" rules a text out sooner than
    # "to"); then the most telling literal substring ("(@", "pic.twitter.com/"), which costs a
    # scan of the text and is asked only when every word is there.
    words = sorted(dict.fromkeys(r.clauses), key=lambda c: (-min(len(w) for _, w in c), len(c)))
    known = {w.decode() for c in words for _, w in c if isinstance(w, bytes)}
    # At most four literals: each costs a scan of the text.
    substrings = sorted(dict.fromkeys(c for c in r.substrings if not all(w in known for _, w in c)
                                      and len(c) <= 4),
                        key=lambda c: (-min(len(w) for _, w in c), len(c)))
    return (*words, *substrings[:1])


def _next_bounds(items: Sequence[Any], at: int, right_bounded: bool) -> bool:
    """Whether what follows position ``at`` of ``items`` starts with a non-word character."""
    from re import _constants as sre  # type: ignore[attr-defined]

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
    return _non_word_class(op, av)


def _ends_non_word(items: Sequence[Any]) -> bool:
    """Whether every match of ``items`` ends with a non-word character ("widely ")."""
    from re import _constants as sre  # type: ignore[attr-defined]

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
    from re import _constants as sre  # type: ignore[attr-defined]

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
    """The top-level alternatives of ``items`` with their clauses: a sequence that is one
    alternation between zero-width boundaries is read alternative by alternative."""
    from re import _constants as sre  # type: ignore[attr-defined]

    items = list(items)
    core = [i for i, (op, _av) in enumerate(items) if op not in (sre.ASSERT, sre.ASSERT_NOT, sre.AT)]
    if len(core) == 1:
        op, av = items[core[0]]
        inner = list(av[-1]) if op is sre.SUBPATTERN else [(op, av)]
        if len(inner) == 1 and inner[0][0] is sre.BRANCH:
            lb = left_bounded or any(_bounds_left(*items[i]) for i in range(core[0]))
            rb = _next_bounds(items, core[0] + 1, right_bounded)
            return [_read(list(alt), lb, rb) for alt in inner[0][1][1]]
    return [_read(items, left_bounded, right_bounded)]


def _bounds_left(op: Any, av: Any) -> bool:
    from re import _constants as sre  # type: ignore[attr-defined]

    if op is sre.ASSERT_NOT and _forbids_word(av):
        return True
    return op is sre.AT and av in (sre.AT_BOUNDARY, sre.AT_BEGINNING, sre.AT_BEGINNING_STRING)


_gates: dict[tuple[str, int], Gate] = {}


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
    from re import _parser  # type: ignore[attr-defined]

    try:
        alternatives = _alternatives(list(_parser.parse(source, flags)), False, False)
    except (re.error, RecursionError):
        alternatives = []
    found = Gate(tuple(alternatives))
    with _lock:
        _gates.setdefault(key, found)
    return _gates[key]


def may_match(pattern: re.Pattern[str], article: Article) -> bool:
    """Whether ``pattern`` can match anywhere in the article (False: every scan of its text,
    whole or in part, finds nothing)."""
    g = gate(pattern)
    if not g.alternatives:
        return True
    # Memoised per article: a check asking once per sentence pays for one answer.
    return article.memo(f"prefilter.gate:{id(g)}", lambda a: g.admits(haystack(a)))


# -- scanning the folded text --------------------------------------------------------------------

_variants: dict[tuple[str, int], re.Pattern[str] | None] = {}


def _folded_items(items: Any) -> bool:
    """Whether every character a parse tree names is its own fold and ASCII (so matching it
    case-insensitively in a text is matching it exactly in the folded text)."""
    from re import _constants as sre  # type: ignore[attr-defined]

    for op, av in items:
        if op in (sre.LITERAL, sre.NOT_LITERAL):
            if av > 127 or _fold_char(chr(av)) != chr(av):
                return False
        elif op is sre.IN:
            for kind, value in av:
                if kind is sre.LITERAL and (value > 127 or _fold_char(chr(value)) != chr(value)):
                    return False
                if kind is sre.RANGE and (value[1] > 127 or any(
                        _fold_char(chr(c)) != chr(c) for c in range(value[0], value[1] + 1))):
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


def folded_variant(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """The case-sensitive twin of a case-insensitive ``pattern``, to run on :func:`fold`'s text:
    the same matches at the same offsets, at about 2.5x less cost (``re`` lowers every character
    it compares under IGNORECASE). None when the twin would not be exact: a pattern that names
    an upper-case or non-ASCII character, or uses other flags than IGNORECASE."""
    key = (pattern.pattern, pattern.flags)
    if key in _variants:
        return _variants[key]
    from re import _parser  # type: ignore[attr-defined]

    variant = None
    flags = pattern.flags & ~re.UNICODE
    if flags == re.IGNORECASE:
        try:
            if _folded_items(_parser.parse(pattern.pattern, pattern.flags)):
                variant = re.compile(pattern.pattern)
        except (re.error, RecursionError):
            variant = None
    with _lock:
        _variants.setdefault(key, variant)
    return _variants[key]


def spans(pattern: re.Pattern[str], article: Article, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of ``pattern.finditer(article.text, start, end)``: nothing when the gate rules
    the article out; for an alternation built by :func:`register` whose alternatives but one
    are ruled out, the scan of that one alone (same matches: the others fail everywhere); and
    a scan of the folded text by the case-sensitive twin when there is one (the matched text
    is ``article.text[a:b]``; the folded one is lower case)."""
    if not may_match(pattern, article):
        return []
    alternation = _alternations.get(id(pattern))
    if alternation is not None and alternation.full is pattern:
        pattern = alternation.for_article(article)
    variant = folded_variant(pattern)
    if variant is None:
        return [m.span() for m in pattern.finditer(article.text, start, end)]
    return [m.span() for m in variant.finditer(haystack(article).folded, start, end)]


class Alternation:
    """A word list's pattern, ``guard + lead + (?:b1)|(?:b2)... + tail``, with the gate of each
    alternative, so an article where one alternative alone may match scans for that one (a
    pattern of one phrase costs a fifth of the list's: measured on the vague-source list)."""

    __slots__ = ("_gates", "_single", "bodies", "full", "guard", "lead", "tail")

    def __init__(self, full: re.Pattern[str], lead: str, bodies: tuple[str, ...], tail: str,
                 guard: Callable[[str], str]) -> None:
        self.full, self.lead, self.bodies, self.tail, self.guard = full, lead, bodies, tail, guard
        self._gates: tuple[Gate, ...] | None = None
        self._single: dict[int, re.Pattern[str]] = {}

    def gates(self) -> tuple[Gate, ...]:
        if self._gates is None:
            # Each alternative read as it sits in the pattern: between the lead's look-behind
            # and the tail's look-ahead.
            self._gates = tuple(gate(self.lead + f"(?:{b})" + self.tail, self.full.flags)
                                for b in self.bodies)
        return self._gates

    def for_article(self, article: Article) -> re.Pattern[str]:
        """The pattern to scan ``article`` with: the one alternative that may match, or all."""
        def build(a: Article) -> int:
            hay = haystack(a)
            alive = [i for i, g in enumerate(self.gates()) if g.admits(hay)]
            return alive[0] if len(alive) == 1 else -1

        only = article.memo(f"prefilter.alive:{id(self)}", build)
        if only < 0:
            return self.full
        found = self._single.get(only)
        if found is None:
            body = f"(?:{self.bodies[only]})"
            found = re.compile(self.guard(body) + self.lead + body + self.tail, self.full.flags)
            with _lock:
                found = self._single.setdefault(only, found)
        return found


_alternations: dict[int, Alternation] = {}


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
        if not may_match(pattern, a):
            return []
        return [s for para in a.layout.prose for s in spans(pattern, a, para.start, para.end)]

    return article.memo(f"prefilter.prose:{id(pattern)}", build)


def found_in(pattern: re.Pattern[str], text: str) -> bool:
    """``bool(pattern.search(text))``, by the case-sensitive twin on the folded text when the
    pattern has one (half the cost on a paragraph: issue 16, the speech-verb search of
    quote-without-speaker)."""
    variant = folded_variant(pattern)
    if variant is None:
        return pattern.search(text) is not None
    return variant.search(fold(text)) is not None
