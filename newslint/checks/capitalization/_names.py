"""Multi-word names in an article, and the data lists of well-known names and title words."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable

from ... import wordlists
from ...article import Article
from ...prefilter import haystack
from ...text.segment import Span

_lock = threading.Lock()
_data: dict[str, object] = {}

#: Lowercase words allowed inside a name ("Centro de Confinamiento de Terroristas").
CONNECTORS = frozenset("of de del la las los el and for the y da di du van von on at in".split())
#: The capital comes first and the boundary check after it (``(?<![\w’'-][A-Z])``): re then skips
#: to capitals in C instead of trying the look-behind at every position (same matches as
#: ``(?<![\w’'-])[A-Z]...``, 2.5x faster on the clean corpus). Possessive: what follows a word
#: (white space) or white space (a connector, a capital) never matches what the quantifier
#: gave up, so backtracking a word letter by letter only failed again.
_NAME_RUN = re.compile(
    r"[A-Z](?<![\w’'-][A-Z])[\w’'-]*+(?:\s++(?:(?:of|de|del|la|las|los|el|and|for|the|y|da|di|du|van|von)\s++)?"
    r"[A-Z][\w’'-]*+)++"
)


def _read(name: str) -> tuple[str, ...]:
    return wordlists.load(f"capitalization/{name.removesuffix('.txt')}").entries


def proper_nouns() -> dict[str, str]:
    """Well-known names, lower-cased to their correct form."""
    if "proper" not in _data:
        with _lock:
            _data.setdefault("proper", {n.lower(): n for n in _read("proper_nouns.txt")})
    return _data["proper"]  # type: ignore[return-value]


def proper_nouns_by_head(searched: bool = False) -> tuple[dict[str, tuple[str, ...]], tuple[str, ...]]:
    """The lowercased well-known names indexed by their first word (:func:`gate_word`: "new"
    -> "new york", "new jersey", ...), for :func:`names_that_may_occur`; and the names that
    index cannot gate. ``searched``: only the names that are not one run of letters and
    digits (the ones entity-variant searches for)."""
    key_of = "proper_by_head_searched" if searched else "proper_by_head"
    if key_of not in _data:
        by_head: dict[str, list[str]] = {}
        ungated: list[str] = []
        for key in proper_nouns():
            if searched and key.isalnum():
                continue
            head = gate_word(key)
            if head is None:
                ungated.append(key)
            else:
                by_head.setdefault(head, []).append(key)
        with _lock:
            _data.setdefault(key_of, ({h: tuple(k) for h, k in by_head.items()}, tuple(ungated)))
    return _data[key_of]  # type: ignore[return-value]


def title_words() -> frozenset[str]:
    """Words of titles and generic institutions ("attorney general", "department")."""
    if "titles" not in _data:
        with _lock:
            _data.setdefault("titles", frozenset(w for line in _read("title_words.txt")
                                                 for w in line.split()))
    return _data["titles"]  # type: ignore[return-value]


#: ``_NAME_RUN`` for :func:`case_bytes` (capitals are "U", "’" is "'"): the same spans.
_NAME_RUN_BYTES = re.compile(
    rb"U(?<![\w'-]U)[\w'-]*+(?:\s++(?:(?:of|de|del|la|las|los|el|and|for|the|y|da|di|du|van|von)\s++)?"
    rb"U[\w'-]*+)++"
)


def name_runs(article: Article) -> list[Span]:
    """Runs of capitalised words (two or more), connectors allowed inside.

    Scanned in :func:`case_bytes` when the article has them: there a capital is the literal
    "U", which the regex engine finds by a byte search, where ``_NAME_RUN`` asked a character
    class of every character of the text (most of its cost)."""
    def build(a: Article) -> list[Span]:
        raw = case_bytes(a)
        if raw is None:
            return [Span(m.start(), m.end(), m.group(0)) for m in _NAME_RUN.finditer(a.text)]
        text = a.text
        return [Span(s, e, text[s:e]) for s, e in map(re.Match.span, _NAME_RUN_BYTES.finditer(raw))]

    return article.memo("capitalization.name_runs", build)


#: Every ASCII capital becomes "U" (:func:`case_bytes`).
_CAPITALS_TO_U = bytes.maketrans(b"ABCDEFGHIJKLMNOPQRSTUVWXYZ", b"U" * 26)
#: ASCII characters that ``\\s`` matches in a str pattern but not in a bytes pattern.
_STR_ONLY_SPACES = (b"\x1c", b"\x1d", b"\x1e", b"\x1f")


def case_bytes(article: Article) -> bytes | None:
    r"""The article's text as one byte a character for the capital-scanning patterns of the
    capitalization checks (``_NAME_RUN``, NL402's title words), or None when it cannot stand in.

    Why: a str pattern that starts with ``[A-Z]`` makes the regex engine test that class at
    every character of the text (~45 instructions a character: the whole cost of finding the
    ~100 capitals of an article); in these bytes every ASCII capital is "U", so a pattern
    starting with the literal "U" skips to the next capital by a byte search (~5).

    The bytes are the text with capitals made "U", "’" made "'" (both are joiners to every
    pattern that reads them) and any other non-ASCII character made "?" (like it, no word
    character, space, joiner or letter to them), so a bytes pattern written with "U" for
    ``[A-Z]`` and "'" for "’" finds the same spans. None (use the str pattern) when a
    non-ASCII character is a letter, a digit or a space (``\w`` and ``\s`` of a bytes pattern
    are ASCII only) or the text holds an ASCII character ``\s`` reads differently in bytes.
    Shared by the checks that scan for capitals: built once per article."""
    return article.memo("capitalization.case_bytes", _case_bytes)


def _case_bytes(article: Article) -> bytes | None:
    text = article.text
    raw = text.encode("ascii", "replace")  # one byte a character: "?" for a non-ASCII one
    if not text.isascii():
        fixed = bytearray(raw)
        at = raw.find(b"?")
        while at >= 0:
            ch = text[at]
            if ch == "\u2019":
                fixed[at] = 39  # "'"
            elif ch.isalnum() or ch.isspace():
                return None
            at = raw.find(b"?", at + 1)
        raw = bytes(fixed)
    if any(c in raw for c in _STR_ONLY_SPACES):
        return None
    return raw.translate(_CAPITALS_TO_U)


#: A run of letters and digits (``str.isalnum`` characters).
_RUN = re.compile(r"[^\W_]+")


def gate_word(key: str) -> str | None:
    """The word token every occurrence of the lowercased name ``key`` starts with, lowercased
    ("new" of "new york"), or None when there is no such single token.

    An occurrence on word boundaries starts a word token (nothing alphanumeric or joining
    before it). When the name's first run of letters and digits is followed in the name by a
    character that joins no word (a space, "&"), the token ends there, so the token is that
    run; lowercased, it is the name's run for an ASCII name (lowercasing is context-free but
    for Greek final sigma, and no other character lowercases to ASCII punctuation). None for
    a name that is one run ("iraq": "Iraq's" is one token), whose run is followed by a joiner
    ("e-trade"), that is not ASCII, or that starts with no letter or digit."""
    m = _RUN.match(key)
    if m is None or not key.isascii() or m.end() == len(key) or key[m.end()] in _JOINERS:
        return None
    return m.group(0)


_JOINERS = "'’-"


def names_that_may_occur(article: Article, names: Iterable[str], searched: bool = False) -> set[str] | None:
    """The lowercased well-known names and ``names`` (lowercased names) that may occur in the
    article case-insensitively on word boundaries; None when the index cannot tell (lowering
    changes the text's length, so offsets would not line up) and every name must be searched.
    ``searched``: leave out the well-known names that are one run of letters and digits (see
    :func:`proper_nouns_by_head`).

    A name whose :func:`gate_word` is no word token of the article lowercased (each token
    alone) does not occur. Only the few dozen head words asked about are looked up
    (:func:`_heads_present`), instead of a scan of the text for each name (most of the ~170
    names an article is checked against do not occur in it)."""
    if LENGTHENS_IN_LOWERCASE in article.text:
        return None  # the one character whose lowercase is longer: offsets would not line up
    by_head, ungated = proper_nouns_by_head(searched)
    out = set(ungated)
    gated: list[tuple[str, str]] = []
    for key in names:
        head = gate_word(key)
        if head is None:
            out.add(key)
        else:
            gated.append((head, key))
    asked = set(by_head)
    asked.update(head for head, _ in gated)
    present = _heads_present(article, asked)
    for head in present.intersection(by_head):
        out.update(by_head[head])
    out.update(key for head, key in gated if head in present)
    return out


#: "İ": lowercased, it is two characters ("i" and a combining dot); every other character
#: lowercases to one (checked over every code point in tests/test_name_checks_speed.py).
LENGTHENS_IN_LOWERCASE = "\u0130"


def _heads_present(article: Article, heads: set[str]) -> set[str]:
    """The ``heads`` (ASCII words, lowercase) that some word token of the article lowercases
    to, and maybe a few more (a superset is safe: a name let through is only searched).

    Read from the ASCII words of the prefilter's haystack (built for every article by the
    checks' gates: no pass over the tokens here): a token that lowercases to an ASCII word
    folds to it too (its letters are ASCII, or the Kelvin sign), and its neighbours are no
    letter or digit, so in the haystack's ASCII bytes it is a whole run of word characters,
    unless "_" (a word character there, no letter in a token) touches it: then the tokens
    themselves are lowercased."""
    hay = haystack(article)
    if b"_" in hay.raw:
        return heads.intersection(map(str.lower, article.word_counts))
    words = hay.words
    return {head for head in heads if head.encode() in words}


def _unpunctuated_line(text: str) -> bool:
    stripped = text.strip()
    # split at most 8 times: a whole split of a huge one-line paragraph, per call, was quadratic
    return bool(stripped) and len(stripped.split(None, 8)) <= 8 and stripped[-1] not in ".!?”\"'’:"


def in_listing_block(article: Article, paragraph_index: int) -> bool:
    """Whether a paragraph is one line of a block of short unpunctuated lines with no blank line
    between them: an event listing, an address or a caption block ("Flos Showroom" /
    "corso Monforte, 15, Milan" / "9.30 A.M."), where capitals follow the venue's own usage and
    no line is a sentence."""
    paras = article.paragraphs
    para = paras[paragraph_index]
    if not _unpunctuated_line(para.text):
        return False
    before = paragraph_index > 0 and not para.blank_before and _unpunctuated_line(paras[paragraph_index - 1].text)
    after = paragraph_index + 1 < len(paras) and not para.blank_after and _unpunctuated_line(
        paras[paragraph_index + 1].text)
    return bool(before or after)
