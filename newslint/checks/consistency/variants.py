"""NL351-NL354: dates, "U.S."/"US", American/British spellings and names written two ways."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterator
from functools import lru_cache
from importlib.resources import files

from ...analysis.prose import chrome
from ...article import Article
from ...check import CheckContext, bad, check, good
from ...findings import Hit

_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_MONTH_DAY = re.compile(rf"\b(?:{_MONTHS})\.? \d{{1,2}}(?:st|nd|rd|th)?\b")
_DAY_MONTH = re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)? (?:of )?(?:{_MONTHS})\b")
_US = re.compile(r"(?<![\w.])(?:U\.S\.(?!\w)|US(?![\w.]))")


def _usable(article: Article, start: int) -> bool:
    """Not in a quotation (the speaker's words) and not in page chrome."""
    para = article.paragraph_at(start)
    return not article.in_quote(start) and (para is None or para.index not in chrome(article))


def _minority(groups: dict[str, list[re.Match[str]]], prefer: str) -> tuple[str, str] | None:
    """(minority style, majority style), the preference breaking ties; None if one style only."""
    used = {k: v for k, v in groups.items() if v}
    if len(used) < 2:
        return None
    ordered = sorted(used, key=lambda k: (len(used[k]), k == prefer))
    return ordered[0], ordered[-1]


@check(
    code="NL351",
    name="date-style",
    category="consistency",
    severity="warning",
    options={"prefer": "month-day"},
    examples=[
        bad("In a call on March 13, he agreed. On 18th July, the men were freed.", "18th July"),
        good("In a call on March 13, he agreed. On July 18, the men were freed."),
    ],
)
def date_style(article: Article, ctx: CheckContext) -> Iterator[Hit]:
    """Dates written both "March 13" and "18th July" in one article.

    What it does:
        Counts month-day and day-month dates outside quotations; when both occur, flags the less
        common style (ties go against the ``prefer`` option, month-day by default).

    Why it matters:
        Two date styles in one article show copy from different sources or a machine rewrite;
        "4 May" and "May 4" side by side also confuse readers about which is meant.

    Options:
        prefer: month-day or day-month, the style kept on a tie.
    """
    text = article.text
    groups = {"month-day": [m for m in _MONTH_DAY.finditer(text) if _usable(article, m.start())],
              "day-month": [m for m in _DAY_MONTH.finditer(text) if _usable(article, m.start())]}
    pick = _minority(groups, str(ctx.options.get("prefer", "month-day")))
    if pick:
        minority, majority = pick
        for m in groups[minority]:
            yield Hit(m.start(), m.end(), f"date written {minority} (\"{m.group(0)}\") while the article "
                      f"also writes {majority} (\"{groups[majority][0].group(0)}\")", confidence=0.85)


@check(
    code="NL352",
    name="us-abbreviation",
    category="consistency",
    severity="warning",
    examples=[
        bad("The U.S. said no. Later the US agreed, and U.S. officials left.", "US"),
        good("The U.S. said no. Later U.S. officials agreed."),
    ],
)
def us_abbreviation(article: Article, ctx: CheckContext) -> Iterator[Hit]:
    """"U.S." and "US" both used in one article.

    What it does:
        When the article writes both "U.S." and "US", flags the less common form.

    Why it matters:
        House styles pick one; mixing them shows copy stitched from several sources.
    """
    groups: dict[str, list[re.Match[str]]] = defaultdict(list)
    for m in _US.finditer(article.text):
        para = article.paragraph_at(m.start())
        if para is not None and not para.text.isupper() and _usable(article, m.start()):
            groups[m.group(0)].append(m)
    pick = _minority(groups, "U.S.")
    if pick:
        minority, majority = pick
        for m in groups[minority]:
            yield Hit(m.start(), m.end(), f"\"{minority}\" here, \"{majority}\" elsewhere in the article",
                      suggestion=majority, confidence=0.9)


@lru_cache(maxsize=1)
def _pairs() -> dict[str, tuple[str, str]]:
    """Spelling to (American, British) for both forms and their plurals."""
    text = files(__package__).joinpath("data", "spelling_pairs.txt").read_text(encoding="utf-8")
    out: dict[str, tuple[str, str]] = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            us, uk = line.split()
            for a, b in ((us, uk), (us + "s", uk + "s")):
                out[a] = out[b] = (a, b)
    return out


_WORD = re.compile(r"[a-z]+")


@check(
    code="NL353",
    name="spelling-variant",
    category="consistency",
    severity="warning",
    examples=[
        bad("The organization grew. Another organisation objected.", "organisation"),
        good("The organization grew. Another organization objected. The Labour Party agreed."),
    ],
)
def spelling_variant(article: Article, ctx: CheckContext) -> Iterator[Hit]:
    """American and British spellings of the same word in one article (organization/organisation).

    What it does:
        Looks up lowercase words in a data list of American/British pairs; when both spellings of
        a pair occur outside quotations, flags the less common one. Names ("Labour Party",
        "Department of Defense") are capitalised and left alone.

    Why it matters:
        Mixed spelling shows copy from different sources; house style picks one.
    """
    pairs = _pairs()
    seen: dict[tuple[str, str], dict[str, list[re.Match[str]]]] = defaultdict(lambda: defaultdict(list))
    for m in _WORD.finditer(article.text):
        pair = pairs.get(m.group(0))
        if pair and _usable(article, m.start()):
            seen[pair][m.group(0)].append(m)
    for (us, _uk), groups in seen.items():
        pick = _minority(groups, us)
        if pick:
            minority, majority = pick
            for m in groups[minority]:
                yield Hit(m.start(), m.end(), f"\"{minority}\" here, \"{majority}\" elsewhere: "
                          "pick one spelling", suggestion=majority, confidence=0.85)


def _fold(word: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", word) if not unicodedata.combining(ch))


_CAPITALISED = re.compile(r"\b[A-ZÀ-Ý][a-zà-ÿ]{2,}\b")


@check(
    code="NL354",
    name="name-spelling",
    category="consistency",
    severity="warning",
    examples=[
        bad("Carlos Ramírez met the DEA. Ramirez later left.", "Ramirez"),
        good("Carlos Ramírez met the DEA. Ramírez later left."),
    ],
)
def name_spelling(article: Article, ctx: CheckContext) -> Iterator[Hit]:
    """A name spelled two ways, with and without accents ("Ramírez" and "Ramirez").

    What it does:
        Groups capitalised words that are equal once accents are removed; when a group has two
        spellings, flags the less common one with the other as suggestion.

    Why it matters:
        A name is a fact; two spellings leave the reader (and search) unsure who is meant.
    """
    groups: dict[str, dict[str, list[re.Match[str]]]] = defaultdict(lambda: defaultdict(list))
    for m in _CAPITALISED.finditer(article.text):
        word = m.group(0)
        groups[_fold(word)][word].append(m)
    for spellings in groups.values():
        if len(spellings) < 2:
            continue
        counts = Counter({k: len(v) for k, v in spellings.items()})
        majority = max(counts, key=lambda k: (counts[k], not k.isascii()))
        for word, matches in spellings.items():
            if word == majority:
                continue
            for m in matches:
                yield Hit(m.start(), m.end(), f"\"{word}\" is spelled \"{majority}\" elsewhere in "
                          "this article", suggestion=majority, confidence=0.85)
