"""NL405: a hyphenated compound whose second half is a simple past tense ("mass-rode")."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...analysis.vocabulary import distinct_tokens
from ...article import Article
from ...declaration import CheckContext, bad, check, good
from ...findings import Hit
from ...lexicon import zipf

#: Irregular simple-past forms that differ from the past participle: they do not make compound
#: adjectives ("hard-won" uses the participle; "mass-rode" is a machine's invention).
PAST_ONLY = {
    "rode": "ridden", "ate": "eaten", "went": "gone", "saw": "seen", "took": "taken",
    "drove": "driven", "flew": "flown", "swam": "swum", "wrote": "written", "spoke": "spoken",
    "broke": "broken", "chose": "chosen", "froze": "frozen", "stole": "stolen", "gave": "given",
    "began": "begun", "ran": "run", "sang": "sung", "drank": "drunk", "fell": "fallen",
    "grew": "grown", "knew": "known", "threw": "thrown", "blew": "blown", "drew": "drawn",
    "wore": "worn", "tore": "torn", "shook": "shaken", "rose": "risen", "hid": "hidden",
    "bit": "bitten", "forgot": "forgotten", "forbade": "forbidden", "strove": "striven",
}
#: Past forms that are common nouns too: "five-spoke wheels", "a chain-saw", "two-bit", "tea-rose"
#: are noun compounds, not past tenses.
NOUNS_TOO = frozenset({"spoke", "saw", "rose", "bit", "fell"})
_COMPOUND = re.compile(r"(?<![\w’'-])([a-z]{2,})-(" + "|".join(PAST_ONLY) + r")(?![\w’'-])")
#: The part of ``_COMPOUND`` after its first word: it starts with the hyphen, which ``re`` finds
#: in C, so an article with no hyphen before a listed past form is skipped on one search
#: (``_COMPOUND``, which starts with a look-behind, tries every position of the text).
_HYPHEN_PAST = re.compile(r"-(?:" + "|".join(PAST_ONLY) + r")(?![\w’'-])")


@check(
    code="NL405",
    name="odd-compound",
    category="mt_artifact",
    severity="warning",
    examples=[
        bad("The men were shackled and mass-rode into a brutal prison.", "mass-rode"),
        good("It was a hard-won, long-awaited and well-known home-grown victory."),
        good("The state-run outlet and a self-made man rode into town."),
        good("The car has five-spoke wheels and a two-bit radio.", title="noun compounds"),
    ],
)
def odd_compound(article: Article, ctx: CheckContext) -> Iterator[Hit]:
    """A hyphenated compound built on a simple past tense ("mass-rode"), which English never forms.

    What it does:
        Flags ``word-rode``, ``word-took``, ``word-went`` and the like: compounds whose second
        half is an irregular simple past that differs from the participle (ridden, taken, gone).
        Real compounds use the participle (hard-won, home-grown, self-made), so they pass.

    Why it matters:
        Machine translation glues words into non-words when it cannot render a phrase
        ("were transported en masse" became "mass-rode"). Readers cannot parse them.
    """
    if _HYPHEN_PAST.search(distinct_tokens(article)) is None:
        return  # a compound is one token (its hyphen joins letters): the distinct tokens suffice
    skip = article.layout.furniture_indices
    for para in article.paragraphs:
        if para.index in skip:
            continue
        for m in _COMPOUND.finditer(article.text, para.start, para.end):
            if zipf(m.group(1)) < 2.5 or m.group(2) in NOUNS_TOO:
                continue
            yield Hit(m.start(), m.end(),
                      f"\"{m.group(0)}\" is not an English word: \"{m.group(2)}\" is a simple past "
                      "tense, which does not form compounds; likely a machine-translation artifact",
                      confidence=0.8)
