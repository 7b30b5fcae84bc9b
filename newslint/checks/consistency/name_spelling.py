"""A name spelled two ways, with and without accents ("Ramírez" and "Ramirez")."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterator

from ...article import Article
from ...declaration import CheckContext, bad, check, good
from ...findings import Hit


def _fold(word: str) -> str:
    if word.isascii():
        return word  # NFKD leaves ASCII as it is (most names: no per-character work)
    return "".join(ch for ch in unicodedata.normalize("NFKD", word) if not unicodedata.combining(ch))


#: ``\b[A-ZÀ-Ý][a-zà-ÿ]{2,}\b`` with the capital consumed before its boundary check, so re skips
#: to capitals in C instead of trying the pattern at every position.
_CAPITALISED = re.compile(r"[A-ZÀ-Ý](?<=\b[A-ZÀ-Ý])[a-zà-ÿ]{2,}\b")


#: The accented letters ``_CAPITALISED`` reads (and the two signs inside its ranges): without
#: one in the text, no two capitalised words fold to the same spelling.
_LATIN1_LETTER = re.compile(r"[À-ÿ]")


def _has_latin1_letter(text: str) -> bool:
    """``_LATIN1_LETTER.search(text) is not None`` without a regular expression's test per
    character (4x faster): an ASCII text (a flag of the string) has none; otherwise the text's
    Latin-1 characters, as bytes (the others dropped), keep a byte once those below 0xC0 are
    deleted exactly when the text holds one of U+00C0-U+00FF."""
    return not text.isascii() and bool(text.encode("latin-1", "ignore").translate(None, _BELOW_LETTERS))


_BELOW_LETTERS = bytes(range(0xC0))


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
    if not _has_latin1_letter(article.text):
        return  # every capitalised word is ASCII: each folds to itself, so none has two spellings
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

