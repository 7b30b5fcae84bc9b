"""How writers' fingers and ears slip: corrections for a non-word, ranked by how likely the slip is.

A noisy-channel model. A typed non-word ``q`` came from an intended word ``w`` through one or two
slips; the likeliest ``w`` maximises ``log P(w) + log P(slip)``, with ``log P(w)`` read as the
word's Zipf frequency and each slip priced by what people's hands and ears actually do:

- **keyboard**: a key next to the right one (``accpunt``), an extra key struck beside it;
- **transposition**: two letters swapped (``thier``);
- **dropped** and **doubled** letters, cheapest where the letter is a double one (``acount``,
  ``untill``): doubles are what spellers forget;
- **phonetic**: a sound spelt another way (``ie``/``ei``, ``-ance``/``-ence``, ``ph``/``f``,
  ``-able``/``-ible``, vowels in unstressed syllables: ``seperate``).

Ranking by slip likelihood rather than by frequency alone is what gives ``acount`` -> "account"
(a dropped double letter) instead of "count" (a dropped first letter of a more frequent word).

Known words are pyspellchecker's English dictionary plus the inflections and derivations it does
not list (``-ed``, ``-ing``, ``-ies``, ``re-``, ``un-``...), so that a real but unlisted form is not
"corrected".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Container, Iterable, Iterator, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import lru_cache
from operator import itemgetter

from .. import worddata
from ..lexicon import CACHE_WORDS, pos, zipf

_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_KEY_POS = {ch: (r, c + 0.5 * r) for r, row in enumerate(_ROWS) for c, ch in enumerate(row)}
#: Keys next to each key on a QWERTY keyboard (rows are offset by half a key).
NEIGHBOURS: dict[str, frozenset[str]] = {
    ch: frozenset(o for o, (r2, c2) in _KEY_POS.items() if o != ch and abs(r - r2) <= 1 and abs(c - c2) <= 1)
    for ch, (r, c) in _KEY_POS.items()
}
_VOWELS = frozenset("aeiou")
_LETTERS = "abcdefghijklmnopqrstuvwxyz"

#: Spellings of one sound, both ways round: a writer who hears the word may pick either.
_PHONETIC_PAIRS = (("ie", "ei"), ("ph", "f"), ("ance", "ence"), ("ant", "ent"), ("able", "ible"),
                   ("ar", "er"), ("er", "or"), ("ous", "us"), ("tion", "sion"), ("sion", "ssion"),
                   ("ise", "ize"), ("our", "or"), ("ck", "k"), ("c", "s"), ("c", "k"), ("s", "z"),
                   ("ea", "ee"), ("ai", "ay"), ("gh", "g"), ("wh", "w"), ("ey", "y"), ("ate", "ite"),
                   ("cial", "tial"), ("ery", "ary"), ("ify", "efy"), ("eed", "ede"), ("sc", "s"),
                   ("x", "cks"), ("j", "g"), ("ough", "ow"), ("ough", "uff"))
PHONETIC: tuple[tuple[str, str], ...] = _PHONETIC_PAIRS + tuple((b, a) for a, b in _PHONETIC_PAIRS)

#: Log10 prices of single slips. A first-letter slip is rarer still (``FIRST_LETTER``).
COST = {
    "transposition": -1.0,
    "doubled": -1.0,  # "untill": a letter typed twice (reversed: drop one of a double)
    "dropped-double": -0.8,  # "acount": one letter of a double left out
    "dropped": -1.6,  # "goverment": any other letter left out
    "keyboard": -1.2,  # "accpunt": the key next door
    "extra-key": -1.4,  # "acciount": a neighbouring key struck as well
    "phonetic": -1.0,
    "vowel": -1.4,  # "seperate": an unstressed vowel spelt as another
    "substitution": -2.6,
    "insertion": -2.2,
}
FIRST_LETTER = -1.2


@dataclass(frozen=True, slots=True)
class Correction:
    """A likely intended word, how the slip happened, and its score (log10 units)."""

    word: str
    slips: tuple[str, ...]
    score: float


def _edits(q: str) -> Iterator[tuple[str, str, float]]:
    """Every string one slip away from the typed ``q``, as (intended, slip, log price)."""
    n = len(q)
    for i in range(n + 1):
        first = FIRST_LETTER if i == 0 else 0.0
        left, right = q[:i], q[i:]
        if i < n:
            # q has an extra letter at i: the intended word lacks it.
            ch = q[i]
            if i and q[i - 1] == ch:
                yield left + right[1:], "doubled", COST["doubled"]
            elif (i and q[i - 1] in NEIGHBOURS.get(ch, ())) or (i + 1 < n and q[i + 1] in NEIGHBOURS.get(ch, ())):
                yield left + right[1:], "extra-key", COST["extra-key"] + first
            else:
                yield left + right[1:], "insertion", COST["insertion"] + first
            # Two letters swapped.
            if i + 1 < n and q[i] != q[i + 1]:
                yield left + q[i + 1] + q[i] + right[2:], "transposition", COST["transposition"] + first
            # A wrong letter at i.
            for c in _LETTERS:
                if c == ch:
                    continue
                if c in NEIGHBOURS.get(ch, ()):
                    slip = "keyboard"
                elif c in _VOWELS and ch in _VOWELS:
                    slip = "vowel"
                else:
                    slip = "substitution"
                yield left + c + right[1:], slip, COST[slip] + first
        # The intended word has a letter here that q lacks.
        for c in _LETTERS:
            double = (i and q[i - 1] == c) or (i < n and q[i] == c)
            slip = "dropped-double" if double else "dropped"
            yield left + c + right, slip, COST[slip] + (first if not double else 0.0)
    for a, b in PHONETIC:
        if a not in q:
            continue
        start = q.find(a, 1)
        while start >= 0:
            yield q[:start] + b + q[start + len(a):], "phonetic", COST["phonetic"]
            start = q.find(a, start + 1)




_substitutions: dict[str, tuple[tuple[str, str, float], ...]] = {}


def _typed_for(ch: str) -> tuple[tuple[str, str, float], ...]:
    """Each letter meant where ``ch`` was typed, with the slip and its price (as ``_edits``
    names them), in ``_LETTERS`` order; worked out once per typed letter."""
    found = _substitutions.get(ch)
    if found is None:
        found = _substitutions[ch] = tuple((c, slip, COST[slip]) for c in _LETTERS if c != ch
                                           for slip in (_substitution_slip(ch, c),))
    return found


_near_substitutions: dict[str, tuple[tuple[str, str, float], ...]] = {}


def _typed_near(ch: str) -> tuple[tuple[str, str, float], ...]:
    """The entries of :func:`_typed_for` that are not arbitrary substitutions (keys next to
    ``ch``, vowels for a vowel), in the same order."""
    found = _near_substitutions.get(ch)
    if found is None:
        found = _near_substitutions[ch] = tuple(e for e in _typed_for(ch) if e[1] != "substitution")
    return found


def _first_slips(q: str) -> list[tuple[str, str, float]]:
    """``list(_edits(q))``, built with list comprehensions over per-letter tables instead of a
    generator that classifies each of the ~53n slips (the correction search asks for all of
    them for every word it meets: ~40% fewer instructions)."""
    out, phonetic, _ = _slips_by_kind(q)
    return out + phonetic


_Slip = tuple[str, str, float]


def _slips_by_kind(q: str, every: bool = True) -> tuple[list[_Slip], list[_Slip], list[_Slip]]:
    """:func:`_first_slips` in two parts: the slips that are not phonetic, then the phonetic
    ones (which ``_edits`` yields last), so the search can treat the few phonetic ones apart;
    and, third, the first part without its dropped letters and arbitrary substitutions (the
    first slips a second slip of any kind may follow: ~8n of the ~53n), in the same order.
    With ``every`` false the first part is left empty (and the ~45n strings only it holds are
    not built): a search with nothing close to ``q`` reads only the other two."""
    n = len(q)
    out: list[_Slip] = []
    sources: list[_Slip] = []
    append, extend = out.append, out.extend
    add, add_all = sources.append, sources.extend
    dropped, dropped_double = COST["dropped"], COST["dropped-double"]
    for i in range(n + 1):
        first = FIRST_LETTER if i == 0 else 0.0
        left, right = q[:i], q[i:]
        prev = q[i - 1] if i else ""
        if i < n:
            ch = q[i]
            rest = right[1:]
            deleted = left + rest
            if i and prev == ch:
                entry = (deleted, "doubled", _DOUBLED)
            elif (i and prev in NEIGHBOURS.get(ch, ())) or (i + 1 < n and q[i + 1] in NEIGHBOURS.get(ch, ())):
                entry = (deleted, "extra-key", _EXTRA_KEY + first)
            else:
                entry = (deleted, "insertion", _INSERTION + first)
            append(entry)
            add(entry)
            if i + 1 < n and ch != q[i + 1]:
                entry = (left + q[i + 1] + ch + right[2:], "transposition", _TRANSPOSITION + first)
                append(entry)
                add(entry)
            if every:
                typed = [(left + c + rest, slip, cost + first) for c, slip, cost in _typed_for(ch)]
                extend(typed)
                add_all([e for e in typed if e[1] != "substitution"])
            else:
                add_all([(left + c + rest, slip, cost + first) for c, slip, cost in _typed_near(ch)])
        else:
            ch = ""
        if every:
            extend([(left + c + right, "dropped-double", dropped_double) if c == prev or c == ch
                    else (left + c + right, "dropped", dropped + first) for c in _LETTERS])
    if not every:
        out.clear()
    phonetic: list[tuple[str, str, float]] = []
    for a, b in PHONETIC:
        if a not in q:
            continue
        start = q.find(a, 1)
        while start >= 0:
            phonetic.append((q[:start] + b + q[start + len(a):], "phonetic", _PHONETIC))
            start = q.find(a, start + 1)
    return out, phonetic, sources


def _dictionary() -> AbstractSet[str] | Container[str]:
    """pyspellchecker's English word list (160k words), compiled: see ``newslint.worddata``."""
    return worddata.spelling_words()


def _vocabulary() -> AbstractSet[str] | Container[str]:
    """Words common enough to be what a writer meant (Zipf >= 3, listed by the dictionary),
    compiled with the word data; looked up in its trie until a frozenset pays for itself
    (``worddata.CommonVocabulary``)."""
    return worddata.common_vocabulary()


def _deletes() -> worddata.DeleteIndex:
    """Each common word under every string it becomes with one letter deleted (symmetric-delete
    index): a second slip that dropped a letter is then one look-up, not 26 x n insertions.
    Compiled with the word data (words of 5+ letters)."""
    return worddata.delete_index(DELETES_MIN_LEN, 1e-6)


#: Shortest word the compiled one-deletion index lists.
DELETES_MIN_LEN = 5


_SUFFIXES = (
    ("ies", ("y",)), ("ied", ("y",)), ("ier", ("y",)), ("iest", ("y",)), ("ily", ("y",)),
    ("ings", ("", "e", "-")), ("ing", ("", "e", "-")), ("ed", ("", "e", "-")), ("es", ("", "e")),
    ("ers", ("", "e", "-")), ("er", ("", "e", "-")), ("est", ("", "e", "-")), ("s", ("",)),
    ("ly", ("", "le")), ("ness", ("",)), ("ment", ("",)), ("ments", ("",)), ("ful", ("",)),
    ("less", ("",)), ("ism", ("", "e")), ("ist", ("", "e")), ("ists", ("", "e")), ("ize", ("", "e")),
    ("ized", ("", "e")), ("izing", ("", "e")), ("ise", ("", "e")), ("ised", ("", "e")),
    ("ising", ("", "e")), ("ization", ("", "e", "ize")), ("isation", ("", "e", "ise")),
    ("able", ("", "e")), ("ability", ("able",)), ("ally", ("al", "")), ("ization", ("ize",)),
    ("ship", ("",)), ("hood", ("",)), ("wise", ("",)), ("like", ("",)), ("ward", ("",)),
)
_PREFIXES = ("un", "re", "non", "pre", "anti", "over", "under", "co", "mis", "dis", "multi", "post",
             "semi", "sub", "super", "inter", "counter", "mid", "out", "self", "cross", "mega", "micro",
             "ultra", "de", "in", "im", "up", "down", "off", "on", "back", "fore", "mini", "euro", "eco",
             "cyber", "tele", "auto", "bio", "geo", "neo", "pro", "trans", "hyper", "ex")


#: British spellings and the American ones the dictionary lists ("colour" -> "color",
#: "centre" -> "center", "organise" -> "organize", "travelled" -> "traveled", "offence" -> "offense").
_BRITISH = tuple((re.compile(a), b) for a, b in (
    (r"our", "or"), (r"tre(?=s?$|d$)", "ter"), (r"is(?=e|ed|es|ing|ation|ations|er|ers)", "iz"),
    (r"ys(?=e|ed|es|ing)", "yz"), (r"ll(?=ed|ing|er|ers)", "l"), (r"ence(?=s?$)", "ense"),
    (r"mme(?=s?$)", "m"), (r"ogue(?=s?$)", "og"), (r"ae", "e"), (r"oe", "e"), (r"ould", "old"),
    (r"eable", "able"),
))


@lru_cache(maxsize=CACHE_WORDS)  # bounded: flat memory on streams
def known(word: str) -> bool:
    """Whether ``word`` (lowercase) is an English word: listed, or an inflection, derivation,
    prefixed form or compound of listed words ("overstretched", "livestreamed", "homebuyers"),
    or the British spelling of one ("favourably", "fertilisers"), or very common (Zipf >= 4:
    "tech", "apps")."""
    if _known(word) or zipf(word) >= 4.0:
        return True
    if zipf(word) == 0:
        return False  # a British spelling is written on the web; this word never is
    for pattern, american in _BRITISH:
        variant = pattern.sub(american, word)
        if variant != word and _known(variant):
            return True
    return False


#: Suffixes that only adjectives and verbs take ("-est" on "ass" is a slip, not a superlative).
_ADJECTIVE_SUFFIXES = frozenset({"ier", "iest", "ily", "ers", "er", "est", "ly"})


def _known(word: str) -> bool:
    words = _dictionary()
    if word in words:
        return True
    for suffix, restores in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            stem = word[: -len(suffix)]
            if suffix == "s" and stem.endswith(("s", "x", "z", "ch", "sh")):
                continue  # "problemss": these plurals take -es
            if suffix in _ADJECTIVE_SUFFIXES and not any(
                    (pos(stem + r) or "").startswith(("JJ", "VB", "RB")) for r in restores if r != "-"):
                continue
            for restore in restores:
                if restore == "-":
                    # "stopped" -> "stop"; not "pressing" -> "pres" (s, f, z double by themselves).
                    # Only a final consonant after a single vowel doubles ("stop", "control"),
                    # so "projectted" and "accordding" are slips.
                    base = stem[:-1]
                    if len(stem) >= 4 and stem[-1] == stem[-2] and stem[-1] not in "sfzaeiouy" \
                            and base[-2] in "aeiou" and base[-3] not in "aeiou" and base in _vocabulary():
                        return True
                elif stem + restore in words and (zipf(word) > 0 or zipf(stem + restore) >= 3.0):
                    # "occured": the listed form doubles the consonant ("occurred"), so this is a slip.
                    return not (restore == "" and suffix[0] in "aeiou" and stem[-1] not in "aeiouwxy"
                                and stem + stem[-1] + suffix in words)
    if zipf(word) == 0:
        return False  # never written on the web: a prefix or compound reading is a coincidence
    for prefix in _PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 5 \
                and _stem_known(word[len(prefix):], _vocabulary()):
            return True
    # A closed compound of two common words ("ridesharing", "lawmakers").
    vocab = _vocabulary()
    for i in range(3, len(word) - 3):
        left = word[:i]
        if left in vocab and zipf(left) >= (3.5 if i >= 4 else 4.8) and _stem_known(word[i:], vocab):
            return True
    return False


def _stem_known(part: str, words: Container[str] | None = None) -> bool:
    """``part`` or a plain inflection of it is in ``words`` (the dictionary by default)."""
    words = _dictionary() if words is None else words
    if part in words:
        return True
    for suffix, restores in _SUFFIXES:
        if part.endswith(suffix) and len(part) - len(suffix) >= 3:
            stem = part[: -len(suffix)]
            if any(restore != "-" and stem + restore in words for restore in restores):
                return True
    return False


_DROPS = ("dropped", "dropped-double")
_DOUBLED, _EXTRA_KEY, _INSERTION, _TRANSPOSITION = (COST[k] for k in ("doubled", "extra-key", "insertion",
                                                                     "transposition"))
_LETTER_SET = frozenset(_LETTERS)
_PHONETIC = COST["phonetic"]


def _substitution_slip(ch: str, c: str) -> str:
    """The slip that typed ``ch`` where ``c`` was meant (as ``_edits`` names it)."""
    if c in NEIGHBOURS.get(ch, ()):
        return "keyboard"
    if c in _VOWELS and ch in _VOWELS:
        return "vowel"
    return "substitution"


def _common_length(a: str, b: str) -> int:
    """Length of the longest common subsequence of two short strings."""
    row = [0] * (len(b) + 1)
    for ch in a:
        prev = 0
        for j, other in enumerate(b):
            prev, row[j + 1] = row[j + 1], prev + 1 if ch == other else max(row[j + 1], row[j])
    return row[-1]


#: Phonetic slips that are more than one deletion away on a side ("ph"/"f", "x"/"cks",
#: "ough"/"ow"). Any other phonetic slip, like every non-phonetic one, leaves a string that
#: both sides reach by deleting at most one letter; two such slips leave one that both reach
#: with at most two, so their result is among the words sharing a two-letter deletion with the
#: typed word (``worddata.near_words``). When there are none, a non-phonetic first slip can
#: only reach a word through one of these.
_FAR_PHONETIC = tuple((a, b) for a, b in PHONETIC
                      if max(len(a), len(b)) - _common_length(a, b) > 1)
#: ``PHONETIC`` and ``_FAR_PHONETIC`` with a flag: whether the slip is a far one.
_PHONETIC_FLAGGED = tuple((a, b, (a, b) in _FAR_PHONETIC) for a, b in PHONETIC)
_FAR_PHONETIC_FLAGGED = tuple((a, b, True) for a, b in _FAR_PHONETIC)


#: The strings a far phonetic slip rewrites: a string without one (after its first letter,
#: where slips start) has no far phonetic slip.
_FAR_SPELLING = re.compile("|".join(sorted({re.escape(a) for a, _ in _FAR_PHONETIC}, key=len, reverse=True)))


#: The string of a ``(string, slip, price)`` entry, in C.
_first_item = itemgetter(0)


def _far_rewrites(q: str) -> set[str]:
    """Every string a far phonetic slip (``_FAR_PHONETIC``) turns ``q`` into, as ``_edits``
    spells them: a phonetic first slip whose string is not among them is a near one, and
    reaches only words sharing a two-letter deletion with ``q`` with one more near slip."""
    out = set()
    for a, b in _FAR_PHONETIC:
        start = q.find(a, 1)
        while start >= 0:
            out.add(q[:start] + b + q[start + len(a):])
            start = q.find(a, start + 1)
    return out


def _known_edits(q: str, vocab: Container[str], lookup: Callable[[str], Sequence[str]],
                 min_len: int, reachable: AbstractSet[str] | None = None,
                 near_vocab: Container[str] | None = None) -> Iterator[tuple[str, str, float]]:
    """Exactly the items of ``_edits(q)`` that are not dropped letters and whose string is in
    ``vocab``, in the same order, without generating the 26 x n substitutions.

    Why: the two-slip search asks this for ~8n first slips of a word; generating every edit of
    each (53n strings) and testing them was 95% of the spelling check's time (40 ms a word).
    A substitution at ``i`` turns ``q`` into a word ``w`` of the same length that loses the same
    letter-deleted string ``q[:i] + q[i+1:]``, so the symmetric-delete index (``lookup``: words
    of ``min_len``+ letters under each one-deletion string) lists every such word; shorter
    words, which the index leaves out, are found by trying the 26 letters.

    ``reachable``, when given, holds every word the results can be (for ``q`` longer than
    ``min_len``, whose results are all ``min_len``+ letters long) and each of their one-deletion
    strings. A deletion at ``i`` gives ``q[:i] + q[i+1:]`` itself, and a substitution at ``i`` or
    a swap of ``i`` and ``i+1`` gives a word that loses that same string by one deletion, so a
    position whose deletion string is not in ``reachable`` yields nothing and is skipped (most
    are: ~3x less work). A phonetic slip that is not far (``_FAR_PHONETIC``) leaves a string
    that ``q`` and its result both reach with at most one deletion, so when neither ``q`` nor
    any of its deletion strings is in ``reachable``, only the 8 far phonetic slips are tried,
    not all 62 (most first slips of a word: the search's commonest case).

    ``near_vocab``, when given with ``reachable``, holds the words of ``vocab`` that ``reachable``
    lists: a screened result other than a far phonetic slip is a word of ``min_len``+ letters
    ``reachable`` holds, so it is tested there (a small set of the search's own, where ``vocab``
    is the 26k common words, read through their trie until a set of them pays for itself).
    """
    n = len(q)
    indexed = n >= min_len
    screened = reachable is not None and n > min_len
    near = vocab if near_vocab is None or not screened else near_vocab
    if screened:
        positions: Iterable[int] = [i for i in range(n) if q[:i] + q[i + 1:] in reachable] \
            if reachable else ()
        pairs = _PHONETIC_FLAGGED if positions or q in reachable else _FAR_PHONETIC_FLAGGED  # type: ignore[operator]
    else:
        positions, pairs = range(n), _PHONETIC_FLAGGED
    for i in positions:
        first = FIRST_LETTER if i == 0 else 0.0
        left, rest = q[:i], q[i + 1:]
        ch = q[i]
        deleted = left + rest
        if deleted in near:
            if i and q[i - 1] == ch:
                yield deleted, "doubled", _DOUBLED
            elif (i and q[i - 1] in NEIGHBOURS.get(ch, ())) or (i + 1 < n and q[i + 1] in NEIGHBOURS.get(ch, ())):
                yield deleted, "extra-key", _EXTRA_KEY + first
            else:
                yield deleted, "insertion", _INSERTION + first
        if i + 1 < n and ch != q[i + 1]:
            swapped = left + q[i + 1] + ch + q[i + 2:]
            if swapped in near:
                yield swapped, "transposition", _TRANSPOSITION + first
        if indexed:
            words = lookup(deleted)
            if not words:
                continue
            letters = sorted({w[i] for w in words if len(w) == n and w[i] != ch and w[i] in _LETTER_SET
                              and w.startswith(left) and w.endswith(rest)})
        else:
            letters = [c for c in _LETTERS if c != ch and left + c + rest in vocab]
        for c in letters:
            slip = _substitution_slip(ch, c)
            yield left + c + rest, slip, COST[slip] + first
    for a, b, far in pairs:
        if a not in q:
            continue
        tested = vocab if far else near
        start = q.find(a, 1)
        while start >= 0:
            cand = q[:start] + b + q[start + len(a):]
            if cand in tested:
                yield cand, "phonetic", COST["phonetic"]
            start = q.find(a, start + 1)


@lru_cache(maxsize=CACHE_WORDS)
def corrections(q: str, max_slips: int = 2, limit: int = 5) -> tuple[Correction, ...]:
    """The likeliest intended words for the typed non-word ``q``, best first.

    One slip is searched exhaustively; two slips combine a first slip with either a dropped
    letter (through the symmetric-delete index) or a second slip of any kind on a short word.
    Candidates are common words (Zipf >= 3) of the dictionary; a second slip costs 0.5 more than
    the sum of the two (two slips in one word are rarer than their product suggests).

    The same answer as ``reference_corrections``, which generates every two-slip string
    (~400n² strings, 40 ms for ten letters), in well under a millisecond: the common words two
    slips away are first narrowed to those sharing a two-letter deletion with ``q`` (the compiled
    SymSpell index, ``worddata.near_words``), and the second slips are looked up in a one-deletion
    index of those few words. Far phonetic slips (``ph``/``f``, ``x``/``cks``, ``ough``/``ow``,
    ``ough``/``uff``) rewrite more than one letter on a side, so second slips after one are looked
    up in the full compiled one-deletion index; every other route ends in those few words, which
    also answer its look-ups (so a corpus run no longer builds the 26k-word set: ~7 ms).
    """
    return _search(q, max_slips).ranked(limit)


def may_pass(q: str, one: float, two: float) -> bool:
    """Whether ``corrections(q)`` may hold a correction one slip away scoring ``one`` or more,
    or one two slips away scoring ``two`` or more (False: it holds none).

    Why: the spelling check flags a word only when its best correction clears such a bar, and
    most unknown words it meets are real words the web writes (``hoodies``, ``usnews``), whose
    bar is high: a correction two slips away must be a word at least ~4 Zipf more frequent.
    A route of two slips costs at least 2.1 (two slips of 0.8 and 0.5 for the second), so only
    the close words that frequent can be where such a route ends, unless it takes a far
    phonetic slip (searched as in full); with none of them left the search is the cheap one of
    a word with nothing near. Scores are compared 0.01 below the bars (they are rounded)."""
    if len(q) < 6:
        found = _search(q, 2).best.values()
    else:
        # A one-slip route costs at most 0.8 (a dropped double letter), so one to a close word
        # under ``one + 0.8`` (less a margin for the rounding of scores) cannot clear ``one``;
        # leaving it out cannot make another route to that word pass either when ``two`` is at
        # least ``one``: a two-slip route to it scoring no more is then under ``two`` too.
        least_one = one + 0.8 - 0.015 if two >= one else None
        found = _search(q, 2, two + 2.1 - 0.01, least_one).best.values()
    return any(c.score >= (two if len(c.slips) > 1 else one) - 0.01 for c in found)


def _search(q: str, max_slips: int, least: float | None = None, least_one: float | None = None) -> _Best:
    """The search of :func:`corrections` (every correction, unranked); with ``least``, the
    two-slip routes that end in a close word (all but the far phonetic ones) only when that
    word's Zipf is ``least`` or more; with ``least_one``, the one-slip routes to a close word
    (all but the phonetic ones) only when its Zipf is ``least_one`` or more. When no close word
    is left at either bar, the ~45n first slips only close words could use are not built (the
    seen words the spelling check searches: their bars leave none, most of the time)."""
    vocab = worddata.common_vocabulary().current()  # the set, once built: look-ups in C
    best = _Best()
    if not (max_slips >= 2 and len(q) >= 6):
        plain, phonetic, _ = _slips_by_kind(q)
        best.one_slip(q, vocab, plain + phonetic)
        return best
    offer = best.offer
    # Every common word of 5+ letters that one or two slips reach, unless one of them is a far
    # phonetic slip, shares a two-letter deletion with ``q`` (see ``_FAR_PHONETIC``): these few
    # words answer the look-ups of every such route, in place of the 26k common words. The
    # loops below are ``best.one_slip`` and the two-slip search of ``reference_corrections``,
    # in the same order, with the work that can find nothing skipped.
    close = worddata.near_words(q, DELETES_MIN_LEN, 1e-6)
    close_one = close if least_one is None else {w for w in close if zipf(w) >= least_one}
    if least is not None:  # only two-slip corrections that may score ``least`` or more
        close_two = {w for w in close if zipf(w) >= least}
    else:
        close_two = close
    # With no close word, the first slips that are not phonetic matter only as the start of a
    # second slip (they are no word, and none of them is a word less a letter).
    plain, phonetic, sources = _slips_by_kind(q, bool(close_one or close_two))
    far = _far_rewrites(q)
    if close_one and not close_one.isdisjoint(map(_first_item, plain)):  # one slip, not phonetic
        for cand, slip, cost in plain:
            if cand in close_one and cand != q:
                offer(cand, (slip,), cost)
    for cand, slip, cost in phonetic:
        if cand in vocab and cand != q:
            offer(cand, (slip,), cost)
    close = close_two
    near = _one_deletion_index(close)
    # Two slips that are not far phonetic reach only words of ``close`` (or words under 5
    # letters): those words and their one-deletion strings screen the second slips.
    reachable = close | near.keys()
    deletes = _deletes()
    found: dict[str, tuple[str, ...]] = {}

    def everywhere(key: str) -> Sequence[str]:
        words = found.get(key)
        if words is None:
            words = found[key] = deletes.get(key)
        return words

    def nearby(key: str) -> Sequence[str]:
        return near.get(key, ())

    # A first slip then a dropped letter: a near first slip reaches only words of ``close``.
    if near and not near.keys().isdisjoint(map(_first_item, plain)):
        for cand, slip, cost in plain:
            if cand in near:
                best.dropped_letter(q, cand, slip, cost, near[cand])
    for cand, slip, cost in phonetic:
        best.dropped_letter(q, cand, slip, cost, everywhere(cand) if cand in far else nearby(cand))
    # A first slip then any other second slip (insertions are covered by the index above;
    # arbitrary substitutions twice are noise). With nothing reachable, a near first slip of
    # 6+ letters reaches a word only through a far phonetic slip, and only if it holds one.
    seen: set[str] = set()
    for cand, slip, cost in sources + phonetic:  # every slip but dropped letters and substitutions
        if cand in seen:
            continue
        seen.add(cand)
        if slip == "phonetic" and cand in far:
            edits = _known_edits(cand, vocab, everywhere, DELETES_MIN_LEN)
        elif reachable or len(cand) <= DELETES_MIN_LEN or _FAR_SPELLING.search(cand, 1):
            edits = _known_edits(cand, vocab, nearby, DELETES_MIN_LEN, reachable, close)
        else:
            continue
        for cand2, slip2, cost2 in edits:
            if cand2 == q:
                continue
            offer(cand2, (slip, slip2), cost + cost2 - 0.5)
    return best


class _Best:
    """The best-scoring way to reach each candidate word, shared by the fast search and its
    brute-force specification so that both score, combine and rank slips the same way."""

    def __init__(self) -> None:
        self.best: dict[str, Correction] = {}

    def offer(self, word: str, slips: tuple[str, ...], cost: float) -> None:
        score = zipf(word) + cost
        old = self.best.get(word)
        if old is None or score > old.score:
            self.best[word] = Correction(word, slips, round(score, 2))

    def one_slip(self, q: str, vocab: Container[str],
                 first: list[tuple[str, str, float]] | None = None) -> list[tuple[str, str, float]]:
        """Offer every known word one slip from ``q``; return all first slips (known or not),
        ``list(_edits(q))`` unless given."""
        if first is None:
            first = list(_edits(q))
        for cand, slip, cost in first:
            if cand in vocab and cand != q:
                self.offer(cand, (slip,), cost)
        return first

    def dropped_letter(self, q: str, cand: str, slip: str, cost: float, words: Iterable[str]) -> None:
        """Offer ``words`` (``cand`` with one letter restored) as a first slip plus a dropped letter."""
        for word in words:
            if word != q:
                double = any(word[i] == word[i + 1] and word[:i] + word[i + 1:] == cand
                             for i in range(len(word) - 1))
                price = COST["dropped-double"] if double else COST["dropped"]
                self.offer(word, (slip, "dropped-double" if double else "dropped"), cost + price - 0.5)

    def ranked(self, limit: int) -> tuple[Correction, ...]:
        return tuple(sorted(self.best.values(), key=lambda c: (-c.score, c.word))[:limit])


def _one_deletion_index(words: set[str]) -> dict[str, list[str]]:
    """Each of ``words`` under every string it becomes with one letter deleted (as the compiled
    ``deletes.btrie``, a word with a double letter listed twice under the same key)."""
    index: dict[str, list[str]] = {}
    for w in words:
        for i in range(len(w)):
            index.setdefault(w[:i] + w[i + 1:], []).append(w)
    return index


def reference_corrections(q: str, max_slips: int = 2, limit: int = 5) -> tuple[Correction, ...]:
    """``corrections`` by brute force: every second slip of every first slip is generated and
    tested (~40 ms a word). Kept as the specification the fast search is tested against
    (``tests/test_per_article.py``, ``benchmarks/spelling_index.py``); not used when linting."""
    vocab = _vocabulary()
    best = _Best()
    first = best.one_slip(q, vocab)
    if max_slips >= 2 and len(q) >= 6:
        deletes = _deletes()
        for cand, slip, cost in first:
            best.dropped_letter(q, cand, slip, cost, deletes.get(cand, ()))
        seen: set[str] = set()
        for cand, slip, cost in first:
            if slip in (*_DROPS, "substitution") or cand in seen:
                continue
            seen.add(cand)
            for cand2, slip2, cost2 in _edits(cand):
                if slip2 in _DROPS or cand2 not in vocab or cand2 == q:
                    continue
                best.offer(cand2, (slip, slip2), cost + cost2 - 0.5)
    return best.ranked(limit)


_NO_VOWEL = re.compile(r"^[^aeiouy]+$")


def looks_like_abbreviation(word: str) -> bool:
    """Vowel-less tokens are abbreviations, not slips ("mln", "dlrs", "pct", "qtr")."""
    return bool(_NO_VOWEL.match(word))
