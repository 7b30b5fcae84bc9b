"""Shared by this folder's checks: NL130-NL132: repeated title and paragraphs, a second article stitched on, repeated sentences."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass

from ...article import Article, Paragraph
from ...text.segment import Sentence

_NON_WORD = re.compile(r"[\W_]+")


MIN_WORDS = 5


HEAD_PARAGRAPHS = 5


SHINGLE = 5


NEAR_MIN_WORDS = 20


NEAR_OVERLAP = 0.7


WIDGET_REPEATS = 3


STITCH_GAP = 3


def normalise(text: str) -> str:
    """Case, punctuation and spacing folded, so near-identical copies compare equal."""
    return _NON_WORD.sub(" ", text.lower()).strip()


#: One letter or digit (``str.isalnum``).
_ALNUM = re.compile(r"[^\W_]")


@dataclass(frozen=True)
class Keys:
    """The normalised text of every paragraph and of every sentence, once per article for the
    three duplicate checks: ``paragraphs[i]`` is ``normalise(paragraph i)``, ``sentences[i]``
    the keys of paragraph i's sentences (``article.sentences_of``) in order."""

    paragraphs: list[str]
    sentences: list[list[str]]


def article_keys(article: Article) -> Keys:
    """:class:`Keys`, computed once per article.

    The article's word tokens already hold every letter and digit of the text, in runs joined
    by an apostrophe or a hyphen. So the normalised text of a sentence made of whole tokens is
    its tokens joined by spaces, lowercased, with the joiners made spaces (C string methods,
    no regular expression; exact unless the text holds "İ" or "Σ", see :func:`_plain_case`),
    and a paragraph's key is its sentences' keys joined when their tokens are the
    paragraph's, in order. Otherwise each sentence and paragraph is normalised itself (and a
    paragraph's key is still its sentences' keys joined when they tile it, see
    :func:`_tiled`)."""
    def build(a: Article) -> Keys:
        if not _plain_case(a.text):
            return _normalised_keys(a)
        text = a.text
        starts, ends, texts = a.word_starts, a.word_ends, a.word_texts
        para_keys: list[str] = []
        sentence_keys: list[list[str]] = []
        for para in a.paragraphs:
            at = lo = bisect_left(starts, para.start)  # (sentences lie in their paragraph)
            own: list[str] = []
            tiled = True
            for s in a.sentences_of(para):
                i = bisect_left(starts, s.start, lo)
                j = bisect_left(starts, s.end, i)
                if (i and ends[i - 1] > s.start) or (j and ends[j - 1] > s.end):
                    own.append(normalise(s.text))  # a token crosses the sentence's edge
                    tiled = False
                    continue
                # (the curly joiner first: without it most keys are ASCII, lowered fast)
                own.append(" ".join(texts[i:j]).replace("’", " ").lower().replace("'", " ").replace("-", " "))
                tiled = tiled and i == at
                at = j
            sentence_keys.append(own)
            if tiled and at == bisect_left(starts, para.end, at):
                para_keys.append(" ".join(k for k in own if k))
            else:
                para_keys.append(normalise(text[para.start:para.end]))
        return Keys(para_keys, sentence_keys)

    return article.memo("duplicate.keys", build)


def _plain_case(text: str) -> bool:
    """Whether lowercasing the text's word tokens one by one, or any run of them joined by
    spaces, gives what lowercasing any stretch of the text gives, letter for letter, with no
    letter or digit becoming anything else.

    True unless the text holds "İ" (its lowercase is "i" and a combining mark, no word
    character) or "Σ" (its lowercase, final or medial, depends on its neighbours): over every
    code point, lowercasing keeps any other letter or digit one letter or digit and makes no
    other character one (``tests/test_name_checks_speed.py``), and a joiner stays itself."""
    return "\u0130" not in text and "\u03a3" not in text


def _normalised_keys(article: Article) -> Keys:
    """:class:`Keys` by normalising each sentence (the way before :class:`_TokenKeys`): a
    paragraph's key is its sentences' keys joined when they tile it, else its own text
    normalised."""
    text = article.text
    para_keys: list[str] = []
    sentence_keys: list[list[str]] = []
    for para in article.paragraphs:
        sentences = article.sentences_of(para)
        own = [normalise(s.text) for s in sentences]
        sentence_keys.append(own)
        para_keys.append(" ".join(k for k in own if k) if _tiled(text, para, sentences)
                         else normalise(para.text))
    return Keys(para_keys, sentence_keys)


def _tiled(text: str, para: Paragraph, sentences: list[Sentence]) -> bool:
    """Whether the paragraph's alphanumeric text is its sentences' and lowercasing each piece
    alone gives what lowercasing the paragraph gives (see :func:`keys`)."""
    if "\u03a3" in para.text:
        return False
    at = para.start
    for s in sentences:
        if s.start > at:
            if not text[at:s.start].isspace() and _ALNUM.search(text, at, s.start) is not None:
                return False
        elif s.start < at or (at > para.start and text[at - 1].isalnum() and text[at].isalnum()):
            return False  # overlapping sentences; a word cut in two
        at = s.end
    return at >= para.end or _ALNUM.search(text, at, para.end) is None


@dataclass(frozen=True)
class Repeat:
    """One repeated paragraph: its kind ("title", "repeat", "near", "stitched") and where the
    first copy starts."""

    kind: str
    para: Paragraph
    first: int


def _shingles(words: list[str]) -> set[tuple[str, ...]]:
    """The word 5-grams of a paragraph, as tuples built by ``zip`` (no string joined per
    position: the same sets as joined 5-grams, a fifth of the cost)."""
    return set(zip(*(words[i:] for i in range(SHINGLE)), strict=False))


class _NearCopies:
    """The long paragraphs seen so far, to tell whether a new one nearly copies one of them: it
    shares ``NEAR_OVERLAP`` of its word 5-grams with the earlier paragraph that first had them,
    and that paragraph shares as many of its own.

    Most paragraphs copy nothing, and a cheap test proves it without building 5-grams: a
    5-gram the new paragraph shares with an earlier one has all five words in the earlier
    paragraphs' vocabulary, so the positions where five words in a row are in that
    vocabulary bound the shared 5-grams from above; the paragraph's distinct 5-grams are at
    least its distinct words that start one. Fewer such positions than ``NEAR_OVERLAP`` of
    those words: no near copy (7 of 1,513 long paragraphs of the clean corpus pass the test).
    The copy must be of one earlier paragraph, so the same test then runs with each earlier
    paragraph's words alone (1 of those 7 passes). Only then are the 5-grams of the
    paragraphs seen so far indexed (once, in order: a paragraph that passed the union test
    but no single one waits with the others), and counted."""

    def __init__(self) -> None:
        self._vocabulary: set[str] = set()
        self._pending: list[tuple[int, list[str]]] = []
        self._owner: dict[tuple[str, ...], int] = {}
        self._sizes: dict[int, int] = {}
        self._seen: list[list[str]] = []

    def add(self, index: int, words: list[str]) -> int | None:
        """Record paragraph ``index`` (its normalised words); return the earlier paragraph it
        nearly copies, if any."""
        found = None
        if self._may_copy(words) and any(_may_copy_from(set(earlier), words) for earlier in self._seen):
            self._index_pending()
            shingles = _shingles(words)
            owner = self._owner
            votes = Counter(map(owner.__getitem__, owner.keys() & shingles))
            if votes:
                other, hits = votes.most_common(1)[0]
                if hits >= NEAR_OVERLAP * max(len(shingles), self._sizes[other]):
                    found = other
            self._sizes[index] = len(shingles)
            owner.update(dict.fromkeys(shingles.difference(owner), index))
        else:
            self._pending.append((index, words))  # (indexed, in order, when a later one may copy)
        self._vocabulary.update(words)
        self._seen.append(words)
        return found

    def _may_copy(self, words: list[str]) -> bool:
        """The test of the class docstring: False only when no near copy is possible."""
        return bool(self._vocabulary) and _may_copy_from(self._vocabulary, words)

    def _index_pending(self) -> None:
        """Index the 5-grams of the paragraphs recorded without them, in order (the owner of a
        5-gram is the first paragraph that has it)."""
        owner = self._owner
        for index, words in self._pending:
            shingles = _shingles(words)
            self._sizes[index] = len(shingles)
            owner.update(dict.fromkeys(shingles.difference(owner), index))
        self._pending.clear()


def _may_copy_from(vocabulary: set[str], words: list[str]) -> bool:
    """Whether a paragraph of ``words`` may share ``NEAR_OVERLAP`` of its word 5-grams with text
    whose words are ``vocabulary``: False only when it cannot (see :class:`_NearCopies`)."""
    known = bytes(map(vocabulary.__contains__, words))
    if _FIVE_KNOWN not in known:
        return False
    runs = _KNOWN_RUN.findall(known)
    windows = sum(map(len, runs)) - (SHINGLE - 1) * len(runs)  # 5-word windows in the runs
    starts = len(words) - SHINGLE + 1
    return windows >= NEAR_OVERLAP * starts or windows >= NEAR_OVERLAP * len(set(words[:starts]))


#: Five words in a row found in the vocabulary (``_NearCopies._may_copy``), and runs of them.
_FIVE_KNOWN = b"\x01" * SHINGLE
_KNOWN_RUN = re.compile(rb"\x01{%d,}" % SHINGLE)


def _article_follows(paras: list[Paragraph], index: int) -> bool:
    """A new article starts after the repeated headline: the next paragraph is prose (eight
    words or more ending in sentence punctuation), and two of the next five are body text. A
    video or photo widget ("Play VIDEO", "Photo by ...") repeats its title but is no article."""
    nxt = paras[index + 1] if index + 1 < len(paras) else None
    if nxt is None or len(nxt.text.split()) < 8 or nxt.text[-1:] not in ".!?”\"’'":
        return False
    return sum(1 for q in paras[index + 1:index + 6] if q.kind == "body") >= 2


def _deliberate_repeat(paras: list[Paragraph], keys: list[str], first: int, index: int) -> bool:
    """A repeat that editors make on purpose.

    - A standfirst: the first copy sits in the page head and is a sentence, and the body opens
      by repeating it, with only short lines (a byline, a date) between the two copies.
    - A closing tagline: the article's last paragraph repeats its first line (the headline).

    A whole body pasted twice is neither: whole paragraphs of text lie between the copies.
    """
    between = range(first + 1, index)
    if 1 <= first < HEAD_PARAGRAPHS and paras[0].is_heading and paras[first].kind == "body" \
            and 2 <= index - first <= 4 and all(
                paras[q].is_heading or paras[q].text.rstrip()[-1:] not in ".!?”\"" for q in between):
        return True
    return first == 0 and index == len(paras) - 1 and index >= 3 and paras[0].is_heading


def repeats(article: Article) -> list[Repeat]:
    """Every repeated paragraph of the article, computed once and shared by NL130-NL132."""
    def build(a: Article) -> list[Repeat]:
        chrome = a.layout.furniture_indices
        paras = a.paragraphs
        keys = article_keys(a).paragraphs
        counts = Counter(keys)
        title = normalise(a.title) if a.title else ""
        head = [(p.start, keys[p.index]) for p in paras[:HEAD_PARAGRAPHS]]
        if len(counts) - ("" in counts) == len(keys) - counts.get("", 0):
            return _without_copies(paras, keys, chrome, title, head)
        return _with_copies(paras, keys, counts, chrome, title, head)

    return article.memo("extraction_text.repeats", build)


def _with_copies(paras: list[Paragraph], keys: list[str], counts: Counter[str], chrome: frozenset[int],
                 title: str, head: list[tuple[int, str]]) -> list[Repeat]:
    """:func:`repeats` of an article where two paragraphs have the same key."""
    seen: dict[str, int] = {}
    first_index: dict[str, int] = {}
    near = _NearCopies()
    out: list[Repeat] = []
    body_started = False
    for p in paras:
        key = keys[p.index]
        n = key.count(" ") + 1 if key else 0  # words: a key's words are single-spaced
        if p.kind == "body" and n >= 5:
            body_started = True
        if n < MIN_WORDS or p.index in chrome:
            if key:
                seen.setdefault(key, p.start)
                first_index.setdefault(key, p.index)
            continue
        if key in seen and _deliberate_repeat(paras, keys, first_index[key], p.index):
            continue  # a standfirst repeated by the body, a closing tagline
        if title and key == title:
            out.append(Repeat("title", p, p.start))
        elif key in seen:
            stitched = (p.is_heading and body_started and counts[key] < WIDGET_REPEATS
                        and (first_index[key] < HEAD_PARAGRAPHS or key == title)
                        and p.index - first_index[key] > STITCH_GAP
                        and _article_follows(paras, p.index))
            out.append(Repeat("stitched" if stitched else "repeat", p, seen[key]))
        elif p.index < HEAD_PARAGRAPHS and p.is_heading:
            earlier = next((s for s, k in head if s < p.start and key in k and k != key), None)
            if earlier is not None:
                out.append(Repeat("repeat", p, earlier))
        elif n >= NEAR_MIN_WORDS and p.index not in chrome:
            other = near.add(p.index, key.split())
            if other is not None:
                out.append(Repeat("near", p, paras[other].start))
        seen.setdefault(key, p.start)
        first_index.setdefault(key, p.index)
    return out


def _without_copies(paras: list[Paragraph], keys: list[str], chrome: frozenset[int],
                    title: str, head: list[tuple[int, str]]) -> list[Repeat]:
    """:func:`repeats` when no two paragraphs have the same key (most articles, told by the key
    counts): no paragraph is ever "seen", so only the title, a heading in the page head that
    repeats part of an earlier one, and near copies remain, in the same order, without the
    bookkeeping of first copies."""
    near = _NearCopies()
    out: list[Repeat] = []
    for p in paras:
        key = keys[p.index]
        n = key.count(" ") + 1 if key else 0
        if n < MIN_WORDS or p.index in chrome:
            continue
        if title and key == title:
            out.append(Repeat("title", p, p.start))
        elif p.index < HEAD_PARAGRAPHS and p.is_heading:
            earlier = next((s for s, k in head if s < p.start and key in k and k != key), None)
            if earlier is not None:
                out.append(Repeat("repeat", p, earlier))
        elif n >= NEAR_MIN_WORDS:
            other = near.add(p.index, key.split())
            if other is not None:
                out.append(Repeat("near", p, paras[other].start))
    return out
