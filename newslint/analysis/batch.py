"""Furniture learned from the batch: lines that recur across articles of one source.

A site prints the same promo, credit pattern or related-links header under every article; the
first article gives no evidence, but by the third the line has shown itself. During a run the
``Linter`` keeps one :class:`FurnitureMemory`; each article's layout calls :meth:`observe` with
its lines, and a line whose fingerprint (:func:`newslint.analysis.furniture.normalise`: case
and punctuation folded) has been seen in ``min_articles`` articles of the same source is
furniture from then on.

A source is a record field (``source``, ``site``, ``domain``, ``publisher``), else the domain of
the article's URL, else the folder of its file. Memory stays bounded on an endless stream: at
most ``max_sources`` sources (128, least recently seen dropped) and ``max_entries`` fingerprints
per source (2,000) (when full, the fingerprints seen least often are forgotten: lossy counting, so a line
recurring in every article is never the one dropped).

What a run learned can be saved as site profiles (``newslint learn-furniture``) and reused in
later runs from the first article on (:func:`load_profiles`).
"""

from __future__ import annotations

import json
import os
import threading
from collections import OrderedDict
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlparse

from .furniture import normalise

if TYPE_CHECKING:
    from ..article import Article

SOURCE_FIELDS = ("source", "site", "domain", "publisher")
#: Longer lines are prose; a repeated long paragraph is the duplicate check's business.
MAX_LINE_WORDS = 60


def source_key(article: Article) -> str:
    """The source an article belongs to: a record field, its URL's domain, or its folder."""
    for name in SOURCE_FIELDS:
        value = article.fields.get(name)
        if isinstance(value, str) and value.strip():
            return value.strip().lower()
    if article.url:
        host = urlparse(article.url).netloc.lower()
        if host:
            return host[4:] if host.startswith("www.") else host
    if article.path:
        return os.path.normpath(os.path.dirname(article.path))
    return ""


def fingerprint(text: str) -> str | None:
    """The fingerprint of a line that may be furniture, or None for prose-length lines, quotations
    and lines without two letters."""
    if text.startswith(("“", '"')) or len(text.split()) > MAX_LINE_WORDS:
        return None
    norm = normalise(text)
    return norm if sum(c.isalpha() for c in norm) >= 2 else None


class FurnitureMemory:
    """Counts of line fingerprints per source within one run (thread-safe, bounded)."""

    def __init__(self, min_articles: int = 3, max_entries: int = 2000, max_sources: int = 128) -> None:
        self.min_articles = min_articles
        self.max_entries = max_entries
        self.max_sources = max_sources
        self._counts: OrderedDict[str, dict[str, int]] = OrderedDict()
        self._articles: dict[str, int] = {}
        self._lock = threading.Lock()

    def observe(self, source: str, lines: Iterable[str]) -> frozenset[str]:
        """Count one article's lines; return the fingerprints of its lines that recur (seen in at
        least ``min_articles`` articles of the source, this one included)."""
        prints = {fp for line in lines if (fp := fingerprint(line))}
        with self._lock:
            table = self._counts.get(source)
            if table is None:
                table = self._counts[source] = {}
                if len(self._counts) > self.max_sources:
                    old, _ = self._counts.popitem(last=False)
                    self._articles.pop(old, None)
            else:
                self._counts.move_to_end(source)
            self._articles[source] = self._articles.get(source, 0) + 1
            for fp in prints:
                table[fp] = table.get(fp, 0) + 1
            if len(table) > self.max_entries:
                self._prune(table)
            return frozenset(fp for fp in prints if table.get(fp, 0) >= self.min_articles)

    def _prune(self, table: dict[str, int]) -> None:
        """Forget the least-seen fingerprints until the table is three-quarters full."""
        floor = 1
        while len(table) > self.max_entries * 3 // 4:
            for fp in [fp for fp, n in table.items() if n <= floor]:
                del table[fp]
            floor += 1

    def entries(self) -> int:
        """Fingerprints held (all sources): the memory bound's measure."""
        with self._lock:
            return sum(len(t) for t in self._counts.values())

    def profiles(self, min_share: float = 0.0) -> dict[str, list[str]]:
        """What was learned: per source, the recurring fingerprints (seen in ``min_articles``
        articles and in at least ``min_share`` of the source's articles)."""
        with self._lock:
            out = {}
            for source, table in self._counts.items():
                need = max(self.min_articles, min_share * self._articles.get(source, 0))
                lines = sorted(fp for fp, n in table.items() if n >= need)
                if lines:
                    out[source] = lines
            return out


def save_profiles(profiles: Mapping[str, Iterable[str]], path: str | Path) -> None:
    """Write site profiles as JSON: ``{"version": 1, "sites": {source: [fingerprint, ...]}}``."""
    data = {"version": 1, "sites": {k: sorted(v) for k, v in sorted(profiles.items())}}
    Path(path).write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def load_profiles(path: str | Path) -> dict[str, frozenset[str]]:
    """Read site profiles written by :func:`save_profiles`; entries may also be plain lines, which
    are fingerprinted here so that users can write profiles by hand."""
    data: Any = json.loads(Path(path).read_text(encoding="utf-8"))
    sites = data.get("sites", {}) if isinstance(data, dict) else {}
    return {str(k).lower(): frozenset(normalise(str(x)) for x in v) for k, v in sites.items()}

