"""American and British spellings of the same word in one article (organization/organisation)."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from functools import lru_cache

from ... import wordlists
from ...analysis.vocabulary import distinct_tokens
from ...article import Article
from ...declaration import CheckContext, bad, check, good
from ...findings import Hit
from ._variants import _minority, _usable


@lru_cache(maxsize=1)
def _pairs() -> dict[str, tuple[str, str]]:
    """Spelling to (American, British) for both forms and their plurals."""
    out: dict[str, tuple[str, str]] = {}
    for us, uk in wordlists.load("consistency/spelling_pairs").pairs().items():
        for a, b in ((us, uk), (us + "s", uk + "s")):
            out[a] = out[b] = (a, b)
    return out


_WORD = re.compile(r"[a-z]+")


@lru_cache(maxsize=1)
def _spellings() -> frozenset[bytes]:
    """Every listed spelling that ``_WORD`` can match (either side of a pair, singular and
    plural), as ASCII bytes."""
    return frozenset(w.encode("ascii") for w in _pairs() if _WORD.fullmatch(w))


#: Every byte but ``a``-``z`` turned into a space.
_RUN_BYTES = bytes(b if 97 <= b <= 122 else 32 for b in range(256))


def lowercase_runs(text: str) -> set[bytes]:
    """The distinct runs ``_WORD`` finds in ``text``, as ASCII bytes: the UTF-8 text with every
    other byte made a space, split. A multi-byte character never holds an ASCII byte, so the
    runs are the same; it costs a few C passes over the bytes where ``re`` spends ~30 ns a
    character (``findall`` of ``[a-z]+`` was half of this check's time)."""
    return set(text.encode("utf-8", "surrogatepass").translate(_RUN_BYTES).split())


def token_runs(tokens: Iterable[str] | str) -> list[bytes]:
    """The runs ``_WORD`` finds in the word tokens ``tokens`` (or in them joined by spaces), as
    ASCII bytes, one list entry per run (repeats kept). For an article's distinct tokens they
    are the runs of its text
    (:func:`lowercase_runs`): the tokens cover every letter and digit of the text (the text
    between them holds none) and a run of ``a``-``z`` never crosses a token's edge, so each run
    of the text is a run of one token. The distinct tokens are a third of the text's words:
    fewer bytes to translate and split."""
    joined = tokens if isinstance(tokens, str) else " ".join(tokens)
    return joined.encode("utf-8", "surrogatepass").translate(_RUN_BYTES).split()


@lru_cache(maxsize=1)
def _listed() -> re.Pattern[str]:
    """The runs of ``_WORD`` that are listed spellings, found directly: the listed words grouped
    by first letter, each letter consumed before the check that no letter precedes it, so re
    skips to candidates in C. (Matching every lowercase run and looking it up was a Python step
    per word, ~100k per 142 articles.) A run ``_WORD`` finds is maximal, so it is a listed word
    exactly when this pattern matches it whole."""
    words = sorted(w for w in _pairs() if _WORD.fullmatch(w))
    groups = {w[0]: [x[1:] for x in words if x[0] == w[0]] for w in words}
    body = "|".join(f"{first}(?<![a-z]{first})(?:{'|'.join(rests)})" for first, rests in groups.items())
    return re.compile(f"(?:{body})(?![a-z])" if body else r"(?!)")


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
    # Both spellings of one pair must occur for anything to be flagged: the lowercase runs of
    # the text, collected in C, answer that before the listed words are searched with their
    # positions (most articles have no pair, or only one spelling of each).
    present = _spellings().intersection(token_runs(distinct_tokens(article)))
    if len({pairs[w.decode("ascii")] for w in present}) == len(present):
        return
    seen: dict[tuple[str, str], dict[str, list[re.Match[str]]]] = defaultdict(lambda: defaultdict(list))
    for m in _listed().finditer(article.text):
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

