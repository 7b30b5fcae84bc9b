"""Page chrome: the lines of a scraped page that are not the article (navigation, widgets,
comment and ad notices, share bars, site promos), and where the article body really ends.

Every paragraph is judged on three kinds of evidence:

* vocabulary: a data file of widget phrases (``checks/boilerplate/data/boilerplate.txt``,
  extendable per site), matched against the WHOLE short line, or against every sentence of a short
  paragraph at the page edges, so a phrase quoted or used inside a normal sentence never counts;
* shape: breadcrumb separators (``Home » world »``), a bare domain in a short promo line, a
  bar of ``|``-separated short fields (``Name | Contributing Writer | 5 days ago``);
* position: chrome comes in runs at the top and the bottom of the page. A short unpunctuated
  line (one to four capitalised words, no list marker) next to chrome at the top, in the trailing
  region after the last prose paragraph, or sandwiched between two chrome lines anywhere, joins
  the run (the share bar ``Pinterest / WhatsApp / More / Google`` one name per line).

Computed once per article and shared (``article.memo``) by the boilerplate and truncation checks
and by the sentence-level checks, which skip chrome lines. Linear in the number of paragraphs.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable

from .. import wordlists
from ..article import Article, Paragraph
from ..text.tokens import looks_like_address

_lock = threading.Lock()
_vocab: dict[tuple[str, ...], re.Pattern[str]] = {}
MAX_CHROME_WORDS = 16
#: Longer lines are never matched against the vocabulary (bounds the regex work per line).
MAX_CHROME_CHARS = 300
_BREADCRUMB = re.compile(r"\s[»›>|/]\s")
_TERMINAL = re.compile(r"[.!?…\"”’)]$")
_PROSE_END = re.compile(r"[.!?…\"”’)\]]$")
#: Headers of related-content lists: the lines under them are links, whatever their case.
_LIST_HEADER = re.compile(
    r"^\W*(?:story timeline|(?:related|recommended|more|popular|trending|latest|top)(?: (?:stories|"
    r"articles|posts|news|reading|videos|coverage|links|headlines))?|you (?:may|might) also like|"
    r"(?:also|further) read(?:ing)?|read (?:more|next)|more (?:from|on) .{1,40}|see also)\W*$", re.IGNORECASE)
#: The link line under a related-story headline ("Robert Gates criticises ... / Read more").
_READ_MORE = re.compile(r"^\W*(?:read|see|watch) (?:more|the story|full story)\W*$", re.IGNORECASE)
#: Share and follow buttons that become lines of their own: chrome only in a run (two together,
#: or next to other chrome), never alone between body paragraphs ("Twitter" as a one-word line).
BUTTONS = frozenset({"facebook", "twitter", "pinterest", "whatsapp", "google", "google+", "linkedin",
                     "reddit", "tumblr", "telegram", "pocket", "skype", "email", "print", "more",
                     "follow", "share", "tweet", "instagram", "youtube", "messenger", "sms"})
#: Paragraphs at each edge of the page where a whole paragraph of widget sentences is chrome.
TOP_EDGE = 3
BOTTOM_EDGE = 6


def _phrases() -> list[str]:
    return list(wordlists.load("boilerplate/boilerplate").entries)


def vocabulary(extra: Iterable[str] = ()) -> re.Pattern[str]:
    """The chrome vocabulary plus a site's extra phrases (literal text), compiled once per set."""
    key = tuple(extra)
    if key not in _vocab:
        with _lock:
            if key not in _vocab:
                phrases = _phrases() + [re.escape(p.strip()) for p in key if p.strip()]
                _vocab[key] = re.compile(
                    # At most 40 leading marks: an unbounded \W* was backtracked over, with
                    # every phrase tried at each step, on a long line of dashes or quotes.
                    r"^\W{0,40}(?:" + "|".join(f"(?:{p})" for p in phrases) + r")\W*$", re.IGNORECASE)
    return _vocab[key]


def _short_label(text: str, max_words: int = 4) -> bool:
    """A short unpunctuated label: one to ``max_words`` capitalised words (a menu item, a share
    button, a widget title), not a list item, not a quotation."""
    words = text.split()
    return 0 < len(words) <= max_words and not _TERMINAL.search(text) \
        and not text.startswith(("“", '"', "*", "-", "•")) \
        and all(w[:1].isupper() or not w[:1].isalpha() for w in words)


def chrome_reason(para: Paragraph, vocab: re.Pattern[str]) -> str | None:
    """Why a paragraph is chrome on its own (vocabulary or shape), or None."""
    text = para.text
    if len(text) > MAX_CHROME_CHARS or text.startswith(("“", '"')):
        return None
    words = text.split()
    crumbs = len(_BREADCRUMB.findall(text[:80]))
    if len(words) > MAX_CHROME_WORDS and not crumbs:
        return None
    if vocab.match(text):
        return "widget"
    if crumbs >= 2 and not _TERMINAL.search(text):
        return "breadcrumb"
    if len(words) <= 6 and not _TERMINAL.search(text) and any(looks_like_address(w) for w in words) \
            and any(w.lower() in ("add", "visit", "follow", "subscribe", "join") for w in words):
        return "promo"
    return None


def _all_sentences_chrome(article: Article, para: Paragraph, vocab: re.Pattern[str]) -> bool:
    """Every sentence of the paragraph is a widget phrase ("This article originally appeared at
    X. Copyright 2015. Follow X on Twitter.")."""
    if len(para.text) > 3 * MAX_CHROME_CHARS or len(para.text.split()) > 60:
        return False
    sentences = article.sentences_of(para)
    return bool(sentences) and all(len(s.text) <= MAX_CHROME_CHARS and vocab.match(s.text)
                                   for s in sentences)


def _debris(text: str) -> bool:
    """A scrap without letters: a player's "1:10", a lone "/" or "|"."""
    return len(text) <= 12 and not any(c.isalpha() for c in text)


def _first_sentence_chrome(article: Article, para: Paragraph, vocab: re.Pattern[str]) -> bool:
    """A notice paragraph that opens with a widget sentence ("Please adhere to our commenting
    policy to avoid being banned. As a privately owned website, ...")."""
    sentences = article.sentences_of(para)
    return bool(sentences) and len(sentences[0].text) <= MAX_CHROME_CHARS \
        and bool(vocab.match(sentences[0].text))


def _headline(text: str) -> bool:
    """Shaped like a linked headline: title case (most words capitalised), not a sentence that
    ends in a full stop, not a list item or a quotation."""
    words = [w for w in text.split() if w[:1].isalpha()]
    if not 2 <= len(words) <= 24 or text.endswith((".", ",", ";")) or text.startswith(("“", '"')):
        return False
    return sum(w[0].isupper() for w in words) * 10 >= len(words) * 7


def _is_prose(para: Paragraph) -> bool:
    """A real body paragraph: several words ending like a sentence."""
    return para.kind == "body" and len(para.text.split()) >= 8 and bool(_PROSE_END.search(para.text))


def analyse(article: Article, extra: Iterable[str] = ()) -> dict[int, str]:
    """Paragraph index to chrome reason, for every chrome paragraph."""
    vocab = vocabulary(extra)
    paras = article.paragraphs
    found = {p.index: r for p in paras if (r := chrome_reason(p, vocab))}
    edges = {p.index: p for p in [*paras[:TOP_EDGE], *paras[-BOTTOM_EDGE:]]}
    for p in edges.values():
        if p.index not in found and not p.text.startswith(("“", '"')) \
                and _all_sentences_chrome(article, p, vocab):
            found[p.index] = "widget"
    # A notice paragraph at the very end that opens with a widget sentence, when everything after
    # it is chrome too (the policy text runs on, so whole-paragraph matching misses it).
    for p in reversed(paras[-BOTTOM_EDGE:]):
        if p.index in found:
            continue
        if not p.text.startswith(("“", '"')) and _first_sentence_chrome(article, p, vocab):
            found[p.index] = "widget"
            continue
        break
    # A related-story headline: an unpunctuated line right above its "Read more" link.
    for p in paras[:-1]:
        nxt = paras[p.index + 1]
        if p.index not in found and nxt.index in found and _READ_MORE.match(nxt.text) \
                and len(p.text.split()) <= MAX_CHROME_WORDS and not _PROSE_END.search(p.text) \
                and not p.is_list_item:
            found[p.index] = "widget"
    # A related-content list: a widget header ending in a colon ("You might also be interested
    # in:", "Related:") followed by headline-shaped lines, one link per line.
    in_list = strong = False
    for p in paras:
        if p.index in found:
            strong = bool(_LIST_HEADER.match(p.text))
            in_list = found[p.index] == "widget" and (strong or p.text.endswith(":"))
        elif in_list and not p.is_list_item and (_headline(p.text) or (
                strong and len(p.text.split()) <= MAX_CHROME_WORDS and not p.text.startswith(("“", '"'))
                and not p.text.endswith((".", ",", ";", "!", "”", '"')))):
            found[p.index] = "widget"
        else:
            in_list = False
    buttons = {p.index for p in paras if p.text.strip(" :·|•").lower() in BUTTONS}
    marked = buttons | found.keys()  # once: rebuilt per button it was quadratic (16,000 "Share" lines)
    for i in buttons:
        if i - 1 in marked or i + 1 in marked:
            found[i] = "widget"
    if not found:
        return found
    # Position. The trailing region starts after the last prose paragraph; a cut-off last body
    # line is not a capitalised label, so it stays for the truncation check.
    last_prose = max((p.index for p in paras if _is_prose(p)), default=-1)
    top = min(TOP_EDGE, len(paras))
    # Sandwiched labels anywhere: a short label between two chrome lines.
    for p in paras[1:-1]:
        if p.index not in found and (p.index - 1) in found and (p.index + 1) in found \
                and _short_label(p.text):
            found[p.index] = "widget"
    # Runs at the edges: grow outwards from chrome, forwards then backwards (linear, two passes).
    for order in (paras, paras[::-1]):
        for p in order:
            if p.index in found:
                continue
            in_edge = p.index < top or p.index > last_prose
            if ((in_edge and _short_label(p.text)) or _debris(p.text)) and ((p.index - 1) in found or (p.index + 1) in found):
                found[p.index] = "widget"
    return found


def chrome_map(article: Article) -> dict[int, str]:
    """Chrome paragraphs of an article with the default vocabulary (memoised)."""
    return article.memo("chrome", analyse)


def chrome_paragraphs(article: Article) -> frozenset[int]:
    """Indices of paragraphs judged page chrome (memoised)."""
    return article.memo("chrome-set", lambda a: frozenset(chrome_map(a)))


def body_end(article: Article) -> int:
    """Index of the last paragraph of the article body (trailing chrome set aside), or -1."""
    chrome = chrome_map(article)
    for para in reversed(article.paragraphs):
        if para.index not in chrome:
            return para.index
    return -1


def body_end_offset(article: Article) -> int:
    """Offset in ``article.text`` where the article body ends (trailing chrome set aside);
    0 when the whole text is chrome."""
    end = body_end(article)
    return article.paragraphs[end].end if end >= 0 else 0
