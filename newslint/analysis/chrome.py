"""Former name of the page-layout analysis; use ``article.layout`` (:mod:`newslint.analysis.layout`).

Kept only until every check reads ``article.layout``; removed with the renovation.
"""

from __future__ import annotations

from ..article import Article


def chrome_map(article: Article) -> dict[int, str]:
    """Furniture paragraphs and what found them."""
    return {i: f.evidence if f.evidence in ("breadcrumb", "promo") else "widget"
            for i, f in article.layout.furniture.items()}


def chrome_paragraphs(article: Article) -> frozenset[int]:
    """Indices of furniture paragraphs."""
    return article.layout.furniture_indices


def body_end(article: Article) -> int:
    """Index of the last paragraph of the body, or -1."""
    return article.layout.body_end


def body_end_offset(article: Article) -> int:
    """Offset where the body ends."""
    return article.layout.body_end_offset


def analyse(article: Article, extra: tuple[str, ...] | list[str] = ()) -> dict[int, str]:
    """Furniture paragraphs with a site's extra phrases (the old ``widget``/``breadcrumb``/``promo`` reasons)."""
    from .layout import Layout, LayoutSettings

    layout = Layout(article, LayoutSettings(extra_phrases=tuple(extra)))
    return {i: f.evidence if f.evidence in ("breadcrumb", "promo") else "widget"
            for i, f in layout.furniture.items()}
