"""Page chrome: the lines of a scraped page that are not the article (navigation, widgets,
comment and ad notices, share bars, site promos), and where the article body really ends.

Each paragraph is scored by vocabulary (a data file of widget phrases, matched against the
whole short line), by shape (breadcrumb separators, a bare domain in a short line) and by
position: short unpunctuated lines next to chrome at the top or bottom of the page are chrome
too. Computed once per article and shared (``article.memo``) by the boilerplate, truncation and
sentence-level checks, which skip chrome lines.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable
from importlib.resources import files

from ..article import Article, Paragraph
from ..text.tokens import looks_like_address

_lock = threading.Lock()
_vocab: dict[tuple[str, ...], re.Pattern[str]] = {}
MAX_CHROME_WORDS = 16
_BREADCRUMB = re.compile(r"\s[»›>|/]\s")
_TERMINAL = re.compile(r"[.!?…\"”’)]$")


def vocabulary(extra: Iterable[str] = ()) -> re.Pattern[str]:
    """The chrome vocabulary (plus a site's extra phrases), compiled once."""
    key = tuple(extra)
    if key not in _vocab:
        with _lock:
            if key not in _vocab:
                text = files("newslint.checks.extraction").joinpath("data", "chrome.txt").read_text(
                    encoding="utf-8")
                phrases = [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
                phrases += [re.escape(p) for p in key]
                _vocab[key] = re.compile(r"^\W*(?:" + "|".join(f"(?:{p})" for p in phrases) + r")\W*$",
                                         re.IGNORECASE)
    return _vocab[key]


def chrome_reason(para: Paragraph, vocab: re.Pattern[str]) -> str | None:
    """Why a paragraph is chrome on its own (vocabulary or shape), or None."""
    text = para.text
    words = text.split()
    if len(words) > MAX_CHROME_WORDS and not _BREADCRUMB.search(text[:60]):
        return None
    if text.startswith(("“", '"')):
        return None
    if vocab.match(text):
        return "widget"
    if len(_BREADCRUMB.findall(text[:80])) >= 2 and not _TERMINAL.search(text):
        return "breadcrumb"
    if len(words) <= 6 and not _TERMINAL.search(text) and any(looks_like_address(w) for w in words) \
            and any(w.lower() in ("add", "visit", "follow", "subscribe", "join") for w in words):
        return "promo"
    return None


def _all_sentences_chrome(article: Article, para: Paragraph, vocab: re.Pattern[str]) -> bool:
    """Every sentence of the paragraph is a widget phrase ("This article originally appeared at
    X. Copyright 2015. Follow X on Twitter.")."""
    sentences = article.sentences_of(para)
    return bool(sentences) and len(para.text.split()) <= 40 and all(vocab.match(s.text) for s in sentences)


def analyse(article: Article, extra: Iterable[str] = ()) -> dict[int, str]:
    """Paragraph index to chrome reason, for every chrome paragraph."""
    vocab = vocabulary(extra)
    paras = article.paragraphs
    found = {p.index: r for p in paras if (r := chrome_reason(p, vocab))}
    edges = [*paras[:3], *paras[-4:]]
    for p in edges:
        if p.index not in found and not p.text.startswith(("“", '"')) \
                and _all_sentences_chrome(article, p, vocab):
            found[p.index] = "widget"
    if not found:
        return found
    # Contagion at the top of the page: a short unpunctuated line next to chrome in the first
    # lines belongs to the same widget ("Add site.in As A" / "Trusted Source"). Not at the bottom,
    # where the last body line may itself be cut short and must stay for the truncation check.
    for p in paras[:3]:
        if p.index in found or len(p.text.split()) > 4 or _TERMINAL.search(p.text) or p.is_list_item:
            continue
        if (p.index - 1) in found or (p.index + 1) in found:
            found[p.index] = found.get(p.index - 1) or found.get(p.index + 1) or "widget"
    return found


def chrome_map(article: Article) -> dict[int, str]:
    """Chrome paragraphs of an article with default vocabulary (memoised)."""
    return article.memo("chrome", analyse)


def chrome_paragraphs(article: Article) -> frozenset[int]:
    """Indices of paragraphs judged page chrome."""
    return frozenset(chrome_map(article))


def body_end(article: Article) -> int:
    """Index of the last paragraph of the article body (trailing chrome set aside), or -1."""
    chrome = chrome_map(article)
    for para in reversed(article.paragraphs):
        if para.index not in chrome:
            return para.index
    return -1
