"""NL303: a heading whose capitalisation differs from the article's other headings."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...article import Article, Paragraph
from ...declaration import CheckContext, bad, check, good
from ...findings import Hit

SMALL_WORDS = frozenset(
    "a an and as at but by for from in into nor of on or per the to up via vs with & is are".split())
_WORD = re.compile(r"[^\W\d_][\w’'.-]*")


def _style(text: str) -> str | None:
    """``title``, ``sentence``, ``mixed`` or None (too short to tell)."""
    words = _WORD.findall(text.split(":", 1)[-1] if ":" in text[:40] else text)
    content = [w for w in words[1:] if w.lower() not in SMALL_WORDS and not w.isupper()]
    if not content:
        return None
    caps = sum(w[0].isupper() for w in content)
    if caps == len(content):
        return "title"
    if caps == 0:
        return "sentence"
    return "mixed"


def headings(article: Article) -> list[Paragraph]:
    """Paragraphs that are headings: heading-shaped and set apart by blank lines (or markdown)."""
    skip = article.layout.furniture_indices
    return [p for p in article.paragraphs if p.is_heading and p.index not in skip
            and (p.text.startswith("#") or (p.blank_before and p.blank_after))
            and not p.text.lower().startswith(("by ", "photo", "image", "credit"))]


@check(
    code="NL303",
    name="heading-style",
    category="capitalization",
    severity="warning",
    examples=[
        bad("Motivations and Concerns\n\nText.\n\nThe Core of the agreement\n\nText.\n\n"
            "Administration Defense and Salvadoran Response\n\nText.\n\nThe Importance of "
            "Informant Protection\n\nText.", "The Core of the agreement"),
        good("Motivations and concerns\n\nText.\n\nThe core of the agreement\n\nText.\n\n"
             "What the administration said\n\nText."),
        good("Motivations and Concerns\n\nText.\n\nThe Core of the Agreement\n\nText.\n\n"
             "Key Findings of the Inquiry\n\nText."),
    ],
)
def heading_style(article: Article, ctx: CheckContext) -> Iterator[Hit]:
    """A heading mixes title case and sentence case when the article's headings are title case.

    What it does:
        Classifies the article's headings as title case ("Motivations and Concerns") or sentence
        case ("Motivations and concerns"). When at least three are title case and they are the
        majority, a heading with a lowercase content word among capitalised ones ("The Core of the
        agreement") is flagged. Articles that use sentence case consistently are left alone.

    Why it matters:
        Mixed heading styles are a sign of text stitched from several sources or edited by a
        machine, and look careless.
    """
    found = headings(article)
    if len(found) < 3:
        return  # fewer than three title-case headings whatever their styles (no style read)
    styles = [(p, _style(p.text)) for p in found]
    title = sum(1 for _, s in styles if s == "title")
    sentence = sum(1 for _, s in styles if s == "sentence")
    if title < 3 or title <= sentence:
        return
    for para, style in styles:
        if style == "mixed":
            lower = [w for w in _WORD.findall(para.text)[1:]
                     if w.lower() not in SMALL_WORDS and w[0].islower()]
            yield Hit(para.start, para.end,
                      f"heading is not in title case like the article's other headings "
                      f"(\"{lower[0]}\" is lowercase)" if lower else
                      "heading is not in title case like the article's other headings",
                      suggestion=_title_case(para.text), confidence=0.8)


def _title_case(text: str) -> str:
    words = text.split(" ")
    return " ".join(w if (i and w.lower() in SMALL_WORDS) or not w[:1].isalpha()
                    else w[:1].upper() + w[1:] for i, w in enumerate(words))
