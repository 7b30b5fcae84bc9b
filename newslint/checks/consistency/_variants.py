"""Shared by this folder's checks: NL351-NL354: dates, "U.S."/"US", American/British spellings and names written two ways."""

from __future__ import annotations

import re

from ...article import Article


def _usable(article: Article, start: int) -> bool:
    """Not in a quotation (the speaker's words) and not in page chrome."""
    para = article.paragraph_at(start)
    return not article.in_quote(start) and (para is None or para.index not in article.layout.furniture_indices)


def _minority(groups: dict[str, list[re.Match[str]]], prefer: str) -> tuple[str, str] | None:
    """(minority style, majority style), the preference breaking ties; None if one style only."""
    used = {k: v for k, v in groups.items() if v}
    if len(used) < 2:
        return None
    ordered = sorted(used, key=lambda k: (len(used[k]), k == prefer))
    return ordered[0], ordered[-1]

