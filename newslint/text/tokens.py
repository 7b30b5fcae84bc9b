"""Shapes of tokens that checks must leave alone: URLs, e-mail addresses, domains, handles."""

from __future__ import annotations

import re
import threading
from bisect import bisect_right

#: Top-level domains common enough in news copy to recognise ``thelocalreport.in`` as a domain.
TLDS = frozenset(
    """com org net edu gov mil int io co uk us in de fr es it nl be ch at se no dk fi ie au nz ca
    jp cn kr ru br mx ar za ng ke eg il ae sa pk bd lk np sg my ph id th vn tw hk info biz news
    tv me ly fm ai app dev online site blog live media press today world""".split()
)
URL_RE = re.compile(r"(?:https?://|ftp://|www\.)\S+", re.IGNORECASE)
# Tried only where a token starts, with possessive runs: linear on 100 KB of digits or letters
# (each position used to re-scan the run to its end).
EMAIL_RE = re.compile(r"(?<![\w.+-])[\w.+-]++@[\w-]++(?:\.[\w-]++)+")
DOMAIN_RE = re.compile(r"(?<![A-Za-z0-9-])(?:[A-Za-z0-9-]++\.)+([A-Za-z]{2,12})\b")
_TOKEN = re.compile(r"\S+")
#: How many indexed texts each thread keeps: a check that alternates between a paragraph and the
#: whole text must not rebuild the index on every call (one text kept was quadratic again on a
#: 5 MB one-line article).
_INDEXED_TEXTS = 4
_local = threading.local()  # the last texts indexed, per thread


#: How far :func:`token_around` looks on each side before it falls back to the token index.
_WINDOW = 48


def token_around(text: str, index: int) -> tuple[int, int]:
    """The whitespace-delimited token containing ``text[index]``, as ``(start, end)``.

    At white space (or the end), the token ending there, else ``(index, index)``. The token is
    read from a window of :data:`_WINDOW` characters on each side, by ``str.split`` in C (a word
    is a few characters; walking it in Python, or indexing every token of the text on the first
    call, cost ~0.2 ms an article). A token reaching past the window is found through the token
    boundaries of the whole text, computed once per text and bisected: walking it per call was
    quadratic when a check called it for each of many matches inside one huge token (20,000
    commas in 100 KB of "ab,cd"; reliability audit S3).
    """
    n = len(text)
    lo = index - _WINDOW if index > _WINDOW else 0
    hi = index + _WINDOW
    start = end = index
    if index and not text[index - 1].isspace():
        before = text[lo:index].rsplit(None, 1)[-1]
        start = index - len(before)
        if start == lo and lo:  # the window was too short: the token may start further back
            return _indexed(text, index)
    if index < n and not text[index].isspace():
        after = text[index:hi].split(None, 1)[0]
        end = index + len(after)
        if end == hi and hi < n:
            return _indexed(text, index)
    return start, end


def _indexed(text: str, index: int) -> tuple[int, int]:
    """:func:`token_around` through the text's token boundaries (kept for the last few texts)."""
    recent: list[tuple[str, list[int], list[int]]] | None = getattr(_local, "tokens", None)
    if recent is None:
        recent = _local.tokens = []
    for cached in recent:
        if cached[0] is text:
            break
    else:
        starts: list[int] = []
        ends: list[int] = []
        for m in _TOKEN.finditer(text):
            starts.append(m.start())
            ends.append(m.end())
        cached = (text, starts, ends)
        recent.insert(0, cached)
        del recent[_INDEXED_TEXTS:]
    _, starts, ends = cached
    i = bisect_right(starts, index) - 1
    if i >= 0 and index < ends[i]:
        return starts[i], ends[i]
    if i >= 0 and ends[i] == index:
        return starts[i], index
    return index, index


def looks_like_address(token: str) -> bool:
    """A URL, e-mail address, handle, hashtag, file name or bare domain (``thelocalreport.in``)."""
    if "." not in token and "/" not in token and "@" not in token and "#" not in token:
        return False  # every shape below needs one of these; most tokens are plain words
    stripped = token.strip("()[]{}<>\"'“”‘’.,;:!?")
    if not stripped:
        return False
    if stripped[0] in "@#" or "://" in stripped or stripped.lower().startswith("www."):
        return True
    if EMAIL_RE.fullmatch(stripped):
        return True
    match = DOMAIN_RE.fullmatch(stripped.rstrip("/"))
    if match and match.group(1) in TLDS:  # as written: "school.It" is two words, not Italy
        return True
    return "/" in stripped and "." in stripped
