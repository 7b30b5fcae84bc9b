"""Multi-word names in an article, and the data lists of well-known names and title words."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable

from ... import wordlists
from ...article import Article
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


def name_runs(article: Article) -> list[Span]:
    """Runs of capitalised words (two or more), connectors allowed inside."""
    def build(a: Article) -> list[Span]:
        return [Span(m.start(), m.end(), m.group(0)) for m in _NAME_RUN.finditer(a.text)]

    return article.memo("capitalization.name_runs", build)


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


def names_that_may_occur(article: Article, names: Iterable[str], lower: str | None = None,
                         searched: bool = False) -> set[str] | None:
    """The lowercased well-known names and ``names`` (lowercased names) that may occur in the
    article case-insensitively on word boundaries; None when the index cannot tell (lowering
    changes the text's length, so offsets would not line up) and every name must be searched.
    ``lower`` is ``article.text.lower()`` when the caller has it; ``searched``: leave out the
    well-known names that are one run of letters and digits (see :func:`proper_nouns_by_head`).

    A name whose :func:`gate_word` is no word token of the article lowercased (each token
    alone) does not occur. Only the few dozen head words asked about are looked for among the
    article's distinct tokens lowercased (one intersection in C, no set of every lowercased
    token), instead of a scan of the text for each name (most of the ~170 names an article is
    checked against do not occur in it)."""
    if len(article.text.lower() if lower is None else lower) != len(article.text):
        return None
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
    present = asked.intersection(map(str.lower, article.word_counts))
    for head in present.intersection(by_head):
        out.update(by_head[head])
    out.update(key for head, key in gated if head in present)
    return out


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
