"""NL402: a common word capitalised in the middle of a sentence."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...analysis.prose import capitalised_counts, prose_paragraphs, words_between
from ...article import Article
from ...declaration import CheckContext, bad, check, good
from ...findings import Fix, Hit
from ...lexicon import pos, zipf

_TITLE_WORD = re.compile(r"[A-Z][a-z]{2,}")
_CANDIDATE = re.compile(r"[\w,] +[A-Z][a-z]{2,} +[a-z]")
#: Tags of the lowercase form that make a capital suspicious: verbs and function words. Nouns,
#: adjectives and adverbs are left alone: too many are names or parts of names ("Democratic",
#: "Western", "Polish", "the Left").
_SUSPECT_TAGS = ("VB", "DT", "PDT", "IN", "PRP", "MD", "WDT", "WRB", "CC")
_OPENERS = set("“\"‘'([:—–-/")


@check(
    code="NL402",
    name="capitalised-word-mid-sentence",
    category="mt_artifact",
    severity="warning",
    fixable=True,
    examples=[
        bad("Rubio agreed to release informants protected by the US government Reach agreement "
            "with him.", "Reach"),
        bad("The president agreed indefinitely Detain dozens of Venezuelan exiles.", "Detain",
            fixed="The president agreed indefinitely detain dozens of Venezuelan exiles."),
        bad("On 18th July, Following trilateral talks, the men were repatriated.", "Following"),
        good("The Democratic nominee and Western allies met Polish officials to Just Eat's dismay."),
        good("Senators met at the White House with President Biden and the Justice Department."),
        good("The proposal by Trump was rejected, and Trump said he would appeal."),
        good("He wrote: “Several of them were there.” Then he left for Washington on Monday."),
    ],
)
def capitalised_word_mid_sentence(article: Article, ctx: CheckContext) -> Iterator[Hit]:
    """A common word (a verb, an adjective) is capitalised in the middle of a sentence.

    What it does:
        Flags a capitalised word between two lowercase words when its lowercase form is a common
        verb, adjective, adverb or function word, the capitalised form is not a known name, and
        the article does not use it as a name elsewhere: ``indefinitely Detain dozens``,
        ``US government Reach agreement``. Names, titles, acronyms, headings, list items,
        quotations and words after a colon or an opening quote are left alone.

    Why it matters:
        Machine rewriting capitalises the first word of hyperlink text, leaving "Detain" or
        "Reach" mid-sentence. Readers stumble, and the capital often hides a broken sentence.
    """
    text = article.text
    names = capitalised_counts(article)
    for para in prose_paragraphs(article):
        for sentence in article.sentences_of(para):
            if not _CANDIDATE.search(sentence.text):
                continue  # no capitalised word between lowercase ones: nothing to judge
            words = words_between(article, sentence.start, sentence.end)
            for i in range(1, len(words) - 1):
                w = words[i]
                if not _TITLE_WORD.fullmatch(w.text):
                    continue
                prev, nxt = words[i - 1], words[i + 1]
                if not nxt.text[:1].islower():
                    continue
                gap = text[prev.end:w.start]
                if prev.text[:1].isupper() and not prev.text.isupper() and "," not in gap:
                    continue  # part of a multi-word name ("Attorney General")
                if any(ch in _OPENERS for ch in gap) or "." in gap:
                    continue
                if article.in_quote(w.start):
                    continue
                if names.get(w.text, 0) > 1:
                    continue
                lower = w.text.lower()
                tag = pos(lower)
                if tag is None or not tag.startswith(_SUSPECT_TAGS) or zipf(lower) < 3.0:
                    continue
                cap_tag = pos(w.text)
                if cap_tag and cap_tag[:2] != tag[:2] and not (
                        cap_tag.startswith("NNP") and tag == "VB" and zipf(lower) >= 4.5):
                    continue  # the capitalised form is its own word ("Polish", "the Left")
                yield Hit(
                    w.start, w.end,
                    f"\"{w.text}\" is capitalised mid-sentence; this often means a link's text was "
                    "pasted in by a machine rewrite",
                    suggestion=lower, confidence=0.75,
                    fix=Fix.replace(w.start, w.start + 1, lower[0], safe=False),
                )

