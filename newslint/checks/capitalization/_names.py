"""Multi-word names in an article, and the data lists of well-known names and title words."""

from __future__ import annotations

import re
import threading

from ... import wordlists
from ...article import Article
from ...text.segment import Span

_lock = threading.Lock()
_data: dict[str, frozenset[str] | dict[str, str]] = {}

#: Lowercase words allowed inside a name ("Centro de Confinamiento de Terroristas").
CONNECTORS = frozenset("of de del la las los el and for the y da di du van von on at in".split())
_NAME_RUN = re.compile(
    r"(?<![\w’'-])[A-Z][\w’'-]*(?:\s+(?:(?:of|de|del|la|las|los|el|and|for|the|y|da|di|du|van|von)\s+)?"
    r"[A-Z][\w’'-]*)+"
)


def _read(name: str) -> tuple[str, ...]:
    return wordlists.load(f"capitalization/{name.removesuffix('.txt')}").entries


def proper_nouns() -> dict[str, str]:
    """Well-known names, lower-cased to their correct form."""
    if "proper" not in _data:
        with _lock:
            _data.setdefault("proper", {n.lower(): n for n in _read("proper_nouns.txt")})
    return _data["proper"]  # type: ignore[return-value]


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
