"""Splitting text into lines, paragraphs, sentences and words, keeping character offsets.

Hand-written rather than syntok/pysbd: every check needs exact offsets into the text as read,
and news copy needs a lowercase sentence start ("... on Monday. the minister said") to be a
sentence start, which both libraries deliberately merge away. The splitter is one linear pass
with an abbreviation list.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import accumulate, compress, count
from operator import add

#: Abbreviations after which a full stop does not end a sentence (lower-cased, without the
#: final dot). Titles are never sentence-final; the second set may end a sentence when the
#: next word is capitalised ("... in the U.S. The next day").
TITLE_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof sen rep gov gen lt col maj capt sgt cpl adm cmdr st ste mt ft rev fr sr
    sra pres supt insp det hon messrs mme mlle dept vs v cf
    jan feb mar apr jun jul aug sep sept oct nov dec
    e.g i.e viz al""".split()
)
#: Abbreviations that are ordinary words too ("no", "art", "sec"): abbreviations only when a number
#: follows ("No. 10", "Art. 5", "p. 12"), so "He said no. The talks ended" still splits.
NUMBER_ABBREVIATIONS = frozenset(
    """no nos vol vols p pp fig figs art sec ch para op approx est ca""".split()
)
#: US state abbreviations of wire style ("R-Mo.", "Dallas, Tex."): abbreviations after a hyphen
#: or a comma only, since several are words too ("ill", "miss", "wash").
STATE_ABBREVIATIONS = frozenset(
    """ala ariz ark calif colo conn del fla ga ill ind kan kans ky la md mass mich minn miss mo
    mont neb nev okla ore pa tenn tex va vt wash wis wyo""".split()
)
#: Units of measure: after a number ("a 12 km. stretch") they do not end a sentence unless a
#: capitalised word follows.
UNIT_ABBREVIATIONS = frozenset(
    """km kg cm mm mi lb lbs oz ft yd yds sq hr hrs min mins sec secs mph kph""".split()
)
FINAL_ABBREVIATIONS = frozenset(
    """u.s u.k u.n u.s.a e.u d.c a.m p.m inc co corp ltd llc plc jr bros etc ave blvd rd
    n.y l.a s.c n.c n.j ph.d m.d b.a m.a""".split()
)

#: Words that start sentences but rarely follow "U.S." inside a name ("U.S. Capitol" does not end a
#: sentence; "in the U.S. The next day" does).
SENTENCE_STARTERS = frozenset(
    """the a an he she it they we i you his her its their our this that these those there here but
    and or so yet if when while after before as at in on for from by with to of since although
    though however meanwhile still then now no not one some many most all both each what who
    why how where which""".split()
)

# The last word: tried only where a word starts, and possessive, so that searching a long run of
# word characters is linear (every regex in the package is linear: tests/test_hostile.py).
_WORD_BEFORE = re.compile(r"(?<![^\s(\[“\"‘'])([^\s(\[“\"‘']++)$")
# Sentence end: terminal punctuation, closing quotes/brackets, then whitespace. Only tried at the
# start of a run of terminal punctuation, with possessive quantifiers: a run of 30,000 dots is
# scanned once, not once per dot (which was quadratic, reliability audit S2).
# Starts with the mark it consumes (the look-behind after it): re then skips to marks in C.
# Same matches as (?<![.!?…])[.!?…]++[\"”’')\]]*+(?=\s++\S) (tests/test_per_article.py).
_BOUNDARY = re.compile(r"[.!?…](?<![.!?…][.!?…])[.!?…]*+[\"”’')\]]*+(?=\s++\S)")
#: :data:`_BOUNDARY` for a text whose only terminal mark is the full stop: starting with a
#: literal character, which ``re`` skips to several times faster than to a class.
_FULL_STOP = re.compile(r"\.(?<![.!?…]\.)[.!?…]*+[\"”’')\]]*+(?=\s++\S)")
#: Longest word looked at before a full stop when deciding whether it is an abbreviation.
_ABBREVIATION_WINDOW = 40
_NEXT_WORD = re.compile(r"[^\W\d_]+")
_SPACES = re.compile(r"\s*+")
_DOTTED = re.compile(r"(?:[a-z]\.)+[a-z]")  # "u.s", "a.m": dotted letters without the final dot
_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
_WORD_SPLIT = re.compile(f"({_WORD.pattern})")  # the same, captured: re.split keeps the words
_LETTER_OR_DIGIT = re.compile(r"[^\W_]")
LIST_MARKER = re.compile(r"^\s*(?:[*•·▪◦‣●-]|\d{1,3}[.)])\s+")


@dataclass(slots=True)
class Span:
    """A piece of the article's text: ``text == article.text[start:end]``.

    Treat it as read-only (not frozen only because frozen dataclasses are several times slower
    to create, and an article has tens of thousands of words)."""

    start: int
    end: int
    text: str


@dataclass(slots=True)
class Sentence(Span):
    """A sentence, knowing the paragraph it belongs to and its position in it."""

    paragraph: int
    index: int  # position within the paragraph, 0-based


def iter_lines(text: str) -> Iterator[Span]:
    """Every line of ``text`` (without its newline), blank ones included."""
    pos = 0
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n\u2028\u2029\x0b\x0c\x1c\x1d\x1e\x85")
        yield Span(pos, pos + len(body), body)
        pos += len(raw)
    if text.endswith(("\n", "\r")) or not text:
        yield Span(pos, pos, "")


def strip_span(span: Span) -> Span | None:
    """The span without surrounding white space, or None when it is blank."""
    text = span.text
    left = len(text) - len(text.lstrip())
    stripped = text.strip()
    if not stripped:
        return None
    return Span(span.start + left, span.start + left + len(stripped), stripped)


# Bounded runs (the text searched is a 40-character window): linear on any text.
_NUMBER_BEFORE = re.compile(r"(?<![\d.,])\d[\d.,]{0,40}\s{0,4}\S{1,40}$")


def _ends_with_abbreviation(before: str, next_char: str, text: str = "", nxt: int = 0) -> bool:
    """Whether the full stop after ``before`` ends an abbreviation rather than the sentence;
    ``next_char`` follows it, and the next word starts at ``text[nxt]`` (read only when needed)."""
    match = _WORD_BEFORE.search(before)
    if not match:
        return False
    word = match.group(1).rstrip(".").lower().rsplit("-", 1)[-1]  # "non-U.S." -> "u.s"
    if word in TITLE_ABBREVIATIONS:
        return True
    if word in NUMBER_ABBREVIATIONS and (next_char.isdigit() or next_char == "#"):
        return True
    if word in UNIT_ABBREVIATIONS and not next_char.isupper() and _NUMBER_BEFORE.search(before):
        return True
    if word in STATE_ABBREVIATIONS and not next_char.isupper() and (
            "-" in match.group(1) or before[:match.start()].rstrip().endswith(",")):
        return True
    if word in FINAL_ABBREVIATIONS or _DOTTED.fullmatch(word):
        if not next_char.isupper():
            return True
        next_word = _NEXT_WORD.match(text, nxt)
        return not (next_word is not None and next_word.group(0).lower() in SENTENCE_STARTERS)
    # Initials ("J. K. Rowling", "George W. Bush") and dotted acronyms ("N.A.T.O.").
    if len(word) == 1 and word.isalpha() and match.group(1)[0].isupper():
        return True
    return False


def _before(text: str, start: int, end: int) -> str:
    """The last word before ``end`` (not before ``start``), from a bounded window: slicing from
    the sentence start made chains of abbreviations ("Mr. Mr. Mr.") quadratic. A word longer than
    the window is no abbreviation, and gives an empty string."""
    lo = max(start, end - _ABBREVIATION_WINDOW)
    window = text[lo:end]
    if lo > start and not text[lo - 1].isspace() and not any(ch.isspace() for ch in window):
        return ""
    return window


#: Every abbreviation of the lists above: a plain word (letters only, two or more) that is none
#: of them never ends an abbreviation (:func:`_plain_word_before`).
_ANY_ABBREVIATION = (TITLE_ABBREVIATIONS | NUMBER_ABBREVIATIONS | STATE_ABBREVIATIONS | UNIT_ABBREVIATIONS
                     | FINAL_ABBREVIATIONS)


def _plain_word_before(text: str, start: int, end: int) -> bool:
    """Whether the full stop at ``text[end]`` follows a plain word that is no abbreviation: the
    characters after the last space before it (not before ``start``) are two or more letters
    whose lower case is in no list. Then :func:`_ends_with_abbreviation` says no (the word it
    reads is those letters: a space and the sentence start bound it, and letters hold no dot,
    hyphen, quote or bracket; a word longer than its window gives no word at all), so the
    common case costs a ``rfind`` and a set look-up instead of a regular expression."""
    space = text.rfind(" ", start, end)
    word = text[space + 1 if space >= 0 else start:end]
    return len(word) > 1 and word.isalpha() and word.lower() not in _ANY_ABBREVIATION


_TERMINAL_MARKS = ".!?…"


def split_sentences(text: str, offset: int = 0, paragraph: int = 0) -> list[Sentence]:
    """Split one paragraph into sentences. Linear in ``len(text)``.

    Python work per candidate boundary is kept small (issue 16: ~3 µs a boundary was the
    sentence split's cost): the punctuation is read by index instead of as a string, the next
    word's first character is found without a regular expression when one space follows, and
    a full stop after a plain word skips the abbreviation test (:func:`_plain_word_before`).
    ``tests/test_per_article.py`` compares it with the plain version on generated text."""
    sentences: list[Sentence] = []
    start = 0
    boundary = _BOUNDARY if "?" in text or "!" in text or "…" in text else _FULL_STOP
    for match in boundary.finditer(text):
        ms, end = match.span()
        # The look-ahead has seen white space and then a non-space character after ``end``.
        nxt = end + 1
        if text[nxt].isspace():
            nxt = _SPACES.match(text, nxt).end()  # type: ignore[union-attr]  # \s is str.isspace
        next_char = text[nxt]
        first = text[ms]
        second = text[ms + 1] if ms + 1 < end else ""
        if first == "." and second != ".":
            if not _plain_word_before(text, start, ms) \
                    and _ends_with_abbreviation(_before(text, start, ms), next_char, text, nxt):
                continue
            if not second:  # the punctuation is "." alone
                if next_char == "." or (next_char.islower() and text[max(0, ms - 2):ms] == ". "):
                    continue  # a spaced ellipsis (". . .") inside a sentence
                if next_char.isdigit() and ms > 0 and text[ms - 1].isdigit():
                    continue
            elif second not in _TERMINAL_MARKS and next_char.isdigit() and ms > 0 and text[ms - 1].isdigit():
                continue  # ".)" or ".”" then a digit, after a digit
        elif (first == "…" or first == ".") and next_char.islower():
            continue  # an ellipsis inside a sentence ("... and then")
        if text[start].isspace():  # only at the start of a text that is not stripped
            piece = text[start:end]
            lead = len(piece) - len(piece.lstrip())
            stripped = piece.strip()
            if stripped:
                sentences.append(Sentence(offset + start + lead, offset + end, stripped, paragraph,
                                          len(sentences)))
        else:  # ends with the punctuation: nothing to strip
            sentences.append(Sentence(offset + start, offset + end, text[start:end], paragraph,
                                      len(sentences)))
        start = nxt
    piece = text[start:] if start else text
    stripped = piece.strip()
    if stripped:
        # (a paragraph is stripped already: nothing to measure then)
        lead = len(piece) - len(piece.lstrip()) if len(stripped) != len(piece) else 0
        sentences.append(
            Sentence(offset + start + lead, offset + start + lead + len(stripped), stripped,
                     paragraph, len(sentences))
        )
    if len(sentences) < 2:
        return sentences
    return _merge_abbreviation_stubs(sentences, text, offset)


_CLOSERS = "\"”’')]"  # what _FINAL_ABBREVIATION_END allows after the final dot
_FINAL_ABBREVIATION_END = re.compile(r"(?:\b(?:[A-Za-z]\.){2,}|\b(?:Inc|Corp|Co|Ltd|Plc|Jr|Bros)\.)[\"”’')\]]*$")


#: The second form of :data:`_FINAL_ABBREVIATION_END`; its first ends in a letter between two dots.
_FINAL_WORDS = ("Inc.", "Corp.", "Co.", "Ltd.", "Plc.", "Jr.", "Bros.")


def _merge_abbreviation_stubs(sentences: list[Sentence], text: str, offset: int) -> list[Sentence]:
    """Join a three-word stub to the sentence before it when that one ends in "U.S."-type dots.

    "... pressure from the U.S. On Japan." and "... the Japan/U.S. Chip pact." are one sentence
    whose abbreviation was read as its end (wire copy of the 1980s even capitalised the word after
    "U.S."): a real sentence of three words or fewer right after "U.S." is rare and then usually
    opens with a pronoun ("in the U.S. He left."), which stays apart. Without this, the stub is
    reported as a verbless fragment.
    """
    if len(sentences) < 2:
        return sentences
    out: list[Sentence] = [sentences[0]]
    merged = False
    for sent in sentences[1:]:
        prev = out[-1]
        stub = sent.text
        # Cheap tests first (a capital, a full stop closing the previous sentence, three words at
        # most: ``split`` stops after the fourth) before the regular expression.
        ended = prev.text.rstrip(_CLOSERS)
        if (stub[:1].isupper() and ended.endswith(".")
                and (ended[-3:-2] == "." or ended.endswith(_FINAL_WORDS))  # what the pattern needs
                and len(stub.split(None, 3)) <= 3 and stub.split(None, 1)[0].lower() not in _PRONOUNS
                and _FINAL_ABBREVIATION_END.search(prev.text)):
            out[-1] = Sentence(prev.start, sent.end, text[prev.start - offset:sent.end - offset],
                               prev.paragraph, prev.index)
            merged = True
            continue
        if merged:  # numbered again after a merge; otherwise the sentence is kept as it is
            sent = Sentence(sent.start, sent.end, sent.text, sent.paragraph, len(out))
        out.append(sent)
    return out


#: Sentence starters that begin real short sentences after "U.S." ("in the U.S. He left.").
_PRONOUNS = frozenset("he she it they we i you this that these those there here".split())


def iter_words(text: str, offset: int = 0) -> Iterator[Span]:
    """Word tokens (letters and digits, with inner apostrophes and hyphens) with offsets."""
    return iter(words_of(text, offset))


def word_arrays(text: str, offset: int = 0) -> tuple[list[int], list[int], list[str]]:
    """Word tokens as three parallel lists: starts, ends and texts.

    Why not a regular expression: ``re`` pays ~1,500 instructions a match (one ``SRE`` match
    call and its set-up per word), which made the word list the article's costliest shared
    analysis. When every letter and digit of the text is ASCII (nearly all English news: its
    other characters are quotation marks, dashes, spaces), the words are cut in C instead
    (:func:`_ascii_word_arrays`); other texts take :func:`_regex_word_arrays`. Both give the
    matches of :data:`_WORD` (``tests/test_per_article.py`` compares them on generated text)."""
    if text.isascii():
        return _ascii_word_arrays(text, offset, False)
    if _LETTER_OR_DIGIT.search(non_ascii(text)) is None:
        return _ascii_word_arrays(text, offset, True)
    return _regex_word_arrays(text, offset)


_ASCII_BYTES = bytes(range(128))


def non_ascii(text: str) -> str:
    """The non-ASCII characters of ``text``, in order: its UTF-8 bytes without the ASCII ones
    (every byte of a multi-byte sequence is 0x80 or more) decoded again; a few C passes instead
    of a regular expression over every character."""
    return text.encode("utf-8", "surrogatepass").translate(None, _ASCII_BYTES).decode("utf-8", "surrogatepass")


_ALNUM_BYTES = frozenset(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
#: Byte classes for :func:`_ascii_word_arrays`: letters, digits and the two ASCII joiners kept,
#: everything else (a non-ASCII character is encoded as "?") a line break.
_WORD_CLASSES = bytes(c if c in _ALNUM_BYTES or c in b"'-" else 10 for c in range(256))
_APOSTROPHE, _HYPHEN, _NEWLINE = 39, 45, 10


def _ascii_word_arrays(text: str, offset: int, curly: bool) -> tuple[list[int], list[int], list[str]]:
    """:func:`word_arrays` of a text whose letters and digits are all ASCII (``curly``: it holds
    non-ASCII characters, "’" among them perhaps).

    One byte a character (``encode(..., "replace")`` makes each non-ASCII character one "?"),
    so byte offsets are the text's offsets. Each byte becomes its class: a letter or digit
    stays, a joiner (``'``, ``-``, and "’" read as ``'``) stays when a letter or digit is on
    both sides (exactly when :data:`_WORD` takes it into a word: it joins two runs), anything
    else is a line break. ``split`` on the line break then gives one piece per separator
    character: the words, and an empty piece between two adjacent separators; piece ``k``
    starts at the sum of the lengths before it plus ``k`` (one separator each). All of that is
    C iterating (a few hundred instructions a word); Python runs only per joiner and per "’"
    inside a word (whose text is then read from the text: the pieces hold ``'``)."""
    raw = (text.replace("’", "'") if curly else text).encode("ascii", "replace")
    classes = bytearray(raw.translate(_WORD_CLASSES))
    n = len(classes)
    alnum = _ALNUM_BYTES
    for joiner in (_APOSTROPHE, _HYPHEN):
        at = classes.find(joiner)
        while at >= 0:
            if not (at and classes[at - 1] in alnum and at + 1 < n and classes[at + 1] in alnum):
                classes[at] = _NEWLINE
            at = classes.find(joiner, at + 1)
    pieces = classes.decode("ascii").split("\n")
    starts = list(compress(map(add, accumulate(map(len, pieces), initial=offset), count()), pieces))
    words = list(compress(pieces, pieces))
    ends = list(map(add, starts, map(len, words)))
    if curly:
        at = text.find("’")
        while at >= 0:
            if classes[at] == _APOSTROPHE:  # a "’" inside a word: the piece holds "'"
                i = bisect_right(starts, at + offset) - 1
                words[i] = text[starts[i] - offset:ends[i] - offset]
            at = text.find("’", at + 1)
    return starts, ends, words


def _regex_word_arrays(text: str, offset: int = 0) -> tuple[list[int], list[int], list[str]]:
    """:func:`word_arrays` by one ``re.split`` and one running sum of lengths (any text)."""
    parts = _WORD_SPLIT.split(text)  # separator, word, ..., separator
    bounds = list(accumulate(map(len, parts), initial=offset))
    return bounds[1:-1:2], bounds[2:-1:2], parts[1::2]


def words_of(text: str, offset: int = 0) -> list[Span]:
    """Word tokens as spans (see :func:`word_arrays`)."""
    return list(map(Span, *word_arrays(text, offset)))
