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
