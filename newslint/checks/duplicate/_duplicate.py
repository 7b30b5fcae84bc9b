"""Shared by this folder's checks: NL130-NL132: repeated title and paragraphs, a second article stitched on, repeated sentences."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ...article import Article, Paragraph

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


@dataclass(frozen=True)
class Repeat:
    """One repeated paragraph: its kind ("title", "repeat", "near", "stitched") and where the
    first copy starts."""

    kind: str
    para: Paragraph
    first: int


def _shingles(key: str) -> set[str]:
    words = key.split()
    return {" ".join(words[i:i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}


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
        keys = [normalise(p.text) for p in paras]
        counts = Counter(keys)
        seen: dict[str, int] = {}
        first_index: dict[str, int] = {}
        owner: dict[str, int] = {}
        sizes: dict[int, int] = {}
        out: list[Repeat] = []
        title = normalise(a.title) if a.title else ""
        head = [(p.start, keys[p.index]) for p in paras[:HEAD_PARAGRAPHS]]
        body_started = False
        for p in paras:
            key = keys[p.index]
            n = len(key.split())
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
                shingles = _shingles(key)
                votes = Counter(owner[sh] for sh in shingles if sh in owner)
                if votes:
                    other, hits = votes.most_common(1)[0]
                    if hits >= NEAR_OVERLAP * max(len(shingles), sizes[other]):
                        out.append(Repeat("near", p, paras[other].start))
                sizes[p.index] = len(shingles)
                for sh in shingles:
                    owner.setdefault(sh, p.index)
            seen.setdefault(key, p.start)
            first_index.setdefault(key, p.index)
        return out

    return article.memo("extraction_text.repeats", build)

